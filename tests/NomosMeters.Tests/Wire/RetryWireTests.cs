using System;
using System.Collections.Concurrent;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using NomosMeters.Client;
using NomosMeters.Client.Http;
using NomosMeters.Client.Json;
using System.Text;
using RichardSzalay.MockHttp;
using Xunit;

namespace NomosMeters.Tests.Wire
{
    public sealed class RetryWireTests
    {
        private static HttpResponseMessage Status(HttpStatusCode status, string? retryAfter = null)
        {
            var response = WireHarness.Json(status, "{\"code\":\"" + (int)status + "\",\"message\":\"transient\",\"requestId\":\"r\",\"docs\":\"d\"}");
            if (retryAfter != null)
            {
                response.Headers.TryAddWithoutValidation("Retry-After", retryAfter);
            }

            return response;
        }

        private static void Serve(WireHarness h, HttpMethod method, string path, params Func<HttpResponseMessage>[] answers)
        {
            var queue = new ConcurrentQueue<Func<HttpResponseMessage>>(answers);
            h.Mock.When(method, WireHarness.Base + path).Respond(_ => queue.TryDequeue(out var next) ? next() : WireHarness.Json(HttpStatusCode.OK, WireHarness.Order("prdo_1")));
        }

        [Theory]
        [InlineData(HttpStatusCode.TooManyRequests)]
        [InlineData(HttpStatusCode.RequestTimeout)]
        [InlineData(HttpStatusCode.InternalServerError)]
        [InlineData(HttpStatusCode.BadGateway)]
        [InlineData(HttpStatusCode.ServiceUnavailable)]
        [InlineData(HttpStatusCode.GatewayTimeout)]
        public async Task TransientStatusesAreRetriedUntilTheyPass(HttpStatusCode status)
        {
            using var h = new WireHarness();
            h.ServeTokens();
            Serve(h, HttpMethod.Get, "/meter-orders/prdo_1", () => Status(status), () => Status(status));

            var order = await h.Connection.Nomos!.MeterOrders.GetAsync("prdo_1", CallContext.None);

            Assert.Equal("prdo_1", order.Id);
            Assert.Equal(3, h.ApiRequests.Count);
        }

        [Theory]
        [InlineData(HttpStatusCode.BadRequest)]
        [InlineData(HttpStatusCode.Forbidden)]
        [InlineData(HttpStatusCode.NotFound)]
        [InlineData(HttpStatusCode.Conflict)]
        [InlineData(HttpStatusCode.UnprocessableEntity)]
        public async Task ClientErrorsAreNeverRetried(HttpStatusCode status)
        {
            using var h = new WireHarness();
            h.ServeTokens();
            Serve(h, HttpMethod.Get, "/meter-orders/prdo_1", () => Status(status));

            var error = await Assert.ThrowsAsync<ApiRequestException>(() => h.Connection.Nomos!.MeterOrders.GetAsync("prdo_1", CallContext.None));

            Assert.Equal((int)status, error.StatusCode);
            Assert.Equal(1, error.Attempts);
            Assert.Single(h.ApiRequests);
        }

        [Fact]
        public async Task RetriesAreBoundedAndTheErrorSaysHowManyAttemptsWereMade()
        {
            using var h = new WireHarness();
            h.ServeTokens();
            h.Mock.When(HttpMethod.Get, WireHarness.Base + "/meter-orders/prdo_1").Respond(_ => Status(HttpStatusCode.ServiceUnavailable));

            var error = await Assert.ThrowsAsync<ApiRequestException>(() => h.Connection.Nomos!.MeterOrders.GetAsync("prdo_1", CallContext.None));

            Assert.Equal(503, error.StatusCode);
            Assert.Equal(5, error.Attempts);
            Assert.Equal(5, h.ApiRequests.Count);
        }

        [Fact]
        public async Task PostIsRetriedAfter429ButNotAfterA500()
        {
            using var h = new WireHarness();
            h.ServeTokens();
            Serve(h, HttpMethod.Post, "/meter-orders", () => Status(HttpStatusCode.TooManyRequests, "0"), () => Status(HttpStatusCode.InternalServerError));

            var error = await Assert.ThrowsAsync<ApiRequestException>(() => PlainPostAsync(h));

            Assert.Equal(500, error.StatusCode);
            Assert.Equal(2, h.ApiRequests.Count);
            Assert.All(h.ApiRequests, r => Assert.Equal("{\"subscription\":\"sub_1\"}", r.Body));
        }

        [Fact]
        public async Task PostIsRetriedWhenNoConnectionCouldBeMadeButNotWhenTheConnectionBrokeAfterSending()
        {
            using var h = new WireHarness();
            h.ServeTokens();
            var refused = new HttpRequestException("Connection refused", new SocketException((int)SocketError.ConnectionRefused));
            var reset = new HttpRequestException("Connection reset", new IOException("reset", new SocketException((int)SocketError.ConnectionReset)));
            Serve(h, HttpMethod.Post, "/meter-orders", () => throw refused, () => throw reset);

            var error = await Assert.ThrowsAsync<ApiRequestException>(() => PlainPostAsync(h));

            // Refused: the server never saw it, so repeating is safe. Reset: it may have been created, so no repeat.
            Assert.Equal("CONNECTION_FAILED", error.Code);
            Assert.Equal(2, error.Attempts);
            Assert.Equal(2, h.ApiRequests.Count);
        }

