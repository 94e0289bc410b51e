using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using NomosMeters.Client.Auth;
using NomosMeters.Client.Enrollments;
using NomosMeters.Client.Http;
using NomosMeters.Client.Nomos;
using NomosMeters.Models;
using NomosMeters.Sandbox;

namespace NomosMeters
{
    /// <summary>
    /// A connection to the Nomos API and/or the meter enrollment API: where each points, how it authenticates and
    /// when its token expires. Returned by <c>Connect-Nomos -PassThru</c> and <c>Get-NomosContext</c>, accepted by
    /// <c>-Connection</c>. Safe to share between runspaces. Holds no secret in any property or in <see cref="ToString"/>.
    /// </summary>
    public sealed class NomosConnection : IDisposable
    {
        private volatile bool _closed;

        internal NomosConnection(NomosServiceConnection? nomos, EnrollmentServiceConnection? enrollment, NomosSandbox? sandbox, string? clientId, TimeProvider time)
        {
            Nomos = nomos;
            Enrollment = enrollment;
            Sandbox = sandbox;
            ClientId = clientId;
            ConnectedAt = time.GetUtcNow();
        }

        /// <summary>Gets which services this connection reaches: <c>Nomos</c>, <c>Enrollment</c> or both.</summary>
        public string Services => string.Join(", ", ServiceNames());

        /// <summary>Gets whether this connection talks to the built-in sandbox instead of the real APIs.</summary>
        public bool IsSandbox => Sandbox != null;

        /// <summary>
        /// Gets, for the sandbox, the ids of its well-known subscriptions that have no meter order yet, to try
        /// <c>New-MeterOrder</c> with: the same every day, and all free again after the next <c>Connect-Nomos -Sandbox</c>.
        /// Null for the real API, whose subscriptions this module does not list.
        /// </summary>
        public ValueList<string>? FreeSubscriptions => Sandbox == null ? null : new ValueList<string>(Sandbox.FreeSubscriptions);

        /// <summary>Gets the Nomos API base URI, or null when the Nomos API is not connected.</summary>
        public Uri? BaseUri => Nomos?.Endpoint.BaseUri;

        /// <summary>Gets the API version sent as <c>X-API-Version</c> on every Nomos request.</summary>
        public string? ApiVersion => Nomos?.Endpoint.ApiVersion;

        /// <summary>Gets how the Nomos API is authenticated: <c>ClientCredentials</c> or <c>AccessToken</c>.</summary>
        public string? AuthenticationType => Nomos?.Endpoint.Tokens!.AuthenticationType;

        /// <summary>Gets the OAuth client id (an identifier, not a secret), or null.</summary>
        public string? ClientId { get; }

        /// <summary>Gets when the current Nomos access token expires (UTC); renewed automatically for client credentials.</summary>
        public DateTimeOffset? AccessTokenExpiresAt => Nomos?.Endpoint.Tokens!.ExpiresAt;

        /// <summary>Gets whether the Nomos access token is renewed automatically.</summary>
        public bool CanRenewToken => Nomos?.Endpoint.Tokens!.CanRenew ?? false;

        /// <summary>Gets the enrollment API base URI, or null when it is not connected.</summary>
        public Uri? EnrollmentBaseUri => Enrollment?.Endpoint.BaseUri;

        /// <summary>Gets the enrollment environment: <c>Production</c>, <c>Staging</c>, <c>Sandbox</c> or <c>Custom</c>.</summary>
        public string? EnrollmentEnvironment => Enrollment?.Environment;

        /// <summary>Gets how long one HTTP request may take before it fails with a timeout.</summary>
        public TimeSpan RequestTimeout => Transport.Options.RequestTimeout;

        /// <summary>Gets how often a transient failure is retried.</summary>
        public int MaximumRetryCount => Transport.Options.MaxRetries;

        /// <summary>Gets the total time one request may spend on retries and their waits.</summary>
        public TimeSpan RetryBudget => Transport.Options.RetryBudget;

        /// <summary>Gets the most requests per second sent to the Nomos API (0: no limit).</summary>
        public double RateLimit => Nomos?.Endpoint.RateLimiter?.RequestsPerSecond ?? 0;

        /// <summary>Gets when the connection was made (UTC).</summary>
        public DateTimeOffset ConnectedAt { get; }

        /// <summary>Gets whether the connection is still usable (false after <c>Disconnect-Nomos</c>).</summary>
        public bool IsConnected => !_closed;

        internal NomosServiceConnection? Nomos { get; }

        internal EnrollmentServiceConnection? Enrollment { get; }

        private ApiTransport Transport => (Nomos?.Transport ?? Enrollment?.Transport)!;

        /// <summary>Gets the emulator behind a sandbox connection (tests read its state).</summary>
        internal NomosSandbox? Sandbox { get; }

