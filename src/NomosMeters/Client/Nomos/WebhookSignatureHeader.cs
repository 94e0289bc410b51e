using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace NomosMeters.Client.Nomos
{
    /// <summary>
    /// A parsed <c>X-Nomos-Signature</c> value: its one timestamp and its v1 signatures. Parts are comma-separated
    /// <c>name=value</c> pairs in any order, with spaces around them; several v1 values are all candidates (a sender may
    /// sign with two secrets during a rotation); other schemes (v0, a later v2) are ignored.
    /// </summary>
    internal sealed class WebhookSignatureHeader
    {
        private const int MacLength = 32;

        private WebhookSignatureHeader(long timestamp, IReadOnlyList<byte[]> signatures)
        {
            Timestamp = timestamp;
            Signatures = signatures;
        }

        /// <summary>Gets when the delivery was signed, in Unix seconds.</summary>
        public long Timestamp { get; }

        /// <summary>Gets the v1 MACs, each 32 bytes.</summary>
        public IReadOnlyList<byte[]> Signatures { get; }

        /// <summary>Parses <paramref name="value"/>; null and a problem that says what is wrong, never echoing a signature.</summary>
        public static WebhookSignatureHeader? Parse(string value, out string? problem)
        {
            var timestamps = new List<string>();
            var signatures = new List<byte[]>();
            var v1Count = 0;
            foreach (var part in value.Split(',').Select(p => p.Trim()).Where(p => p.Length > 0))
            {
                var equals = part.IndexOf('=');
                if (equals <= 0)
                {
                    problem = "a part of it is not name=value";
                    return null;
                }

                var name = part.Substring(0, equals).Trim();
                var text = part.Substring(equals + 1).Trim();
                if (string.Equals(name, "t", StringComparison.OrdinalIgnoreCase))
                {
                    timestamps.Add(text);
                }
                else if (string.Equals(name, "v1", StringComparison.OrdinalIgnoreCase))
                {
                    v1Count++;
                    var mac = FromHex(text);
                    if (mac != null)
                    {
                        signatures.Add(mac);
                    }
                }
            }

            problem = null;
            long timestamp = 0;
            if (timestamps.Distinct(StringComparer.Ordinal).Count() != 1)
            {
                problem = timestamps.Count == 0 ? "it has no t= timestamp" : "it has more than one t= timestamp";
            }
            else if (!long.TryParse(timestamps[0], NumberStyles.None, CultureInfo.InvariantCulture, out timestamp))
            {
                problem = "its t= is not a Unix time in whole seconds";
            }
            else if (signatures.Count == 0)
            {
                problem = v1Count == 0 ? "it has no v1= signature" : "its v1= signatures are not 64 hex digits";
            }

            return problem == null
                ? new WebhookSignatureHeader(timestamp, signatures)
                : null;
        }

        private static byte[]? FromHex(string text)
        {
            if (text.Length != MacLength * 2)
            {
                return null;
            }

            var bytes = new byte[MacLength];
            for (var i = 0; i < bytes.Length; i++)
            {
                if (!byte.TryParse(text.Substring(i * 2, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out bytes[i]))
                {
                    return null;
                }
            }

            return bytes;
        }
    }
}
