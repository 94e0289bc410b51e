using System;
using System.Linq;
using System.Text;
using System.Text.Json;
using NomosMeters.Sandbox;
using NomosMeters.Tests.Infrastructure;
using NomosMeters.Tests.TestBeds;
using Xunit;

namespace NomosMeters.Tests.Hosted
{
    /// <summary>-Verbose (one line per request) and -Debug (headers and bodies, secrets redacted) over real sockets.</summary>
    [Collection(HostedEngineCollection.Name)]
    public sealed class TraceHostedTests : IDisposable
    {
        private readonly EngineBed _bed = TestBed.Sandbox(new SandboxOptions { MeterOrderCount = 300, MeterEnrollmentCount = 300 }).OverLoopback().Engine();

        public void Dispose() => _bed.Dispose();

        [Fact]
        public void VerboseShowsOneLinePerRequestWithStatusTimeAttemptAndRequestId()
        {
            _bed.Loopback.Inject(1, Fault.ServiceUnavailable);
            _bed.Connect("-RateLimit 0");

            var result = _bed.Engine.Run("Get-MeterOrder -First 2 -Verbose");

            result.AssertNoErrors();
            var lines = result.Verbose.Where(v => v.StartsWith("GET ", StringComparison.Ordinal)).ToList();
            Assert.Equal(3, lines.Count);
            Assert.Matches(@"^GET /meter-orders\?limit=2 -> 503 \(\d+ ms\)$", lines[0]);
            Assert.Matches(@"^GET /meter-orders\?limit=2: SERVER_ERROR, retry 1 of 4 in \d+ ms$", lines[1]);
            Assert.Matches(@"^GET /meter-orders\?limit=2 -> 200 \(\d+ ms\) attempt 2 request id [0-9a-f-]{36}$", lines[2]);
        }

        [Fact]
        public void DebugShowsHeadersAndBodiesWithEveryCredentialRedacted()
        {
            var result = _bed.Engine.Run(
                "Connect-Nomos -ClientId $id -ClientSecret $secret -BaseUri $uri -EnrollmentApiKey $key -EnrollmentBaseUri $uri -RateLimit 0 -Debug; " +
                "Get-MeterOrder -First 2 -Debug | ForEach-Object Id; " +
                "Search-MeterEnrollment -First 1 -Debug | ForEach-Object MeterId; " +
                "Get-MeterOrder -Id prdo_doesnotexist000000000000 -Debug");

            var debug = string.Join("\n", result.Debug);
            Assert.Contains(">> POST " + _bed.Loopback.BaseUri.AbsoluteUri + "oauth/token", debug);
            Assert.Contains(">> Authorization: Basic [redacted]", debug);
            Assert.Contains(">> Authorization: Bearer [redacted]", debug);
            Assert.Contains(">> X-API-Version: 2026-05-27.curie", debug);
            Assert.Contains(">> [redacted] (", debug);
            Assert.Contains("<< 200 OK (", debug);
            Assert.Contains("<< Content-Type: application/json", debug);
            Assert.Contains("<< {\"object\":\"list\",\"items\":[{", debug);
            Assert.Contains(">> {\"page_size\":1", debug);
            Assert.Contains("<< 404 Not Found (", debug);

            // Every credential that took part: the client secret, the enrollment key, the Basic pair, and each token issued.
            var secrets = new[]
                {
                    SandboxOptions.DefaultClientSecret,
                    SandboxOptions.DefaultEnrollmentApiKey,
                    Convert.ToBase64String(Encoding.UTF8.GetBytes(SandboxOptions.DefaultClientId + ":" + SandboxOptions.DefaultClientSecret)),
                }
                .Concat(_bed.Log.Token.Select(r => r.TokenResponse!).SelectMany(TokensIn))
                .ToList();
            Assert.True(secrets.Count >= 5, "no token was issued, so the test proves nothing about tokens");
            var everything = string.Join("\n", result.Output.Select(o => o.ToString())
                .Concat(result.Verbose).Concat(result.Debug).Concat(result.Warnings).Concat(result.Information)
                .Concat(result.AllErrors.Select(e => e.ToString() + e.Exception + e.ErrorDetails?.RecommendedAction)));
            Assert.All(secrets, secret => Assert.DoesNotContain(secret, everything));
        }

        private static string[] TokensIn(string tokenBody)
        {
            using var json = JsonDocument.Parse(tokenBody);
            return new[] { "access_token", "refresh_token" }
                .Select(name => json.RootElement.TryGetProperty(name, out var value) ? value.GetString() : null)
                .Where(value => !string.IsNullOrEmpty(value))
                .Select(value => value!)
                .ToArray();
        }
    }
}