        /// <inheritdoc/>
        public override string ToString()
        {
            var parts = new List<string>();
            if (Nomos != null)
            {
                var who = ClientId != null ? $", client id {ClientId}" : string.Empty;
                parts.Add($"Nomos {Nomos.Endpoint.BaseUri.AbsoluteUri.TrimEnd('/')} ({AuthenticationType}{who})");
            }

            if (Enrollment != null)
            {
                parts.Add($"Enrollment {Enrollment.Endpoint.BaseUri.AbsoluteUri.TrimEnd('/')} ({Enrollment.Environment})");
            }

            var text = parts.Count == 0 ? "Not connected" : string.Join("; ", parts);
            return IsConnected ? text : text + " (disconnected)";
        }

        /// <summary>Closes the connection; cmdlets given it afterwards fail with a clear error.</summary>
        public void Dispose()
        {
            _closed = true;
            Nomos?.Transport.Dispose();
            if (!ReferenceEquals(Enrollment?.Transport, Nomos?.Transport))
            {
                Enrollment?.Transport.Dispose();
            }
        }

        /// <summary>Builds a connection over the given handler (the real network, the sandbox, or a test double).</summary>
        internal static NomosConnection Create(NomosConnectionSettings settings, HttpMessageHandler handler, NomosSandbox? sandbox = null)
        {
            var transport = new ApiTransport(handler, settings.Transport);
            var nomos = settings.HasNomosCredentials ? ConnectNomos(settings, transport) : null;
            var enrollment = settings.EnrollmentApiKey != null
                ? ConnectEnrollment(settings, transport, sandbox != null ? "Sandbox" : settings.EnrollmentEnvironment)
                : null;
            if (nomos == null && enrollment == null)
            {
                transport.Dispose();
                throw new ArgumentException("A connection needs Nomos credentials, an enrollment API key, or both.", nameof(settings));
            }

            return new NomosConnection(nomos, enrollment, sandbox, settings.AccessToken == null ? settings.ClientId : null, settings.Transport.Time);
        }

        /// <summary>A connection to a fresh sandbox emulator of both APIs, through the whole real client stack.</summary>
        internal static NomosConnection CreateSandbox(NomosConnectionSettings settings, SandboxOptions? options = null)
        {
            // One clock for both sides: the sandbox's "today" and token expiry agree with the module's.
            var sandbox = new NomosSandbox(options ?? new SandboxOptions { Time = settings.Transport.Time });
            settings.BaseUri = new Uri(NomosSandbox.NomosBaseUri);
            settings.ClientId = sandbox.Options.ClientId;
            settings.ClientSecret = SecretText.Protect(sandbox.Options.ClientSecret);
            settings.AccessToken = null;
            settings.EnrollmentBaseUri = new Uri(NomosSandbox.EnrollmentBaseUri);
            settings.EnrollmentApiKey = SecretText.Protect(sandbox.Options.EnrollmentApiKey);
            return Create(settings, sandbox.CreateHandler(), sandbox);
        }

        /// <summary>This connection with <paramref name="other"/>'s services added where this one has none.</summary>
        internal NomosConnection KeepingServicesOf(NomosConnection? other)
        {
            if (other == null || !other.IsConnected || (Nomos != null && Enrollment != null))
            {
                return this;
            }

            return new NomosConnection(
                Nomos ?? other.Nomos,
                Enrollment ?? other.Enrollment,
                Sandbox ?? other.Sandbox,
                Nomos != null ? ClientId : other.ClientId,
                TimeProvider.System);
        }

        internal static HttpMessageHandler CreateNetworkHandler()
            => new HttpClientHandler { AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate };

        private IEnumerable<string> ServiceNames()
        {
            if (Nomos != null)
            {
                yield return "Nomos";
            }

            if (Enrollment != null)
            {
                yield return "Enrollment";
            }
        }

        private static NomosServiceConnection ConnectNomos(NomosConnectionSettings settings, ApiTransport transport)
        {
            var endpoint = new NomosEndpoint(settings.BaseUri, settings.ApiVersion)
            {
                RateLimiter = settings.RateLimit > 0 ? new RequestRateLimiter(settings.RateLimit, settings.Transport.Time) : null,
            };
            endpoint.Tokens = settings.AccessToken != null
                ? (ITokenProvider)new StaticTokenProvider(settings.AccessToken, "AccessToken")
                : new ClientCredentialsTokenProvider(settings.ClientId!, settings.ClientSecret!, endpoint, transport);
            return new NomosServiceConnection(endpoint, transport);
        }

        private static EnrollmentServiceConnection ConnectEnrollment(NomosConnectionSettings settings, ApiTransport transport, string environment)
        {
            var endpoint = new EnrollmentEndpoint(settings.EnrollmentBaseUri)
            {
                Tokens = new StaticTokenProvider(settings.EnrollmentApiKey!, "ApiKey"),
            };
            return new EnrollmentServiceConnection(endpoint, transport, environment);
        }
    }
}
