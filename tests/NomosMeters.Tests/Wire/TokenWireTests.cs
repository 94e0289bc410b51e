using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using NomosMeters.Client;
using NomosMeters.Tests.Infrastructure;
using RichardSzalay.MockHttp;
using NomosMeters.Tests.TestBeds;
using Xunit;

namespace NomosMeters.Tests.Wire
{
    public sealed class TokenWireTests
    {
        private static readonly DateTimeOffset Start = new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);

        [Fact]
        public async Task TokenRequestUsesBasicClientAuthAndFormBody()
        {
            using var h = TestBed.Mock().Connection();
            h.Mock.ServeTokens();

            var token = await h.Connection.Nomos!.Endpoint.Tokens!.GetTokenAsync(CallContext.None);

            Assert.Equal("at1", token);
            var sent = Assert.Single(h.Log.Token);
            Assert.Equal("POST", sent.Method);
            Assert.Equal("https://api.nomos.energy/oauth/token", sent.Wire);
            var expected = Convert.ToBase64String(Encoding.UTF8.GetBytes(MockServer.ClientId + ":" + MockServer.ClientSecret));
            Assert.Equal("Basic " + expected, sent.Header("Authorization"));
            Assert.Equal("grant_type=client_credentials", sent.Body);
            Assert.Equal("application/x-www-form-urlencoded", sent.ContentType);
        }

        [Fact]
        public async Task TokenIsRefreshedBeforeExpiryWithTheRotatedRefreshToken()
        {
            var clock = new ManualTimeProvider(Start);
            using var h = TestBed.Mock().OnClock(clock).Connection();
            h.Mock.ServeTokens(expiresIn: 3600);
            h.Mock.When(HttpMethod.Get, MockServer.Base + "/meter-orders/prdo_1").Respond(_ => MockServer.Json(HttpStatusCode.OK, NomosSamples.Order("prdo_1")));
            var orders = h.Connection.Nomos!.MeterOrders;

            await orders.GetAsync("prdo_1", CallContext.None);
            clock.Advance(TimeSpan.FromSeconds(3000));
            await orders.GetAsync("prdo_1", CallContext.None);
            clock.Advance(TimeSpan.FromSeconds(545));
            await orders.GetAsync("prdo_1", CallContext.None);
            clock.Advance(TimeSpan.FromSeconds(3545));
            await orders.GetAsync("prdo_1", CallContext.None);

            Assert.Equal(
                new[] { "grant_type=client_credentials", "grant_type=refresh_token&refresh_token=rt1", "grant_type=refresh_token&refresh_token=rt2" },
                h.Log.Token.Select(r => r.Body));
            Assert.Equal(new[] { "Bearer at1", "Bearer at1", "Bearer at2", "Bearer at3" }, h.Log.Api.Select(r => r.Header("Authorization")));
            Assert.Equal(Start + TimeSpan.FromSeconds(3000 + 545 + 3545 + 3600), h.Connection.AccessTokenExpiresAt);
        }

        [Fact]
        public async Task RefusedRefreshFallsBackToClientCredentials()
        {
            var clock = new ManualTimeProvider(Start);
            using var h = TestBed.Mock().OnClock(clock).Connection();
            var calls = 0;
            h.Mock.When(HttpMethod.Post, MockServer.Base + "/oauth/token").Respond(req =>
            {
                calls++;
                var body = req.Content!.ReadAsStringAsync().Result;
                return body.Contains("refresh_token")
                    ? MockServer.Json(HttpStatusCode.BadRequest, "{\"code\":\"BAD_REQUEST\",\"message\":\"invalid refresh token\",\"requestId\":\"r\",\"docs\":\"d\"}")
                    : MockServer.Json(HttpStatusCode.OK, $"{{\"access_token\":\"cc{calls}\",\"token_type\":\"Bearer\",\"expires_in\":3600,\"refresh_token\":\"rt{calls}\",\"scope\":\"read:*\"}}");
            });

            var first = await h.Connection.Nomos!.Endpoint.Tokens!.GetTokenAsync(CallContext.None);
            clock.Advance(TimeSpan.FromHours(2));
            var second = await h.Connection.Nomos!.Endpoint.Tokens.GetTokenAsync(CallContext.None);

            Assert.Equal("cc1", first);
            Assert.Equal("cc3", second);
            Assert.Equal(
                new[] { "grant_type=client_credentials", "grant_type=refresh_token&refresh_token=rt1", "grant_type=client_credentials" },
                h.Log.Token.Select(r => r.Body));
        }

        [Fact]
        public async Task ARetryAfterAWaitThatOutlastsTheTokenSendsARenewedToken()
        {
            using var h = TestBed.Mock().Connection();
            h.Mock.ServeTokens(expiresIn: 2);
            var attempts = 0;
            h.Mock.When(HttpMethod.Get, MockServer.Base + "/meter-orders/prdo_1").Respond(_ =>
            {
                if (++attempts > 1)
                {
                    return MockServer.Json(HttpStatusCode.OK, NomosSamples.Order("prdo_1"));
                }

                // The server asks for a wait longer than the token has left.
                var busy = MockServer.Json(HttpStatusCode.ServiceUnavailable, "{\"code\":\"SERVICE_UNAVAILABLE\",\"message\":\"busy\",\"requestId\":\"r\",\"docs\":\"d\"}");
                busy.Headers.TryAddWithoutValidation("Retry-After", "2");
                return busy;
            });

            var order = await h.Connection.Nomos!.MeterOrders.GetAsync("prdo_1", CallContext.None);

            Assert.Equal("prdo_1", order.Id);
            Assert.Equal(new[] { "Bearer at1", "Bearer at2" }, h.Log.Api.Select(r => r.Header("Authorization")));
        }

