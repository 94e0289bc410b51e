using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Text.Json;
using System.Threading.Tasks;
using NomosMeters.Sandbox;
using NomosMeters.Tests.Infrastructure;
using NomosMeters.Tests.TestBeds;
using Xunit;

namespace NomosMeters.Tests.Sandbox
{
    /// <summary><c>GET /meter-readings</c>: the list envelope, cursor paging and the three filters, each with the API's semantics.</summary>
    public sealed class MeterReadingListTests : IDisposable
    {
        private const string Path = "/meter-readings";

        private static readonly string[] Fields = { "object", "id", "customer", "subscription", "meter", "value", "timestamp", "type", "created_at" };

        private readonly HttpBed _h = TestBed.Sandbox(new SandboxOptions { MeterOrderCount = 200 })
            .OnClock(new ManualTimeProvider(new DateTimeOffset(2026, 11, 30, 10, 0, 0, TimeSpan.Zero))).Http();

        public void Dispose() => _h.Dispose();

        // The longest-activated meters: the most daily readings.
        private string[] Activated(int count)
            => _h.Sandbox.MeterOrders.Where(o => o.Status == "activated").OrderBy(o => o.ActivatedAt).Select(o => o.Subscription).Take(count).ToArray();

        private static string Encode(string key) => Uri.EscapeDataString(key);

        [Fact]
        public async Task FirstPageHasTheTenNewestReadingsWithTheNineCurieFields()
        {
            var page = await _h.GetOkAsync(Path);

            Assert.Equal(new[] { "object", "items", "next_page", "has_more" }, page.EnumerateObject().Select(p => p.Name));
            Assert.True(page.GetProperty("has_more").GetBoolean());
            var expected = _h.Sandbox.MeterReadings.Take(10).ToList();
            Assert.Equal(expected.Select(r => r.Id), ApiBodies.Ids(page.GetProperty("items").EnumerateArray()));
            var item = page.GetProperty("items")[0];
            Assert.Equal(Fields, item.EnumerateObject().Select(p => p.Name));
            Assert.Equal("meter_reading", item.GetProperty("object").GetString());
            Assert.Equal(expected[0].Value, item.GetProperty("value").GetDecimal());
            Assert.Equal(JsonValueKind.Number, item.GetProperty("value").ValueKind);
            Assert.Matches(@"^\d{4}-\d\d-\d\dT2[23]:00:00\.000Z$", item.GetProperty("timestamp").GetString());
            Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$", item.GetProperty("created_at").GetString());
        }

        [Fact]
        public async Task PagingASubscriptionsReadingsReturnsEachOnceNewestFirst()
        {
            var subscriptions = Activated(3);

            var (items, pages) = await _h.ListAllAsync($"limit=100&{Encode("filter[subscription][in]")}={string.Join(",", subscriptions)}", Path);

            var expected = _h.Sandbox.MeterReadingsOf(subscriptions);
            Assert.True(expected.Count > 300, $"{expected.Count} readings");
            Assert.Equal(expected.Select(r => r.Id), ApiBodies.Ids(items));
            Assert.Equal((expected.Count + 99) / 100, pages);
        }

        [Fact]
        public async Task SubscriptionEqSelectsOneSubscriptionAndAnUnknownOneSelectsNothing()
        {
            var subscription = Activated(1)[0];

            var (items, _) = await _h.ListAllAsync($"limit=100&{Encode("filter[subscription][eq]")}={subscription}", Path);
            var (none, pages) = await _h.ListAllAsync($"{Encode("filter[subscription][eq]")}=sub_unknown", Path);

            Assert.Equal(_h.Sandbox.MeterReadingsOf(subscription).Select(r => r.Id), ApiBodies.Ids(items));
            Assert.Empty(none);
            Assert.Equal(1, pages);
        }

        [Theory]
        [InlineData("eq", "grid_estimation")]
        [InlineData("in", "customer_report,grid_estimation")]
        [InlineData("ne", "grid_reading")]
        public async Task TypeFiltersSelectExactlyTheirTypes(string op, string value)
        {
            var subscriptions = _h.Sandbox.Subscriptions.Take(60).Select(s => s.Id).ToArray();
            var types = value.Split(',');

            var (items, _) = await _h.ListAllAsync(
                $"limit=100&{Encode("filter[subscription][in]")}={string.Join(",", subscriptions)}&{Encode($"filter[type][{op}]")}={value}", Path);

            var expected = _h.Sandbox.MeterReadingsOf(subscriptions).Where(r => op == "ne" ? !types.Contains(r.Type) : types.Contains(r.Type)).ToList();
            Assert.NotEmpty(expected);
            Assert.Equal(expected.Select(r => r.Id), ApiBodies.Ids(items));
        }

