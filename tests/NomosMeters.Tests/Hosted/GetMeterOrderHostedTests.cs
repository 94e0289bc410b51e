using System;
using System.Linq;
using System.Management.Automation;
using NomosMeters.Models;
using NomosMeters.Tests.Infrastructure;
using NomosMeters.Tests.TestBeds;
using Xunit;

namespace NomosMeters.Tests.Hosted
{
    [Collection(HostedEngineCollection.Name)]
    public sealed class GetMeterOrderHostedTests : IDisposable
    {
        private readonly EngineBed _s = TestBed.Sandbox().Engine();

        public void Dispose() => _s.Dispose();

        /// <summary>Gets the requests to the meter-order endpoints (not the token endpoint) so far.</summary>
        private int MeterOrderRequests => _s.Sandbox.RequestLog.Count(r => r.Contains(" /meter-orders"));

        [Fact]
        public void StatusFilterPipedToWhereObjectGivesExactlyTheBlockedScheduledAndInstalledOrders()
        {
            var result = _s.Engine.Run("Get-MeterOrder -Status scheduled,installed | Where-Object IsBlocked");

            result.AssertNoErrors();
            var expected = _s.Sandbox.MeterOrders
                .Where(o => (o.Status == "scheduled" || o.Status == "installed") && o.BlockedAt != null)
                .Select(o => o.Id).OrderBy(i => i).ToList();
            Assert.NotEmpty(expected);
            Assert.Equal(expected, result.Objects<MeterOrder>().Select(o => o.Id).OrderBy(i => i));
            Assert.All(result.Objects<MeterOrder>(), o => Assert.NotNull(o.BlockedReason));
            Assert.Contains(_s.Sandbox.RequestLog, r => r.Contains("filter%5Bstatus%5D%5Bin%5D=scheduled,installed"));
        }

        [Fact]
        public void ListWithoutFiltersStreamsEveryOrderOnceNewestFirst()
        {
            var result = _s.Engine.Run("Get-MeterOrder");

            result.AssertNoErrors();
            var orders = result.Objects<MeterOrder>();
            Assert.True(orders.Count >= 2500);
            Assert.Equal(_s.Sandbox.MeterOrders.Count, orders.Count);
            Assert.Equal(orders.Count, orders.Select(o => o.Id).Distinct().Count());
            Assert.Equal(orders.OrderByDescending(o => o.CreatedAt).ThenByDescending(o => o.Id, StringComparer.Ordinal).Select(o => o.Id), orders.Select(o => o.Id));
            Assert.Equal((orders.Count + 99) / 100, MeterOrderRequests);
            Assert.All(_s.Sandbox.RequestLog.Where(r => r.StartsWith("GET /meter-orders")), r => Assert.Contains("limit=100", r));
        }

        [Fact]
        public void TypedPropertiesCarryUtcTimestampsAndAllStatusesAppear()
        {
            var result = _s.Engine.Run("Get-MeterOrder -PageSize 100");

            var orders = result.Objects<MeterOrder>();
            Assert.All(orders, o => Assert.Equal(TimeSpan.Zero, o.CreatedAt.Offset));
            Assert.Equal(MeterOrderStatus.All.OrderBy(s => s), orders.Select(o => o.Status).Distinct().OrderBy(s => s));
            var cancelled = orders.First(o => o.Status == "cancelled");
            Assert.NotNull(cancelled.CancelledAt);
            Assert.Contains(cancelled.CancelledReason, new[] { "pre_existing", "customer_request" });
            var seeded = _s.Sandbox.MeterOrders.Single(o => o.Id == cancelled.Id);
            Assert.Equal(seeded.CancelledAt, cancelled.CancelledAt);
            Assert.Equal(seeded.Subscription, cancelled.Subscription);
            Assert.Equal(seeded.Customer, cancelled.Customer);
        }

