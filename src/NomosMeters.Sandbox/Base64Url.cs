using System;

namespace NomosMeters.Sandbox
{
    /// <summary>Unpadded base64url (RFC 4648 §5): opaque tokens that travel in query strings and JSON without escaping.</summary>
    internal static class Base64Url
    {
        public static string Encode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

        /// <summary>Decodes <paramref name="text"/>; throws <see cref="FormatException"/> when it is not base64url.</summary>
        public static byte[] Decode(string text)
        {
            // Convert.FromBase64String skips whitespace and accepts '+', '/' and '=': an altered token must not decode.
            if (text.Length % 4 == 1 || !IsAlphabet(text))
            {
                throw new FormatException("Not unpadded base64url.");
            }

            var padded = text.Replace('-', '+').Replace('_', '/');
            return Convert.FromBase64String(padded + new string('=', (4 - padded.Length % 4) % 4));
        }

        private static bool IsAlphabet(string text)
        {
            foreach (var c in text)
            {
                var ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
                if (!ok)
                {
                    return false;
                }
            }

            return true;
        }
    }
}
