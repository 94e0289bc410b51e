using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using NomosMeters.Client;
using NomosMeters.Tests.Infrastructure;
using RichardSzalay.MockHttp;
using NomosMeters.Tests.TestBeds;
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

        private static void ServePosts(ConnectionBed h, params Func<HttpResponseMessage>[] answers)
        {
            var queue = new ConcurrentQueue<Func<HttpResponseMessage>>(answers);
            h.Mock.When(HttpMethod.Post, MockServer.Base + "/meter-orders").Respond(_ => queue.TryDequeue(out var next) ? next() : throw new InvalidOperationException("too many POSTs"));
        }

        private static string OrderCreatedAt(string id, DateTimeOffset createdAt)
            => NomosSamples.Order(id, "created").Replace("\"created_at\":\"2026-06-30T12:00:00Z\"", $"\"created_at\":\"{createdAt.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffZ}\"");

        [Fact]
        public async Task ACreateIsRetriedAfterAServerErrorAndAnsweredByTheServer()
        {
            using var h = TestBed.Mock().OnClock(new ManualTimeProvider(Start)).Connection();
            h.Mock.ServeTokens();
            ServePosts(h, () => MockServer.Json(HttpStatusCode.BadGateway, "<html>bad gateway</html>", "text/html"), () => MockServer.Json(HttpStatusCode.OK, NomosSamples.Order("prdo_new", "created")));

            var order = await h.SkippingRetryWaitsAsync(c => c.Nomos!.MeterOrders.CreateAsync("sub_1", CallContext.None));

            Assert.Equal("prdo_new", order.Id);
            Assert.Equal(2, h.Log.Api.Count);
        }

        [Fact]
        public async Task ADuplicateMetOnARetryReturnsTheOrderTheEarlierAttemptCreated()
        {
            using var h = TestBed.Mock().OnClock(new ManualTimeProvider(Start)).Connection();
            h.Mock.ServeTokens();
            ServePosts(h, () => throw new HttpRequestException("reset", new System.IO.IOException("Connection reset by peer")), () => MockServer.Json(HttpStatusCode.Conflict, Duplicate));
            h.Mock.When(HttpMethod.Get, MockServer.Base + "/meter-orders").WithQueryString("filter[subscription][eq]", "sub_1").WithQueryString("limit", "1")
                .Respond(_ => MockServer.Json(HttpStatusCode.OK, NomosSamples.ListPage(new[] { OrderCreatedAt("prdo_mine", h.Clock!.GetUtcNow()) }, null)));

            var order = await h.SkippingRetryWaitsAsync(c => c.Nomos!.MeterOrders.CreateAsync("sub_1", CallContext.None));

            Assert.Equal("prdo_mine", order.Id);
            Assert.Equal(new[] { "POST", "POST", "GET" }, h.Log.Api.Select(r => r.Method));
        }

        [Fact]
        public async Task ADuplicateOnTheFirstAttemptIsAnErrorNamingTheRule()
        {
            using var h = TestBed.Mock().Connection();
            h.Mock.ServeTokens();
            ServePosts(h, () => MockServer.Json(HttpStatusCode.Conflict, Duplicate));

            var error = await Assert.ThrowsAsync<ApiRequestException>(() => h.Connection.Nomos!.MeterOrders.CreateAsync("sub_1", CallContext.None));

            Assert.Equal("NomosMeters.DuplicateMeterOrder", error.ErrorId);
            Assert.Equal(1, error.Attempts);
            Assert.Single(h.Log.Api);
        }

        [Fact]
        public async Task ADuplicateOnARetryWhoseOrderIsOlderThanTheCallIsStillAnError()
        {
            using var h = TestBed.Mock().OnClock(new ManualTimeProvider(Start)).Connection();
            h.Mock.ServeTokens();
            ServePosts(h, () => MockServer.Json(HttpStatusCode.ServiceUnavailable, "{\"code\":\"SERVICE_UNAVAILABLE\",\"message\":\"busy\"}"), () => MockServer.Json(HttpStatusCode.Conflict, Duplicate));
            h.Mock.When(HttpMethod.Get, MockServer.Base + "/meter-orders")
                .Respond(_ => MockServer.Json(HttpStatusCode.OK, NomosSamples.ListPage(new[] { OrderCreatedAt("prdo_old", Start.AddDays(-30)) }, null)));

            var error = await Assert.ThrowsAsync<ApiRequestException>(() => h.SkippingRetryWaitsAsync(c => c.Nomos!.MeterOrders.CreateAsync("sub_1", CallContext.None)));

            Assert.Equal("NomosMeters.DuplicateMeterOrder", error.ErrorId);
            Assert.Equal(2, error.Attempts);
        }
    }
}
