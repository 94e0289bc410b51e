using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using NomosMeters.Sandbox;
using NomosMeters.Tests.Infrastructure;
using NomosMeters.Tests.TestBeds;
using Xunit;

namespace NomosMeters.Tests.Sandbox
{
    public sealed class MeterOrderCreateTests : IDisposable
    {
        private static readonly DateTimeOffset Now = new DateTimeOffset(2026, 11, 20, 9, 30, 15, 123, TimeSpan.Zero);

        private readonly HttpBed _h;

        public MeterOrderCreateTests()
            => _h = TestBed.Sandbox().OnClock(new ManualTimeProvider(Now.AddTicks(4567))).Http();

        public void Dispose() => _h.Dispose();

        private SandboxSubscription Spare => _h.Sandbox.Subscriptions.First(s => !s.HasMeterOrder && !s.IsEnded);

        [Fact]
        public async Task CreatingForASpareSubscriptionReturns200WithTheNewCreatedOrder()
        {
            var subscription = Spare;

            using var response = await Post($"{{\"subscription\":\"{subscription.Id}\"}}");

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var order = await ApiBodies.ReadJsonAsync(response);
            Assert.Matches("^prdo_[0-9a-z]{24}$", order.GetProperty("id").GetString());
            Assert.Equal("meter_order", order.GetProperty("object").GetString());
            Assert.Equal(subscription.Id, order.GetProperty("subscription").GetString());
            Assert.Equal(subscription.Customer, order.GetProperty("customer").GetString());
            Assert.Equal("created", order.GetProperty("status").GetString());
            Assert.Contains(order.GetProperty("provider").GetString(), new[] { "energy-metering", "metrify", "inexogy" });
            Assert.Equal("2026-11-20T09:30:15.123Z", order.GetProperty("created_at").GetString());
            foreach (var name in new[] { "installed_at", "activated_at", "cancelled_at", "cancelled_reason", "blocked_at", "blocked_reason", "appointment_at" })
            {
                Assert.Equal(JsonValueKind.Null, order.GetProperty(name).ValueKind);
            }
        }

        [Fact]
        public async Task CreatedOrderIsListedFirstRetrievableAndMarksTheSubscription()
        {
            var subscription = Spare;
            var before = _h.Sandbox.MeterOrders.Count;

            using var response = await Post($"{{\"subscription\":\"{subscription.Id}\"}}");
            var id = (await ApiBodies.ReadJsonAsync(response)).GetProperty("id").GetString();

            var first = (await _h.GetOkAsync("/meter-orders?limit=1")).GetProperty("items")[0];
            Assert.Equal(id, first.GetProperty("id").GetString());
            Assert.Equal(id, (await _h.GetOkAsync("/meter-orders/" + id)).GetProperty("id").GetString());
            var bySubscription = await _h.GetOkAsync("/meter-orders?filter%5Bsubscription%5D%5Beq%5D=" + subscription.Id);
            Assert.Equal(id, bySubscription.GetProperty("items").EnumerateArray().Single().GetProperty("id").GetString());
            Assert.Equal(before + 1, _h.Sandbox.MeterOrders.Count);
            Assert.Equal(new DateTimeOffset(2026, 11, 20, 9, 30, 15, 123, TimeSpan.Zero), _h.Sandbox.MeterOrders[0].CreatedAt);
            Assert.True(_h.Sandbox.Subscriptions.Single(s => s.Id == subscription.Id).HasMeterOrder);
        }

        [Fact]
        public async Task SecondOrderForTheSameSubscriptionIsAConflict()
        {
            var subscription = Spare.Id;
            using var created = await Post($"{{\"subscription\":\"{subscription}\"}}");
            var id = (await ApiBodies.ReadJsonAsync(created)).GetProperty("id").GetString();

            using var again = await Post($"{{\"subscription\":\"{subscription}\"}}");

            var error = await ApiAssert.FieldErrorAsync(again, 409, "CONFLICT", "duplicate_meter_order", "subscription");
            Assert.Contains(id!, error.GetProperty("message").GetString());
            Assert.Single(_h.Sandbox.MeterOrders, o => o.Subscription == subscription);
        }

        [Fact]
        public async Task SubscriptionWithASeededOrderIsAConflictEvenWhenThatOrderWasCancelled()
        {
            var cancelled = _h.Sandbox.MeterOrders.First(o => o.Status == "cancelled");

            using var response = await Post($"{{\"subscription\":\"{cancelled.Subscription}\"}}");

            await ApiAssert.FieldErrorAsync(response, 409, "CONFLICT", "duplicate_meter_order", "subscription");
        }

        [Fact]
        public async Task EndedSubscriptionIsUnprocessable()
        {
            var ended = _h.Sandbox.Subscriptions.First(s => s.IsEnded && !s.HasMeterOrder);
            var count = _h.Sandbox.MeterOrders.Count;

            using var response = await Post($"{{\"subscription\":\"{ended.Id}\"}}");

            await ApiAssert.FieldErrorAsync(response, 422, "UNPROCESSABLE_ENTITY", "ended_subscription", "subscription");
            Assert.Equal(count, _h.Sandbox.MeterOrders.Count);
        }

        [Fact]
        public async Task UnknownSubscriptionIsNotFound()
        {
            using var response = await Post("{\"subscription\":\"sub_000000000000000000000000\"}");

            var error = await ApiAssert.ErrorAsync(response, 404, "NOT_FOUND");
            Assert.Contains("sub_000000000000000000000000", error.GetProperty("message").GetString());
        }

        [Theory]
        [InlineData("{\"subscription\":", "invalid_format", "")]
        [InlineData("", "invalid_type", "")]
        [InlineData("[\"sub_x\"]", "invalid_type", "")]
        [InlineData("{}", "invalid_type", "subscription")]
        [InlineData("{\"subscription\":42}", "invalid_type", "subscription")]
        [InlineData("{\"subscription\":null}", "invalid_type", "subscription")]
        [InlineData("{\"subscription\":\"sub_x\",\"customer\":\"cus_x\"}", "unrecognized_keys", "")]
        public async Task InvalidBodyIsBadRequest(string body, string errorCode, string field)
        {
            var count = _h.Sandbox.MeterOrders.Count;

            using var response = await Post(body);

            await ApiAssert.FieldErrorAsync(response, 400, "BAD_REQUEST", errorCode, field);
            Assert.Equal(count, _h.Sandbox.MeterOrders.Count);
        }

        [Fact]
        public async Task MissingSubscriptionAndUnknownKeyAreBothReported()
        {
            using var response = await Post("{\"sub\":\"sub_x\"}");

            var error = await ApiAssert.ErrorAsync(response, 400, "BAD_REQUEST");
            Assert.Equal(new[] { "unrecognized_keys", "invalid_type" }, error.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("code").GetString()));
            Assert.Contains("'sub'", error.GetProperty("errors")[0].GetProperty("message").GetString());
        }

        [Fact]
        public async Task NonJsonContentTypeIsBadRequest()
        {
            using var content = new StringContent($"subscription={Spare.Id}", Encoding.UTF8, "application/x-www-form-urlencoded");

            using var response = await _h.SendAsync(HttpMethod.Post, "/meter-orders", content);

            await ApiAssert.FieldErrorAsync(response, 400, "BAD_REQUEST", "invalid_type", "");
        }

        private Task<HttpResponseMessage> Post(string json) => _h.SendAsync(HttpMethod.Post, "/meter-orders", ApiBodies.Json(json));
    }
}
