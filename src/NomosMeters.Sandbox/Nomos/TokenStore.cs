using System;
using System.Collections.Generic;
using System.Security.Cryptography;

namespace NomosMeters.Sandbox.Nomos
{
    /// <summary>
    /// Issued access tokens (with expiry, measured by <see cref="SandboxOptions.Time"/>) and refresh tokens, which
    /// rotate: each one works once.
    /// </summary>
    internal sealed class TokenStore
    {
        private static readonly RandomNumberGenerator Random = RandomNumberGenerator.Create();

        private readonly object _gate = new object();
        private readonly SandboxOptions _options;
        private readonly Dictionary<string, DateTimeOffset> _accessTokenExpiry = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        private readonly HashSet<string> _refreshTokens = new HashSet<string>(StringComparer.Ordinal);
        private int _issued;

        public TokenStore(SandboxOptions options) => _options = options;

        /// <summary>Gets how many token pairs were issued.</summary>
        public int IssuedCount
        {
            get
            {
                lock (_gate)
                {
                    return _issued;
                }
            }
        }

        public IssuedToken Issue()
        {
            lock (_gate)
            {
                return IssueLocked();
            }
        }

        /// <summary>Trades a refresh token for a new pair, or returns null when it is unknown or already used.</summary>
        public IssuedToken? Rotate(string refreshToken)
        {
            lock (_gate)
            {
                return _refreshTokens.Remove(refreshToken) ? IssueLocked() : null;
            }
        }

        public bool IsValid(string accessToken)
        {
            var now = _options.Time.GetUtcNow();
            lock (_gate)
            {
                return _accessTokenExpiry.TryGetValue(accessToken, out var expiry) && now < expiry;
            }
        }

        private IssuedToken IssueLocked()
        {
            var lifetime = _options.AccessTokenLifetime;
            var token = new IssuedToken(RandomText(32), RandomText(32), (int)lifetime.TotalSeconds);
            _accessTokenExpiry.Add(token.AccessToken, _options.Time.GetUtcNow() + lifetime);
            _refreshTokens.Add(token.RefreshToken);
            _issued++;
            return token;
        }

        // Opaque and unguessable, like real tokens; deliberately not from the seeded generator.
        private static string RandomText(int bytes)
        {
            var buffer = new byte[bytes];
            Random.GetBytes(buffer);
            return Base64Url.Encode(buffer);
        }
    }
}
