using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using NomosMeters.Sandbox;
using NomosMeters.Tests.TestBeds;
using Xunit;

namespace NomosMeters.Tests.Sandbox
{
    public sealed class TokenEndpointTests : IDisposable
    {
        private readonly HttpBed _h = TestBed.Sandbox().Http();

        public void Dispose() => _h.Dispose();

        [Fact]
        public async Task ClientCredentialsWithBasicAuthIssuesABearerPair()
        {
            using var response = await _h.PostTokenAsync(ApiBodies.Form(("grant_type", "client_credentials")));

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType!.ToString());
            Assert.True(response.Headers.CacheControl!.NoStore);
            var body = await ApiBodies.ReadJsonAsync(response);
            Assert.Equal(new[] { "access_token", "token_type", "expires_in", "refresh_token", "scope" }, body.EnumerateObject().Select(p => p.Name));
            Assert.Equal("Bearer", body.GetProperty("token_type").GetString());
            Assert.Equal(3600, body.GetProperty("expires_in").GetInt32());
            Assert.Equal("read:* write:*", body.GetProperty("scope").GetString());
            Assert.True(body.GetProperty("access_token").GetString()!.Length >= 32);
            Assert.NotEqual(body.GetProperty("access_token").GetString(), body.GetProperty("refresh_token").GetString());
            Assert.Equal(1, _h.Sandbox.TokensIssued);
        }

        [Fact]
        public async Task JsonBodyIsAcceptedAsTheSpecDeclares()
        {
            using var response = await _h.PostTokenAsync(ApiBodies.Json("{\"grant_type\":\"client_credentials\"}"));

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("Bearer", (await ApiBodies.ReadJsonAsync(response)).GetProperty("token_type").GetString());
        }

        [Fact]
        public async Task ExpiresInFollowsTheConfiguredLifetime()
        {
            using var h = TestBed.Sandbox(new SandboxOptions { AccessTokenLifetime = TimeSpan.FromMinutes(5) }).Http();
            using var response = await h.PostTokenAsync(ApiBodies.Form(("grant_type", "client_credentials")));

            Assert.Equal(300, (await ApiBodies.ReadJsonAsync(response)).GetProperty("expires_in").GetInt32());
        }

        [Fact]
        public async Task WrongSecretIsUnauthorizedAndIssuesNothing()
        {
            using var response = await _h.PostTokenAsync(
                ApiBodies.Form(("grant_type", "client_credentials")),
                HttpBed.Basic(SandboxOptions.DefaultClientId, "not-the-secret"));

            await ApiAssert.ErrorAsync(response, 401, "UNAUTHORIZED");
            Assert.Equal("Basic", response.Headers.WwwAuthenticate.Single().Scheme);
            Assert.Equal(0, _h.Sandbox.TokensIssued);
        }

        [Fact]
        public async Task MissingClientAuthenticationIsUnauthorized()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/oauth/token") { Content = ApiBodies.Form(("grant_type", "client_credentials")) };
            using var response = await _h.Http.SendAsync(request);

            await ApiAssert.ErrorAsync(response, 401, "UNAUTHORIZED");
        }

        [Fact]
        public async Task ConfiguredCredentialsReplaceTheDefaults()
        {
            using var h = TestBed.Sandbox(new SandboxOptions { ClientId = "id-2", ClientSecret = "s3cret:with:colons" }).Http();
            using var own = await h.PostTokenAsync(ApiBodies.Form(("grant_type", "client_credentials")), HttpBed.Basic("id-2", "s3cret:with:colons"));
            using var defaults = await h.PostTokenAsync(ApiBodies.Form(("grant_type", "client_credentials")));

            Assert.Equal(HttpStatusCode.OK, own.StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, defaults.StatusCode);
        }

        [Fact]
        public async Task RefreshRotatesAndTheUsedRefreshTokenStopsWorking()
        {
            using var first = await _h.PostTokenAsync(ApiBodies.Form(("grant_type", "client_credentials")));
            var pair = await ApiBodies.ReadJsonAsync(first);
            var refresh = pair.GetProperty("refresh_token").GetString()!;

            using var refreshed = await _h.PostTokenAsync(ApiBodies.Form(("grant_type", "refresh_token"), ("refresh_token", refresh)));
            Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
            var next = await ApiBodies.ReadJsonAsync(refreshed);
            Assert.NotEqual(pair.GetProperty("access_token").GetString(), next.GetProperty("access_token").GetString());
            Assert.NotEqual(refresh, next.GetProperty("refresh_token").GetString());

            using var reused = await _h.PostTokenAsync(ApiBodies.Form(("grant_type", "refresh_token"), ("refresh_token", refresh)));
            var error = await ApiAssert.FieldErrorAsync(reused, 400, "BAD_REQUEST", "invalid_value", "refresh_token");
            Assert.Equal("invalid refresh token", error.GetProperty("message").GetString());

            using var rotated = await _h.PostTokenAsync(ApiBodies.Form(("grant_type", "refresh_token"), ("refresh_token", next.GetProperty("refresh_token").GetString()!)));
            Assert.Equal(HttpStatusCode.OK, rotated.StatusCode);
            Assert.Equal(3, _h.Sandbox.TokensIssued);
        }

        [Fact]
        public async Task RefreshedAccessTokenAuthorizesRequests()
        {
            using var first = await _h.PostTokenAsync(ApiBodies.Form(("grant_type", "client_credentials")));
            var refresh = (await ApiBodies.ReadJsonAsync(first)).GetProperty("refresh_token").GetString()!;
            using var refreshed = await _h.PostTokenAsync(ApiBodies.Form(("grant_type", "refresh_token"), ("refresh_token", refresh)));
            var access = (await ApiBodies.ReadJsonAsync(refreshed)).GetProperty("access_token").GetString();

            using var request = new HttpRequestMessage(HttpMethod.Get, "/meter-orders?limit=1");
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", access);
            using var response = await _h.Http.SendAsync(request);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        [Fact]
        public async Task UnknownRefreshTokenIsBadRequest()
        {
            using var response = await _h.PostTokenAsync(ApiBodies.Form(("grant_type", "refresh_token"), ("refresh_token", "never-issued")));

            var error = await ApiAssert.ErrorAsync(response, 400, "BAD_REQUEST");
            Assert.Equal("invalid refresh token", error.GetProperty("message").GetString());
        }

        [Fact]
        public async Task MissingRefreshTokenNamesTheField()
        {
            using var response = await _h.PostTokenAsync(ApiBodies.Form(("grant_type", "refresh_token")));

            await ApiAssert.FieldErrorAsync(response, 400, "BAD_REQUEST", "invalid_type", "refresh_token");
        }

        [Theory]
        [InlineData("", "invalid_type")]
        [InlineData("grant_type=password", "invalid_value")]
        [InlineData("grant_type=authorization_code&code=abc", "invalid_value")]
        public async Task MissingOrUnsupportedGrantTypeIsBadRequest(string body, string errorCode)
        {
            using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/x-www-form-urlencoded");
            using var response = await _h.PostTokenAsync(content);

            await ApiAssert.FieldErrorAsync(response, 400, "BAD_REQUEST", errorCode, "grant_type");
            Assert.Equal(0, _h.Sandbox.TokensIssued);
        }

        [Fact]
        public async Task GetOnTheTokenEndpointIsMethodNotAllowed()
        {
            using var response = await _h.Http.GetAsync("/oauth/token");

            await ApiAssert.ErrorAsync(response, 405, "METHOD_NOT_ALLOWED");
            Assert.Equal(new[] { "POST" }, response.Content.Headers.Allow);
        }
    }
}
