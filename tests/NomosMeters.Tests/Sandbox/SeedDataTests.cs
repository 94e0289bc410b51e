using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using NomosMeters.Sandbox;
using NomosMeters.Tests.Infrastructure;
using NomosMeters.Tests.TestBeds;
using Xunit;

namespace NomosMeters.Tests.Sandbox
{
    public sealed class SeedDataTests
    {
        // A fixed clock: every sandbox of these tests is seeded for the same day, even one created after midnight.
        private static readonly ManualTimeProvider Today = new ManualTimeProvider(new DateTimeOffset(2026, 11, 20, 9, 30, 0, TimeSpan.Zero));
        private static readonly string[] Statuses = { "created", "placed", "check_submitted", "check_reviewed", "scheduled", "installed", "activated", "cancelled" };
        private static readonly string[] Blockable = { "created", "placed", "check_submitted", "check_reviewed", "scheduled" };

        private readonly NomosSandbox _sandbox = new NomosSandbox(new SandboxOptions { Time = Today });

        private IReadOnlyList<SandboxMeterOrder> Orders => _sandbox.MeterOrders;

        private DateTimeOffset Anchor => _sandbox.Anchor;

        [Fact]
        public void DefaultsSeedEnoughOrdersOverEveryStatusAndProvider()
        {
            Assert.Equal(2600, Orders.Count);
            Assert.Equal(Statuses.OrderBy(s => s), Orders.Select(o => o.Status).Distinct().OrderBy(s => s));
            Assert.Equal(new[] { "energy-metering", "inexogy", "metrify" }, Orders.Select(o => o.Provider).Distinct().OrderBy(p => p));
        }

        [Fact]
        public void StatusMixIsRealistic()
        {
            var share = Orders.GroupBy(o => o.Status).ToDictionary(g => g.Key, g => g.Count() / (double)Orders.Count);

            Assert.Equal("activated", share.OrderByDescending(s => s.Value).First().Key);
            Assert.InRange(share["activated"] + share["installed"], 0.6, 0.9);
            Assert.InRange(share["cancelled"], 0.04, 0.2);
            Assert.All(Statuses, s => Assert.True(share[s] * Orders.Count >= 10, $"only {share[s] * Orders.Count} {s} orders"));
        }

        [Fact]
        public void IdsHaveTheApiShapeAndAreUnique()
        {
            Assert.All(Orders, o =>
            {
                Assert.Matches("^prdo_[0-9a-z]{24}$", o.Id);
                Assert.Matches("^sub_[0-9a-z]{24}$", o.Subscription);
                Assert.Matches("^cus_[0-9a-z]{24}$", o.Customer);
            });
            Assert.Equal(Orders.Count, Orders.Select(o => o.Id).Distinct().Count());
        }

        [Fact]
        public void CreationTimesAreDistinctWholeMillisecondsWithinTwoYearsBeforeTheAnchor()
        {
            Assert.Equal(Orders.Count, Orders.Select(o => o.CreatedAt).Distinct().Count());
            Assert.All(Orders, o =>
            {
                Assert.InRange(o.CreatedAt, Anchor.AddDays(-731), Anchor);
                Assert.Equal(TimeSpan.Zero, o.CreatedAt.Offset);
                Assert.Equal(0, o.CreatedAt.Ticks % TimeSpan.TicksPerMillisecond);
            });
            Assert.True(Orders.Min(o => o.CreatedAt) < Anchor.AddDays(-700));
            Assert.True(Orders.Max(o => o.CreatedAt) > Anchor.AddDays(-30));
        }

        [Fact]
        public void MilestonesAreSetExactlyForTheirStatusesAndInLifecycleOrder()
        {
            foreach (var o in Orders)
            {
                var installed = o.Status is "installed" or "activated";
                Assert.Equal(installed, o.InstalledAt.HasValue);
                Assert.Equal(o.Status == "activated", o.ActivatedAt.HasValue);
                Assert.Equal(o.Status == "cancelled", o.CancelledAt.HasValue);
                Assert.Equal(o.Status == "cancelled", o.CancelledReason != null);
                Assert.Equal(installed || o.Status == "scheduled", o.AppointmentAt.HasValue);
                if (installed)
                {
                    Assert.True(o.InstalledAt > o.CreatedAt && o.InstalledAt < Anchor);
                    Assert.InRange(o.InstalledAt!.Value - o.AppointmentAt!.Value, TimeSpan.FromMinutes(30), TimeSpan.FromHours(4));
                }

                if (o.ActivatedAt.HasValue)
                {
                    Assert.True(o.ActivatedAt > o.InstalledAt && o.ActivatedAt < Anchor);
                }

                if (o.AppointmentAt.HasValue)
                {
                    Assert.True(o.AppointmentAt > o.CreatedAt);
                    Assert.InRange(o.AppointmentAt.Value.Hour, 6, 15);
                    Assert.Equal(0, o.AppointmentAt.Value.Minute);
                }

                if (o.CancelledAt.HasValue)
                {
                    Assert.True(o.CancelledAt > o.CreatedAt && o.CancelledAt < Anchor);
                    Assert.Contains(o.CancelledReason, new[] { "pre_existing", "customer_request" });
                }
            }

            Assert.Contains(Orders, o => o.Status == "scheduled" && o.AppointmentAt > Anchor);
            Assert.Contains(Orders, o => o.Status == "scheduled" && o.AppointmentAt < Anchor);
            Assert.Equal(new[] { "customer_request", "pre_existing" }, Orders.Where(o => o.CancelledReason != null).Select(o => o.CancelledReason).Distinct().OrderBy(r => r));
        }

