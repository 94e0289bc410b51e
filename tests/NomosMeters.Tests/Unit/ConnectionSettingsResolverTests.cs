using System;
using System.Collections.Generic;
using NomosMeters.Client.Auth;
using NomosMeters.Client.Enrollments;
using Xunit;
using NomosMeters.Session;
using NomosMeters.Session.Settings;

namespace NomosMeters.Tests.Unit
{
    /// <summary>Connect-Nomos's settings: parameter, then environment variable, then default; what cannot connect says why.</summary>
    public sealed class ConnectionSettingsResolverTests
    {
        private readonly Dictionary<string, string> _environment = new Dictionary<string, string>();

        [Fact]
        public void AParameterBeatsItsVariableWhichBeatsTheDefault()
        {
            _environment["NOMOS_TIMEOUT_SEC"] = "30";
            Assert.Equal(TimeSpan.FromSeconds(30), Resolve(WithCredentials()).Transport.RequestTimeout);

            var request = WithCredentials();
            request.TimeoutSec = 7;
            Assert.Equal(TimeSpan.FromSeconds(7), Resolve(request).Transport.RequestTimeout);

            _environment.Clear();
            var defaults = Resolve(WithCredentials());
            Assert.Equal(TimeSpan.FromSeconds(SettingLimits.TimeoutDefaultSec), defaults.Transport.RequestTimeout);
            Assert.Equal(SettingLimits.RetryCountDefault, defaults.Transport.MaxRetries);
            Assert.Equal(TimeSpan.FromSeconds(SettingLimits.RetryBudgetDefaultSec), defaults.Transport.RetryBudget);
            Assert.Equal(SettingLimits.RateLimitDefault, defaults.RateLimit);
            Assert.Equal(SettingLimits.ThrottleLimitDefault, defaults.Transport.ThrottleLimit);
        }

        [Fact]
        public void TheThrottleLimitComesFromTheParameterElseTheVariableElseTheDefault()
        {
            _environment["NOMOS_THROTTLE_LIMIT"] = "12";
            Assert.Equal(12, Resolve(WithCredentials()).Transport.ThrottleLimit);

            var request = WithCredentials();
            request.ThrottleLimit = 3;
            Assert.Equal(3, Resolve(request).Transport.ThrottleLimit);

            _environment.Clear();
            Assert.Equal(5, Resolve(WithCredentials()).Transport.ThrottleLimit);
        }

        [Theory]
        [InlineData("NOMOS_TIMEOUT_SEC", "0")]
        [InlineData("NOMOS_TIMEOUT_SEC", "ten")]
        [InlineData("NOMOS_MAXIMUM_RETRY_COUNT", "2.5")]
        [InlineData("NOMOS_MAXIMUM_RETRY_COUNT", "11")]
        [InlineData("NOMOS_RETRY_BUDGET_SEC", "-1")]
        [InlineData("NOMOS_RATE_LIMIT", "1001")]
        [InlineData("NOMOS_THROTTLE_LIMIT", "0")]
        [InlineData("NOMOS_THROTTLE_LIMIT", "65")]
        [InlineData("NOMOS_THROTTLE_LIMIT", "2.5")]
        public void AVariableOutOfRangeFailsNamingItInsteadOfFallingBack(string variable, string value)
        {
            _environment[variable] = value;

            var error = Assert.Throws<SettingsException>(() => Resolve(WithCredentials()));

            Assert.Equal("NomosMeters.InvalidEnvironmentVariable", error.ErrorId);
            Assert.Equal(variable, error.Target);
            Assert.Contains($"'{value}'", error.Message);
            Assert.Contains(variable, error.RecommendedAction);
        }

        [Fact]
        public void AFractionalRateLimitIsAllowed()
        {
            _environment["NOMOS_RATE_LIMIT"] = "2.5";
            Assert.Equal(2.5, Resolve(WithCredentials()).RateLimit);
        }

        [Fact]
        public void WithoutCredentialParametersTheEnvironmentGivesThem()
        {
            _environment["NOMOS_CLIENT_ID"] = "runbook-client";
            _environment["NOMOS_CLIENT_SECRET"] = "s3cret";
            _environment["NOMOS_ENROLLMENT_API_KEY"] = "key";

            var settings = Resolve(new ConnectRequest());

            Assert.Equal("runbook-client", settings.ClientId);
            Assert.Equal("s3cret", SecretText.Reveal(settings.ClientSecret!));
            Assert.Equal("key", SecretText.Reveal(settings.EnrollmentApiKey!));
        }

