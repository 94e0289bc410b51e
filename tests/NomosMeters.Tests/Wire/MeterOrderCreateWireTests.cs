using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using NomosMeters.Client;
using NomosMeters.Tests.Infrastructure;
using RichardSzalay.MockHttp;
using Xunit;

namespace NomosMeters.Tests.Wire
{
    /// <summary>
    /// POST /meter-orders: the server allows one order per subscription, so a create is retried after ambiguous
    /// failures, and a duplicate met on a retry means an earlier attempt succeeded.
    /// </summary>
    public sealed class MeterOrderCreateWireTests
    {
        private static readonly DateTimeOffset Start = new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);

        private const string Duplicate =
            "{\"code\":\"CONFLICT\",\"message\":\"Unique value already used\",\"requestId\":\"req-9\",\"docs\":\"d\"," +
            "\"errors\":[{\"code\":\"duplicate_meter_order\",\"field\":\"subscription\",\"message\":\"The subscription already has a meter order.\"}]}";

        private static void ServePosts(WireHarness h, params Func<HttpResponseMessage>[] answers)
        {
            var queue = new ConcurrentQueue<Func<HttpResponseMessage>>(answers);
            h.Mock.When(HttpMethod.Post, WireHarness.Base + "/meter-orders").Respond(_ => queue.TryDequeue(out var next) ? next() : throw new InvalidOperationException("too many POSTs"));
        }

        private static string OrderCreatedAt(string id, DateTimeOffset createdAt)
            => WireHarness.Order(id, "created").Replace("\"created_at\":\"2026-06-30T12:00:00Z\"", $"\"created_at\":\"{createdAt.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffZ}\"");

        [Fact]
        public async Task ACreateIsRetriedAfterAServerErrorAndAnsweredByTheServer()
        {
            using var h = new WireHarness(new ManualTimeProvider(Start));
            h.ServeTokens();
            ServePosts(h, () => WireHarness.Json(HttpStatusCode.BadGateway, "<html>bad gateway</html>", "text/html"), () => WireHarness.Json(HttpStatusCode.OK, WireHarness.Order("prdo_new", "created")));

            var order = await h.SkippingRetryWaitsAsync(c => c.Nomos!.MeterOrders.CreateAsync("sub_1", CallContext.None));

            Assert.Equal("prdo_new", order.Id);
            Assert.Equal(2, h.ApiRequests.Count);
        }

        [Fact]
        public async Task ADuplicateMetOnARetryReturnsTheOrderTheEarlierAttemptCreated()
        {
            using var h = new WireHarness(new ManualTimeProvider(Start));
            h.ServeTokens();
            ServePosts(h, () => throw new HttpRequestException("reset", new System.IO.IOException("Connection reset by peer")), () => WireHarness.Json(HttpStatusCode.Conflict, Duplicate));
            h.Mock.When(HttpMethod.Get, WireHarness.Base + "/meter-orders").WithQueryString("filter[subscription][eq]", "sub_1").WithQueryString("limit", "1")
                .Respond(_ => WireHarness.Json(HttpStatusCode.OK, WireHarness.ListPage(new[] { OrderCreatedAt("prdo_mine", h.Clock!.GetUtcNow()) }, null)));

            var order = await h.SkippingRetryWaitsAsync(c => c.Nomos!.MeterOrders.CreateAsync("sub_1", CallContext.None));

            Assert.Equal("prdo_mine", order.Id);
            Assert.Equal(new[] { "POST", "POST", "GET" }, h.ApiRequests.Select(r => r.Method));
        }

        [Fact]
        public async Task ADuplicateOnTheFirstAttemptIsAnErrorNamingTheRule()
        {
            using var h = new WireHarness();
            h.ServeTokens();
            ServePosts(h, () => WireHarness.Json(HttpStatusCode.Conflict, Duplicate));

            var error = await Assert.ThrowsAsync<ApiRequestException>(() => h.Connection.Nomos!.MeterOrders.CreateAsync("sub_1", CallContext.None));

            Assert.Equal("NomosMeters.DuplicateMeterOrder", error.ErrorId);
            Assert.Equal(1, error.Attempts);
            Assert.Single(h.ApiRequests);
        }

        [Fact]
        public async Task ADuplicateOnARetryWhoseOrderIsOlderThanTheCallIsStillAnError()
        {
            using var h = new WireHarness(new ManualTimeProvider(Start));
            h.ServeTokens();
            ServePosts(h, () => WireHarness.Json(HttpStatusCode.ServiceUnavailable, "{\"code\":\"SERVICE_UNAVAILABLE\",\"message\":\"busy\"}"), () => WireHarness.Json(HttpStatusCode.Conflict, Duplicate));
            h.Mock.When(HttpMethod.Get, WireHarness.Base + "/meter-orders")
                .Respond(_ => WireHarness.Json(HttpStatusCode.OK, WireHarness.ListPage(new[] { OrderCreatedAt("prdo_old", Start.AddDays(-30)) }, null)));

            var error = await Assert.ThrowsAsync<ApiRequestException>(() => h.SkippingRetryWaitsAsync(c => c.Nomos!.MeterOrders.CreateAsync("sub_1", CallContext.None)));

            Assert.Equal("NomosMeters.DuplicateMeterOrder", error.ErrorId);
            Assert.Equal(2, error.Attempts);
        }
    }
}
