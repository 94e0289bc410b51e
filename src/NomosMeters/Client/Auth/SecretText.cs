using System.Net;
using System.Security;

namespace NomosMeters.Client.Auth
{
    /// <summary>Reads a <see cref="SecureString"/> at the moment a request needs it, and nowhere else.</summary>
    internal static class SecretText
    {
        public static string Reveal(SecureString secret) => new NetworkCredential(string.Empty, secret).Password;

        public static SecureString Protect(string plain)
        {
            var secure = new SecureString();
            foreach (var c in plain)
            {
                secure.AppendChar(c);
            }

            secure.MakeReadOnly();
            return secure;
        }
    }
}