        [Fact]
        public void CredentialParametersAreNotMixedWithTheEnvironmentsCredentials()
        {
            _environment["NOMOS_CLIENT_ID"] = "from-environment";
            _environment["NOMOS_CLIENT_SECRET"] = "environment-secret";

            Assert.Equal("given", Resolve(WithCredentials()).ClientId);
        }

        [Theory]
        [InlineData("NOMOS_CLIENT_ID", "NOMOS_CLIENT_SECRET is not set")]
        [InlineData("NOMOS_CLIENT_SECRET", "NOMOS_CLIENT_ID is not set")]
        public void HalfACredentialInTheEnvironmentSaysWhichHalfIsMissing(string set, string message)
        {
            _environment[set] = "x";

            var error = Assert.Throws<SettingsException>(() => Resolve(new ConnectRequest()));

            Assert.Equal("NomosMeters.NoCredentials", error.ErrorId);
            Assert.True(error.IsMissingCredentials);
            Assert.Contains(message, error.Message);
        }

        [Fact]
        public void NoCredentialsAnywhereSaysEveryWayToConnect()
        {
            var error = Assert.Throws<SettingsException>(() => Resolve(new ConnectRequest()));

            Assert.Equal("NomosMeters.NoCredentials", error.ErrorId);
            Assert.Contains("-ClientId", error.RecommendedAction);
            Assert.Contains("NOMOS_ENROLLMENT_API_KEY", error.RecommendedAction);
            Assert.Contains("-Sandbox", error.RecommendedAction);
        }

        [Fact]
        public void AnEnrollmentKeyAloneIsEnough()
        {
            var settings = Resolve(new ConnectRequest { HasCredentialParameters = false, EnrollmentApiKey = SecretText.Protect("key") });

            Assert.False(settings.HasNomosCredentials);
            Assert.Equal(EnrollmentEndpoint.ProductionBaseUri, settings.EnrollmentBaseUri);
        }

        [Theory]
        [InlineData("Staging", null, "https://api.staging.leap.energy/", "Staging")]
        [InlineData("Production", null, "https://api.leap.energy/", "Production")]
        [InlineData("Staging", "http://127.0.0.1:5000/", "http://127.0.0.1:5000/", "Custom")]
        public void TheEnrollmentEnvironmentPicksTheBaseUriUnlessOneIsGiven(string environment, string? baseUri, string expectedUri, string expectedEnvironment)
        {
            var request = WithCredentials();
            request.EnrollmentApiKey = SecretText.Protect("key");
            request.EnrollmentEnvironment = environment;
            request.EnrollmentBaseUri = baseUri == null ? null : new Uri(baseUri);

            var settings = Resolve(request);

            Assert.Equal(new Uri(expectedUri), settings.EnrollmentBaseUri);
            Assert.Equal(expectedEnvironment, settings.EnrollmentEnvironment);
        }

        [Theory]
        [InlineData("http://api.nomos.energy")]
        [InlineData("ftp://127.0.0.1")]
        public void ABaseUriThatWouldLeakCredentialsIsRefused(string uri)
        {
            var request = WithCredentials();
            request.BaseUri = new Uri(uri);

            Assert.Equal("NomosMeters.InvalidBaseUri", Assert.Throws<SettingsException>(() => Resolve(request)).ErrorId);
        }

        [Fact]
        public void TheSandboxHasNoRateLimitUnlessOneIsGivenAndNeedsNoCredentials()
        {
            Assert.Equal(0, Resolve(new ConnectRequest { Sandbox = true }).RateLimit);
            Assert.Equal(3, Resolve(new ConnectRequest { Sandbox = true, RateLimit = 3 }).RateLimit);
        }

        [Fact]
        public void AnEmptyClientIdIsRefused()
        {
            var request = WithCredentials();
            request.ClientId = " ";

            Assert.Equal("NomosMeters.InvalidClientId", Assert.Throws<SettingsException>(() => Resolve(request)).ErrorId);
        }

        private static ConnectRequest WithCredentials()
            => new ConnectRequest { HasCredentialParameters = true, ClientId = "given", ClientSecret = SecretText.Protect("secret") };

        private NomosConnectionSettings Resolve(ConnectRequest request)
            => ConnectionSettingsResolver.Resolve(request, name => _environment.TryGetValue(name, out var value) ? value : null);
    }
}
