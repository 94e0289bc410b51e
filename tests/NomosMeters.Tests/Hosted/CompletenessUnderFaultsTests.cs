using System;
using System.Linq;
using NomosMeters.Models;
using NomosMeters.Models.Enrollments;
using NomosMeters.Sandbox;
using NomosMeters.Tests.Infrastructure;
using NomosMeters.Tests.TestBeds;
using Xunit;

namespace NomosMeters.Tests.Hosted
{
    /// <summary>
    /// Long streams over real sockets while about one request in three fails once (429, 500, 503, a body cut off,
    /// a connection reset mid-body): every object arrives exactly once and no error reaches the user.
    /// </summary>
    [Collection(HostedEngineCollection.Name)]
    [Trait("Category", "Slow")]
    public sealed class CompletenessUnderFaultsTests : IDisposable
    {
        private static readonly Fault[] Mix = { Fault.TooManyRequests, Fault.InternalServerError, Fault.ServiceUnavailable, Fault.MalformedJson, Fault.ResetMidBody };

        private EngineBed? _bed;

        public void Dispose() => _bed?.Dispose();

        [Fact]
        public void TwentyThousandEnrollmentsArriveExactlyOnce()
        {
            var bed = Serve(new SandboxOptions { MeterOrderCount = 10, MeterEnrollmentCount = 20_000 });

            var result = bed.Engine.Run("Search-MeterEnrollment -PageSize 500");

            result.AssertNoErrors();
            var ids = result.Objects<MeterEnrollment>().Select(m => m.MeterId).ToList();
            Assert.Equal(20_000, ids.Count);
            Assert.Equal(bed.Sandbox.MeterEnrollments.Select(m => m.MeterId).OrderBy(id => id), ids.OrderBy(id => id));
            AssertAboutOneInThreeFailedOnce(bed, pages: 40);
        }

        [Fact]
        public void TwoThousandFiveHundredOrdersArriveExactlyOnce()
        {
            var bed = Serve(new SandboxOptions { MeterOrderCount = 2_500, MeterEnrollmentCount = 10 });

            var result = bed.Engine.Run("Get-MeterOrder -PageSize 100");

            result.AssertNoErrors();
            var ids = result.Objects<MeterOrder>().Select(o => o.Id).ToList();
            Assert.Equal(2_500, ids.Count);
            Assert.Equal(bed.Sandbox.MeterOrders.Select(o => o.Id).OrderBy(i => i, StringComparer.Ordinal), ids.OrderBy(i => i, StringComparer.Ordinal));
            AssertAboutOneInThreeFailedOnce(bed, pages: 25);
        }

        [Fact]
        public void EightRunspacesSharingOneConnectionEachGetEveryOrderExactlyOnce()
        {
            var bed = Serve(new SandboxOptions { MeterOrderCount = 2_500, MeterEnrollmentCount = 10 });

            var result = bed.Engine.Run(
                "$conn = Get-NomosContext; 1..8 | ForEach-Object -Parallel { Import-Module $using:manifest; " +
                "$ids = @(Get-MeterOrder -PageSize 100 -Connection $using:conn).Id; \"$($ids.Count) $(@($ids | Sort-Object -Unique).Count)\" } -ThrottleLimit 8");

            result.AssertNoErrors();
            Assert.Equal(Enumerable.Repeat("2500 2500", 8), result.Output.Select(o => (string)o.BaseObject));
            Assert.True(bed.Log.Api.Count(r => r.Fault != null) >= 5, "the fault mix reached the shared connection");
        }

        private EngineBed Serve(SandboxOptions options)
        {
            _bed = TestBed.Sandbox(options).OverLoopback().Engine();
            // Every third distinct request fails on its first attempt, with the next fault of the mix.
            _bed.Loopback.FailFirstAttempts(n => n % 3 == 1 ? Mix[(n / 3) % Mix.Length] : (Fault?)null);
            _bed.Engine.SetVariable("manifest", RepoPaths.ModuleManifest);
            _bed.Connect("-RateLimit 0 -EnrollmentApiKey $key -EnrollmentBaseUri $uri");
            return _bed;
        }

        private static void AssertAboutOneInThreeFailedOnce(EngineBed bed, int pages)
        {
            // Connect-Nomos's check of the enrollment key is one more distinct request, before the pages.
            var distinct = pages + 1;
            var faulted = bed.Log.Api.Count(r => r.Fault != null);
            Assert.Equal((distinct + 2) / 3, faulted);
            // Each fault cost exactly one more request: nothing was skipped, nothing fetched twice besides.
            Assert.Equal(distinct + faulted, bed.Loopback.Arrived);
        }
    }
}