        [Fact]
        public async Task ATokenEndpointThatRefusesTheRetrysTokenIsNotTakenForTheApiRefusingTheFirstToken()
        {
            using var h = TestBed.Mock().Connection();
            var issued = 0;
            h.Mock.When(HttpMethod.Post, MockServer.Base + "/oauth/token").Respond(_ => ++issued == 1
                ? MockServer.Json(HttpStatusCode.OK, "{\"access_token\":\"at1\",\"token_type\":\"Bearer\",\"expires_in\":2,\"refresh_token\":\"rt1\",\"scope\":\"read:*\"}")
                : MockServer.Json(HttpStatusCode.Unauthorized, "{\"error\":\"invalid_client\",\"error_description\":\"client disabled\"}"));
            h.Mock.When(HttpMethod.Get, MockServer.Base + "/meter-orders/prdo_1").Respond(_ =>
            {
                // The server asks for a wait longer than the token has left, so the retry needs a new token.
                var busy = MockServer.Json(HttpStatusCode.ServiceUnavailable, "{\"code\":\"SERVICE_UNAVAILABLE\",\"message\":\"busy\",\"requestId\":\"r\",\"docs\":\"d\"}");
                busy.Headers.TryAddWithoutValidation("Retry-After", "2");
                return busy;
            });

            await Assert.ThrowsAsync<ApiRequestException>(() => h.Connection.Nomos!.MeterOrders.GetAsync("prdo_1", CallContext.None));

            // The retry's token request failed, and nothing was sent with it: at1 was never refused, so it is not renewed again.
            Assert.Single(h.Log.Api);
            Assert.Equal(new[] { "grant_type=client_credentials", "grant_type=refresh_token&refresh_token=rt1", "grant_type=client_credentials" }, h.Log.Token.Select(r => r.Body));
        }

        [Fact]
        public async Task UnauthorizedResponseRefreshesOnceAndRetriesOnce()
        {
            using var h = TestBed.Mock().Connection();
            h.Mock.ServeTokens();
            h.Mock.When(HttpMethod.Get, MockServer.Base + "/meter-orders/prdo_1").Respond(req =>
                req.Headers.Authorization!.Parameter == "at1"
                    ? MockServer.Json(HttpStatusCode.Unauthorized, "{\"code\":\"UNAUTHORIZED\",\"message\":\"expired token\",\"requestId\":\"r\",\"docs\":\"d\"}")
                    : MockServer.Json(HttpStatusCode.OK, NomosSamples.Order("prdo_1")));

            var order = await h.Connection.Nomos!.MeterOrders.GetAsync("prdo_1", CallContext.None);

            Assert.Equal("prdo_1", order.Id);
            Assert.Equal(new[] { "Bearer at1", "Bearer at2" }, h.Log.Api.Select(r => r.Header("Authorization")));
            Assert.Equal(new[] { "grant_type=client_credentials", "grant_type=refresh_token&refresh_token=rt1" }, h.Log.Token.Select(r => r.Body));
        }

        [Fact]
        public async Task SecondUnauthorizedIsReportedWithoutFurtherRetries()
        {
            using var h = TestBed.Mock().Connection();
            h.Mock.ServeTokens();
            h.Mock.When(HttpMethod.Get, MockServer.Base + "/meter-orders/prdo_1").Respond(_ =>
                MockServer.Json(HttpStatusCode.Unauthorized, "{\"code\":\"UNAUTHORIZED\",\"message\":\"Missing, invalid or expired token\",\"requestId\":\"r2\",\"docs\":\"d\"}"));

            var error = await Assert.ThrowsAsync<ApiRequestException>(() => h.Connection.Nomos!.MeterOrders.GetAsync("prdo_1", CallContext.None));

            Assert.Equal("NomosMeters.Unauthorized", error.ErrorId);
            Assert.Equal(2, h.Log.Api.Count);
            Assert.Equal(2, h.Log.Token.Count);
        }

        [Fact]
        public async Task ConcurrentCallersShareOneTokenRequest()
        {
            using var h = TestBed.Mock().Connection();
            h.Mock.ServeTokens();
            h.Mock.When(HttpMethod.Get, MockServer.Base + "/meter-orders/prdo_1").Respond(_ => MockServer.Json(HttpStatusCode.OK, NomosSamples.Order("prdo_1")));

            await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => h.Connection.Nomos!.MeterOrders.GetAsync("prdo_1", CallContext.None))));

            Assert.Single(h.Log.Token);
            Assert.Equal(16, h.Log.Api.Count);
        }
    }
}
