using System;
using System.Collections.Generic;
using System.Linq;
using NomosMeters.Models;
using NomosMeters.Sandbox;
using NomosMeters.Tests.Infrastructure;
using NomosMeters.Tests.TestBeds;
using Xunit;

namespace NomosMeters.Tests.Hosted
{
    /// <summary>Get-MeterReading and New-MeterReading on the sandbox: exactly the readings the filters select, each once, in as many requests as expected.</summary>
    [Collection(HostedEngineCollection.Name)]
    public sealed class GetMeterReadingHostedTests : IDisposable
    {
        private readonly EngineBed _s = TestBed.Sandbox().Engine();

        public void Dispose() => _s.Dispose();

        private List<string> ReadingRequests => _s.Sandbox.RequestLog.Where(r => r.StartsWith("GET /meter-readings", StringComparison.Ordinal)).ToList();

        private string[] LongestActivated(int count)
            => _s.Sandbox.MeterOrders.Where(o => o.Status == "activated").OrderBy(o => o.ActivatedAt).Take(count).Select(o => o.Subscription).ToArray();

        [Fact]
        public void ActivatedOrdersPipedInAreListedInBatchesOfFiftyWithTheExpectedRequestsEachReadingOnce()
        {
            var since = _s.Sandbox.Anchor.AddDays(-3);
            _s.Engine.SetVariable("since", since);
            var before = ReadingRequests.Count;

            var result = _s.Engine.Run("Get-MeterOrder -Status activated | Get-MeterReading -Type grid_reading -CreatedAfter $since");

            result.AssertNoErrors();
            var subscriptions = _s.Sandbox.MeterOrders.Where(o => o.Status == "activated").Select(o => o.Subscription).ToList();
            Assert.True(subscriptions.Count > 1500);
            var batches = subscriptions.Select((s, i) => (s, i)).GroupBy(x => x.i / 50, x => x.s).Select(g => g.ToArray()).ToList();
            var expected = batches.Select(b => _s.Sandbox.MeterReadingsOf(b).Where(r => r.Type == "grid_reading" && r.CreatedAt >= since).ToList()).ToList();
            var readings = result.Objects<MeterReading>();
            Assert.Equal(expected.SelectMany(b => b).Select(r => r.Id), readings.Select(r => r.Id));
            Assert.Equal(readings.Count, readings.Select(r => r.Id).Distinct().Count());
            Assert.Equal(expected.Sum(b => Math.Max(1, (b.Count + 99) / 100)), ReadingRequests.Count - before);
            Assert.All(ReadingRequests.Skip(before), r => Assert.Contains("filter%5Bsubscription%5D%5Bin%5D=", r));
        }

        [Fact]
        public void SubscriptionsAndTypesSelectExactlyTheirReadingsNewestFirst()
        {
            var subscriptions = LongestActivated(3).Concat(_s.Sandbox.Subscriptions.Where(s => !s.HasMeterOrder).Take(3).Select(s => s.Id)).ToArray();
            _s.Engine.SetVariable("subs", subscriptions);

            var result = _s.Engine.Run("Get-MeterReading -Subscription $subs -Type customer_report, grid_estimation");

            result.AssertNoErrors();
            var expected = _s.Sandbox.MeterReadingsOf(subscriptions).Where(r => r.Type != "grid_reading").Select(r => r.Id).ToList();
            Assert.True(expected.Count > 20);
            Assert.Equal(expected, result.Objects<MeterReading>().Select(r => r.Id));
        }

        [Fact]
        public void CreatedAfterAndBeforeAreInclusiveAndPagingReturnsEachReadingOnce()
        {
            var subscriptions = LongestActivated(4);
            var all = _s.Sandbox.MeterReadingsOf(subscriptions);
            _s.Engine.SetVariable("subs", subscriptions);
            _s.Engine.SetVariable("after", all[250].CreatedAt);
            _s.Engine.SetVariable("before", all[20].CreatedAt.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", System.Globalization.CultureInfo.InvariantCulture));
            var before = ReadingRequests.Count;

            var result = _s.Engine.Run("Get-MeterReading -Subscription $subs -CreatedAfter $after -CreatedBefore $before -PageSize 17");

            result.AssertNoErrors();
            Assert.Equal(all.Skip(20).Take(231).Select(r => r.Id), result.Objects<MeterReading>().Select(r => r.Id));
            Assert.Equal((231 + 16) / 17, ReadingRequests.Count - before);
        }

        [Fact]
        public void TheValuesAreTheSandboxesDecimalsAndTheDayIsTheBerlinDate()
        {
            var subscription = LongestActivated(1)[0];
            _s.Engine.SetVariable("sub", subscription);

            var result = _s.Engine.Run("Get-MeterReading -Subscription $sub -First 400");

            var expected = _s.Sandbox.MeterReadingsOf(subscription).Take(400).ToList();
            var readings = result.Objects<MeterReading>();
            Assert.Equal(expected.Select(r => (r.Id, r.Value, r.Timestamp, r.Type, r.Meter, r.Customer, r.CreatedAt)), readings.Select(r => (r.Id, r.Value, r.Timestamp, r.Type!, r.Meter!, r.Customer!, r.CreatedAt)));
            var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
            Assert.All(readings, r => Assert.Equal(TimeZoneInfo.ConvertTime(r.Timestamp, berlin).ToString("yyyy-MM-dd"), r.Day));
            Assert.All(readings, r => Assert.Equal(TimeSpan.Zero, TimeZoneInfo.ConvertTime(r.Timestamp, berlin).TimeOfDay));
        }

        [Fact]
        public void ARecordedReadingIsListedFirstAndBadSubscriptionsAreErrorsWhileTheRestGoOn()
        {
            var running = _s.Sandbox.Subscriptions.Where(s => !s.IsEnded).Take(2).Select(s => s.Id).ToArray();
            var ended = _s.Sandbox.Subscriptions.First(s => s.IsEnded).Id;
            _s.Engine.SetVariable("subs", new[] { running[0], ended, "sub_unknown", running[1] });

            var result = _s.Engine.Run("$subs | New-MeterReading -Value 4242.5 -Timestamp ([datetimeoffset]::UtcNow.AddDays(-1)) -Message 'From the tenant'");

            var recorded = result.Objects<MeterReading>();
            Assert.Equal(new[] { running[0], running[1] }, recorded.Select(r => r.Subscription));
            Assert.All(recorded, r => Assert.Equal((4242.5m, "customer_report"), (r.Value, r.Type!)));
            Assert.Equal(
                new[] { "NomosMeters.UnsupportedMeterReading", "NomosMeters.NotFound" },
                result.Errors.Select(e => e.FullyQualifiedErrorId.Split(',')[0]));
            Assert.All(result.Errors, e => Assert.EndsWith("The reading was not recorded.", e.ErrorDetails.Message));

            var listed = _s.Engine.Run($"Get-MeterReading -Subscription {running[1]} -Type customer_report -First 1");
            Assert.Equal(recorded[1].Id, Assert.Single(listed.Objects<MeterReading>()).Id);
        }
    }
}
