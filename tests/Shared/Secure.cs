using System.Security;

namespace NomosMeters.Testing
{
    /// <summary>
    /// SecureStrings for scripts: ConvertTo-SecureString lives in a module the hosted engine does not have, so
    /// the tests, the isolation host and the benchmark harness build them here and hand them in as variables.
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