        [Fact]
        public async Task ATypeTheApiDoesNotKnowIsAStringThatMatchesNothing()
        {
            var page = await _h.GetOkAsync($"{Path}?{Encode("filter[type][eq]")}=smart_reading");

            Assert.Empty(page.GetProperty("items").EnumerateArray());
            Assert.False(page.GetProperty("has_more").GetBoolean());
        }

        [Fact]
        public async Task CreatedAtGteAndLteAreInclusiveBoundsWithATimezone()
        {
            var subscriptions = Activated(5);
            var all = _h.Sandbox.MeterReadingsOf(subscriptions);
            var from = all[40].CreatedAt;
            var to = all[10].CreatedAt;

            var (items, _) = await _h.ListAllAsync(
                $"limit=7&{Encode("filter[subscription][in]")}={string.Join(",", subscriptions)}" +
                $"&{Encode("filter[created_at][gte]")}={Encode(from.ToOffset(TimeSpan.FromHours(1)).ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz"))}" +
                $"&{Encode("filter[created_at][lte]")}={to.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss.fff'Z'}", Path);

            Assert.Equal(all.Skip(10).Take(31).Select(r => r.Id), ApiBodies.Ids(items));
        }

        [Fact]
        public async Task CreatedAtGteAloneReachesBackToItsDayAcrossEverySubscription()
        {
            var since = _h.Sandbox.Anchor.AddDays(-2);

            var (items, pages) = await _h.ListAllAsync($"limit=100&{Encode("filter[created_at][gte]")}={since.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}", Path);

            var expected = _h.Sandbox.MeterReadings.TakeWhile(r => r.CreatedAt >= since).ToList();
            Assert.True(expected.Count > 100);
            Assert.Equal(expected.Select(r => r.Id), ApiBodies.Ids(items));
            Assert.Equal((expected.Count + 99) / 100, pages);
        }

        [Theory]
        [InlineData("filter%5Bcreated_at%5D%5Beq%5D=2026-11-01T00:00:00Z", 400, "invalid_value", "filter[created_at][eq]")]
        [InlineData("filter%5Bcreated_at%5D%5Bgte%5D=2026-11-01", 400, "invalid_format", "filter[created_at][gte]")]
        [InlineData("filter%5Bcreated_at%5D%5Blte%5D=yesterday", 400, "invalid_format", "filter[created_at][lte]")]
        [InlineData("filter%5Btype%5D%5Bgte%5D=x", 400, "invalid_value", "filter[type][gte]")]
        [InlineData("limit=101", 400, "too_big", "limit")]
        public async Task MalformedFiltersAreRefusedWithTheFieldAtFault(string query, int status, string code, string field)
        {
            using var response = await _h.GetAsync(Path + "?" + query);

            await ApiAssert.FieldErrorAsync(response, status, "BAD_REQUEST", code, field);
        }

        [Fact]
        public async Task ACursorIsBoundToItsFiltersAndLimit()
        {
            var first = await _h.GetOkAsync($"{Path}?limit=5&{Encode("filter[type][eq]")}=grid_reading");
            var cursor = Encode(first.GetProperty("next_page").GetString()!);

            using var otherFilter = await _h.GetAsync($"{Path}?limit=5&{Encode("filter[type][eq]")}=customer_report&cursor={cursor}");
            using var otherLimit = await _h.GetAsync($"{Path}?limit=6&{Encode("filter[type][eq]")}=grid_reading&cursor={cursor}");
            var next = await _h.GetOkAsync($"{Path}?limit=5&{Encode("filter[type][eq]")}=grid_reading&cursor={cursor}");

            await ApiAssert.FieldErrorAsync(otherFilter, 400, "BAD_REQUEST", "invalid_value", "cursor");
            await ApiAssert.FieldErrorAsync(otherLimit, 400, "BAD_REQUEST", "invalid_value", "cursor");
            var expected = _h.Sandbox.MeterReadings.Where(r => r.Type == "grid_reading").Skip(5).Take(5).Select(r => r.Id);
            Assert.Equal(expected, ApiBodies.Ids(next.GetProperty("items").EnumerateArray()));
        }

        [Fact]
        public async Task UnknownFilterFieldsAreIgnoredAsTheApiDoes()
        {
            var page = await _h.GetOkAsync($"{Path}?limit=3&{Encode("filter[meter][eq]")}=mtr_x");

            Assert.Equal(_h.Sandbox.MeterReadings.Take(3).Select(r => r.Id), ApiBodies.Ids(page.GetProperty("items").EnumerateArray()));
        }
    }
}
