using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Threading;
using NomosMeters.Client.Auth;
using NomosMeters.Client.Enrollments;
using NomosMeters.Client.Http;
using NomosMeters.Client.Nomos;
using NomosMeters.Models;
using NomosMeters.Sandbox;
using NomosMeters.Session;

namespace NomosMeters
{
    /// <summary>
    /// A connection to the Nomos API and/or the meter enrollment API: where each points, how it authenticates and
    /// when its token expires. Returned by <c>Connect-Nomos -PassThru</c> and <c>Get-NomosContext</c>, accepted by
    /// <c>-Connection</c>. Safe to share between runspaces. Holds no secret in any property or in <see cref="ToString"/>.
    /// </summary>
    public sealed class NomosConnection : IDisposable
    {
        private int _closed;

        /// <summary>Takes <paramref name="nomos"/> and <paramref name="enrollment"/> as one more owner of each.</summary>
        internal NomosConnection(NomosServiceConnection? nomos, EnrollmentServiceConnection? enrollment, string? clientId, DateTimeOffset connectedAt)
        {
            nomos?.AddOwner();
            enrollment?.AddOwner();
            Nomos = nomos;
            Enrollment = enrollment;
            ClientId = clientId;
            ConnectedAt = connectedAt;
        }

        /// <summary>Gets which services this connection reaches: <c>Nomos</c>, <c>Enrollment</c> or both.</summary>
        public string Services => string.Join(", ", ServiceNames());

        /// <summary>
        /// Gets whether every service of this connection is the built-in sandbox. A connection that mixes the sandbox
        /// with a real service is not a sandbox: see <see cref="NomosEnvironment"/> and <see cref="EnrollmentEnvironment"/>.
        /// </summary>
        public bool IsSandbox => (Nomos == null || Nomos.Sandbox != null) && (Enrollment == null || Enrollment.Sandbox != null);

        /// <summary>Gets where the Nomos API points: <c>Production</c>, <c>Sandbox</c> or <c>Custom</c> (another base URI); null when not connected.</summary>
        public string? NomosEnvironment => Nomos?.Environment;

        /// <summary>
        /// Gets, for the sandbox, the ids of its well-known subscriptions that have no meter order yet, to try
        /// <c>New-MeterOrder</c> with: the same every day, and all free again after the next <c>Connect-Nomos -Sandbox</c>.
        /// Null for the real API, whose subscriptions this module does not list.
        /// </summary>
        public ValueList<string>? FreeSubscriptions => Nomos?.Sandbox == null ? null : new ValueList<string>(Nomos.Sandbox.FreeSubscriptions);

        /// <summary>Gets the Nomos API base URI, or null when the Nomos API is not connected.</summary>
        public Uri? BaseUri => Nomos?.Endpoint.BaseUri;

        /// <summary>Gets the API version sent as <c>X-API-Version</c> on every Nomos request.</summary>
        public string? ApiVersion => Nomos?.Endpoint.ApiVersion;

        /// <summary>Gets how the Nomos API is authenticated: <c>ClientCredentials</c> or <c>AccessToken</c>.</summary>
        public string? AuthenticationType => Nomos?.Endpoint.Tokens.AuthenticationType;

        /// <summary>Gets the OAuth client id (an identifier, not a secret), or null.</summary>
        public string? ClientId { get; }

        /// <summary>Gets when the current Nomos access token expires (UTC); renewed automatically for client credentials.</summary>
        public DateTimeOffset? AccessTokenExpiresAt => Nomos?.Endpoint.Tokens.ExpiresAt;

        /// <summary>Gets whether the Nomos access token is renewed automatically.</summary>
        public bool CanRenewToken => Nomos?.Endpoint.Tokens.CanRenew ?? false;

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
        public double RateLimit => Nomos?.Endpoint.RateLimiter.RequestsPerSecond ?? 0;

        /// <summary>Gets how many requests a cmdlet that looks many items up keeps in flight at once, unless its -ThrottleLimit says otherwise.</summary>
        public int ThrottleLimit => Transport.Options.ThrottleLimit;

        /// <summary>Gets when the connection was made (UTC).</summary>
        public DateTimeOffset ConnectedAt { get; }

        /// <summary>Gets whether the connection is still usable (false after <c>Disconnect-Nomos</c>).</summary>
        public bool IsConnected => Volatile.Read(ref _closed) == 0;

        internal NomosServiceConnection? Nomos { get; }

        internal EnrollmentServiceConnection? Enrollment { get; }

        private ApiTransport Transport => (Nomos?.Transport ?? Enrollment?.Transport)!;

        /// <summary>Gets the emulator behind a sandbox service (tests read its state), or null.</summary>
        internal NomosSandbox? Sandbox => Nomos?.Sandbox ?? Enrollment?.Sandbox;

        /// <summary>Gets whether this connection was written to the pipeline, so a script may still hold it.</summary>
        internal bool HandedOut { get; set; }

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

        /// <summary>
        /// Closes the connection; cmdlets given it afterwards fail with a clear error. A service it shares with
        /// another connection stays open for that one.
        /// </summary>
        public void Dispose()
        {
            if (Interlocked.Exchange(ref _closed, 1) == 0)
            {
                Nomos?.RemoveOwner();
                Enrollment?.RemoveOwner();
            }
        }

        /// <summary>Builds a connection of new services over handlers from <paramref name="newHandler"/> (the network, the sandbox, or a test double).</summary>
        internal static NomosConnection Create(NomosConnectionSettings settings, Func<HttpMessageHandler> newHandler, NomosSandbox? sandbox = null)
        {
            var nomos = ServiceFactory.Nomos(settings, newHandler, sandbox);
            var enrollment = ServiceFactory.Enrollment(settings, newHandler, sandbox);
            if (nomos == null && enrollment == null)
            {
                throw new ArgumentException("A connection needs Nomos credentials, an enrollment API key, or both.", nameof(settings));
            }

            return new NomosConnection(nomos, enrollment, settings.AccessToken == null ? settings.ClientId : null, settings.Transport.Time.GetUtcNow());
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
            return Create(settings, sandbox.CreateHandler, sandbox);
        }

        /// <summary>This connection with <paramref name="other"/>'s services added where this one has none; this one is closed.</summary>
        internal NomosConnection KeepingServicesOf(NomosConnection? other)
        {
            if (other == null || !other.IsConnected || (Nomos != null && Enrollment != null))
            {
                return this;
            }

            var merged = new NomosConnection(
                Nomos ?? other.Nomos,
                Enrollment ?? other.Enrollment,
                Nomos != null ? ClientId : other.ClientId,
                ConnectedAt);
            Dispose();
            return merged;
        }

        /// <summary>Another connection to the same services, closed on its own: what -PassThru gives a script to keep.</summary>
        internal NomosConnection Share() => new NomosConnection(Nomos, Enrollment, ClientId, ConnectedAt) { HandedOut = true };

        internal static HttpMessageHandler CreateNetworkHandler()
        {
            var handler = new HttpClientHandler { AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate };
            try
            {
                // .NET Framework (Windows PowerShell 5.1) allows 2 connections per host by default, which would make
                // lookups in flight wait for each other; .NET has no limit.
                handler.MaxConnectionsPerServer = Session.Settings.SettingLimits.ThrottleLimitMax;
            }
            catch (PlatformNotSupportedException)
            {
                // A .NET Framework older than 4.7.1: its default stays.
            }

            return handler;
        }

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
    }
}