        // A POST with no SafeToRepeat mark: the general rule, not the meter-order exception to it.
        private static Task<NomosMeters.Models.MeterOrder> PlainPostAsync(WireHarness h)
            => h.Connection.Nomos!.Transport.SendForJsonAsync(
                h.Connection.Nomos.Endpoint,
                new ApiRequest(HttpMethod.Post, "/meter-orders", () => new StringContent("{\"subscription\":\"sub_1\"}", Encoding.UTF8, "application/json")),
                NomosJsonContext.Default.MeterOrder,
                CallContext.None);

        [Fact]
        public async Task AGetThatTimesOutIsRetried()
        {
            using var h = new WireHarness();
            // Long enough that the answering attempt never times out on a busy machine; only the stalled one does.
            h.Connection.Nomos!.Transport.Options.RequestTimeout = TimeSpan.FromSeconds(1);
            h.ServeTokens();
            var calls = 0;
            h.Mock.When(HttpMethod.Get, WireHarness.Base + "/meter-orders/prdo_1").Respond(_ =>
                Interlocked.Increment(ref calls) == 1
                    ? new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(new StallingStream()) }
                    : WireHarness.Json(HttpStatusCode.OK, WireHarness.Order("prdo_1")));

            var order = await h.Connection.Nomos.MeterOrders.GetAsync("prdo_1", CallContext.None);

            Assert.Equal("prdo_1", order.Id);
            Assert.Equal(2, h.ApiRequests.Count);
        }

        [Fact]
        public async Task AConnectionThatBreaksWhileA200BodyIsReadIsRetried()
        {
            using var h = new WireHarness();
            h.ServeTokens();
            var calls = 0;
            h.Mock.When(HttpMethod.Get, WireHarness.Base + "/meter-orders/prdo_1").Respond(_ =>
                Interlocked.Increment(ref calls) == 1
                    ? new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(new BreakingStream(WireHarness.Order("prdo_1"))) }
                    : WireHarness.Json(HttpStatusCode.OK, WireHarness.Order("prdo_1")));

            var order = await h.Connection.Nomos!.MeterOrders.GetAsync("prdo_1", CallContext.None);

            Assert.Equal("prdo_1", order.Id);
            Assert.Equal(2, h.ApiRequests.Count);
        }

        /// <summary>Delivers the first half of a body, then fails as a reset connection does.</summary>
        private sealed class BreakingStream : MemoryStream
        {
            private readonly int _half;

            public BreakingStream(string body)
                : base(System.Text.Encoding.UTF8.GetBytes(body)) => _half = (int)Length / 2;

            public override int Read(byte[] buffer, int offset, int count)
                => Position >= _half ? throw new IOException("Connection reset by peer") : base.Read(buffer, offset, Math.Min(count, _half - (int)Position));

            public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
                => Task.FromResult(Read(buffer, offset, count));

            public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
            {
                var array = new byte[buffer.Length];
                var read = Read(array, 0, array.Length);
                array.AsSpan(0, read).CopyTo(buffer.Span);
                return new ValueTask<int>(read);
            }
        }

        /// <summary>A response body that never delivers a byte, until the reader gives up.</summary>
        private sealed class StallingStream : MemoryStream
        {
            public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
                return 0;
            }

            public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
                return 0;
            }
        }

        [Fact]
        public async Task RetryAfterSecondsIsHonoured()
        {
            using var h = new WireHarness();
            h.ServeTokens();
            Serve(h, HttpMethod.Get, "/meter-orders/prdo_1", () => Status(HttpStatusCode.TooManyRequests, "1"));

            var watch = System.Diagnostics.Stopwatch.StartNew();
            await h.Connection.Nomos!.MeterOrders.GetAsync("prdo_1", CallContext.None);

            // The backoff alone would be about 1 ms here; only the header explains a wait of a second.
            Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(900), watch.Elapsed.ToString());
            Assert.Equal(2, h.ApiRequests.Count);
        }

        [Fact]
        public void RetryAfterDateAndRatelimitResetAreRead()
        {
            var now = new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);
            using var dated = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
            dated.Headers.TryAddWithoutValidation("Retry-After", "Mon, 23 Nov 2026 08:00:30 GMT");
            using var reset = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
            reset.Headers.TryAddWithoutValidation("ratelimit-reset", "7");
            using var none = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);

            Assert.Equal(TimeSpan.FromSeconds(30), NomosMeters.Client.Http.RetryPolicy.ServerDelay(dated, now));
            Assert.Equal(TimeSpan.FromSeconds(7), NomosMeters.Client.Http.RetryPolicy.ServerDelay(reset, now));
            Assert.Null(NomosMeters.Client.Http.RetryPolicy.ServerDelay(none, now));
        }
    }
}
