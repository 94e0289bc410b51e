using System;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using NomosMeters.Models;
using NomosMeters.Sandbox;
using NomosMeters.Tests.Infrastructure;
using NomosMeters.Tests.TestBeds;
using Xunit;
using NomosMeters.Testing;

namespace NomosMeters.Tests.Hosted
{
    /// <summary>Connect-Nomos against the sandbox served over real sockets by a loopback Kestrel server.</summary>
    [Collection(HostedEngineCollection.Name)]
    public sealed class ConnectNomosHostedTests : IDisposable
    {
        private readonly EngineBed _bed = TestBed.Sandbox(new SandboxOptions { MeterOrderCount = 2500 }).OverLoopback().Engine();

        public ConnectNomosHostedTests()
        {
            _bed.Engine.SetVariable("wrong", Secure.From("wrong-secret-123"));
            _bed.Engine.SetVariable("notKey", Secure.From("not-the-key"));
        }

        public void Dispose()
        {
            _bed.Dispose();
            Environment.SetEnvironmentVariable("NOMOS_CLIENT_ID", null);
            Environment.SetEnvironmentVariable("NOMOS_CLIENT_SECRET", null);
            Environment.SetEnvironmentVariable("NOMOS_ENROLLMENT_API_KEY", null);
        }

        [Fact]
        public void ClientSecretParametersConnectAndTheCmdletsUseTheConnection()
        {
            var result = _bed.Engine.Run(
                "Connect-Nomos -ClientId $id -ClientSecret $secret -BaseUri $uri; Get-MeterOrder -First 3");

            result.AssertNoErrors();
            Assert.Equal(3, result.Objects<MeterOrder>().Count);
            Assert.Equal(1, _bed.Sandbox.TokensIssued);
        }

        [Fact]
        public void CredentialUsesUserNameAsClientId()
        {
            var result = _bed.Engine.Run(
                "$c = [pscredential]::new($id, $secret); Connect-Nomos -Credential $c -BaseUri $uri -PassThru");

            result.AssertNoErrors();
            var connection = Assert.IsType<NomosConnection>(Assert.Single(result.Output).BaseObject);
            Assert.Equal(SandboxOptions.DefaultClientId, connection.ClientId);
            Assert.Equal("ClientCredentials", connection.AuthenticationType);
            Assert.Equal(_bed.Loopback.BaseUri, connection.BaseUri);
            Assert.True(connection.AccessTokenExpiresAt > DateTimeOffset.UtcNow.AddMinutes(55));
            Assert.Null(connection.FreeSubscriptions);
        }

        [Fact]
        public void EnvironmentVariablesAreReadWhenNoCredentialParameterIsGiven()
        {
            Environment.SetEnvironmentVariable("NOMOS_CLIENT_ID", SandboxOptions.DefaultClientId);
            Environment.SetEnvironmentVariable("NOMOS_CLIENT_SECRET", SandboxOptions.DefaultClientSecret);

            var result = _bed.Engine.Run("Connect-Nomos -BaseUri $uri; (Get-NomosContext).ClientId; Get-MeterOrder -First 1");

            result.AssertNoErrors();
            Assert.Equal(SandboxOptions.DefaultClientId, result.Output[0].BaseObject);
            Assert.Single(result.Objects<MeterOrder>());
        }

        [Fact]
        public void MissingCredentialsNameBothEnvironmentVariables()
        {
            Environment.SetEnvironmentVariable("NOMOS_CLIENT_ID", null);
            Environment.SetEnvironmentVariable("NOMOS_CLIENT_SECRET", null);

            var result = _bed.Engine.Run("Connect-Nomos -BaseUri $uri");

            var error = result.Failure!;
            Assert.Equal("NomosMeters.NoCredentials,NomosMeters.Commands.ConnectNomosCommand", error.FullyQualifiedErrorId);
            Assert.Contains("NOMOS_CLIENT_ID and NOMOS_CLIENT_SECRET", error.ErrorDetails.Message);
            Assert.Contains("-ClientId", error.ErrorDetails.RecommendedAction);
            Assert.Equal(0, _bed.Sandbox.RequestCount);
        }

