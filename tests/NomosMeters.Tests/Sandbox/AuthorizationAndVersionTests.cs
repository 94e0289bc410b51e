using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading.Tasks;
using NomosMeters.Tests.Infrastructure;
using NomosMeters.Tests.TestBeds;
using Xunit;

namespace NomosMeters.Tests.Sandbox
{
    public sealed class AuthorizationAndVersionTests : IDisposable
    {
        private static readonly DateTimeOffset Start = new DateTimeOffset(2026, 11, 2, 8, 0, 0, TimeSpan.Zero);

        private readonly ManualTimeProvider _clock = new ManualTimeProvider(Start);
        private readonly HttpBed _h;

        public AuthorizationAndVersionTests() => _h = TestBed.Sandbox().OnClock(_clock).Http();

        public void Dispose() => _h.Dispose();

        [Fact]
        public async Task RequestWithoutTokenIsUnauthorized()
        {
            using var response = await _h.Http.GetAsync("/meter-orders");

            var error = await ApiAssert.ErrorAsync(response, 401, "UNAUTHORIZED");
            Assert.Contains("token", error.GetProperty("message").GetString());
            Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        }

        [Theory]
        [InlineData("Bearer", "not-a-token")]
        [InlineData("Basic", "c2FuZGJveC1jbGllbnQ6c2FuZGJveC1zZWNyZXQ=")]
        public async Task UnknownTokenOrOtherSchemeIsUnauthorized(string scheme, string parameter)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/meter-orders");
            request.Headers.Authorization = new AuthenticationHeaderValue(scheme, parameter);
            using var response = await _h.Http.SendAsync(request);

            await ApiAssert.ErrorAsync(response, 401, "UNAUTHORIZED");
        }

        [Fact]
        public async Task AccessTokenWorksUntilItsLifetimeEndsThenIsUnauthorized()
        {
            var token = await _h.AccessTokenAsync();

            _clock.SetUtcNow(Start + TimeSpan.FromMinutes(59));
            using (var before = await Send(token))
            {
                Assert.Equal(HttpStatusCode.OK, before.StatusCode);
            }

            _clock.SetUtcNow(Start + TimeSpan.FromHours(1));
            using var after = await Send(token);
            await ApiAssert.ErrorAsync(after, 401, "UNAUTHORIZED");
        }

        [Fact]
        public async Task NoVersionHeaderRunsOnCurieAndSaysSo()
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/meter-orders?limit=1");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await _h.AccessTokenAsync());
            using var response = await _h.Http.SendAsync(request);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(HttpBed.CurieVersion, Assert.Single(response.Headers.GetValues("X-API-Version")));
        }

        [Fact]
        public async Task CurieVersionHeaderIsAcceptedAndEchoed()
        {
            using var response = await _h.GetAsync("/meter-orders?limit=1");

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(HttpBed.CurieVersion, Assert.Single(response.Headers.GetValues("X-API-Version")));
        }

        [Theory]
        [InlineData("2026-01-29.edison")]
        [InlineData("latest")]
        public async Task OtherVersionIsBadRequestWithUpgradeApiVersion(string version)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/meter-orders");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await _h.AccessTokenAsync());
            request.Headers.TryAddWithoutValidation("X-API-Version", version);
            using var response = await _h.Http.SendAsync(request);

            var error = await ApiAssert.FieldErrorAsync(response, 400, "BAD_REQUEST", "upgrade_api_version", "X-API-Version");
            Assert.Contains("2026-05-27.curie", error.GetProperty("message").GetString());
            Assert.Contains(version, error.GetProperty("errors")[0].GetProperty("message").GetString());
        }

        [Fact]
        public async Task EverySuccessfulResponseCarriesJsonContentTypeAndARequestId()
        {
            using var list = await _h.GetAsync("/meter-orders?limit=1");
            using var token = await _h.PostTokenAsync(ApiBodies.Form(("grant_type", "client_credentials")));

            foreach (var response in new[] { list, token })
            {
                Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType!.ToString());
                Assert.True(Guid.TryParse(Assert.Single(response.Headers.GetValues("X-Request-Id")), out _));
                Assert.Equal(HttpBed.CurieVersion, Assert.Single(response.Headers.GetValues("X-API-Version")));
            }
        }

        private async Task<HttpResponseMessage> Send(string token)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/meter-orders?limit=1");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return await _h.Http.SendAsync(request);
        }
    }
}