        [Fact]
        public void FirstObjectIsWrittenBeforeTheSecondPageIsRequested()
        {
            var result = _s.Engine.Run(
                "$script:atFirst = $null; Get-MeterOrder -PageSize 10 | ForEach-Object { if ($null -eq $script:atFirst) { $script:atFirst = @($sandbox.RequestLog | Where-Object { $_ -like 'GET /meter-orders*' }).Count } }; $script:atFirst");

            result.AssertNoErrors();
            Assert.Equal(1, Assert.Single(result.Output).BaseObject);
            Assert.True(MeterOrderRequests > 200);
        }

        [Fact]
        public void TheNextPageIsRequestedWhileTheConsumerIsStillOnTheCurrentOne()
        {
            // At the last object of page 1 the consumer waits (up to 10 s) for the request of page 2 to arrive.
            var result = _s.Engine.Run(
                "$script:n = 0; $script:seen = $null; Get-MeterOrder -PageSize 10 -First 30 | ForEach-Object { " +
                "if (++$script:n -eq 10) { $until = [DateTime]::UtcNow.AddSeconds(10); " +
                "while (@($sandbox.RequestLog | Where-Object { $_ -like 'GET /meter-orders*' }).Count -lt 2 -and [DateTime]::UtcNow -lt $until) { [System.Threading.Thread]::Sleep(10) }; " +
                "$script:seen = @($sandbox.RequestLog | Where-Object { $_ -like 'GET /meter-orders*' }).Count } }; $script:n; $script:seen");

            result.AssertNoErrors();
            Assert.Equal(new object[] { 30, 2 }, result.Output.Select(o => o.BaseObject));
            Assert.Equal(3, MeterOrderRequests);
        }

        [Fact]
        public void FirstFiveRequestsOnePageOnly()
        {
            var result = _s.Engine.Run("Get-MeterOrder -First 5");

            result.AssertNoErrors();
            Assert.Equal(5, result.Objects<MeterOrder>().Count);
            Assert.Equal(1, MeterOrderRequests);
        }

        [Fact]
        public void SkipAndFirstSelectTheRightSliceAcrossPages()
        {
            var all = _s.Engine.Run("Get-MeterOrder -PageSize 7 -First 30").Objects<MeterOrder>().Select(o => o.Id).ToList();
            var slice = _s.Engine.Run("Get-MeterOrder -PageSize 7 -Skip 12 -First 10").Objects<MeterOrder>().Select(o => o.Id).ToList();

            Assert.Equal(30, all.Count);
            Assert.Equal(all.Skip(12).Take(10), slice);
        }

        [Fact]
        public void CustomerAndSubscriptionFiltersReturnExactlyTheirOrders()
        {
            var sample = _s.Sandbox.MeterOrders.GroupBy(o => o.Customer).First(g => g.Count() > 1);
            var subs = _s.Sandbox.MeterOrders.Take(3).Select(o => o.Subscription).ToArray();
            _s.Engine.SetVariable("customer", sample.Key);
            _s.Engine.SetVariable("subs", subs);

            var byCustomer = _s.Engine.Run("Get-MeterOrder -Customer $customer");
            var bySubs = _s.Engine.Run("Get-MeterOrder -Subscription $subs");

            Assert.Equal(sample.Select(o => o.Id).OrderBy(i => i), byCustomer.Objects<MeterOrder>().Select(o => o.Id).OrderBy(i => i));
            Assert.Equal(subs.OrderBy(i => i), bySubs.Objects<MeterOrder>().Select(o => o.Subscription!).OrderBy(i => i));
        }

