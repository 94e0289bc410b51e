using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace NomosMeters.Client.Nomos
{
    /// <summary>
    /// How Nomos signs a webhook delivery: <c>X-Nomos-Signature: t=&lt;unix seconds&gt;,v1=&lt;hex&gt;</c>, where v1 is
    /// HMAC-SHA256 over <c>"{t}.{raw body}"</c> keyed with the endpoint's signing secret (its UTF-8 bytes), in lowercase hex.
    /// </summary>
    internal static class WebhookSignature
    {
        public const string HeaderName = "X-Nomos-Signature";

        /// <summary>The MAC of <paramref name="body"/> signed at <paramref name="timestamp"/>, 32 bytes.</summary>
        public static byte[] Mac(byte[] key, long timestamp, byte[] body)
        {
            var prefix = Encoding.UTF8.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + ".");
            using var hmac = new HMACSHA256(key);
            hmac.TransformBlock(prefix, 0, prefix.Length, null, 0);
            hmac.TransformFinalBlock(body, 0, body.Length);
            return hmac.Hash!;
        }

        /// <summary>The header value for <paramref name="body"/> signed with <paramref name="key"/> at <paramref name="timestamp"/>.</summary>
        public static string HeaderValue(byte[] key, long timestamp, byte[] body)
        {
            var text = new StringBuilder("t=").Append(timestamp.ToString(CultureInfo.InvariantCulture)).Append(",v1=");
            foreach (var b in Mac(key, timestamp, body))
            {
                text.Append(b.ToString("x2", CultureInfo.InvariantCulture));
            }

            return text.ToString();
        }

        /// <summary>Compares two MACs in time that depends on their length only, so a forger learns nothing from timing.</summary>
        public static bool SameMac(byte[] a, byte[] b)
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
