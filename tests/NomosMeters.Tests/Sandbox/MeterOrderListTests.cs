using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using NomosMeters.Sandbox;
using NomosMeters.Tests.Infrastructure;
using NomosMeters.Tests.TestBeds;
using Xunit;

namespace NomosMeters.Tests.Sandbox
{
    public sealed class MeterOrderListTests : IDisposable
    {
        private static readonly string[] Fields =
        {
            "object", "id", "subscription", "customer", "provider", "status", "created_at", "installed_at",
            "activated_at", "cancelled_at", "cancelled_reason", "blocked_at", "blocked_reason", "appointment_at",
        };

        private readonly HttpBed _h = TestBed.Sandbox().Http();

        public void Dispose() => _h.Dispose();

        [Fact]
        public async Task FirstPageHasTheDefaultTenNewestOrdersAndACursor()
        {
            var page = await _h.GetOkAsync("/meter-orders");

            Assert.Equal(new[] { "object", "items", "next_page", "has_more" }, page.EnumerateObject().Select(p => p.Name));
            Assert.Equal("list", page.GetProperty("object").GetString());
            Assert.True(page.GetProperty("has_more").GetBoolean());
            Assert.False(string.IsNullOrEmpty(page.GetProperty("next_page").GetString()));
            Assert.Equal(_h.Sandbox.MeterOrders.Take(10).Select(o => o.Id), ApiBodies.Ids(page.GetProperty("items").EnumerateArray()));
        }

        [Fact]
        public async Task ItemsHaveExactlyTheFourteenCurieFieldsWithMillisecondUtcTimestamps()
        {
            var (items, _) = await _h.ListAllAsync("limit=100");
            var byId = _h.Sandbox.MeterOrders.ToDictionary(o => o.Id);

            Assert.All(items, item =>
            {
                Assert.Equal(Fields, item.EnumerateObject().Select(p => p.Name));
                Assert.Equal("meter_order", item.GetProperty("object").GetString());
                var o = byId[item.GetProperty("id").GetString()!];
                Assert.Equal(o.Subscription, item.GetProperty("subscription").GetString());
                Assert.Equal(o.Customer, item.GetProperty("customer").GetString());
                Assert.Equal(o.Provider, item.GetProperty("provider").GetString());
                Assert.Equal(o.Status, item.GetProperty("status").GetString());
                AssertTimestamp(o.CreatedAt, item.GetProperty("created_at"));
                AssertTimestamp(o.InstalledAt, item.GetProperty("installed_at"));
                AssertTimestamp(o.ActivatedAt, item.GetProperty("activated_at"));
                AssertTimestamp(o.CancelledAt, item.GetProperty("cancelled_at"));
                AssertTimestamp(o.BlockedAt, item.GetProperty("blocked_at"));
                AssertTimestamp(o.AppointmentAt, item.GetProperty("appointment_at"));
                AssertText(o.CancelledReason, item.GetProperty("cancelled_reason"));
                AssertText(o.BlockedReason, item.GetProperty("blocked_reason"));
            });
        }

        [Fact]
        public async Task PagingWithLimitHundredReturnsEveryOrderOnceNewestFirst()
        {
            var before = _h.Sandbox.RequestLog.Count(r => r.StartsWith("GET /meter-orders", StringComparison.Ordinal));

            var (items, pages) = await _h.ListAllAsync("limit=100");

            Assert.Equal(_h.Sandbox.MeterOrders.Select(o => o.Id), ApiBodies.Ids(items));
            Assert.Equal(26, pages);
            Assert.Equal(26, _h.Sandbox.RequestLog.Count(r => r.StartsWith("GET /meter-orders", StringComparison.Ordinal)) - before);
        }

        [Fact]
        public async Task LastPageHasNoCursorAndNoMore()
        {
            var (items, pages) = await _h.ListAllAsync("limit=100&filter%5Bstatus%5D%5Beq%5D=created");
            var created = _h.Sandbox.MeterOrders.Count(o => o.Status == "created");

            Assert.Equal(1, pages);
            Assert.Equal(created, items.Count);
            var page = await _h.GetOkAsync("/meter-orders?limit=100&filter%5Bstatus%5D%5Beq%5D=created");
            Assert.False(page.GetProperty("has_more").GetBoolean());
            Assert.Equal(JsonValueKind.Null, page.GetProperty("next_page").ValueKind);
        }

