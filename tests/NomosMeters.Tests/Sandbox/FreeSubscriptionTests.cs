using System;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using NomosMeters.Sandbox;
using NomosMeters.Tests.Infrastructure;
using NomosMeters.Tests.TestBeds;
using Xunit;

namespace NomosMeters.Tests.Sandbox
{
    /// <summary>The well-known subscriptions: free in every fresh sandbox, whatever the day or seed, and one order each.</summary>
    public sealed class FreeSubscriptionTests
    {
        // The id the README and the help of New-MeterOrder use.
        private const string Documented = "sub_4k2m9x7q1w8e5r3t6y0u2i4o";

        [Theory]
        [InlineData(20260527, 2600, "2026-11-20T09:30:00Z")]
        [InlineData(20260527, 2600, "2027-12-24T23:59:00Z")]
        [InlineData(7, 40, "2026-11-20T09:30:00Z")]
        [InlineData(-1, 0, "2031-02-01T00:00:00Z")]
        public void EveryFreshSandboxHasTheSameFreeSubscriptionsWhateverTheDayAndSeed(int seed, int orders, string now)
        {
            var sandbox = new NomosSandbox(new SandboxOptions { Seed = seed, MeterOrderCount = orders, Time = new ManualTimeProvider(DateTimeOffset.Parse(now, CultureInfo.InvariantCulture)) });

            Assert.Equal(5, NomosSandbox.WellKnownSubscriptions.Count);
            Assert.Equal(Documented, NomosSandbox.WellKnownSubscriptions[0]);
            Assert.Equal(NomosSandbox.WellKnownSubscriptions, sandbox.FreeSubscriptions);
            Assert.All(NomosSandbox.WellKnownSubscriptions, id =>
            {
                Assert.Matches("^sub_[0-9a-z]{24}$", id);
                var subscription = Assert.Single(sandbox.Subscriptions, s => s.Id == id);
                Assert.False(subscription.HasMeterOrder || subscription.IsEnded);
                Assert.Matches("^cus_[0-9a-z]{24}$", subscription.Customer);
                Assert.DoesNotContain(sandbox.MeterOrders, o => o.Customer == subscription.Customer);
            });
        }

        [Fact]
        public async Task EachFreeSubscriptionGetsOneOrderThenTheSecondIsADuplicate()
        {
            using var h = TestBed.Sandbox().Http();
            var customers = h.Sandbox.Subscriptions.ToDictionary(s => s.Id, s => s.Customer);

            foreach (var subscription in NomosSandbox.WellKnownSubscriptions)
            {
                using var created = await PostAsync(h, subscription);
                Assert.Equal(HttpStatusCode.OK, created.StatusCode);
                var order = await ApiBodies.ReadJsonAsync(created);
                Assert.Equal(subscription, order.GetProperty("subscription").GetString());
                Assert.Equal(customers[subscription], order.GetProperty("customer").GetString());
                Assert.Equal("created", order.GetProperty("status").GetString());
                Assert.DoesNotContain(subscription, h.Sandbox.FreeSubscriptions);

                using var again = await PostAsync(h, subscription);
                var error = await ApiAssert.FieldErrorAsync(again, 409, "CONFLICT", "duplicate_meter_order", "subscription");
                Assert.Contains(order.GetProperty("id").GetString()!, error.GetProperty("message").GetString());
            }

            Assert.Empty(h.Sandbox.FreeSubscriptions);
            Assert.Equal(NomosSandbox.WellKnownSubscriptions, new NomosSandbox().FreeSubscriptions);
        }

        private static Task<HttpResponseMessage> PostAsync(HttpBed h, string subscription)
            => h.SendAsync(HttpMethod.Post, "/meter-orders", ApiBodies.Json($"{{\"subscription\":\"{subscription}\"}}"));
    }
}
