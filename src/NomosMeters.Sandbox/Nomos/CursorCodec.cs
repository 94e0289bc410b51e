using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace NomosMeters.Sandbox.Nomos
{
    /// <summary>
    /// Writes and checks the opaque <c>next_page</c> cursor: base64url JSON
    /// <c>{last_created_at,last_id,limit,filters}</c> (the shape the real cursors decode to, plus a filter fingerprint),
    /// a dot, and an HMAC so an altered cursor is refused with 400 as the API does.
    /// </summary>
    internal sealed class CursorCodec
    {
        private readonly byte[] _key;

        // Derived from the seed, so two sandboxes with one seed write byte-identical pages, cursors included.
        public CursorCodec(int seed) => _key = SeedKey.For("nomos-sandbox-cursor", seed);

        public string Encode(ListCursor cursor)
        {
            using var buffer = new MemoryStream();
            using (var w = new Utf8JsonWriter(buffer))
            {
                w.WriteStartObject();
                w.WriteString("last_created_at", MeterOrderJson.Timestamp(cursor.LastCreatedAt));
                w.WriteString("last_id", cursor.LastId);
                w.WriteNumber("limit", cursor.Limit);
                w.WriteString("filters", cursor.Filters);
                w.WriteEndObject();
            }

            var payload = Base64Url.Encode(buffer.ToArray());
            return payload + "." + Base64Url.Encode(Mac(payload));
        }

        /// <summary>Reads a cursor this codec wrote; anything else is a 400 BAD_REQUEST.</summary>
        public ListCursor Decode(string text)
        {
            var dot = text.IndexOf('.');
            if (dot < 0)
            {
                throw Invalid();
            }

            var payload = text.Substring(0, dot);
            try
            {
                if (!FixedTimeEquals(Mac(payload), Base64Url.Decode(text.Substring(dot + 1))))
                {
                    throw Invalid();
                }

                using var json = JsonDocument.Parse(Base64Url.Decode(payload));
                var root = json.RootElement;
                return new ListCursor(
                    DateTimeOffset.ParseExact(root.GetProperty("last_created_at").GetString()!, MeterOrderJson.TimestampFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
                    root.GetProperty("last_id").GetString()!,
                    root.GetProperty("limit").GetInt32(),
                    root.GetProperty("filters").GetString()!);
            }
            catch (Exception ex) when (ex is FormatException || ex is JsonException || ex is InvalidOperationException || ex is System.Collections.Generic.KeyNotFoundException)
            {
                throw Invalid();
            }
        }

        private static NomosProblem Invalid()
            => NomosProblem.BadField("invalid_format", "cursor", "Invalid cursor: pass next_page exactly as the previous response returned it.");

        private byte[] Mac(string payload)
        {
            using var hmac = new HMACSHA256(_key);
            return hmac.ComputeHash(Encoding.ASCII.GetBytes(payload)).Take(16).ToArray();
        }

        // netstandard2.0 has no CryptographicOperations.FixedTimeEquals.
        private static bool FixedTimeEquals(byte[] a, byte[] b)
        {
            if (a.Length != b.Length)
            {
                return false;
            }

            var difference = 0;
            for (var i = 0; i < a.Length; i++)
            {
                difference |= a[i] ^ b[i];
            }

            return difference == 0;
        }
    }
}
