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
using NomosMeters.Tests.Infrastructure;
using System.Text;
using RichardSzalay.MockHttp;
using NomosMeters.Tests.TestBeds;
using Xunit;

namespace NomosMeters.Tests.Wire
{
    /// <summary>
    /// Which failures are retried, how often and after how long, on a manual clock: every wait is the module's own
    /// (1 s backoff base, the server's Retry-After, the 100 s timeout), and the tests skip or step through them.
    /// </summary>
    public sealed class RetryWireTests
    {
        private static readonly DateTimeOffset Start = new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);
        private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

        private static ConnectionBed OnManualClock() => TestBed.Mock().OnClock(new ManualTimeProvider(Start)).Connection();

        private static HttpResponseMessage Status(HttpStatusCode status, string? retryAfter = null, string header = "Retry-After")
        {
            var response = MockServer.Json(status, "{\"code\":\"" + (int)status + "\",\"message\":\"transient\",\"requestId\":\"r\",\"docs\":\"d\"}");
            if (retryAfter != null)
            {
                response.Headers.TryAddWithoutValidation(header, retryAfter);
            }

            return response;
        }

        private static void Serve(ConnectionBed h, HttpMethod method, string path, params Func<HttpResponseMessage>[] answers)
        {
            var queue = new ConcurrentQueue<Func<HttpResponseMessage>>(answers);
            h.Mock.When(method, MockServer.Base + path).Respond(_ => queue.TryDequeue(out var next) ? next() : MockServer.Json(HttpStatusCode.OK, NomosSamples.Order("prdo_1")));
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
            using var h = OnManualClock();
            h.Mock.ServeTokens();
            Serve(h, HttpMethod.Get, "/meter-orders/prdo_1", () => Status(status), () => Status(status));

            var order = await h.SkippingRetryWaitsAsync(c => c.Nomos!.MeterOrders.GetAsync("prdo_1", CallContext.None));

            Assert.Equal("prdo_1", order.Id);
            Assert.Equal(3, h.Log.Api.Count);
            Assert.Equal(2, h.RetryWaits.Count);
        }

        [Theory]
        [InlineData(HttpStatusCode.BadRequest)]
        [InlineData(HttpStatusCode.Forbidden)]
        [InlineData(HttpStatusCode.NotFound)]
        [InlineData(HttpStatusCode.Conflict)]
        [InlineData(HttpStatusCode.UnprocessableEntity)]
        public async Task ClientErrorsAreNeverRetried(HttpStatusCode status)
        {
            using var h = OnManualClock();
            h.Mock.ServeTokens();
            Serve(h, HttpMethod.Get, "/meter-orders/prdo_1", () => Status(status));

            var error = await Assert.ThrowsAsync<ApiRequestException>(() => h.SkippingRetryWaitsAsync(c => c.Nomos!.MeterOrders.GetAsync("prdo_1", CallContext.None)));

            Assert.Equal((int)status, error.StatusCode);
            Assert.Equal(1, error.Attempts);
            Assert.Single(h.Log.Api);
            Assert.Empty(h.RetryWaits);
        }

        [Fact]
        public async Task RetriesAreBoundedAndTheErrorSaysHowManyAttemptsWereMade()
        {
            using var h = OnManualClock();
            h.Mock.ServeTokens();
            h.Mock.When(HttpMethod.Get, MockServer.Base + "/meter-orders/prdo_1").Respond(_ => Status(HttpStatusCode.ServiceUnavailable));

            var error = await Assert.ThrowsAsync<ApiRequestException>(() => h.SkippingRetryWaitsAsync(c => c.Nomos!.MeterOrders.GetAsync("prdo_1", CallContext.None)));

            Assert.Equal(503, error.StatusCode);
            Assert.Equal(5, error.Attempts);
            Assert.Equal(5, h.Log.Api.Count);

            // Four backoff waits between the five attempts, on the transport's clock, none over the 60 s cap.
            Assert.Equal(4, h.RetryWaits.Count);
            Assert.All(h.RetryWaits, w => Assert.InRange(w, TimeSpan.FromTicks(1), TimeSpan.FromSeconds(60)));
        }

        [Fact]
        public async Task NoRetryStartsWhoseWaitWouldReachTheRetryBudget()
        {
            using var h = OnManualClock();
            h.Connection.Nomos!.Transport.Options.RetryBudget = TimeSpan.FromSeconds(90);
            h.Mock.ServeTokens();
            h.Mock.When(HttpMethod.Get, MockServer.Base + "/meter-orders/prdo_1").Respond(_ => Status(HttpStatusCode.ServiceUnavailable, "30"));

            var error = await Assert.ThrowsAsync<ApiRequestException>(() => h.SkippingRetryWaitsAsync(c => c.Nomos!.MeterOrders.GetAsync("prdo_1", CallContext.None)));

            // Retries at 30 s and 60 s; a third would start at 90 s, the end of the budget, so the third failure is final.
            Assert.Equal(3, error.Attempts);
            Assert.Equal(new[] { TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(30) }, h.RetryWaits);
        }

        [Fact]
        public async Task PostIsRetriedAfter429ButNotAfterA500()
        {
            using var h = OnManualClock();
            h.Mock.ServeTokens();
            Serve(h, HttpMethod.Post, "/meter-orders", () => Status(HttpStatusCode.TooManyRequests, "0"), () => Status(HttpStatusCode.InternalServerError));

            var error = await Assert.ThrowsAsync<ApiRequestException>(() => h.SkippingRetryWaitsAsync(PlainPostAsync));

            Assert.Equal(500, error.StatusCode);
            Assert.Equal(2, h.Log.Api.Count);
            Assert.All(h.Log.Api, r => Assert.Equal("{\"subscription\":\"sub_1\"}", r.Body));
        }

