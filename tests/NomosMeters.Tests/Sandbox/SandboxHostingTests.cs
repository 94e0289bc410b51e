using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using NomosMeters.Sandbox;
using NomosMeters.Tests.TestBeds;
using Xunit;

namespace NomosMeters.Tests.Sandbox
{
    /// <summary>How the sandbox is hosted: handlers, direct calls, concurrency, cancellation, routing between the two APIs.</summary>
    public sealed class SandboxHostingTests : IDisposable
    {
        private readonly HttpBed _h = TestBed.Sandbox().Http();

        public void Dispose() => _h.Dispose();

        [Fact]
        public async Task HandlersFromOneSandboxShareItsState()
        {
            var token = await _h.AccessTokenAsync();

            // CreateHandler itself is what this test is about, so it makes the second client by hand.
            using var other = new HttpClient(_h.Sandbox.CreateHandler()) { BaseAddress = new Uri(NomosSandbox.NomosBaseUri) };
            using var request = new HttpRequestMessage(HttpMethod.Get, "/meter-orders?limit=1");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);

            using var response = await other.SendAsync(request);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(2, _h.Sandbox.RequestCount);
        }

        [Fact]
        public async Task TokenFromAnotherSandboxIsUnauthorized()
        {
            var token = await _h.AccessTokenAsync();
            using var other = TestBed.Sandbox().Http();
            using var request = new HttpRequestMessage(HttpMethod.Get, "/meter-orders");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);

            using var response = await other.Http.SendAsync(request);

            await ApiAssert.ErrorAsync(response, 401, "UNAUTHORIZED");
        }

        [Fact]
        public async Task HandleAsyncServesHostsThatOwnTheTransportAndAcceptsRelativeUris()
        {
            var token = await _h.AccessTokenAsync();
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/meter-orders?limit=2", UriKind.Relative));
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);

            using var response = await _h.Sandbox.HandleAsync(request, CancellationToken.None);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(2, (await ApiBodies.ReadJsonAsync(response)).GetProperty("items").GetArrayLength());
            Assert.Same(request, response.RequestMessage);
            Assert.Equal("GET /meter-orders?limit=2", _h.Sandbox.RequestLog.Last());
        }

        [Fact]
        public async Task CancelledRequestThrowsAndIsNotAnswered()
        {
            using var cancelled = new CancellationTokenSource();
            cancelled.Cancel();

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _h.Http.GetAsync("/meter-orders", cancelled.Token));
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _h.Sandbox.HandleAsync(new HttpRequestMessage(HttpMethod.Get, "/meter-orders"), cancelled.Token));
        }

        [Fact]
        public async Task ConcurrentCreatesAndListsStayConsistent()
        {
            var spare = _h.Sandbox.Subscriptions.Where(s => !s.HasMeterOrder && !s.IsEnded).Take(40).ToList();
            var before = _h.Sandbox.MeterOrders.Count;
            await _h.AccessTokenAsync();

            // Each subscription is posted twice at once: exactly one of each pair may win.
            var creates = spare.Concat(spare).Select(async s =>
            {
                using var response = await _h.SendAsync(HttpMethod.Post, "/meter-orders", ApiBodies.Json($"{{\"subscription\":\"{s.Id}\"}}"));
                return response.StatusCode;
            }).ToList();
            var lists = Enumerable.Range(0, 40).Select(async _ =>
            {
                using var response = await _h.GetAsync("/meter-orders?limit=100");
                return response.StatusCode;
            }).ToList();
            var createResults = await Task.WhenAll(creates);

            Assert.All(await Task.WhenAll(lists), status => Assert.Equal(HttpStatusCode.OK, status));
            Assert.Equal(40, createResults.Count(s => s == HttpStatusCode.OK));
            Assert.Equal(40, createResults.Count(s => s == HttpStatusCode.Conflict));
            var orders = _h.Sandbox.MeterOrders;
            Assert.Equal(before + 40, orders.Count);
            Assert.Equal(orders.Count, orders.Select(o => o.Id).Distinct().Count());
            Assert.Equal(orders.OrderByDescending(o => o.CreatedAt).ThenByDescending(o => o.Id, StringComparer.Ordinal).Select(o => o.Id), orders.Select(o => o.Id));
            var (items, _) = await _h.ListAllAsync("limit=100");
            Assert.Equal(orders.Select(o => o.Id), ApiBodies.Ids(items));
        }

        [Fact]
        public async Task ConcurrentUseOfOneRefreshTokenSucceedsOnce()
        {
            using var first = await _h.PostTokenAsync(ApiBodies.Form(("grant_type", "client_credentials")));
            var refresh = (await ApiBodies.ReadJsonAsync(first)).GetProperty("refresh_token").GetString()!;

            var attempts = await Task.WhenAll(Enumerable.Range(0, 10).Select(async _ =>
            {
                using var response = await _h.PostTokenAsync(ApiBodies.Form(("grant_type", "refresh_token"), ("refresh_token", refresh)));
                return response.StatusCode;
            }));

            Assert.Equal(1, attempts.Count(s => s == HttpStatusCode.OK));
            Assert.Equal(9, attempts.Count(s => s == HttpStatusCode.BadRequest));
            Assert.Equal(2, _h.Sandbox.TokensIssued);
        }

        [Fact]
        public async Task EnrollmentPathsGoToTheEnrollmentApiWithItsOwnKeyAndErrorShape()
        {
            var client = _h.EnrollmentHttp;
            using var wrongKey = new HttpRequestMessage(HttpMethod.Get, "/v2/meters/" + _h.Sandbox.MeterEnrollments[0].MeterId + "/enrollments");
            wrongKey.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await _h.AccessTokenAsync());
            using var rightKey = new HttpRequestMessage(HttpMethod.Get, "/v2/meters/" + _h.Sandbox.MeterEnrollments[0].MeterId + "/enrollments");
            rightKey.Headers.Authorization = new AuthenticationHeaderValue("Bearer", SandboxOptions.DefaultEnrollmentApiKey);

            using var refused = await client.SendAsync(wrongKey);
            using var served = await client.SendAsync(rightKey);

            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
            var error = await ApiBodies.ReadJsonAsync(refused);
            Assert.Equal(401, error.GetProperty("status").GetInt32());
            Assert.False(error.TryGetProperty("code", out _));
            Assert.Equal(HttpStatusCode.OK, served.StatusCode);
            Assert.Equal(_h.Sandbox.MeterEnrollments[0].MeterId.ToString("D"), (await ApiBodies.ReadJsonAsync(served)).GetProperty("meter_id").GetString());
            Assert.Equal(5200, _h.Sandbox.MeterEnrollments.Count);
            Assert.StartsWith("GET /v2/meters/", _h.Sandbox.RequestLog.Last());
        }
    }
}
