using System;
using System.Diagnostics;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using NomosMeters.Models;
using NomosMeters.Sandbox;
using NomosMeters.Tests.Infrastructure;
using NomosMeters.Tests.TestBeds;
using Xunit;

namespace NomosMeters.Tests.Hosted
{
    /// <summary>
    /// The cmdlets, through the hosted engine, against the sandbox over real sockets with injected faults:
    /// throttling, server errors, resets mid-body, stalls, bad bodies, short-lived tokens, Ctrl+C.
    /// </summary>
    [Collection(HostedEngineCollection.Name)]
    public sealed class FaultInjectionTests : IDisposable
    {
        private EngineBed? _bed;

        public void Dispose() => _bed?.Dispose();

        // Each test seeds the sandbox it needs.
        private EngineBed Serve(SandboxOptions options)
        {
            _bed = TestBed.Sandbox(options).OverLoopback().Engine();
            _bed.Engine.SetVariable("manifest", RepoPaths.ModuleManifest);
            return _bed;
        }

        [Fact]
        [Trait("Category", "Slow")]
        public void AMultiPageStreamUnderMixedFaultsReturnsEveryObjectExactlyOnce()
        {
            var bed = Serve(new SandboxOptions { MeterOrderCount = 1000 });
            bed.Loopback.SlowDelay = TimeSpan.FromSeconds(3);
            bed.Loopback.Inject(2, Fault.TooManyRequests)
                .Inject(3, Fault.InternalServerError)
                .Inject(5, Fault.ServiceUnavailable)
                .Inject(7, Fault.ResetMidBody)
                .Inject(9, Fault.Slow)
                .Inject(11, Fault.InternalServerErrorNoHint);
            bed.Connect("-TimeoutSec 1 -RateLimit 0");

            var result = bed.Engine.Run("Get-MeterOrder -PageSize 100 -Verbose");

            result.AssertNoErrors();
            var ids = result.Objects<MeterOrder>().Select(o => o.Id).ToList();
            Assert.Equal(1000, ids.Count);
            Assert.Equal(ids.Count, ids.Distinct().Count());
            Assert.Equal(bed.Sandbox.MeterOrders.Select(o => o.Id).OrderBy(i => i, StringComparer.Ordinal), ids.OrderBy(i => i, StringComparer.Ordinal));

            // Every planned fault really happened, and each cost exactly one retry: 10 pages + 6 repeats.
            Assert.Equal(16, bed.Loopback.Arrived);
            Assert.Equal(6, result.Verbose.Count(v => v.Contains(", retry ")));
            Assert.Contains(result.Verbose, v => v.Contains("TOO_MANY_REQUESTS, retry 1 of 4"));
            Assert.Contains(result.Verbose, v => v.Contains("SERVER_ERROR, retry 2 of 4"));
            Assert.Contains(result.Verbose, v => v.Contains("TIMEOUT, retry 1"));
            Assert.Contains(result.Verbose, v => v.Contains("CONNECTION_FAILED, retry 1"));
        }

        [Fact]
        [Trait("Category", "Slow")]
        public void TokensThatExpireEveryTwoSecondsAreRenewedAheadOfTimeOverALongerStream()
        {
            var bed = Serve(new SandboxOptions { MeterOrderCount = 1000, AccessTokenLifetime = TimeSpan.FromSeconds(2) });
            bed.Loopback.Latency = TimeSpan.FromMilliseconds(150);
            bed.Connect("-RateLimit 0");

            var result = bed.Engine.Run("Get-MeterOrder -PageSize 50");

            result.AssertNoErrors();
            Assert.Equal(1000, result.Objects<MeterOrder>().Select(o => o.Id).Distinct().Count());
            Assert.True(bed.Sandbox.TokensIssued >= 2, $"{bed.Sandbox.TokensIssued} token(s) issued over a stream longer than a token's life");
            Assert.Equal(0, bed.Log.Count(401));
        }

