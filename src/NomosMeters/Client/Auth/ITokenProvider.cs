using System;
using System.Threading.Tasks;

namespace NomosMeters.Client.Auth
{
    /// <summary>Supplies bearer tokens for one service and renews them when they run out or are rejected.</summary>
    internal interface ITokenProvider
    {
        /// <summary>Gets how the connection authenticates, for display: <c>ClientCredentials</c>, <c>AccessToken</c>, <c>ApiKey</c>.</summary>
        string AuthenticationType { get; }

        /// <summary>Gets when the current access token expires, when known.</summary>
        DateTimeOffset? ExpiresAt { get; }

        /// <summary>Gets whether a rejected token can be replaced.</summary>
        bool CanRenew { get; }

        /// <summary>Returns a token valid for the next request, renewing it first when it is about to expire.</summary>
        Task<string> GetTokenAsync(CallContext context);

        /// <summary>Replaces a token the server rejected with 401; concurrent callers share one renewal.</summary>
        Task<string> RenewAfterRejectionAsync(string rejectedToken, CallContext context);
    }
}