        [Fact]
        public void UnknownIdIsANonTerminatingErrorAndTheOtherIdsGoOn()
        {
            var ids = _s.Sandbox.MeterOrders.Take(2).Select(o => o.Id).ToArray();
            _s.Engine.SetVariable("a", ids[0]);
            _s.Engine.SetVariable("b", ids[1]);

            var result = _s.Engine.Run("$Error.Clear(); $a, 'prdo_doesnotexist000000000000', $b | Get-MeterOrder; $Error.Count");

            Assert.Single(result.AllErrors);
            Assert.Equal(ids, result.Objects<MeterOrder>().Select(o => o.Id));
            var error = Assert.Single(result.Errors);
            Assert.Equal("NomosMeters.NotFound,NomosMeters.Commands.GetMeterOrderCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
            Assert.Equal("prdo_doesnotexist000000000000", error.TargetObject);
            var api = Assert.IsType<ApiRequestException>(error.Exception);
            Assert.False(string.IsNullOrEmpty(api.RequestId));
            Assert.Contains(api.RequestId!, error.ErrorDetails.Message);
            Assert.Equal(1, result.Output.Last().BaseObject);
        }

        [Theory]
        [InlineData("-First 2", 0, 2, 2)]
        [InlineData("-Skip 1 -First 2", 1, 2, 3)]
        [InlineData("-Skip 4", 4, 2, 6)]
        [InlineData("-First 0", 0, 0, 0)]
        public void SkipAndFirstCountTheOrdersFoundInInputOrderAndStopTheLookups(string paging, int skip, int take, int requests)
        {
            var ids = _s.Sandbox.MeterOrders.Take(6).Select(o => o.Id).ToArray();
            _s.Engine.SetVariable("ids", ids);

            var result = _s.Engine.Run($"$ids | Get-MeterOrder -ThrottleLimit 1 {paging}");

            result.AssertNoErrors();
            Assert.Equal(ids.Skip(skip).Take(take), result.Objects<MeterOrder>().Select(o => o.Id));
            Assert.Equal(requests, MeterOrderRequests);
        }

        [Fact]
        public void AnIdThatIsNotFoundIsNotCountedByFirst()
        {
            var ids = _s.Sandbox.MeterOrders.Take(3).Select(o => o.Id).ToArray();
            _s.Engine.SetVariable("ids", new[] { ids[0], "prdo_doesnotexist000000000000", ids[1], ids[2] });

            var result = _s.Engine.Run("$ids | Get-MeterOrder -First 2 -ThrottleLimit 1");

            Assert.Equal(new[] { ids[0], ids[1] }, result.Objects<MeterOrder>().Select(o => o.Id));
            Assert.Equal("prdo_doesnotexist000000000000", Assert.Single(result.Errors).TargetObject);
        }

        [Fact]
        public void SkipAndFirstCountTheOrdersOfEventsToo()
        {
            var orders = _s.Sandbox.MeterOrders.Take(3).Select(o => o.Id).ToArray();
            _s.Engine.SetVariable("eventIds", orders.Select(o => _s.Sandbox.EventsOf(o)[0].Id).ToArray());

            var result = _s.Engine.Run("$eventIds | Get-NomosEvent | Get-MeterOrder -Skip 1 -First 1");

            result.AssertNoErrors();
            Assert.Equal(new[] { orders[1] }, result.Objects<MeterOrder>().Select(o => o.Id));
        }

        [Fact]
        public void EmptyAndWhitespaceIdsAreReportedWithoutARequest()
        {
            var result = _s.Engine.Run("'', '   ' | Get-MeterOrder");

            Assert.Equal(2, result.Errors.Count);
            Assert.All(result.Errors, e => Assert.Equal("NomosMeters.InvalidId,NomosMeters.Commands.GetMeterOrderCommand", e.FullyQualifiedErrorId));
            Assert.All(result.Errors, e => Assert.Equal(ErrorCategory.InvalidArgument, e.CategoryInfo.Category));
            Assert.Equal(0, MeterOrderRequests);
        }

        [Fact]
        public void OutputPipesBackInByPropertyName()
        {
            var result = _s.Engine.Run("Get-MeterOrder -Status cancelled -First 3 | Get-MeterOrder");

            result.AssertNoErrors();
            var expected = _s.Sandbox.MeterOrders.Where(o => o.Status == "cancelled")
                .OrderByDescending(o => o.CreatedAt).ThenByDescending(o => o.Id, StringComparer.Ordinal).Take(3).Select(o => o.Id);
            Assert.Equal(expected, result.Objects<MeterOrder>().Select(o => o.Id));
        }

        [Fact]
        public void MeterOrderIdAliasBindsFromCustomObjects()
        {
            _s.Engine.SetVariable("id", _s.Sandbox.MeterOrders[5].Id);

            var result = _s.Engine.Run("[pscustomobject]@{ MeterOrderId = $id } | Get-MeterOrder");

            result.AssertNoErrors();
            Assert.Equal(_s.Sandbox.MeterOrders[5].Id, Assert.Single(result.Objects<MeterOrder>()).Id);
        }

        [Theory]
        [InlineData("Get-MeterOrder -PageSize 0", "PageSize")]
        [InlineData("Get-MeterOrder -PageSize 101", "PageSize")]
        [InlineData("Get-MeterOrder -Status shipped", "Status")]
        public void OutOfRangeParametersFailValidationBeforeAnyRequest(string script, string parameter)
        {
            var result = _s.Engine.Run(script);

            Assert.NotNull(result.Failure);
            Assert.StartsWith("ParameterArgumentValidationError", result.Failure!.FullyQualifiedErrorId);
            Assert.Contains(parameter, result.Failure.ToString() + result.Failure.Exception.Message);
            Assert.Equal(0, MeterOrderRequests);
        }

        [Fact]
        public void StatusIsCaseInsensitiveAndSentLowercase()
        {
            var result = _s.Engine.Run("Get-MeterOrder -Status Activated -First 2");

            result.AssertNoErrors();
            Assert.All(result.Objects<MeterOrder>(), o => Assert.Equal("activated", o.Status));
            Assert.Contains(_s.Sandbox.RequestLog, r => r.Contains("filter%5Bstatus%5D%5Beq%5D=activated"));
        }

        [Fact]
        public void VerboseShowsOneLinePerRequest()
        {
            var result = _s.Engine.Run("Get-MeterOrder -PageSize 50 -First 120 -Verbose");

            result.AssertNoErrors();
            var lines = result.Verbose.Where(v => v.StartsWith("GET /meter-orders")).ToList();
            Assert.Equal(3, lines.Count);
            Assert.All(lines, l => Assert.Matches(@"-> 200 \(\d+ ms\) request id \S+", l));
        }

        [Fact]
        public void ExplicitConnectionWorksAfterTheSessionIsDisconnected()
        {
            var result = _s.Engine.Run("$mine = Connect-Nomos -Sandbox -PassThru; Connect-Nomos -Sandbox; Disconnect-Nomos; Get-MeterOrder -Connection $mine -First 2; Get-MeterOrder -First 1");

            Assert.Equal(2, result.Objects<MeterOrder>().Count);
            Assert.NotNull(result.Failure);
            Assert.Equal("NomosMeters.NotConnected,NomosMeters.Commands.GetMeterOrderCommand", result.Failure!.FullyQualifiedErrorId);
            Assert.Contains("Connect-Nomos", result.Failure.ErrorDetails.RecommendedAction);
        }

        [Fact]
        public void ParallelRunspacesShareOneConnection()
        {
            var ids = _s.Sandbox.MeterOrders.Take(8).Select(o => o.Id).ToArray();
            _s.Engine.SetVariable("ids", ids);
            _s.Engine.SetVariable("manifest", RepoPaths.ModuleManifest);

            var result = _s.Engine.Run("$ids | ForEach-Object -Parallel { Import-Module $using:manifest; Get-MeterOrder -Id $_ -Connection $using:conn } -ThrottleLimit 8");

            result.AssertNoErrors();
            Assert.Equal(ids.OrderBy(i => i), result.Objects<MeterOrder>().Select(o => o.Id).OrderBy(i => i));
            Assert.Equal(1, _s.Sandbox.TokensIssued);
        }
    }
}