        [Fact]
        public async Task OrdersCreatedWhilePagingCauseNoDuplicatesOrGaps()
        {
            var clock = new ManualTimeProvider(new DateTimeOffset(2026, 11, 20, 9, 30, 0, TimeSpan.Zero));
            using var h = TestBed.Sandbox().OnClock(clock).Http();
            var seeded = h.Sandbox.MeterOrders;
            var spare = h.Sandbox.Subscriptions.Where(s => !s.HasMeterOrder && !s.IsEnded).Take(2).ToList();
            var first = await h.GetOkAsync("/meter-orders?limit=100");
            var items = new List<JsonElement>(first.GetProperty("items").EnumerateArray());
            var cursor = first.GetProperty("next_page").GetString();

            // One new order falls among the orders already seen, one into the part still to come.
            clock.SetUtcNow(seeded[50].CreatedAt.AddMilliseconds(1));
            var seen = await CreateOkAsync(h, spare[0].Id);
            clock.SetUtcNow(seeded[1500].CreatedAt.AddMilliseconds(1));
            var ahead = await CreateOkAsync(h, spare[1].Id);
            while (cursor != null)
            {
                var page = await h.GetOkAsync("/meter-orders?limit=100&cursor=" + Uri.EscapeDataString(cursor));
                items.AddRange(page.GetProperty("items").EnumerateArray());
                cursor = page.GetProperty("next_page").ValueKind == JsonValueKind.Null ? null : page.GetProperty("next_page").GetString();
            }

            var ids = ApiBodies.Ids(items);
            Assert.Equal(h.Sandbox.MeterOrders.Select(o => o.Id).Where(id => id != seen), ids);
            Assert.Single(ids, ahead);
            Assert.Equal(seeded.Count + 1, ids.Count);
        }

        [Fact]
        public async Task StatusEqReturnsExactlyThatStatus()
        {
            var (items, _) = await _h.ListAllAsync("limit=100&filter%5Bstatus%5D%5Beq%5D=scheduled");

            Assert.Equal(Expected(o => o.Status == "scheduled"), ApiBodies.Ids(items));
            Assert.NotEmpty(items);
        }

        [Fact]
        public async Task StatusInTakesACommaSeparatedList()
        {
            var (items, _) = await _h.ListAllAsync("limit=100&filter%5Bstatus%5D%5Bin%5D=scheduled,installed");

            Assert.Equal(Expected(o => o.Status == "scheduled" || o.Status == "installed"), ApiBodies.Ids(items));
            Assert.Contains(_h.Sandbox.RequestLog, r => r.Contains("filter%5Bstatus%5D%5Bin%5D=scheduled,installed", StringComparison.Ordinal));
        }

        [Fact]
        public async Task StatusNeExcludesThatStatus()
        {
            var (items, _) = await _h.ListAllAsync("limit=100&filter%5Bstatus%5D%5Bne%5D=activated");

            Assert.Equal(Expected(o => o.Status != "activated"), ApiBodies.Ids(items));
        }

        [Fact]
        public async Task CustomerEqReturnsAllOrdersOfTheCustomer()
        {
            var customer = _h.Sandbox.MeterOrders.GroupBy(o => o.Customer).First(g => g.Count() > 1).Key;

            var page = await _h.GetOkAsync("/meter-orders?filter%5Bcustomer%5D%5Beq%5D=" + customer);

            Assert.Equal(Expected(o => o.Customer == customer), ApiBodies.Ids(page.GetProperty("items").EnumerateArray()));
        }

        [Fact]
        public async Task SubscriptionEqAndInSelectThoseSubscriptions()
        {
            var subscriptions = _h.Sandbox.MeterOrders.Skip(100).Take(3).Select(o => o.Subscription).ToList();

            var one = await _h.GetOkAsync("/meter-orders?filter%5Bsubscription%5D%5Beq%5D=" + subscriptions[0]);
            var three = await _h.GetOkAsync("/meter-orders?filter%5Bsubscription%5D%5Bin%5D=" + string.Join("%2C", subscriptions));

            Assert.Equal(subscriptions[0], one.GetProperty("items").EnumerateArray().Single().GetProperty("subscription").GetString());
            Assert.Equal(subscriptions, three.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("subscription").GetString()));
        }

