using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using NomosMeters.Sandbox;
using Xunit;

namespace NomosMeters.Tests.Sandbox
{
    /// <summary>A sandbox (a fresh one unless given) behind a real <see cref="HttpClient"/>, with the calls the sandbox tests repeat.</summary>
    internal sealed class SandboxHarness : IDisposable
    {
        public const string CurieVersion = "2026-05-27.curie";

        private string? _accessToken;

        public SandboxHarness(SandboxOptions? options = null)
            : this(new NomosSandbox(options))
        {
        }

        public SandboxHarness(NomosSandbox sandbox)
        {
            Sandbox = sandbox;
            Http = new HttpClient(Sandbox.CreateHandler()) { BaseAddress = new Uri(NomosSandbox.NomosBaseUri) };
        }

        public NomosSandbox Sandbox { get; }

        public HttpClient Http { get; }

        public static AuthenticationHeaderValue Basic(string id, string secret)
            => new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(id + ":" + secret)));

        public static FormUrlEncodedContent Form(params (string Key, string Value)[] fields)
            => new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));

        public static StringContent Json(string json) => new StringContent(json, Encoding.UTF8, "application/json");

        /// <summary>Posts to the token endpoint with the default credentials unless others are given.</summary>
        public Task<HttpResponseMessage> PostTokenAsync(HttpContent body, AuthenticationHeaderValue? authorization = null)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/oauth/token") { Content = body };
            request.Headers.Authorization = authorization ?? Basic(SandboxOptions.DefaultClientId, SandboxOptions.DefaultClientSecret);
            return Http.SendAsync(request);
        }

        public async Task<string> AccessTokenAsync()
        {
            if (_accessToken == null)
            {
                using var response = await PostTokenAsync(Form(("grant_type", "client_credentials")));
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                _accessToken = (await ReadJsonAsync(response)).GetProperty("access_token").GetString();
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
            var body = await ReadJsonAsync(response);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{pathAndQuery}: {(int)response.StatusCode} {body}");
            return body;
        }

        /// <summary>Follows <c>next_page</c> from <paramref name="firstPageQuery"/> to the end; returns every item and the page count.</summary>
        public async Task<(List<JsonElement> Items, int Pages)> ListAllAsync(string firstPageQuery)
        {
            var items = new List<JsonElement>();
            var pages = 0;
            string? cursor = null;
            do
            {
                var query = cursor == null ? firstPageQuery : firstPageQuery + "&cursor=" + Uri.EscapeDataString(cursor);
                var page = await GetOkAsync("/meter-orders?" + query);
                pages++;
                items.AddRange(page.GetProperty("items").EnumerateArray());
                var hasMore = page.GetProperty("has_more").GetBoolean();
                cursor = page.GetProperty("next_page").ValueKind == JsonValueKind.Null ? null : page.GetProperty("next_page").GetString();
                Assert.Equal(hasMore, cursor != null);
            }
            while (cursor != null);

            return (items, pages);
        }

        public static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response)
        {
            var text = await response.Content.ReadAsStringAsync();
            using var document = JsonDocument.Parse(text);
            return document.RootElement.Clone();
        }

        /// <summary>Asserts the error envelope: status, code, docs link, a request id equal to the X-Request-Id header.</summary>
        public static async Task<JsonElement> AssertErrorAsync(HttpResponseMessage response, int status, string code)
        {
            var body = await ReadJsonAsync(response);
            Assert.True((int)response.StatusCode == status, $"expected {status}, got {(int)response.StatusCode}: {body}");
            Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType!.ToString());
            Assert.Equal(code, body.GetProperty("code").GetString());
            Assert.False(string.IsNullOrWhiteSpace(body.GetProperty("message").GetString()));
            Assert.Equal("https://docs.nomos.energy/api-references/errors/" + code, body.GetProperty("docs").GetString());
            var requestId = body.GetProperty("requestId").GetString();
            Assert.True(Guid.TryParse(requestId, out _));
            Assert.Equal(requestId, Assert.Single(response.Headers.GetValues("X-Request-Id")));
            return body;
        }

        /// <summary>Asserts the envelope and that its first <c>errors[]</c> entry has this code and field.</summary>
        public static async Task<JsonElement> AssertFieldErrorAsync(HttpResponseMessage response, int status, string code, string errorCode, string field)
        {
            var body = await AssertErrorAsync(response, status, code);
            var error = body.GetProperty("errors").EnumerateArray().First();
            Assert.Equal(errorCode, error.GetProperty("code").GetString());
            Assert.Equal(field, error.GetProperty("field").GetString());
            Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("message").GetString()));
            return body;
        }

        public static List<string> Ids(IEnumerable<JsonElement> items) => items.Select(i => i.GetProperty("id").GetString()!).ToList();

        public void Dispose() => Http.Dispose();
    }
}
