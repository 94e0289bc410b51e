using System;

namespace NomosMeters.Sandbox
{
    /// <summary>Credentials, clock and data size of a <see cref="NomosSandbox"/>.</summary>
    public sealed class SandboxOptions
    {
        /// <summary>The client id the sandbox accepts unless <see cref="ClientId"/> is changed.</summary>
        public const string DefaultClientId = "sandbox-client";

        /// <summary>The client secret the sandbox accepts unless <see cref="ClientSecret"/> is changed.</summary>
        public const string DefaultClientSecret = "sandbox-secret";

        /// <summary>The enrollment API key the sandbox accepts unless <see cref="EnrollmentApiKey"/> is changed.</summary>
        public const string DefaultEnrollmentApiKey = "sandbox-enrollment-key";

        /// <summary>
        /// The signing secret of the sandbox's webhook endpoint unless <see cref="WebhookSecret"/> is changed: sign a
        /// delivery of a sandbox event with it (New-NomosWebhookSignature) and verify it (ConvertFrom-NomosWebhook).
        /// </summary>
        public const string DefaultWebhookSecret = "sandbox-webhook-secret";

        /// <summary>Gets or sets the client id checked by <c>POST /oauth/token</c> (HTTP Basic).</summary>
        public string ClientId { get; set; } = DefaultClientId;

        /// <summary>Gets or sets the client secret checked by <c>POST /oauth/token</c> (HTTP Basic).</summary>
        public string ClientSecret { get; set; } = DefaultClientSecret;

        /// <summary>Gets or sets how long an access token is valid; sent as <c>expires_in</c> (the real API: 3600 s).</summary>
        public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromHours(1);

        /// <summary>
        /// Gets or sets the clock for token expiry and the <c>created_at</c> of new orders. The seeded timeline ends at
        /// the start of the UTC day this clock shows when the sandbox is created.
        /// </summary>
        public TimeProvider Time { get; set; } = TimeProvider.System;

        /// <summary>Gets or sets the seed: the same seed gives byte-identical data on every machine and runtime.</summary>
        public int Seed { get; set; } = 20260527;

        /// <summary>Gets or sets how many meter orders are seeded.</summary>
        public int MeterOrderCount { get; set; } = 2600;

        /// <summary>Gets or sets the static Bearer API key of the enrollment API.</summary>
        public string EnrollmentApiKey { get; set; } = DefaultEnrollmentApiKey;

        /// <summary>Gets or sets the signing secret of the sandbox's webhook deliveries (<see cref="NomosSandbox.Deliver"/>).</summary>
        public string WebhookSecret { get; set; } = DefaultWebhookSecret;

        /// <summary>Gets or sets how many enrolled meters are seeded.</summary>
        public int MeterEnrollmentCount { get; set; } = 5200;
    }
}