        [Fact]
        public async Task ContainsStartsWithAndEndsWithIgnoreCase()
        {
            var customer = _h.Sandbox.MeterOrders[42].Customer;
            var middle = customer.Substring(6, 5).ToUpperInvariant();
            var start = customer.Substring(0, 8).ToUpperInvariant();
            var end = customer.Substring(customer.Length - 6).ToUpperInvariant();

            var (contains, _) = await _h.ListAllAsync("limit=100&filter%5Bcustomer%5D%5Bcontains%5D=" + middle);
            var (startsWith, _) = await _h.ListAllAsync("limit=100&filter%5Bcustomer%5D%5Bstarts_with%5D=" + start);
            var (endsWith, _) = await _h.ListAllAsync("limit=100&filter%5Bcustomer%5D%5Bends_with%5D=" + end);

            Assert.Equal(Expected(o => o.Customer.Contains(middle, StringComparison.OrdinalIgnoreCase)), ApiBodies.Ids(contains));
            Assert.Equal(Expected(o => o.Customer.StartsWith(start, StringComparison.OrdinalIgnoreCase)), ApiBodies.Ids(startsWith));
            Assert.Equal(Expected(o => o.Customer.EndsWith(end, StringComparison.OrdinalIgnoreCase)), ApiBodies.Ids(endsWith));
            Assert.Contains(customer, contains.Select(i => i.GetProperty("customer").GetString()));
        }

        [Fact]
        public async Task IsNullMatchesNothingOrEverythingSinceFilterableFieldsAreNeverNull()
        {
            var none = await _h.GetOkAsync("/meter-orders?filter%5Bstatus%5D%5Bis_null%5D=true");
            var all = await _h.GetOkAsync("/meter-orders?filter%5Bstatus%5D%5Bis_null%5D=false");

            Assert.Empty(none.GetProperty("items").EnumerateArray());
            Assert.Equal(_h.Sandbox.MeterOrders.Take(10).Select(o => o.Id), ApiBodies.Ids(all.GetProperty("items").EnumerateArray()));
        }

        [Fact]
        public async Task FiltersCombineWithAnd()
        {
            var customer = _h.Sandbox.MeterOrders.GroupBy(o => o.Customer).First(g => g.Select(o => o.Status).Distinct().Count() > 1);
            var status = customer.First().Status;

            var page = await _h.GetOkAsync($"/meter-orders?filter%5Bcustomer%5D%5Beq%5D={customer.Key}&filter%5Bstatus%5D%5Beq%5D={status}");

            Assert.Equal(Expected(o => o.Customer == customer.Key && o.Status == status), ApiBodies.Ids(page.GetProperty("items").EnumerateArray()));
            Assert.True(customer.Count() > page.GetProperty("items").GetArrayLength());
        }

        [Fact]
        public async Task UnencodedBracketsWorkToo()
        {
            var page = await _h.GetOkAsync("/meter-orders?limit=100&filter[status][eq]=placed");

            Assert.Equal(Expected(o => o.Status == "placed"), ApiBodies.Ids(page.GetProperty("items").EnumerateArray()));
        }

        [Fact]
        public async Task UnknownFilterFieldsAreSilentlyIgnored()
        {
            var page = await _h.GetOkAsync("/meter-orders?filter%5Bcreated_at%5D%5Bgte%5D=2026-10-01T00%3A00%3A00Z&filter%5Bproduct%5D%5Beq%5D=x");

            Assert.Equal(_h.Sandbox.MeterOrders.Take(10).Select(o => o.Id), ApiBodies.Ids(page.GetProperty("items").EnumerateArray()));
        }

        [Theory]
        [InlineData("filter%5Bstatus%5D%5Bgte%5D=placed", "invalid_value", "filter[status][gte]")]
        [InlineData("filter%5Bstatus%5D%5Bcontains%5D=plac", "invalid_value", "filter[status][contains]")]
        [InlineData("filter%5Bstatus%5D%5Beq%5D=waiting", "invalid_value", "filter[status][eq]")]
        [InlineData("filter%5Bstatus%5D%5Bin%5D=placed,blocked", "invalid_value", "filter[status][in]")]
        [InlineData("filter%5Bcustomer%5D%5Blike%5D=cus", "invalid_value", "filter[customer][like]")]
        [InlineData("filter%5Bstatus%5D%5Bis_null%5D=yes", "invalid_type", "filter[status][is_null]")]
        [InlineData("filter%5Bstatus%5D=placed", "invalid_format", "filter[status]")]
        [InlineData("filter%5Bstatus%5D%5Beq%5D%5Bx%5D=placed", "invalid_format", "filter[status][eq][x]")]
        [InlineData("limit=0", "too_small", "limit")]
        [InlineData("limit=101", "too_big", "limit")]
        [InlineData("limit=ten", "invalid_type", "limit")]
        [InlineData("limit=2.5", "invalid_type", "limit")]
        [InlineData("limit=", "invalid_type", "limit")]
        public async Task InvalidQueryIsBadRequestNamingTheParameter(string query, string errorCode, string field)
        {
            using var response = await _h.GetAsync("/meter-orders?" + query);

            await ApiAssert.FieldErrorAsync(response, 400, "BAD_REQUEST", errorCode, field);
        }