        [Fact]
        public async Task PostIsRetriedWhenNoConnectionCouldBeMadeButNotWhenTheConnectionBrokeAfterSending()
        {
            using var h = OnManualClock();
            h.Mock.ServeTokens();
            var refused = new HttpRequestException("Connection refused", new SocketException((int)SocketError.ConnectionRefused));
            var reset = new HttpRequestException("Connection reset", new IOException("reset", new SocketException((int)SocketError.ConnectionReset)));
            Serve(h, HttpMethod.Post, "/meter-orders", () => throw refused, () => throw reset);

            var error = await Assert.ThrowsAsync<ApiRequestException>(() => h.SkippingRetryWaitsAsync(PlainPostAsync));

            // Refused: the server never saw it, so repeating is safe. Reset: it may have been created, so no repeat.
            Assert.Equal("CONNECTION_FAILED", error.Code);
            Assert.Equal(2, error.Attempts);
            Assert.Equal(2, h.Log.Api.Count);
        }

        // A POST with no SafeToRepeat mark: the general rule, not the meter-order exception to it.
        private static Task<NomosMeters.Models.MeterOrder> PlainPostAsync(NomosConnection connection)
            => connection.Nomos!.Transport.SendForJsonAsync(
                connection.Nomos.Endpoint,
                new ApiRequest(HttpMethod.Post, "/meter-orders", () => new StringContent("{\"subscription\":\"sub_1\"}", Encoding.UTF8, "application/json")),
                NomosJsonContext.Default.MeterOrder,
                CallContext.None);

        [Fact]
        public async Task AGetWhoseBodyStallsTimesOutAtTheRequestTimeoutAndIsRetried()
        {
            using var h = OnManualClock();
            h.Mock.ServeTokens();
            var stalled = new StallingStream();
            var calls = 0;
            h.Mock.When(HttpMethod.Get, MockServer.Base + "/meter-orders/prdo_1").Respond(_ =>
                Interlocked.Increment(ref calls) == 1
                    ? new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(stalled) }
                    : MockServer.Json(HttpStatusCode.OK, NomosSamples.Order("prdo_1")));

            var call = h.Connection.Nomos!.MeterOrders.GetAsync("prdo_1", CallContext.None);
            await stalled.Reading.WaitAsync(Patience);

            // The default timeout, 100 s, to the tick: not a moment before it the attempt is still waiting for its body.
            h.Clock!.Advance(h.Connection.RequestTimeout - TimeSpan.FromTicks(1));
            Assert.False(call.IsCompleted);
            Assert.Single(h.Log.Api);
            h.Clock.Advance(TimeSpan.FromTicks(1));
            h.Clock.Advance(await h.Clock.WhenWaitingAsync(h.IsRetryWait).WaitAsync(Patience));
            var order = await call.WaitAsync(Patience);

            Assert.Equal("prdo_1", order.Id);
            Assert.Equal(2, h.Log.Api.Count);
        }

        [Fact]
        public async Task AConnectionThatBreaksWhileA200BodyIsReadIsRetried()
        {
            using var h = OnManualClock();
            h.Mock.ServeTokens();
            var calls = 0;
            h.Mock.When(HttpMethod.Get, MockServer.Base + "/meter-orders/prdo_1").Respond(_ =>
                Interlocked.Increment(ref calls) == 1
                    ? new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(new BreakingStream(NomosSamples.Order("prdo_1"))) }
                    : MockServer.Json(HttpStatusCode.OK, NomosSamples.Order("prdo_1")));

            var order = await h.SkippingRetryWaitsAsync(c => c.Nomos!.MeterOrders.GetAsync("prdo_1", CallContext.None));

            Assert.Equal("prdo_1", order.Id);
            Assert.Equal(2, h.Log.Api.Count);
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

        /// <summary>A response body that never delivers a byte, until the reader gives up; it tells when reading began.</summary>
        private sealed class StallingStream : MemoryStream
        {
            private readonly TaskCompletionSource _reading = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

            public Task Reading => _reading.Task;

            public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
                => ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

            public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
            {
                _reading.TrySetResult();
                await Task.Delay(Timeout.Infinite, cancellationToken);
                return 0;
            }
        }

        [Theory]
        [InlineData("Retry-After", "7", 7)]
        [InlineData("Retry-After", "Mon, 23 Nov 2026 08:00:30 GMT", 30)]
        [InlineData("ratelimit-reset", "12", 12)]
        public async Task TheRetryWaitsExactlyAsLongAsTheServerSays(string header, string value, int seconds)
        {
            using var h = OnManualClock();
            h.Mock.ServeTokens();
            Serve(h, HttpMethod.Get, "/meter-orders/prdo_1", () => Status(HttpStatusCode.TooManyRequests, value, header));

            var call = h.Connection.Nomos!.MeterOrders.GetAsync("prdo_1", CallContext.None);

            // The backoff alone would be about a second, with jitter; only the header explains these waits.
            var wait = TimeSpan.FromSeconds(seconds);
            Assert.Equal(wait, await h.Clock!.WhenWaitingAsync(h.IsRetryWait).WaitAsync(Patience));
            h.Clock.Advance(wait - TimeSpan.FromTicks(1));
            Assert.Single(h.Log.Api);
            h.Clock.Advance(TimeSpan.FromTicks(1));
            await call.WaitAsync(Patience);
            Assert.Equal(2, h.Log.Api.Count);
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
