using System;
using System.Linq;
using System.Management.Automation;
using NomosMeters.Tests.Infrastructure;
using Xunit;

namespace NomosMeters.Tests.Hosted
{
    /// <summary>Connect-Nomos timeout, retry and rate settings: parameter, else environment variable, else default.</summary>
    [Collection(HostedEngineCollection.Name)]
    public sealed class ConnectNomosSettingsTests : IDisposable
    {
        private static readonly string[] Variables = { "NOMOS_TIMEOUT_SEC", "NOMOS_MAXIMUM_RETRY_COUNT", "NOMOS_RETRY_BUDGET_SEC", "NOMOS_RATE_LIMIT" };

        private readonly HostedEngine _engine = new HostedEngine();

        public void Dispose()
        {
            foreach (var variable in Variables)
            {
                Environment.SetEnvironmentVariable(variable, null);
            }

            _engine.Run("Disconnect-Nomos");
            _engine.Dispose();
        }

        private NomosConnection Connect(string arguments = "")
        {
            var result = _engine.Run("Connect-Nomos -Sandbox -PassThru " + arguments);
            result.AssertNoErrors();
            return Assert.IsType<NomosConnection>(Assert.Single(result.Output).BaseObject);
        }

        [Fact]
        public void DefaultsAreTheDocumentedOnesAndTheSandboxIsNotRateLimited()
        {
            var connection = Connect();

            Assert.Equal(TimeSpan.FromSeconds(100), connection.RequestTimeout);
            Assert.Equal(4, connection.MaximumRetryCount);
            Assert.Equal(TimeSpan.FromMinutes(2), connection.RetryBudget);
            Assert.Equal(0, connection.RateLimit);
        }

        [Fact]
        public void ParametersSetTheConnectionsSettingsAndGetNomosContextShowsThem()
        {
            Connect("-TimeoutSec 30 -MaximumRetryCount 2 -RetryBudgetSec 45 -RateLimit 2.5");

            var context = Assert.IsType<NomosConnection>(Assert.Single(_engine.Run("Get-NomosContext").Output).BaseObject);

            Assert.Equal(TimeSpan.FromSeconds(30), context.RequestTimeout);
            Assert.Equal(TimeSpan.FromSeconds(30), context.Nomos!.Transport.Options.RequestTimeout);
            Assert.Equal(2, context.MaximumRetryCount);
            Assert.Equal(TimeSpan.FromSeconds(45), context.RetryBudget);
            Assert.Equal(2.5, context.RateLimit);
        }

        [Fact]
        public void EnvironmentVariablesApplyWhenNoParameterIsGiven()
        {
            Environment.SetEnvironmentVariable("NOMOS_TIMEOUT_SEC", "20");
            Environment.SetEnvironmentVariable("NOMOS_MAXIMUM_RETRY_COUNT", "0");
            Environment.SetEnvironmentVariable("NOMOS_RETRY_BUDGET_SEC", "600");
            Environment.SetEnvironmentVariable("NOMOS_RATE_LIMIT", "7.5");

            var connection = Connect();

            Assert.Equal(TimeSpan.FromSeconds(20), connection.RequestTimeout);
            Assert.Equal(0, connection.MaximumRetryCount);
            Assert.Equal(TimeSpan.FromSeconds(600), connection.RetryBudget);
            Assert.Equal(7.5, connection.RateLimit);
        }

        [Fact]
        public void AParameterBeatsTheEnvironmentVariable()
        {
            Environment.SetEnvironmentVariable("NOMOS_TIMEOUT_SEC", "20");
            Environment.SetEnvironmentVariable("NOMOS_RATE_LIMIT", "7.5");

            var connection = Connect("-TimeoutSec 5 -RateLimit 0");

            Assert.Equal(TimeSpan.FromSeconds(5), connection.RequestTimeout);
            Assert.Equal(0, connection.RateLimit);
        }

        [Theory]
        [InlineData("NOMOS_TIMEOUT_SEC", "ten", "TimeoutSec")]
        [InlineData("NOMOS_TIMEOUT_SEC", "0", "TimeoutSec")]
        [InlineData("NOMOS_MAXIMUM_RETRY_COUNT", "2.5", "MaximumRetryCount")]
        [InlineData("NOMOS_RETRY_BUDGET_SEC", "-1", "RetryBudgetSec")]
        [InlineData("NOMOS_RATE_LIMIT", "fast", "RateLimit")]
        public void ABadEnvironmentValueFailsTheConnectAndNamesTheVariable(string variable, string value, string parameter)
        {
            Connect();
            Environment.SetEnvironmentVariable(variable, value);

            var result = _engine.Run("Connect-Nomos -Sandbox -PassThru");

            var error = Assert.IsType<ErrorRecord>(result.Failure);
            Assert.Equal("NomosMeters.InvalidEnvironmentVariable,NomosMeters.Commands.ConnectNomosCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
            Assert.Equal(variable, error.TargetObject);
            Assert.Contains($"{variable} is '{value}'", error.ToString());
            Assert.Contains("-" + parameter, error.ErrorDetails.RecommendedAction);
            Assert.Empty(result.Output);

            // The previous connection stays current.
            Assert.True(Assert.IsType<NomosConnection>(Assert.Single(_engine.Run("Get-NomosContext").Output).BaseObject).IsConnected);
        }

        [Theory]
        [InlineData("-TimeoutSec 0")]
        [InlineData("-TimeoutSec 3601")]
        [InlineData("-MaximumRetryCount 11")]
        [InlineData("-RetryBudgetSec -1")]
        [InlineData("-RateLimit -0.5")]
        public void OutOfRangeParametersAreRefusedBeforeAnythingHappens(string arguments)
        {
            var result = _engine.Run("Connect-Nomos -Sandbox " + arguments);

            Assert.StartsWith("ParameterArgumentValidationError", Assert.IsType<ErrorRecord>(result.Failure).FullyQualifiedErrorId);
            Assert.Empty(_engine.Run("Get-NomosContext").Output);
        }
    }
}
