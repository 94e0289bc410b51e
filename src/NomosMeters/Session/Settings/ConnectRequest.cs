using System;
using System.Security;

namespace NomosMeters.Session.Settings
{
    /// <summary>What Connect-Nomos was given: its parameters, as plain data (null where a parameter was not given).</summary>
    internal sealed class ConnectRequest
    {
        /// <summary>Gets or sets whether the sandbox was asked for (its credentials are its own).</summary>
        public bool Sandbox { get; set; }

        /// <summary>Gets or sets whether a credential parameter set was used; without one, the environment is read.</summary>
        public bool HasCredentialParameters { get; set; }

        public string? ClientId { get; set; }

        public SecureString? ClientSecret { get; set; }

        public SecureString? AccessToken { get; set; }

        public Uri? BaseUri { get; set; }

        public string? ApiVersion { get; set; }

        public SecureString? EnrollmentApiKey { get; set; }

        /// <summary>Gets or sets <c>Production</c> or <c>Staging</c>.</summary>
        public string EnrollmentEnvironment { get; set; } = "Production";

        public Uri? EnrollmentBaseUri { get; set; }

        public double? TimeoutSec { get; set; }

        public double? MaximumRetryCount { get; set; }

        public double? RetryBudgetSec { get; set; }

        public double? RateLimit { get; set; }

        public double? ThrottleLimit { get; set; }
    }
}
