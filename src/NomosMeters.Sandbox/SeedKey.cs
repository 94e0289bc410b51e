using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace NomosMeters.Sandbox
{
    /// <summary>
    /// The key a sandbox signs its page tokens and cursors with, derived from the seed and the purpose: the same seed
    /// gives byte-identical tokens, as it gives identical data, while a token altered by hand or issued by a sandbox
    /// with another seed fails the check. That is the sandbox's threat model: tokens stay opaque and unforgeable to a
    /// client that does not know the derivation, as the real APIs' are; they are not secrets.
    /// </summary>
    internal static class SeedKey
    {
        public static byte[] For(string purpose, int seed)
        {
            using var sha = SHA256.Create();
            return sha.ComputeHash(Encoding.UTF8.GetBytes(purpose + "/" + seed.ToString(CultureInfo.InvariantCulture)));
        }
    }
}