        [Fact]
        public async Task LimitBoundsAreAccepted()
        {
            var one = await _h.GetOkAsync("/meter-orders?limit=1");
            var hundred = await _h.GetOkAsync("/meter-orders?limit=100");

            Assert.Equal(1, one.GetProperty("items").GetArrayLength());
            Assert.Equal(100, hundred.GetProperty("items").GetArrayLength());
        }

        [Fact]
        public async Task TamperedCursorIsBadRequest()
        {
            var page = await _h.GetOkAsync("/meter-orders?limit=5");
            var cursor = page.GetProperty("next_page").GetString()!;
            var tampered = cursor.Substring(0, 3) + (cursor[3] == 'A' ? 'B' : 'A') + cursor.Substring(4);

            foreach (var bad in new[] { tampered, "abc", cursor + "x", cursor.Replace(".", string.Empty, StringComparison.Ordinal) })
            {
                using var response = await _h.GetAsync("/meter-orders?limit=5&cursor=" + Uri.EscapeDataString(bad));
                await ApiAssert.FieldErrorAsync(response, 400, "BAD_REQUEST", "invalid_format", "cursor");
            }
        }

        [Fact]
        public async Task CursorUsedWithOtherFiltersOrLimitIsBadRequest()
        {
            var page = await _h.GetOkAsync("/meter-orders?limit=5&filter%5Bstatus%5D%5Beq%5D=activated");
            var cursor = Uri.EscapeDataString(page.GetProperty("next_page").GetString()!);

            foreach (var query in new[] { "limit=5", "limit=6&filter%5Bstatus%5D%5Beq%5D=activated", "limit=5&filter%5Bstatus%5D%5Beq%5D=installed", "limit=5&filter%5Bstatus%5D%5Beq%5D=activated&filter%5Bcustomer%5D%5Bne%5D=x" })
            {
                using var response = await _h.GetAsync($"/meter-orders?{query}&cursor={cursor}");
                var error = await ApiAssert.FieldErrorAsync(response, 400, "BAD_REQUEST", "invalid_value", "cursor");
                Assert.Contains("keep filters and limit identical", error.GetProperty("message").GetString());
            }

            using var same = await _h.GetAsync($"/meter-orders?filter%5Bstatus%5D%5Beq%5D=activated&limit=5&cursor={cursor}");
            Assert.Equal(System.Net.HttpStatusCode.OK, same.StatusCode);
        }

        private List<string> Expected(Func<SandboxMeterOrder, bool> predicate) => _h.Sandbox.MeterOrders.Where(predicate).Select(o => o.Id).ToList();

        private static async Task<string> CreateOkAsync(HttpBed h, string subscription)
        {
            using var response = await h.SendAsync(HttpMethod.Post, "/meter-orders", ApiBodies.Json($"{{\"subscription\":\"{subscription}\"}}"));
            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
            return (await ApiBodies.ReadJsonAsync(response)).GetProperty("id").GetString()!;
        }

        private static void AssertTimestamp(DateTimeOffset? expected, JsonElement actual)
        {
            if (expected == null)
            {
                Assert.Equal(JsonValueKind.Null, actual.ValueKind);
                return;
            }

            var text = actual.GetString()!;
            Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$", text);
            Assert.Equal(expected.Value, DateTimeOffset.Parse(text, CultureInfo.InvariantCulture));
        }

        private static void AssertText(string? expected, JsonElement actual)
        {
            if (expected == null)
            {
                Assert.Equal(JsonValueKind.Null, actual.ValueKind);
            }
            else
            {
                Assert.Equal(expected, actual.GetString());
            }
        }
    }
}