        [Fact]
        public void OnlyOneEnvironmentVariableSetNamesTheMissingOne()
        {
            Environment.SetEnvironmentVariable("NOMOS_CLIENT_ID", "someone");
            Environment.SetEnvironmentVariable("NOMOS_CLIENT_SECRET", null);

            var result = _bed.Engine.Run("Connect-Nomos -BaseUri $uri");

            Assert.Contains("NOMOS_CLIENT_SECRET is not set", result.Failure!.ErrorDetails.Message);
        }

        [Fact]
        public void WrongSecretFailsAtConnectWithAClearErrorAndNoSecretInIt()
        {
            var result = _bed.Engine.Run(
                "Connect-Nomos -ClientId $id -ClientSecret $wrong -BaseUri $uri; Get-NomosContext");

            var error = result.Failure!;
            Assert.Equal("NomosMeters.Unauthorized,NomosMeters.Commands.ConnectNomosCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.AuthenticationError, error.CategoryInfo.Category);
            Assert.Contains("could not sign in", error.ErrorDetails.Message);
            Assert.Contains(SandboxOptions.DefaultClientId, error.ErrorDetails.Message);
            Assert.DoesNotContain("wrong-secret-123", error.ErrorDetails.Message + error.Exception.Message + error.ErrorDetails.RecommendedAction);
            Assert.Empty(result.Output);
        }

        [Fact]
        public async Task AccessTokenConnectsWithoutATokenRequestAndCannotRenew()
        {
            // The token comes from the sandbox itself, in-process: the module never signs in.
            using var http = TestBed.Sandbox(_bed.Sandbox).Http();
            _bed.Engine.SetVariable("tokenS", Secure.From(await http.AccessTokenAsync()));
            var issuedBefore = _bed.Sandbox.TokensIssued;

            var result = _bed.Engine.Run(
                "Connect-Nomos -AccessToken $tokenS -BaseUri $uri; $ctx = Get-NomosContext; $ctx.AuthenticationType; $ctx.CanRenewToken; Get-MeterOrder -First 2");

            result.AssertNoErrors();
            Assert.Equal("AccessToken", result.Output[0].BaseObject);
            Assert.Equal(false, result.Output[1].BaseObject);
            Assert.Equal(2, result.Objects<MeterOrder>().Count);
            Assert.Equal(issuedBefore, _bed.Sandbox.TokensIssued);
        }

        [Theory]
        [InlineData("http://api.nomos.energy")]
        [InlineData("ftp://127.0.0.1/")]
        public void InsecureOrNonHttpBaseUriIsRefused(string uri)
        {
            _bed.Engine.SetVariable("bad", new Uri(uri));

            var result = _bed.Engine.Run("Connect-Nomos -ClientId x -ClientSecret $secret -BaseUri $bad");

            Assert.Equal("NomosMeters.InvalidBaseUri,NomosMeters.Commands.ConnectNomosCommand", result.Failure!.FullyQualifiedErrorId);
        }

        [Fact]
        public void ApiVersionIsSentOnEveryRequest()
        {
            var result = _bed.Engine.Run(
                "Connect-Nomos -ClientId $id -ClientSecret $secret -BaseUri $uri -ApiVersion 2026-01-29.edison; Get-MeterOrder -First 1");

            // The sandbox emulates curie only and says so: proof the header reached the server.
            Assert.NotNull(result.Failure);
            Assert.StartsWith("NomosMeters.UpgradeApiVersion,", result.Failure!.FullyQualifiedErrorId);
            Assert.Contains("2026-05-27.curie", result.Failure.Exception.Message);
        }

        [Fact]
        public void ConnectingTheEnrollmentApiKeepsTheNomosConnectionAndTheReverse()
        {
            var result = _bed.Engine.Run(
                "Connect-Nomos -ClientId $id -ClientSecret $secret -BaseUri $uri; " +
                "Connect-Nomos -EnrollmentApiKey $key -EnrollmentBaseUri $uri; " +
                "(Get-NomosContext).Services; (Get-NomosContext).EnrollmentEnvironment; Get-MeterOrder -First 1; Search-MeterEnrollment -First 1; " +
                "Connect-Nomos -ClientId $id -ClientSecret $secret -BaseUri $uri; (Get-NomosContext).Services");

            result.AssertNoErrors();
            Assert.Equal("Nomos, Enrollment", result.Output[0].BaseObject);
            Assert.Equal("Custom", result.Output[1].BaseObject);
            Assert.Single(result.Objects<MeterOrder>());
            Assert.Single(result.Objects<NomosMeters.Models.Enrollments.MeterEnrollment>());
            Assert.Equal("Nomos, Enrollment", result.Output.Last().BaseObject);
        }

        [Fact]
        public void WrongEnrollmentKeyFailsAtConnectAndLeavesTheCurrentConnectionAlone()
        {
            var result = _bed.Engine.Run(
                "Connect-Nomos -ClientId $id -ClientSecret $secret -BaseUri $uri; " +
                "Connect-Nomos -EnrollmentApiKey $notKey -EnrollmentBaseUri $uri");

            var error = result.Failure!;
            Assert.Equal("NomosMeters.Unauthorized,NomosMeters.Commands.ConnectNomosCommand", error.FullyQualifiedErrorId);
            Assert.Contains("-EnrollmentEnvironment", error.ErrorDetails.RecommendedAction);
            Assert.DoesNotContain("not-the-key", error.ErrorDetails.Message + error.Exception.Message);
            Assert.Equal("Nomos", _bed.Engine.Run("(Get-NomosContext).Services").Output.Single().BaseObject);
        }

        [Fact]
        public void EnrollmentCmdletWithoutEnrollmentConnectionNamesTheParameters()
        {
            var result = _bed.Engine.Run(
                "Connect-Nomos -ClientId $id -ClientSecret $secret -BaseUri $uri; Search-MeterEnrollment");

            Assert.Equal("NomosMeters.NotConnected,NomosMeters.Commands.SearchMeterEnrollmentCommand", result.Failure!.FullyQualifiedErrorId);
            Assert.Contains("-EnrollmentApiKey", result.Failure.Exception.Message);
            Assert.Contains("NOMOS_ENROLLMENT_API_KEY", result.Failure.Exception.Message);
        }

        [Fact]
        public void SecretsNeverAppearInOutputContextVerboseOrDebug()
        {
            var result = _bed.Engine.Run(
                "Connect-Nomos -ClientId $id -ClientSecret $secret -BaseUri $uri -EnrollmentApiKey $key -EnrollmentBaseUri $uri -PassThru -Verbose -Debug; " +
                "$c = Get-NomosContext; \"$c\"; $c.PSObject.Properties | ForEach-Object { \"$($_.Name)=$($_.Value)\" }; " +
                "Get-MeterOrder -First 1 -Verbose -Debug | ForEach-Object Id; Search-MeterEnrollment -First 1 -Verbose -Debug | ForEach-Object MeterId");

            result.AssertNoErrors();
            var everything = string.Join("\n", result.Output.Select(o => o.ToString())
                .Concat(result.Verbose).Concat(result.Debug).Concat(result.Warnings).Concat(result.Information));
            Assert.Contains("ClientId=" + SandboxOptions.DefaultClientId, everything);
            Assert.NotEmpty(result.Verbose);
            Assert.DoesNotContain(SandboxOptions.DefaultClientSecret, everything);
            Assert.DoesNotContain(SandboxOptions.DefaultEnrollmentApiKey, everything);
            Assert.DoesNotMatch("Bearer (?!\\[redacted\\])", everything);
            Assert.DoesNotMatch("Basic (?!\\[redacted\\])", everything);
        }

        [Fact]
        public void SandboxContextShowsWhatIsConnectedAndDisconnectClearsIt()
        {
            var result = _bed.Engine.Run("Connect-Nomos -Sandbox; $c = Get-NomosContext; $c.IsSandbox; $c.ApiVersion; $c.BaseUri.AbsoluteUri; \"$c\"; $c.Services; Disconnect-Nomos; @(Get-NomosContext).Count");

            result.AssertNoErrors();
            Assert.Equal(true, result.Output[0].BaseObject);
            Assert.Equal("2026-05-27.curie", result.Output[1].BaseObject);
            Assert.Equal(NomosSandbox.NomosBaseUri + "/", result.Output[2].BaseObject);
            Assert.Equal(
                $"Nomos {NomosSandbox.NomosBaseUri} (ClientCredentials, client id {SandboxOptions.DefaultClientId}); Enrollment {NomosSandbox.EnrollmentBaseUri} (Sandbox)",
                result.Output[3].BaseObject);
            Assert.Equal("Nomos, Enrollment", result.Output[4].BaseObject);
            Assert.Equal(0, result.Output[5].BaseObject);
        }
    }
}
