using System;
using System.Collections.Concurrent;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading.Tasks;
using NomosMeters.Client;
using NomosMeters.Client.Http;
using NomosMeters.Client.Requests;
using NomosMeters.Tests.Infrastructure;
using NomosMeters.Tests.TestBeds;
using RichardSzalay.MockHttp;
using Xunit;

namespace NomosMeters.Tests.Wire
{
    /// <summary>
    /// Requests to any path go through the typed clients' transport and its rule: a read is repeated after any
    /// transient failure, a write (POST, PATCH, PUT, DELETE) only when it cannot have acted (a 429, no connection).
    /// </summary>
    public sealed class RawRequestRetryWireTests
    {
        private static readonly DateTimeOffset Start = new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);

        private static ConnectionBed OnManualClock() => TestBed.Mock().OnClock(new ManualTimeProvider(Start)).Connection(enrollment: true);

        private static HttpResponseMessage Status(HttpStatusCode status)
        {
            var response = MockServer.Json(status, "{\"code\":\"X\",\"message\":\"transient\",\"requestId\":\"r\",\"docs\":\"d\"}");
            response.Headers.TryAddWithoutValidation("Retry-After", "1");
            return response;
        }

        private static void Serve(ConnectionBed h, HttpMethod method, string url, params Func<HttpResponseMessage>[] answers)
        {
            var queue = new ConcurrentQueue<Func<HttpResponseMessage>>(answers);
            h.Mock.When(method, url).Respond(_ => queue.TryDequeue(out var next) ? next() : MockServer.Json(HttpStatusCode.OK, "{\"id\":\"done\"}"));
        }

        private static Task<RawResponse> Send(ConnectionBed h, string method, string path, bool enrollment = false)
            => h.SkippingRetryWaitsAsync(c =>
            {
                var client = enrollment ? c.Enrollment!.Requests : c.Nomos!.Requests;
                var call = new RawRequest(new HttpMethod(method), RelativePath.Parse(path, client.Endpoint), new QueryString(), method == "GET" ? null : "{\"a\":1}");
                return client.SendAsync(call, CallContext.None);
            });

        [Fact]
        public async Task AGetIsRetriedAfterAServerError()
        {
            using var h = OnManualClock();
            h.Mock.ServeTokens();
            Serve(h, HttpMethod.Get, MockServer.Base + "/customers/cus_1", () => Status(HttpStatusCode.ServiceUnavailable));

            var answer = await Send(h, "GET", "/customers/cus_1");

            Assert.Equal("{\"id\":\"done\"}", answer.Text);
            Assert.Equal(2, h.Log.Api.Count);
        }

        [Theory]
        [InlineData("POST")]
        [InlineData("PATCH")]
        [InlineData("PUT")]
        [InlineData("DELETE")]
        public async Task AWriteIsNotRepeatedAfterAServerErrorItMayHaveActedOn(string method)
        {
            using var h = OnManualClock();
            h.Mock.ServeTokens();
            Serve(h, new HttpMethod(method), MockServer.Base + "/customers/cus_1", () => Status(HttpStatusCode.ServiceUnavailable));

            var error = await Assert.ThrowsAsync<ApiRequestException>(() => Send(h, method, "/customers/cus_1"));

            Assert.Equal(503, error.StatusCode);
            Assert.Equal(1, error.Attempts);
            Assert.Single(h.Log.Api);
        }

        [Theory]
        [InlineData("POST")]
        [InlineData("PATCH")]
        [InlineData("PUT")]
        [InlineData("DELETE")]
        public async Task AWriteIsRepeatedAfterA429AndWhenNoConnectionCouldBeMade(string method)
        {
            using var h = OnManualClock();
            h.Mock.ServeTokens();
            var refused = new HttpRequestException("Connection refused", new SocketException((int)SocketError.ConnectionRefused));
            Serve(h, new HttpMethod(method), MockServer.Base + "/customers/cus_1", () => Status(HttpStatusCode.TooManyRequests), () => throw refused);

            var answer = await Send(h, method, "/customers/cus_1");

            Assert.Equal("{\"id\":\"done\"}", answer.Text);
            Assert.Equal(3, h.Log.Api.Count);
            Assert.All(h.Log.Api, r => Assert.Equal("{\"a\":1}", r.Body));
        }

        [Fact]
        public async Task AWriteIsNotRepeatedWhenTheConnectionBrokeAfterItWasSent()
        {
            using var h = OnManualClock();
            h.Mock.ServeTokens();
            var reset = new HttpRequestException("Connection reset", new IOException("reset", new SocketException((int)SocketError.ConnectionReset)));
            Serve(h, HttpMethod.Post, MockServer.Base + "/leads", () => throw reset);

            var error = await Assert.ThrowsAsync<ApiRequestException>(() => Send(h, "POST", "/leads"));

            Assert.Equal("CONNECTION_FAILED", error.Code);
            Assert.Single(h.Log.Api);
        }

        [Fact]
        public async Task AnEnrollmentSearchOnlyReadsSoItIsRetriedLikeAGet()
        {
            using var h = OnManualClock();
            Serve(h, HttpMethod.Post, MockServer.EnrollmentBase + "/v2/meters/enrollments/search", () => Status(HttpStatusCode.BadGateway));
            Serve(h, HttpMethod.Post, MockServer.EnrollmentBase + "/v2/other", () => Status(HttpStatusCode.BadGateway));

            var search = await Send(h, "POST", "/v2/meters/enrollments/search", enrollment: true);
            var other = await Assert.ThrowsAsync<ApiRequestException>(() => Send(h, "POST", "/v2/other", enrollment: true));

            Assert.Equal("{\"id\":\"done\"}", search.Text);
            Assert.Equal(1, other.Attempts);
            Assert.Equal(new[] { "/v2/meters/enrollments/search", "/v2/meters/enrollments/search", "/v2/other" }, h.Log.Enrollment.Select(r => r.Uri.AbsolutePath));
        }
    }
}
