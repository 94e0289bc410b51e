using System;
using System.Collections.Generic;
using System.Linq;
using NomosMeters.Sandbox;
using NomosMeters.Sandbox.Nomos;
using NomosMeters.Tests.Infrastructure;
using Xunit;

namespace NomosMeters.Tests.Sandbox
{
    /// <summary>The seeded meter readings: what they hold, that they follow the orders, and that they are drawn rather than held.</summary>
    public sealed class MeterReadingSeedTests
    {
        // A winter day and a summer day: the Berlin day starts at 23:00 and at 22:00 UTC.
        private static readonly DateTimeOffset Winter = new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
        private static readonly DateTimeOffset Summer = new DateTimeOffset(2026, 7, 15, 9, 0, 0, TimeSpan.Zero);

        private static NomosSandbox Seeded(DateTimeOffset now, int orders = 300)
            => new NomosSandbox(new SandboxOptions { Time = new ManualTimeProvider(now), MeterOrderCount = orders });

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public void EveryActivatedOrdersSubscriptionHasOneGridReadingADayFromActivationToToday(bool summer)
        {
            var sandbox = Seeded(summer ? Summer : Winter);
            // Sent within the hour after Berlin midnight: today's is there before the anchor (01:00 or 02:00 in Berlin).
            var today = BerlinTime.DateOf(sandbox.Anchor);
            var activated = sandbox.MeterOrders.Where(o => o.Status == "activated").ToList();
            Assert.True(activated.Count > 100, $"{activated.Count} activated orders");

            var silent = 0;
            foreach (var order in activated)
            {
                var daily = sandbox.MeterReadingsOf(order.Subscription).Where(r => r.Type != "customer_report").Reverse().ToList();
                var first = BerlinTime.DateOf(order.ActivatedAt!.Value.AddTicks(-1)).AddDays(1);
                var days = daily.Select(r => BerlinTime.DateOf(r.Timestamp)).Where(d => d >= first).ToList();

                // Every day from the first midnight after activation, each once, with no gap, up to today or until the meter fell silent.
                Assert.Equal(Enumerable.Range(0, days.Count).Select(i => first.AddDays(i)), days);
                if (days.Count == 0 || days[days.Count - 1] != today)
                {
                    silent++;
                    Assert.True(days.Count == 0 || days[days.Count - 1] >= today.AddDays(-45), $"{order.Subscription} fell silent on {days.LastOrDefault():yyyy-MM-dd}");
                }

                Assert.All(daily.Where(r => BerlinTime.DateOf(r.Timestamp) >= first), r =>
                {
                    Assert.Equal(BerlinTime.StartOf(BerlinTime.DateOf(r.Timestamp)), r.Timestamp);
                    Assert.Equal(BerlinTime.DateOf(r.Timestamp), BerlinTime.DateOf(r.CreatedAt));
                    Assert.True(r.CreatedAt > r.Timestamp && r.CreatedAt < sandbox.Anchor);
                });
            }

            // A few meters fall silent (or were activated too recently to have read): what the "no reading for a week" report finds.
            Assert.InRange(silent, 1, activated.Count / 5);
        }

        [Fact]
        public void SubscriptionsWithoutAnActivatedMeterHaveNoDailyReadingsButCustomerReportsAndAYearlyGridReading()
        {
            var sandbox = Seeded(Winter);
            var activated = new HashSet<string>(sandbox.MeterOrders.Where(o => o.Status == "activated").Select(o => o.Subscription));
            var analog = sandbox.Subscriptions.Where(s => !activated.Contains(s.Id) && !s.IsEnded).Select(s => s.Id).ToArray();

            var readings = sandbox.MeterReadingsOf(analog);

            Assert.All(readings.GroupBy(r => r.Subscription), g => Assert.InRange(g.Count(r => r.Type != "customer_report"), 0, 3));
            Assert.True(readings.Count(r => r.Type == "customer_report") > analog.Length * 5, "customers report a few times a year");
            Assert.Contains(readings, r => r.Type == "grid_estimation");
            Assert.All(readings.Where(r => r.Type == "customer_report"), r => Assert.Equal(decimal.Floor(r.Value), r.Value));
        }

