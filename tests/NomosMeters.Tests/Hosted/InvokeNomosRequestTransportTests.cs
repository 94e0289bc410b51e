using System;
using System.Diagnostics;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using NomosMeters.Sandbox;
using NomosMeters.Tests.Infrastructure;
using NomosMeters.Tests.TestBeds;
using Xunit;

namespace NomosMeters.Tests.Hosted
{
    /// <summary>
    /// Invoke-NomosRequest against the sandbox over real sockets with injected faults: it gets what every cmdlet gets
    /// from the transport (retries, the write rule, renewal, tracing, Ctrl+C), because it goes through it.
    /// </summary>
    [Collection(HostedEngineCollection.Name)]
    public sealed class InvokeNomosRequestTransportTests : IDisposable
    {
        private EngineBed? _bed;

        public void Dispose() => _bed?.Dispose();

        private EngineBed Serve(SandboxOptions options)
        {
            _bed = TestBed.Sandbox(options).OverLoopback().Engine();
            return _bed;
        }

        [Fact]
        public void AListIsReadWholeThroughServerErrorsAndAResetMidBody()
        {
            var bed = Serve(new SandboxOptions { MeterOrderCount = 150 });
            bed.Loopback.Inject(1, Fault.ServiceUnavailable).Inject(3, Fault.ResetMidBody).Inject(5, Fault.InternalServerError);
            bed.Connect("-RateLimit 0");

            var result = bed.Engine.Run("Invoke-NomosRequest /meter-orders -Query @{ limit = 50 } -All -Verbose");

            result.AssertNoErrors();
            var ids = result.Output.Select(o => (string)o.Properties["id"].Value).ToList();
            Assert.Equal(bed.Sandbox.MeterOrders.Select(o => o.Id), ids);

            // Three pages and three repeats, each with one verbose line (its status, or how it failed) and one per retry.
            Assert.Equal(6, bed.Loopback.Arrived);
            Assert.Equal(6, result.Verbose.Count(v => v.StartsWith("GET /meter-orders?limit=50", StringComparison.Ordinal) && (v.Contains(" -> ") || v.Contains(" failed after "))));
            Assert.Equal(3, result.Verbose.Count(v => v.Contains(", retry 1 of ")));
        }

        [Fact]
        public void APostIsNotRepeatedAfterAServerErrorButIsAfterA429()
        {
            var bed = Serve(new SandboxOptions());
            bed.Loopback.Inject(1, Fault.InternalServerError).Inject(2, Fault.TooManyRequests);
            bed.Connect("-RateLimit 0");
            var subscription = NomosSandbox.WellKnownSubscriptions[0];
            bed.Engine.SetVariable("subscription", subscription);

            var failed = bed.Engine.Run("Invoke-NomosRequest -Method POST /meter-orders -Body @{ subscription = $subscription } -Confirm:$false");
            var created = bed.Engine.Run("Invoke-NomosRequest -Method POST /meter-orders -Body @{ subscription = $subscription } -Confirm:$false");

            Assert.Equal("NomosMeters.ServerError", Assert.Single(failed.Errors).FullyQualifiedErrorId.Split(',')[0]);
            created.AssertNoErrors();
            Assert.Equal(subscription, Assert.Single(created.Output).Properties["subscription"].Value);
            Assert.Equal(new int?[] { 500, 429, 200 }, bed.Log.Api.Select(r => r.Status));
            Assert.Single(bed.Sandbox.MeterOrders, o => o.Subscription == subscription);
        }

        [Fact]
        public void AnExpiredTokenIsRenewedBeforeTheRequest()
        {
            var bed = Serve(new SandboxOptions { AccessTokenLifetime = TimeSpan.FromSeconds(2) });
            bed.Connect("-RateLimit 0");
            Thread.Sleep(TimeSpan.FromMilliseconds(2100));

            var result = bed.Engine.Run("Invoke-NomosRequest /meter-orders -Query @{ limit = 1 }");

            result.AssertNoErrors();
            Assert.Equal("list", Assert.Single(result.Output).Properties["object"].Value);
            Assert.Equal(2, bed.Sandbox.TokensIssued);
            Assert.Equal(0, bed.Log.Count(401));
        }

        [Fact]
        public void CtrlCDuringARetryWaitStopsWithinASecond()
        {
            var bed = Serve(new SandboxOptions { MeterOrderCount = 100 });
            bed.Loopback.EveryRequest = Fault.TooManyRequests;
            bed.Loopback.RetryAfterSeconds = 30;
            bed.Connect("-RateLimit 0");

            using var ps = PowerShell.Create();
            ps.Runspace = bed.Engine.Runspace;
            ps.AddScript("Invoke-NomosRequest /meter-orders -All");
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
    }
}
