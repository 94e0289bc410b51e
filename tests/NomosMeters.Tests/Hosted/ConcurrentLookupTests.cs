using System;
using System.Collections.Generic;
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
    /// Lookups by id with several requests in flight, against the sandbox over real sockets: how many run at once,
    /// the order of the output, what a slow consumer holds back, per-id errors, a stopping error and Ctrl+C.
    /// </summary>
    [Collection(HostedEngineCollection.Name)]
    public sealed class ConcurrentLookupTests : IDisposable
    {
        private readonly EngineBed _bed = TestBed.Sandbox(new SandboxOptions { MeterOrderCount = 60, MeterEnrollmentCount = 3500 }).OverLoopback().Engine();

        public void Dispose() => _bed.Dispose();

        private List<string> Ids(int count) => _bed.Sandbox.MeterOrders.Take(count).Select(o => o.Id).ToList();

        private void SetIds(List<string> ids) => _bed.Engine.SetVariable("ids", ids.ToArray());

        [Fact]
        public void LookupsRunUpToTheThrottleLimitAtOnceAndComeOutInInputOrderWhateverOrderTheyFinishIn()
        {
            var ids = Ids(12);
            SetIds(ids);
            // The earlier an id is in the input, the later its answer comes.
            _bed.Loopback.LatencyFor = r => TimeSpan.FromMilliseconds(360 - (30 * ids.FindIndex(id => r.Uri.AbsolutePath.EndsWith(id, StringComparison.Ordinal))));
            _bed.Connect("-RateLimit 0");

            var result = _bed.Engine.Run("$ids | Get-MeterOrder -ThrottleLimit 4");

            result.AssertNoErrors();
            Assert.Equal(ids, result.Objects<MeterOrder>().Select(o => o.Id));
            Assert.Equal(4, _bed.Loopback.PeakInFlight);
            Assert.Equal(12, _bed.Log.Api.Count);
        }

        [Fact]
        public void FirstWritesNothingOfWhatIsStillInFlightOnceItHasItsOrders()
        {
            var ids = Ids(12);
            var bad = "prdo_doesnotexist000000000000";
            _bed.Engine.SetVariable("ids", ids.Take(3).Append(bad).Concat(ids.Skip(3)).ToArray());
            // The first three answer last, so the lookups after them are in flight, the unknown id's 404 among them.
            _bed.Loopback.LatencyFor = r => TimeSpan.FromMilliseconds(ids.Take(3).Any(id => r.Uri.AbsolutePath.EndsWith(id, StringComparison.Ordinal)) ? 300 : 20);
            _bed.Connect("-RateLimit 0");

            var result = _bed.Engine.Run("$ids | Get-MeterOrder -First 3 -ThrottleLimit 5");

            result.AssertNoErrors();
            Assert.Equal(ids.Take(3), result.Objects<MeterOrder>().Select(o => o.Id));
            // The unknown id was asked for and its error dropped with the rest; only the lookups started while the
            // first three were awaited went out.
            Assert.Contains(_bed.Log.Api, r => r.Wire.EndsWith(bad, StringComparison.Ordinal));
            Assert.Equal(5, _bed.Loopback.PeakInFlight);
            Assert.InRange(_bed.Log.Api.Count, 5, 7);
        }

        [Fact]
        public void WithoutThrottleLimitTheConnectionsLimitApplies()
        {
            SetIds(Ids(10));
            _bed.Loopback.Latency = TimeSpan.FromMilliseconds(150);
            _bed.Connect("-RateLimit 0 -ThrottleLimit 2");

            var result = _bed.Engine.Run("(Get-NomosContext).ThrottleLimit; Get-MeterOrder -Id $ids | Measure-Object | ForEach-Object Count");

            result.AssertNoErrors();
            Assert.Equal(new object[] { 2, 10 }, result.Output.Select(o => o.BaseObject));
            Assert.Equal(2, _bed.Loopback.PeakInFlight);
        }

        [Fact]
        public void TheDefaultIsFiveInFlight()
        {
            SetIds(Ids(15));
            _bed.Loopback.Latency = TimeSpan.FromMilliseconds(150);
            _bed.Connect("-RateLimit 0");

            var result = _bed.Engine.Run("(Get-NomosContext).ThrottleLimit; $ids | Get-MeterOrder | Measure-Object | ForEach-Object Count");

            result.AssertNoErrors();
            Assert.Equal(new object[] { 5, 15 }, result.Output.Select(o => o.BaseObject));
            Assert.Equal(5, _bed.Loopback.PeakInFlight);
        }

        [Fact]
        public void ASlowConsumerHoldsNewRequestsBack()
        {
            SetIds(Ids(20));
            _bed.Engine.SetVariable("server", _bed.Loopback);
            _bed.Connect("-RateLimit 0");

            // When the consumer takes the k-th order, at most k + 3 requests (the limit, 3, beyond the k - 1 taken) have started.
            var result = _bed.Engine.Run(
                "$k = 0; $ids | Get-MeterOrder -ThrottleLimit 3 | ForEach-Object { $k++; [pscustomobject]@{ K = $k; Started = $server.Arrived }; Start-Sleep -Milliseconds 40 }");

            result.AssertNoErrors();
            var seen = result.Output.Select(o => (K: (int)o.Properties["K"].Value, Started: (int)o.Properties["Started"].Value)).ToList();
            Assert.Equal(20, seen.Count);
            Assert.All(seen, s => Assert.True(s.Started <= s.K + 3, $"{s.Started} requests had started when order {s.K} was taken"));
            Assert.Contains(seen, s => s.Started == s.K + 2);
        }

        [Fact]
        public void ErrorsForSomeIdsComeInTheirPlaceAndTheOtherIdsGoOn()
        {
            var ids = Ids(3);
            _bed.Engine.SetVariable("ids", new[] { ids[0], "prdo_doesnotexist000000000000", ids[1], " ", "sub_4k2m9x7q1w8e5r3t6y0u2i4o", ids[2] });
            _bed.Loopback.LatencyFor = r => r.Uri.AbsolutePath.EndsWith(ids[0], StringComparison.Ordinal) ? TimeSpan.FromMilliseconds(300) : TimeSpan.Zero;
            _bed.Connect("-RateLimit 0");

            var result = _bed.Engine.Run("$ids | Get-MeterOrder 2>&1 | ForEach-Object { if ($_ -is [System.Management.Automation.ErrorRecord]) { 'error ' + $_.FullyQualifiedErrorId.Split(',')[0] } else { $_.Id } }");

            Assert.Equal(
                new object[] { ids[0], "error NomosMeters.NotFound", ids[1], "error NomosMeters.InvalidId", "error NomosMeters.WrongIdKind", ids[2] },
                result.Output.Select(o => o.BaseObject));
        }

        [Fact]
        public void AnErrorThatStopsEveryItemEndsThePipelineAndCancelsTheLookupsBehindIt()
        {
            SetIds(Ids(30));
            _bed.Loopback.Inject(1, Fault.Forbidden);
            _bed.Loopback.Latency = TimeSpan.FromMilliseconds(100);
            _bed.Connect("-RateLimit 0");

            var result = _bed.Engine.Run("$ids | Get-MeterOrder -ThrottleLimit 4");

            var failure = Assert.Single(result.AllErrors);
            Assert.Equal("NomosMeters.Forbidden", failure.FullyQualifiedErrorId.Split(',')[0]);
            Assert.Empty(result.Output);
            Assert.True(_bed.Loopback.Arrived <= 5, $"{_bed.Loopback.Arrived} requests were sent");
            Assert.True(SpinWait.SpinUntil(() => _bed.Loopback.InFlight == 0, TimeSpan.FromSeconds(2)), "requests are still running");
        }

        [Fact]
        public void EventLookupsAndTheOrdersOfEventsAlsoRunUpToTheThrottleLimitInInputOrder()
        {
            var events = _bed.Sandbox.MeterOrders.Take(4).SelectMany(o => _bed.Sandbox.EventsOf(o.Id)).Select(e => e.Id).ToList();
            _bed.Engine.SetVariable("eventIds", events.ToArray());
            _bed.Loopback.Latency = TimeSpan.FromMilliseconds(100);
            _bed.Connect("-RateLimit 0");

            var result = _bed.Engine.Run("$eventIds | Get-NomosEvent -ThrottleLimit 3 | ForEach-Object { $_.Id }");

            result.AssertNoErrors();
            Assert.Equal(events, result.Output.Select(o => (string)o.BaseObject));
            Assert.Equal(3, _bed.Loopback.PeakInFlight);
        }

        [Theory]
        [InlineData("Get-MeterEnrollment", "/v2/meters/enrollments/search")]
        [InlineData("Get-MeterDetail", "/v2/meters/search")]
        public void IndependentSearchesOfAThousandIdsRunSideBySideAndComeOutInInputOrder(string cmdlet, string path)
        {
            var ids = _bed.Sandbox.MeterEnrollments.Take(3500).Select(m => m.MeterId).Reverse().ToList();
            _bed.Engine.SetVariable("meterIds", ids.ToArray());
            _bed.Loopback.Latency = TimeSpan.FromMilliseconds(200);
            _bed.Connect("-EnrollmentBaseUri $uri -EnrollmentApiKey $key");
            var afterConnect = _bed.Log.Api.Count;

            var result = _bed.Engine.Run($"$meterIds | {cmdlet} | ForEach-Object MeterId");

            result.AssertNoErrors();
            Assert.Equal(ids, result.Output.Select(o => (Guid)o.BaseObject));
            // 3 searches of 1,000 ids (2 pages each) and one of 500 (1 page), all four at once.
            Assert.Equal(7, _bed.Log.Api.Skip(afterConnect).Count(r => r.Uri.AbsolutePath == path));
            Assert.Equal(4, _bed.Loopback.PeakInFlight);
        }

        [Fact]
        public void ASearchThatFailsIsOneErrorHoldingItsIdsAndTheOtherSearchesAreWritten()
        {
            var ids = _bed.Sandbox.MeterEnrollments.Take(3000).Select(m => m.MeterId).ToList();
            _bed.Engine.SetVariable("meterIds", ids.ToArray());
            // One at a time, so after Connect-Nomos's check of the key (request 1) and the first search (2 and 3), requests
            // 4 to 6 are the three attempts at the second search's first page.
            _bed.Loopback.Inject(4, Fault.InternalServerError).Inject(5, Fault.InternalServerError).Inject(6, Fault.InternalServerError);
            _bed.Connect("-EnrollmentBaseUri $uri -EnrollmentApiKey $key -MaximumRetryCount 2");

            var result = _bed.Engine.Run("$meterIds | Get-MeterEnrollment -ThrottleLimit 1 | ForEach-Object MeterId");

            Assert.Null(result.Terminating);
            Assert.Equal(ids.Take(1000).Concat(ids.Skip(2000)), result.Output.Select(o => (Guid)o.BaseObject));
            var error = Assert.Single(result.Errors);
            Assert.Equal(ids.Skip(1000).Take(1000), Assert.IsType<Guid[]>(error.TargetObject));
            Assert.Contains("The search for 1000 meter ids failed: none of them was written.", error.ErrorDetails.Message);
            Assert.Contains("$Error[0].TargetObject | Get-MeterEnrollment", error.ErrorDetails.RecommendedAction);
        }

        [Fact]
        public void InputErrorsWaitingForTheirTurnTakeNoSlotOfTheThrottleLimit()
        {
            var ids = Ids(4);
            _bed.Engine.SetVariable("ids", new[] { ids[0], " ", ids[1], " ", ids[2], " ", ids[3] });
            _bed.Loopback.Latency = TimeSpan.FromMilliseconds(150);
            _bed.Connect("-RateLimit 0");

            var result = _bed.Engine.Run("$ids | Get-MeterOrder -ThrottleLimit 2 | ForEach-Object Id");

            Assert.Equal(ids, result.Output.Select(o => (string)o.BaseObject));
            Assert.Equal(3, result.Errors.Count);
            Assert.Equal(2, _bed.Loopback.PeakInFlight);
        }

        [Fact]
        public void WithAThrottleLimitOfOneEachResultIsWrittenBeforeTheNextInputIsRead()
        {
            SetIds(Ids(2));
            _bed.Connect("-RateLimit 0");

            // The second id comes 1.5 s after the first: the first order must not wait for it.
            var result = _bed.Engine.Run(
                "$watch = [Diagnostics.Stopwatch]::StartNew(); & { $ids[0]; Start-Sleep -Milliseconds 1500; $ids[1] } | Get-MeterOrder -ThrottleLimit 1 | ForEach-Object { $watch.ElapsedMilliseconds }");

            result.AssertNoErrors();
            var at = result.Output.Select(o => Convert.ToInt64(o.BaseObject)).ToList();
            Assert.Equal(2, at.Count);
            Assert.True(at[0] < 1000, $"the first order came after {at[0]} ms");
        }

        [Fact]
        public void AFailureUpstreamCancelsTheLookupsInFlight()
        {
            SetIds(Ids(10));
            _bed.Loopback.Latency = TimeSpan.FromSeconds(30);
            _bed.Connect("-RateLimit 0");

            var result = _bed.Engine.Run("& { $ids[0..4]; Start-Sleep -Milliseconds 300; throw 'upstream failed' } | Get-MeterOrder -ThrottleLimit 5");

            Assert.Contains("upstream failed", result.Failure?.ToString());
            Assert.True(SpinWait.SpinUntil(() => _bed.Loopback.InFlight == 0, TimeSpan.FromSeconds(2)), $"{_bed.Loopback.InFlight} requests are still running");
            Assert.Equal(5, _bed.Loopback.Arrived);
        }

        [Fact]
        public void SelectObjectFirstDownstreamCancelsTheLookupsStillInFlight()
        {
            var ids = Ids(10);
            SetIds(ids);
            // The first order answers at once, the others only after 30 s.
            _bed.Loopback.LatencyFor = r => r.Uri.AbsolutePath.EndsWith(ids[0], StringComparison.Ordinal) ? TimeSpan.Zero : TimeSpan.FromSeconds(30);
            _bed.Connect("-RateLimit 0");

            var watch = Stopwatch.StartNew();
            var result = _bed.Engine.Run("$ids | Get-MeterOrder -ThrottleLimit 5 | Select-Object -First 1 | ForEach-Object Id");

            result.AssertNoErrors();
            Assert.Equal(new object[] { ids[0] }, result.Output.Select(o => o.BaseObject));
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed.TotalSeconds:0.0} s");
            Assert.True(SpinWait.SpinUntil(() => _bed.Loopback.InFlight == 0, TimeSpan.FromSeconds(2)), $"{_bed.Loopback.InFlight} requests are still running");
        }

        [Fact]
        public void CtrlCWithSeveralLookupsInFlightStopsWithinASecondAndCancelsThemAll()
        {
            SetIds(Ids(20));
            _bed.Loopback.Latency = TimeSpan.FromSeconds(30);
            _bed.Connect("-RateLimit 0");

            using var ps = PowerShell.Create();
            ps.Runspace = _bed.Engine.Runspace;
            ps.AddScript("$ids | Get-MeterOrder -ThrottleLimit 5");
            var running = ps.BeginInvoke();
            Assert.True(SpinWait.SpinUntil(() => _bed.Loopback.InFlight == 5, TimeSpan.FromSeconds(10)), "five requests never were in flight");

            var watch = Stopwatch.StartNew();
            ps.Stop();
            watch.Stop();

            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1), $"Stop took {watch.Elapsed.TotalMilliseconds:0} ms");
            Assert.Throws<PipelineStoppedException>(() => ps.EndInvoke(running));
            Assert.True(SpinWait.SpinUntil(() => _bed.Loopback.InFlight == 0, TimeSpan.FromSeconds(2)), "requests are still running");
            Assert.Equal(5, _bed.Loopback.Arrived);
        }
    }
}