        [Fact]
        public void EachMetersCountNeverGoesDownAndReadingsCarryTheMeterOfTheirDay()
        {
            var sandbox = Seeded(Winter);
            var installed = sandbox.MeterOrders.Where(o => o.InstalledAt.HasValue).Take(40).ToList();

            foreach (var order in installed)
            {
                var readings = sandbox.MeterReadingsOf(order.Subscription).OrderBy(r => r.Timestamp).ThenBy(r => r.Value).ToList();
                Assert.All(readings, r => Assert.Equal(order.Customer, r.Customer));
                var meters = readings.Select(r => r.Meter).Distinct().ToList();
                Assert.InRange(meters.Count, 1, 2);
                Assert.All(meters, m => Assert.Matches("^mtr_[0-9a-z]{24}$", m));
                foreach (var meter in meters)
                {
                    var values = readings.Where(r => r.Meter == meter).Select(r => r.Value).ToList();
                    Assert.Equal(values.OrderBy(v => v), values);
                }

                // The smart meter takes over on the day of its installation: no analog reading after it.
                var installedOn = BerlinTime.DateOf(order.InstalledAt!.Value);
                var analog = readings.Where(r => BerlinTime.DateOf(r.Timestamp) < installedOn).Select(r => r.Meter).Distinct().ToList();
                Assert.True(analog.Count <= 1);
                Assert.DoesNotContain(readings, r => BerlinTime.DateOf(r.Timestamp) >= installedOn && analog.Contains(r.Meter));
            }
        }

        [Fact]
        public void EveryReadingIsListedOnceNewestFirstWithUniqueIds()
        {
            var sandbox = Seeded(Winter, orders: 60);

            var all = sandbox.MeterReadings.ToList();

            Assert.True(all.Count > 5000, $"{all.Count} readings");
            Assert.Equal(all.Count, all.Select(r => r.Id).Distinct().Count());
            Assert.All(all, r => Assert.Matches("^mr_[0-9a-z]{24}$", r.Id));
            for (var i = 1; i < all.Count; i++)
            {
                Assert.True(NewestFirst.Compare(all[i - 1].CreatedAt, all[i - 1].Id, all[i].CreatedAt, all[i].Id) < 0);
            }

            Assert.Equal(all.Where(r => r.Subscription == all[0].Subscription).Select(r => r.Id), sandbox.MeterReadingsOf(all[0].Subscription).Select(r => r.Id));
            Assert.True(all[all.Count - 1].Timestamp >= sandbox.Anchor.AddDays(-MeterReadingStore.HistoryDays - 1));
        }

        [Fact]
        public void TheSameSeedOnTheSameDayGivesTheSameReadings()
        {
            var one = Seeded(Winter).MeterReadings.Take(3000).Select(r => (r.Id, r.Subscription, r.Meter, r.Value, r.Timestamp, r.Type, r.CreatedAt)).ToList();
            var two = Seeded(Winter.AddHours(5)).MeterReadings.Take(3000).Select(r => (r.Id, r.Subscription, r.Meter, r.Value, r.Timestamp, r.Type, r.CreatedAt)).ToList();

            Assert.Equal(one, two);
        }

        [Fact]
        public void ASandboxWithYearsOfDailyReadingsHoldsNoneOfThemUntilAsked()
        {
            // The default size: some 2,000 activated meters, each with a reading a day, hundreds of thousands in all.
            var data = MeterOrderSeed.Create(20260527, 2600, Winter.AddHours(-9));
            var before = GC.GetAllocatedBytesForCurrentThread();

            var store = new MeterReadingStore(data, 20260527, Winter.AddHours(-9), new ManualTimeProvider(Winter));

            Assert.InRange(GC.GetAllocatedBytesForCurrentThread() - before, 0, 4_000_000);
            Assert.Equal(data.Subscriptions.Count, store.Histories.Count);
        }
    }
}