        [Theory]
        [InlineData(Fault.TooManyRequests)]
        [InlineData(Fault.Slow)]
        public void CtrlCDuringALongWaitStopsWithinASecond(Fault fault)
        {
            var bed = Serve(new SandboxOptions { MeterOrderCount = 100 });
            bed.Loopback.EveryRequest = fault;
            bed.Loopback.RetryAfterSeconds = 30;
            bed.Loopback.SlowDelay = TimeSpan.FromSeconds(30);
            bed.Connect("-RateLimit 0");

            using var ps = PowerShell.Create();
            ps.Runspace = bed.Engine.Runspace;
            ps.AddScript("Get-MeterOrder -First 5");
            var running = ps.BeginInvoke();
            Assert.True(SpinWait.SpinUntil(() => bed.Loopback.Arrived == 1, TimeSpan.FromSeconds(10)), "the request never arrived");
            Thread.Sleep(300);

            var watch = Stopwatch.StartNew();
            ps.Stop();
            watch.Stop();

            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1), $"Stop took {watch.Elapsed.TotalMilliseconds:0} ms");
            Assert.Equal(PSInvocationState.Stopped, ps.InvocationStateInfo.State);
            Assert.Throws<PipelineStoppedException>(() => ps.EndInvoke(running));
            Assert.Equal(1, bed.Loopback.Arrived);
        }

        [Fact]
        [Trait("Category", "Slow")]
        public void EightParallelRunspacesOnOneConnectionAllSucceedWithOneRefresh()
        {
            var bed = Serve(new SandboxOptions { MeterOrderCount = 200, AccessTokenLifetime = TimeSpan.FromSeconds(2) });
            var connected = bed.Engine.Run("Connect-Nomos -ClientId $id -ClientSecret $secret -BaseUri $uri -RateLimit 0 -PassThru");
            connected.AssertNoErrors();
            bed.Engine.SetVariable("c", connected.Output.Single().BaseObject);
            Assert.Equal(1, bed.Sandbox.TokensIssued);

            // Into the renewal margin (the last quarter of the token's life): every runspace now needs a new token.
            Thread.Sleep(TimeSpan.FromMilliseconds(1900));
            var result = bed.Engine.Run("1..8 | ForEach-Object -Parallel { Import-Module $using:manifest; Get-MeterOrder -First 5 -Connection $using:c } -ThrottleLimit 8");

            result.AssertNoErrors();
            Assert.Equal(40, result.Output.Count);
            Assert.Equal(2, bed.Sandbox.TokensIssued);
            Assert.Equal(0, bed.Log.Count(401));
        }

        [Fact]
        [Trait("Category", "Slow")]
        public void BulkLookupsStayUnderTheConfiguredRateWithZero429s()
        {
            var bed = Serve(new SandboxOptions { MeterOrderCount = 100 });
            bed.Loopback.RateLimit = 20;
            var ids = bed.Sandbox.MeterOrders.Take(40).Select(o => o.Id).Reverse().ToArray();
            bed.Engine.SetVariable("ids", ids);
            bed.Connect("-RateLimit 20");

            var limited = bed.Engine.Run("$ids | Get-MeterOrder");

            limited.AssertNoErrors();
            Assert.Equal(ids, limited.Objects<MeterOrder>().Select(o => o.Id));
            Assert.Equal(0, bed.Log.Count(429));

            // Control: the same lookups unthrottled do provoke the server's 429s (and are still all answered).
            bed.Connect("-RateLimit 0");
            var unlimited = bed.Engine.Run("$ids | Get-MeterOrder");

            unlimited.AssertNoErrors();
            Assert.Equal(ids, unlimited.Objects<MeterOrder>().Select(o => o.Id));
            Assert.True(bed.Log.Count(429) > 0, "the unthrottled control run met no 429, so the server did not enforce its limit");
        }

        [Fact]
        public void AMalformedPageIsFetchedAgainAndTheStreamGoesOnWithNothingLostOrRepeated()
        {
            var bed = Serve(new SandboxOptions { MeterOrderCount = 500 });
            bed.Loopback.Inject(3, Fault.MalformedJson);
            bed.Connect("-RateLimit 0");

            var result = bed.Engine.Run("Get-MeterOrder -PageSize 100 -Verbose");

            result.AssertNoErrors();
            var ids = result.Objects<MeterOrder>().Select(o => o.Id).ToList();
            Assert.Equal(500, ids.Count);
            Assert.Equal(500, ids.Distinct().Count());
            // A GET is safe to repeat: the broken page is asked for once more, as a whole, and traced.
            Assert.Equal(6, bed.Loopback.Arrived);
            Assert.Contains(result.Verbose, line => line.Contains("INVALID_RESPONSE, retry 1 of"));
        }

        [Fact]
        public void APageThatStaysMalformedEndsTheStreamSayingHowManyWereWrittenAndHowToGoOn()
        {
            var bed = Serve(new SandboxOptions { MeterOrderCount = 500 });
            bed.Loopback.Inject(3, Fault.MalformedJson).Inject(4, Fault.MalformedJson);
            bed.Connect("-RateLimit 0 -MaximumRetryCount 1");

            var result = bed.Engine.Run("Get-MeterOrder -PageSize 100");

            Assert.Equal(200, result.Objects<MeterOrder>().Select(o => o.Id).Distinct().Count());
            var error = Assert.IsType<ErrorRecord>(result.Failure);
            Assert.Equal("NomosMeters.InvalidResponse,NomosMeters.Commands.GetMeterOrderCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidResult, error.CategoryInfo.Category);
            Assert.Contains("not valid JSON", error.ToString());
            Assert.Contains("after 200 meter orders", error.ToString());
            Assert.Contains("run: Get-MeterOrder -PageSize 100 -ResumeToken '", error.ErrorDetails.RecommendedAction);
            Assert.Equal(4, bed.Loopback.Arrived);
        }

        [Fact]
        public void APageThatStillFailsAfterItsRetriesEndsTheStreamSayingHowToResume()
        {
            var bed = Serve(new SandboxOptions { MeterOrderCount = 500 });
            bed.Loopback.Inject(3, Fault.ServiceUnavailable).Inject(4, Fault.ServiceUnavailable);
            bed.Connect("-RateLimit 0 -MaximumRetryCount 1");

            var result = bed.Engine.Run("Get-MeterOrder -PageSize 100");

            Assert.Equal(200, result.Objects<MeterOrder>().Select(o => o.Id).Distinct().Count());
            var error = Assert.IsType<ErrorRecord>(result.Failure);
            Assert.Equal("NomosMeters.ServerError,NomosMeters.Commands.GetMeterOrderCommand", error.FullyQualifiedErrorId);
            Assert.Contains("Gave up after 2 attempts", error.ToString());
            Assert.Contains("after 200 meter orders", error.ToString());
            var advice = error.ErrorDetails.RecommendedAction;
            Assert.Contains("run: Get-MeterOrder -PageSize 100 -ResumeToken '", advice);
            Assert.Equal(4, bed.Loopback.Arrived);

            // Going on as advised gives exactly the rest.
            var rest = bed.Engine.Run(advice.Substring(advice.IndexOf("run: ", StringComparison.Ordinal) + "run: ".Length));
            rest.AssertNoErrors();
            var all = result.Objects<MeterOrder>().Concat(rest.Objects<MeterOrder>()).Select(o => o.Id).ToList();
            Assert.Equal(500, all.Distinct().Count());
            Assert.Equal(500, all.Count);
        }

        [Fact]
        public void GoingOnAsAdvisedWithFirstAsksWithTheLimitItsCursorWasMadeWith()
        {
            var bed = Serve(new SandboxOptions { MeterOrderCount = 500 });
            bed.Loopback.Inject(3, Fault.ServiceUnavailable).Inject(4, Fault.ServiceUnavailable);
            bed.Connect("-RateLimit 0 -MaximumRetryCount 1");

            var result = bed.Engine.Run("Get-MeterOrder -PageSize 100 -First 250");

            Assert.Equal(200, result.Objects<MeterOrder>().Count);
            var advice = Assert.IsType<ErrorRecord>(result.Failure).ErrorDetails.RecommendedAction;
            Assert.Contains("-First 50", advice);

            // The sandbox, as the API, refuses a cursor with any other limit than its own: 100, not the 50 still wanted.
            var rest = bed.Engine.Run(advice.Substring(advice.IndexOf("run: ", StringComparison.Ordinal) + "run: ".Length));
            rest.AssertNoErrors();
            var all = result.Objects<MeterOrder>().Concat(rest.Objects<MeterOrder>()).Select(o => o.Id).ToList();
            Assert.Equal(250, all.Count);
            Assert.Equal(250, all.Distinct().Count());
        }

        [Fact]
        public void AnHtmlPageInsteadOfJsonIsAClearError()
        {
            var bed = Serve(new SandboxOptions { MeterOrderCount = 100 });
            bed.Loopback.EveryRequest = Fault.HtmlPage;
            bed.Connect("-RateLimit 0 -MaximumRetryCount 1");

            var result = bed.Engine.Run("Get-MeterOrder");

            var error = Assert.IsType<ErrorRecord>(result.Failure);
            Assert.Equal("NomosMeters.InvalidResponse,NomosMeters.Commands.GetMeterOrderCommand", error.FullyQualifiedErrorId);
            Assert.Contains("text/html, not JSON", error.ToString());
            Assert.Contains("Gave up after 2 attempts", error.ToString());
            Assert.Empty(result.Output);
        }

        [Fact]
        public void IdsWithSlashesOrQuestionMarksStayInsideTheirPathSegment()
        {
            var bed = Serve(new SandboxOptions { MeterOrderCount = 10 });
            bed.Connect("-RateLimit 0");

            var result = bed.Engine.Run("'prdo_x/../../oauth/token', 'prdo_y?limit=1&cursor=z', 'prdo_z#frag' | Get-MeterOrder");

            Assert.Empty(result.Output);
            Assert.Equal(3, result.Errors.Count);
            Assert.All(result.Errors, e => Assert.StartsWith("NomosMeters.NotFound,", e.FullyQualifiedErrorId));
            Assert.Equal(
                new[] { "/meter-orders/prdo_x%2F..%2F..%2Foauth%2Ftoken", "/meter-orders/prdo_y%3Flimit%3D1%26cursor%3Dz", "/meter-orders/prdo_z%23frag" },
                bed.Log.Api.Select(r => r.Uri.PathAndQuery).OrderBy(p => p, StringComparer.Ordinal));
        }
    }
}
