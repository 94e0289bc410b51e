using System.Linq;
using System.Security.Cryptography;
using System.Text;

namespace NomosMeters.Sandbox
{
    /// <summary>A short, URL-safe SHA-256 fingerprint: enough to tell one filter set from another inside a page token.</summary>
    internal static class ShortHash
    {
        public static string Of(string text)
        {
            using var sha = SHA256.Create();
            return Base64Url.Encode(sha.ComputeHash(Encoding.UTF8.GetBytes(text)).Take(12).ToArray());
        }
    }
}