        [Fact]
        public void BlockedIsAMarkerOnAboutATenthOfTheOrdersStillBeforeInstallation()
        {
            Assert.All(Orders, o =>
            {
                Assert.Equal(o.BlockedAt.HasValue, o.BlockedReason != null);
                if (o.BlockedAt.HasValue)
                {
                    Assert.Contains(o.Status, Blockable);
                    Assert.Contains(o.BlockedReason, new[] { "check_missing", "grid_operator_registration" });
                    Assert.True(o.BlockedAt > o.CreatedAt && o.BlockedAt < Anchor);
                }
            });
            var candidates = Orders.Where(o => Blockable.Contains(o.Status)).ToList();
            Assert.InRange(candidates.Count(o => o.BlockedAt.HasValue) / (double)candidates.Count, 0.04, 0.2);
            Assert.Contains(Orders, o => o.Status == "scheduled" && o.BlockedAt.HasValue);
            Assert.Equal(2, Orders.Where(o => o.BlockedReason != null).Select(o => o.BlockedReason).Distinct().Count());
        }

        [Fact]
        public void EachSubscriptionHasAtMostOneOrderAndBelongsToTheOrdersCustomer()
        {
            var subscriptions = _sandbox.Subscriptions.ToDictionary(s => s.Id);

            Assert.Equal(Orders.Count, Orders.Select(o => o.Subscription).Distinct().Count());
            Assert.All(Orders, o =>
            {
                Assert.True(subscriptions[o.Subscription].HasMeterOrder);
                Assert.Equal(o.Customer, subscriptions[o.Subscription].Customer);
            });
            Assert.Equal(Orders.Count, subscriptions.Values.Count(s => s.HasMeterOrder));
            Assert.All(_sandbox.Subscriptions.GroupBy(s => s.Customer), g => Assert.InRange(g.Count(), 1, 3));
            Assert.Contains(Orders.GroupBy(o => o.Customer), g => g.Count() == 3);
        }

        [Fact]
        public void SpareSubscriptionsWithoutOrdersExistSomeOfThemEnded()
        {
            var spare = _sandbox.Subscriptions.Where(s => !s.HasMeterOrder).ToList();

            Assert.True(spare.Count >= 300, $"{spare.Count} spare subscriptions");
            Assert.InRange(spare.Count(s => s.IsEnded), 50, spare.Count - 150);
            Assert.All(spare, s => Assert.Matches("^sub_[0-9a-z]{24}$", s.Id));
        }

        [Fact]
        public void SnapshotIsNewestFirstLikeTheListing()
        {
            var expected = Orders.OrderByDescending(o => o.CreatedAt).ThenByDescending(o => o.Id, StringComparer.Ordinal).Select(o => o.Id);

            Assert.Equal(expected, Orders.Select(o => o.Id));
        }

        [Fact]
        public void SameSeedGivesTheSameDataAndOtherSeedsOtherData()
        {
            var again = new NomosSandbox(new SandboxOptions { Time = Today }).MeterOrders;
            var other = new NomosSandbox(new SandboxOptions { Seed = 7, Time = Today }).MeterOrders;

            Assert.Equal(Fingerprint(Orders, Anchor), Fingerprint(again, Anchor));
            Assert.NotEqual(Fingerprint(Orders, Anchor), Fingerprint(other, Anchor));
            Assert.Empty(Orders.Select(o => o.Id).Intersect(other.Select(o => o.Id)));
        }

        [Fact]
        public void DefaultSeedGivesTheKnownDataOnEveryRuntime()
        {
            // A change here means the seeded data changed: every machine must see the same orders (on any day, the
            // same ones at the same distance from the anchor).
            Assert.Equal("prdo_manot0rspfyzgcxkuduawmf1", Orders[0].Id);
            Assert.Equal("4E07AA1CD1DC86B45ACB03582BA04991AAB6857EC1C652737BB23389664D1B0A", Fingerprint(Orders, Anchor));
        }

        [Fact]
        public async Task TwoSandboxesWithOneSeedServeByteIdenticalPages()
        {
            using var a = TestBed.Sandbox().OnClock(Today).Http();
            using var b = TestBed.Sandbox().OnClock(Today).Http();

            foreach (var query in new[] { "/meter-orders?limit=100", "/meter-orders?limit=25&filter%5Bstatus%5D%5Bin%5D=scheduled,cancelled" })
            {
                using var first = await a.GetAsync(query);
                using var second = await b.GetAsync(query);
                var text = await first.Content.ReadAsStringAsync();
                Assert.Contains("\"next_page\":\"", text);
                Assert.Equal(text, await second.Content.ReadAsStringAsync());
            }
        }

        [Fact]
        public void OrderCountFollowsTheOption()
        {
            var sandbox = new NomosSandbox(new SandboxOptions { MeterOrderCount = 40 });

            Assert.Equal(40, sandbox.MeterOrders.Count);
            Assert.True(sandbox.Subscriptions.Count(s => !s.HasMeterOrder) >= 300);
        }

        /// <summary>A hash of every field, with each timestamp as milliseconds before (or after) the anchor.</summary>
        internal static string Fingerprint(IEnumerable<SandboxMeterOrder> orders, DateTimeOffset anchor)
        {
            long? Ms(DateTimeOffset? at) => at.HasValue ? (long)(at.Value - anchor).TotalMilliseconds : null;
            var text = new StringBuilder();
            foreach (var o in orders)
            {
                text.Append(o.Id).Append(o.Subscription).Append(o.Customer).Append(o.Provider).Append(o.Status)
                    .Append(Ms(o.CreatedAt)).Append(Ms(o.InstalledAt)).Append(Ms(o.ActivatedAt))
                    .Append(Ms(o.CancelledAt)).Append(o.CancelledReason).Append(Ms(o.BlockedAt))
                    .Append(o.BlockedReason).Append(Ms(o.AppointmentAt)).Append('\n');
            }

            return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
        }
    }
}
