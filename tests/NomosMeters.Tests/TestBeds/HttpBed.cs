using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using NomosMeters.Sandbox;
using Xunit;

namespace NomosMeters.Tests.TestBeds
{
    /// <summary>
    /// Raw <see cref="HttpClient"/>s to the bed's server, one per API, with the calls the emulator tests repeat. They
    /// sign in with the sandbox's default credentials, so a sandbox given other ones refuses them.
    /// </summary>
    public sealed class HttpBed : Bed
    {
        public const string CurieVersion = "2026-05-27.curie";

        private string? _accessToken;

        internal HttpBed(BedServer server)
            : base(server)
        {
            Http = new HttpClient(server.NewHandler()) { BaseAddress = server.NomosBaseUri };
            EnrollmentHttp = new HttpClient(server.NewHandler()) { BaseAddress = server.EnrollmentBaseUri };
            EnrollmentHttp.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", SandboxOptions.DefaultEnrollmentApiKey);
        }

        /// <summary>Gets a client of the Nomos API, unauthorized until a request says otherwise.</summary>
        public HttpClient Http { get; }

        /// <summary>Gets a client of the enrollment API, authorized by default (a request's own Authorization wins).</summary>
        public HttpClient EnrollmentHttp { get; }

        public static AuthenticationHeaderValue Basic(string id, string secret)
            => new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(id + ":" + secret)));

        /// <summary>Posts to the token endpoint with the default credentials unless others are given.</summary>
        public Task<HttpResponseMessage> PostTokenAsync(HttpContent body, AuthenticationHeaderValue? authorization = null)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/oauth/token") { Content = body };
            request.Headers.Authorization = authorization ?? Basic(SandboxOptions.DefaultClientId, SandboxOptions.DefaultClientSecret);
            return Http.SendAsync(request);
        }

        /// <summary>Gets an access token, asked for once per bed.</summary>
        public async Task<string> AccessTokenAsync()
        {
            if (_accessToken == null)
            {
                using var response = await PostTokenAsync(ApiBodies.Form(("grant_type", "client_credentials")));
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                _accessToken = (await ApiBodies.ReadJsonAsync(response)).GetProperty("access_token").GetString();
            }

            return _accessToken!;
        }

        /// <summary>Sends an authorized request with <c>X-API-Version: 2026-05-27.curie</c>, as the module does.</summary>
        public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string pathAndQuery, HttpContent? content = null)
        {
            var request = new HttpRequestMessage(method, pathAndQuery) { Content = content };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await AccessTokenAsync());
            request.Headers.TryAddWithoutValidation("X-API-Version", CurieVersion);
            return await Http.SendAsync(request);
        }

        public Task<HttpResponseMessage> GetAsync(string pathAndQuery) => SendAsync(HttpMethod.Get, pathAndQuery);

        /// <summary>GETs and asserts 200, returning the parsed body.</summary>
        public async Task<JsonElement> GetOkAsync(string pathAndQuery)
        {
            using var response = await GetAsync(pathAndQuery);
            var body = await ApiBodies.ReadJsonAsync(response);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{pathAndQuery}: {(int)response.StatusCode} {body}");
            return body;
        }

        /// <summary>Follows <c>next_page</c> from <paramref name="firstPageQuery"/> to the end; returns every item and the page count.</summary>
        public async Task<(List<JsonElement> Items, int Pages)> ListAllAsync(string firstPageQuery, string path = "/meter-orders")
        {
            var items = new List<JsonElement>();
            var pages = 0;
            string? cursor = null;
            do
            {
                var query = cursor == null ? firstPageQuery : firstPageQuery + "&cursor=" + Uri.EscapeDataString(cursor);
                var page = await GetOkAsync(path + "?" + query);
                pages++;
                items.AddRange(page.GetProperty("items").EnumerateArray());
                var hasMore = page.GetProperty("has_more").GetBoolean();
                cursor = page.GetProperty("next_page").ValueKind == JsonValueKind.Null ? null : page.GetProperty("next_page").GetString();
                Assert.Equal(hasMore, cursor != null);
            }
            while (cursor != null);

            return (items, pages);
        }

        /// <summary>Posts <paramref name="json"/> to the enrollment search, authorized as <see cref="EnrollmentHttp"/> is.</summary>
        public Task<HttpResponseMessage> SearchEnrollmentsAsync(string json)
            => EnrollmentHttp.PostAsync("/v2/meters/enrollments/search", ApiBodies.Json(json));

        protected override void CloseClient()
        {
            Http.Dispose();
            EnrollmentHttp.Dispose();
        }
    }
}
