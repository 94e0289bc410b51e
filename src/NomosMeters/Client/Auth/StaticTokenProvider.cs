using System;
using System.Security;
using System.Threading.Tasks;

namespace NomosMeters.Client.Auth
{
    /// <summary>
    /// A token the caller already holds (<c>-AccessToken</c>, an API key). It cannot be renewed: when the API
    /// rejects it, the error tells the user to connect again.
    /// </summary>
    internal sealed class StaticTokenProvider : ITokenProvider
    {
        private readonly SecureString _token;

        public StaticTokenProvider(SecureString token, string authenticationType)
        {
            _token = token;
            AuthenticationType = authenticationType;
        }

        public string AuthenticationType { get; }

        public DateTimeOffset? ExpiresAt => null;

        public bool CanRenew => false;

        public Task<string> GetTokenAsync(CallContext context) => Task.FromResult(SecretText.Reveal(_token));

        public Task<string> RenewAfterRejectionAsync(string rejectedToken, CallContext context)
            => throw new InvalidOperationException("A fixed token cannot be renewed.");
    }
}
