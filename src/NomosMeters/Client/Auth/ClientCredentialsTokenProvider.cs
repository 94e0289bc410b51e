using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Security;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using NomosMeters.Client.Http;
using NomosMeters.Client.Json;

namespace NomosMeters.Client.Auth
{
    /// <summary>
    /// OAuth 2.0 client credentials against <c>POST /oauth/token</c> (HTTP Basic client auth, form body).
    /// Renews before expiry with the refresh token, keeps the rotated refresh token, and falls back to client
    /// credentials when a refresh is refused. Renewal is single-flight: many runspaces sharing one connection
    /// cause one token request, not many.
    /// </summary>
    internal sealed class ClientCredentialsTokenProvider : ITokenProvider
    {
        // Renew this long before expiry so a token never expires in flight; short-lived tokens use a quarter of their life,
        // which still leaves a request that waits a while (a busy machine, a retry) time to reach the server.
        private static readonly TimeSpan MaxRenewalMargin = TimeSpan.FromSeconds(60);

        private readonly string _clientId;
        private readonly SecureString _clientSecret;
        private readonly ServiceEndpoint _endpoint;
        private readonly ApiTransport _transport;
        private readonly SemaphoreSlim _gate = new SemaphoreSlim(1, 1);
        private volatile TokenState? _state;

        public ClientCredentialsTokenProvider(string clientId, SecureString clientSecret, ServiceEndpoint endpoint, ApiTransport transport)
        {
            _clientId = clientId;
            _clientSecret = clientSecret;
            _endpoint = endpoint;
            _transport = transport;
        }

        public string AuthenticationType => "ClientCredentials";

        public DateTimeOffset? ExpiresAt => _state?.ExpiresAt;

        public bool CanRenew => true;

        public async Task<string> GetTokenAsync(CallContext context)
        {
            var state = _state;
            if (state != null && !NeedsRenewal(state))
            {
                return state.AccessToken;
            }

            await _gate.WaitAsync(context.CancellationToken).ConfigureAwait(false);
            try
            {
                state = _state;
                if (state != null && !NeedsRenewal(state))
                {
                    return state.AccessToken;
                }

                return (await RenewAsync(state, context).ConfigureAwait(false)).AccessToken;
            }
            finally
            {
                _gate.Release();
            }
        }

        public async Task<string> RenewAfterRejectionAsync(string rejectedToken, CallContext context)
        {
            await _gate.WaitAsync(context.CancellationToken).ConfigureAwait(false);
            try
            {
                var state = _state;
                if (state != null && state.AccessToken != rejectedToken && !NeedsRenewal(state))
                {
                    // Another caller already replaced the rejected token.
                    return state.AccessToken;
                }

                context.Log.Verbose("The Nomos API rejected the access token (401); requesting a new one.");
                return (await RenewAsync(state, context).ConfigureAwait(false)).AccessToken;
            }
            finally
            {
                _gate.Release();
            }
        }

        private bool NeedsRenewal(TokenState state)
            => _transport.Options.Time.GetUtcNow() >= state.ExpiresAt - state.RenewalMargin;

        private async Task<TokenState> RenewAsync(TokenState? current, CallContext context)
        {
            TokenState next;
            if (current?.RefreshToken != null)
            {
                try
                {
                    next = await RequestAsync(
                        new[]
                        {
                            new KeyValuePair<string, string>("grant_type", "refresh_token"),
                            new KeyValuePair<string, string>("refresh_token", current.RefreshToken),
                        },
                        context).ConfigureAwait(false);
                }
                catch (ApiRequestException ex) when (ex.StatusCode >= 400 && ex.StatusCode < 500)
                {
                    // Refresh tokens rotate and their lifetime is undocumented: a refused one is normal, start over.
                    context.Log.Verbose($"The refresh token was refused ({ex.Code}); signing in again with client credentials.");
                    next = await RequestClientCredentialsAsync(context).ConfigureAwait(false);
                }
            }
            else
            {
                next = await RequestClientCredentialsAsync(context).ConfigureAwait(false);
            }

            _state = next;
            return next;
        }

        // A second client-credentials grant only issues another token: safe to repeat. A refresh grant is not
        // (the first may have rotated the refresh token); its failure falls back to client credentials instead.
        private Task<TokenState> RequestClientCredentialsAsync(CallContext context)
            => RequestAsync(new[] { new KeyValuePair<string, string>("grant_type", "client_credentials") }, context, safeToRepeat: true);

        private async Task<TokenState> RequestAsync(IEnumerable<KeyValuePair<string, string>> form, CallContext context, bool safeToRepeat = false)
        {
            var request = new ApiRequest(HttpMethod.Post, "/oauth/token", () => new FormUrlEncodedContent(form))
            {
                Authenticate = false,
                Authorization = BasicHeader,
                SensitiveBody = true,
                SafeToRepeat = safeToRepeat,
            };
            var started = _transport.Options.Time.GetUtcNow();
            var response = await _transport.SendForJsonAsync(_endpoint, request, NomosJsonContext.Default.TokenResponse, context).ConfigureAwait(false);
            if (string.IsNullOrEmpty(response.AccessToken))
            {
                throw new ApiRequestException(_endpoint.Name, 200, "INVALID_RESPONSE", "The token response has no access_token", method: "POST", requestPath: "/oauth/token");
            }

            // The spec documents 3600 s; a missing value is treated as that.
            var lifetime = TimeSpan.FromSeconds(response.ExpiresIn is double seconds && seconds > 0 ? seconds : 3600);
            var margin = TimeSpan.FromTicks(Math.Min(MaxRenewalMargin.Ticks, lifetime.Ticks / 4));
            context.Log.Verbose($"Obtained a Nomos access token, valid for {lifetime.TotalSeconds:0} s.");
            return new TokenState(response.AccessToken!, response.RefreshToken, started + lifetime, margin);
        }

        private AuthenticationHeaderValue BasicHeader()
        {
            var pair = Encoding.UTF8.GetBytes(_clientId + ":" + SecretText.Reveal(_clientSecret));
            return new AuthenticationHeaderValue("Basic", Convert.ToBase64String(pair));
        }

        private sealed class TokenState
        {
            public TokenState(string accessToken, string? refreshToken, DateTimeOffset expiresAt, TimeSpan renewalMargin)
            {
                AccessToken = accessToken;
                RefreshToken = refreshToken;
                ExpiresAt = expiresAt;
                RenewalMargin = renewalMargin;
            }

            public string AccessToken { get; }

            public string? RefreshToken { get; }

            public DateTimeOffset ExpiresAt { get; }

            public TimeSpan RenewalMargin { get; }

            public override string ToString() => "TokenState (expires " + ExpiresAt.ToString("o") + ")";
        }
    }
}
