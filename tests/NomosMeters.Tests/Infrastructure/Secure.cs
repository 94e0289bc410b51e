using System.Security;

namespace NomosMeters.Tests.Infrastructure
{
    /// <summary>
    /// SecureStrings for scripts: ConvertTo-SecureString lives in a module the hosted engine does not have, so
    /// tests build them here and hand them in as variables.
    /// </summary>
    internal static class Secure
    {
        public static SecureString From(string text)
        {
            var secure = new SecureString();
            foreach (var c in text)
            {
                secure.AppendChar(c);
            }

            secure.MakeReadOnly();
            return secure;
        }
    }
}
