using System;
using NomosMeters.Client.Auth;
using NomosMeters.Client.Enrollments;
using NomosMeters.Session;

namespace NomosMeters.Session.Settings
{
    /// <summary>
    /// Turns what Connect-Nomos was given into connection settings: parameters first, then the environment
    /// (through <c>environment</c>, so tests pass their own), then the defaults. Pure: no PowerShell, no network.
    /// Settings that cannot connect throw a <see cref="SettingsException"/> that says what to do.
    /// </summary>
    internal static class ConnectionSettingsResolver
    {
        public const string ClientIdVariable = "NOMOS_CLIENT_ID";
        public const string ClientSecretVariable = "NOMOS_CLIENT_SECRET";
        public const string EnrollmentApiKeyVariable = "NOMOS_ENROLLMENT_API_KEY";

        public static NomosConnectionSettings Resolve(ConnectRequest request, Func<string, string?> environment)
        {
            var settings = new NomosConnectionSettings();
            if (request.ApiVersion != null)
            {
                settings.ApiVersion = request.ApiVersion;
            }

            ReadTuning(settings, request, environment);
            if (request.BaseUri != null)
            {
                settings.BaseUri = BaseUriPolicy.Validate(request.BaseUri, "BaseUri");
            }

            if (request.Sandbox)
            {
                return settings;
            }

            ReadCredentials(settings, request, environment);
            ReadEnrollment(settings, request, environment);
            if (!settings.HasNomosCredentials && settings.EnrollmentApiKey == null)
            {
                throw NoCredentials(ClientIdVariable + " and " + ClientSecretVariable + " are");
            }

            return settings;
        }

        private static void ReadTuning(NomosConnectionSettings settings, ConnectRequest request, Func<string, string?> environment)
        {
            var transport = settings.Transport;
            var timeout = NumericSetting.Timeout.Resolve(request.TimeoutSec, environment);
            if (timeout.HasValue)
            {
                transport.RequestTimeout = TimeSpan.FromSeconds(timeout.Value);
            }

            var retries = NumericSetting.RetryCount.Resolve(request.MaximumRetryCount, environment);
            if (retries.HasValue)
            {
                transport.MaxRetries = (int)retries.Value;
            }

            var budget = NumericSetting.RetryBudget.Resolve(request.RetryBudgetSec, environment);
            if (budget.HasValue)
            {
                transport.RetryBudget = TimeSpan.FromSeconds(budget.Value);
            }

            var throttle = NumericSetting.ThrottleLimit.Resolve(request.ThrottleLimit, environment);
            if (throttle.HasValue)
            {
                transport.ThrottleLimit = (int)throttle.Value;
            }

            // The sandbox answers in-process and never throttles; limiting it would only slow trying the module out.
            settings.RateLimit = NumericSetting.RateLimit.Resolve(request.RateLimit, environment) ?? (request.Sandbox ? 0 : SettingLimits.RateLimitDefault);
        }

        private static void ReadCredentials(NomosConnectionSettings settings, ConnectRequest request, Func<string, string?> environment)
        {
            if (request.HasCredentialParameters)
            {
                settings.ClientId = request.ClientId;
                settings.ClientSecret = request.ClientSecret;
                settings.AccessToken = request.AccessToken;
            }
            else
            {
                var id = environment(ClientIdVariable);
                var secret = environment(ClientSecretVariable);
                if (!string.IsNullOrEmpty(id) || !string.IsNullOrEmpty(secret))
                {
                    if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(secret))
                    {
                        throw NoCredentials((string.IsNullOrEmpty(id) ? ClientIdVariable : ClientSecretVariable) + " is");
                    }

                    settings.ClientId = id;
                    settings.ClientSecret = SecretText.Protect(secret!);
                }

                // Neither set: nothing for the Nomos API, which is fine when an enrollment key is given.
            }

            if (settings.ClientSecret != null && string.IsNullOrWhiteSpace(settings.ClientId))
            {
                throw new SettingsException("NomosMeters.InvalidClientId", "The client id is empty.", null, "Pass the client id from the Nomos dashboard (Developer section).");
            }
        }

        private static void ReadEnrollment(NomosConnectionSettings settings, ConnectRequest request, Func<string, string?> environment)
        {
            settings.EnrollmentApiKey = request.EnrollmentApiKey;
            if (settings.EnrollmentApiKey == null)
            {
                var key = environment(EnrollmentApiKeyVariable);
                settings.EnrollmentApiKey = string.IsNullOrEmpty(key) ? null : SecretText.Protect(key!);
            }

            if (request.EnrollmentBaseUri != null)
            {
                settings.EnrollmentBaseUri = BaseUriPolicy.Validate(request.EnrollmentBaseUri, "EnrollmentBaseUri");
                settings.EnrollmentEnvironment = "Custom";
            }
            else
            {
                var staging = string.Equals(request.EnrollmentEnvironment, "Staging", StringComparison.OrdinalIgnoreCase);
                settings.EnrollmentBaseUri = staging ? EnrollmentEndpoint.StagingBaseUri : EnrollmentEndpoint.ProductionBaseUri;
                settings.EnrollmentEnvironment = staging ? "Staging" : "Production";
            }
        }

        private static SettingsException NoCredentials(string missing)
            => new SettingsException(
                "NomosMeters.NoCredentials",
                $"No credentials: no credential parameter was given and the environment variable {missing} not set.",
                null,
                $"For the Nomos API pass -ClientId and -ClientSecret, -Credential or -AccessToken, or set both {ClientIdVariable} and {ClientSecretVariable}; " +
                $"for the enrollment API pass -EnrollmentApiKey or set {EnrollmentApiKeyVariable}; or use -Sandbox to try the module.",
                isMissingCredentials: true);
    }
}
