using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using NomosMeters.Sandbox;
using NomosMeters.Tests.Infrastructure;
using NomosMeters.Tests.TestBeds;
using Xunit;

namespace NomosMeters.Tests.Sandbox
{
    /// <summary>The seeded timeline ends at the start of the sandbox's UTC day: the same all day, recent whatever the hour.</summary>
    public sealed class SandboxTimelineTests
    {
        private static readonly DateTimeOffset Morning = new DateTimeOffset(2026, 11, 20, 9, 30, 0, TimeSpan.Zero);
        private static readonly DateTimeOffset LastMinute = new DateTimeOffset(2026, 11, 20, 23, 59, 0, TimeSpan.Zero);

        private static NomosSandbox At(DateTimeOffset now) => new NomosSandbox(new SandboxOptions { Time = new ManualTimeProvider(now) });

        [Theory]
        [InlineData("2026-11-20T09:30:15.250Z", "2026-11-20T00:00:00Z")]
        [InlineData("2026-11-20T00:00:00Z", "2026-11-20T00:00:00Z")]
        [InlineData("2026-11-20T00:30:00+02:00", "2026-11-19T00:00:00Z")]
        public void AnchorIsTheStartOfTheUtcDayOnTheSandboxsClock(string now, string anchor)
        {
            var sandbox = At(DateTimeOffset.Parse(now, CultureInfo.InvariantCulture));

            Assert.Equal(DateTimeOffset.Parse(anchor, CultureInfo.InvariantCulture), sandbox.Anchor);
            Assert.Equal(TimeSpan.Zero, sandbox.Anchor.Offset);
        }

        [Fact]
        public void ADefaultSandboxIsAnchoredToTodayInUtc()
        {
            var before = DateTime.UtcNow.Date;
            var anchor = new NomosSandbox().Anchor;
            var after = DateTime.UtcNow.Date;

            Assert.InRange(anchor.UtcDateTime, before, after);
        }

        [Fact]
        public async Task OneSeedOnOneDayServesByteIdenticalDataAtAnyHour()
        {
            var morning = await EverythingServedAsync(At(Morning));
            var lastMinute = await EverythingServedAsync(At(LastMinute));

            Assert.Contains("\"created_at\":\"2026-11-19T", morning);
            Assert.Equal(morning, lastMinute);
        }

        [Fact]
        public void AnotherDayKeepsEveryIdAndShiftsEveryTimestampByTheDays()
        {
            var today = At(Morning);
            var later = At(Morning.AddDays(37));
            var shift = TimeSpan.FromDays(37);

            Assert.Equal(today.Anchor + shift, later.Anchor);
            Assert.Equal(today.MeterOrders.Select(o => o.Id), later.MeterOrders.Select(o => o.Id));
            Assert.Equal(SeedDataTests.Fingerprint(today.MeterOrders, today.Anchor), SeedDataTests.Fingerprint(later.MeterOrders, later.Anchor));
            Assert.Equal(today.MeterOrders[0].CreatedAt + shift, later.MeterOrders[0].CreatedAt);
            Assert.Equal(today.Subscriptions.Select(s => s.Id), later.Subscriptions.Select(s => s.Id));
            Assert.Equal(today.MeterEnrollments.Select(m => m.MeterId), later.MeterEnrollments.Select(m => m.MeterId));
            Assert.Equal(today.MeterEnrollments.Select(m => (m.CreatedAt + shift, m.UpdatedAt + shift)), later.MeterEnrollments.Select(m => (m.CreatedAt, m.UpdatedAt)));
        }

        [Fact]
        public void SinceYesterdayFindsNewOrdersAndChangedMetersEvenAMinuteBeforeMidnight()
        {
            var sandbox = At(LastMinute);
            var yesterday = LastMinute.AddDays(-1);
            var dayBefore = sandbox.Anchor.AddDays(-1);

            Assert.Contains(sandbox.MeterOrders, o => o.CreatedAt > yesterday);
            Assert.Contains(sandbox.MeterEnrollments, m => m.UpdatedAt > yesterday);
            Assert.InRange(sandbox.MeterOrders.Count(o => o.CreatedAt > dayBefore), 5, 50);
            Assert.InRange(sandbox.MeterEnrollments.Count(m => m.UpdatedAt > dayBefore), 20, 500);
            Assert.Contains(sandbox.MeterEnrollments, m => m.CreatedAt > dayBefore);
        }

        [Fact]
        public void AppointmentsDeadlinesAndDeliveryPeriodsLieAroundTheAnchor()
        {
            var sandbox = At(Morning);
            var anchor = sandbox.Anchor;
            var programs = sandbox.MeterEnrollments.SelectMany(m => m.ProgramEnrollments).ToList();

            // From any hour of the anchor's day, the next day to the seventh (fourteenth) lies within the next 7 (14) days.
            Assert.Contains(sandbox.MeterOrders, o => o.Status == "scheduled" && o.AppointmentAt > anchor.AddDays(1) && o.AppointmentAt <= anchor.AddDays(7));
            Assert.Contains(sandbox.MeterEnrollments.SelectMany(m => m.PartnerActions), a => a.Deadline > anchor.AddDays(1) && a.Deadline <= anchor.AddDays(14));
            Assert.Contains(programs, p => p.DeliveryPeriodEnd < anchor);
            Assert.Contains(programs, p => p.DeliveryPeriodStart <= anchor && p.DeliveryPeriodEnd > anchor);
            Assert.Contains(programs, p => p.DeliveryPeriodStart > anchor);
            Assert.All(programs, p => Assert.StartsWith(
                p.ProgramIdentifier + "_" + p.DeliveryPeriodStart.ToString("yyyy_MMM", CultureInfo.InvariantCulture).ToUpperInvariant() + "_",
                p.DeliveryPeriod));
        }

        [Fact]
        public void NothingThatHasHappenedLiesAfterTheAnchor()
        {
            var sandbox = At(Morning);
            var anchor = sandbox.Anchor;

            Assert.All(sandbox.MeterOrders, o =>
            {
                foreach (var at in new[] { o.CreatedAt, o.InstalledAt, o.ActivatedAt, o.CancelledAt, o.BlockedAt })
                {
                    Assert.True(at == null || at < anchor, $"{o.Id}: {at:o} is not before the anchor");
                }
            });
            Assert.All(sandbox.MeterEnrollments, m => Assert.True(m.CreatedAt <= m.UpdatedAt && m.UpdatedAt < anchor, $"{m.MeterId}: {m.CreatedAt:o} {m.UpdatedAt:o}"));

            // What is planned may lie ahead.
            Assert.Contains(sandbox.MeterOrders, o => o.AppointmentAt > anchor);
        }

        // Every page of orders, then the meters of every enrollment page (page tokens are keyed per sandbox, so left out).
        private static async Task<string> EverythingServedAsync(NomosSandbox sandbox)
        {
            var text = new StringBuilder();
            using var bed = TestBed.Sandbox(sandbox).Http();
            var query = "/meter-orders?limit=100";
            while (query != null)
            {
                using var response = await bed.GetAsync(query);
                var page = await response.Content.ReadAsStringAsync();
                text.Append(page);
                var next = JsonDocument.Parse(page).RootElement.GetProperty("next_page");
                query = next.ValueKind == JsonValueKind.Null ? null : "/meter-orders?limit=100&cursor=" + Uri.EscapeDataString(next.GetString()!);
            }

            string? token = null;
            do
            {
                var body = token == null ? "{\"page_size\":500}" : $"{{\"page_size\":500,\"page_token\":\"{token}\"}}";
                using var response = await bed.SearchEnrollmentsAsync(body);
                using var page = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
                text.Append(page.RootElement.GetProperty("meters").GetRawText());
                token = page.RootElement.TryGetProperty("next_page_token", out var next) ? next.GetString() : null;
            }
            while (token != null);

            return text.ToString();
        }
    }
}
