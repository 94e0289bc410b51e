using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using NomosMeters.Sandbox;

namespace NomosMeters.Benchmarks.Client
{
    /// <summary>
    /// The baseline: a plain HttpClient and System.Text.Json, fetching and deserializing the same pages from the
    /// same server as the module, with nothing else (no retries, limiter, tracing or PowerShell).
    /// </summary>
    internal sealed class BaselineClient : IDisposable
    {
        private readonly HttpClient _http;
        private string? _accessToken;

        public BaselineClient(Uri baseUri) => _http = new HttpClient { BaseAddress = baseUri };

        public async Task SignInAsync()
        {
            var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes(SandboxOptions.DefaultClientId + ":" + SandboxOptions.DefaultClientSecret));
            using var request = new HttpRequestMessage(HttpMethod.Post, "/oauth/token")
            {
                Content = new FormUrlEncodedContent(new[] { new KeyValuePair<string, string>("grant_type", "client_credentials") }),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", basic);
            using var response = await _http.SendAsync(request);
            response.EnsureSuccessStatusCode();
            _accessToken = (await response.Content.ReadFromJsonAsync(WireJsonContext.Default.TokenBody))!.AccessToken;
        }

        public async Task<OrderListPage> MeterOrderPageAsync(int limit, string? cursor)
        {
            var path = "/meter-orders?limit=" + limit + (cursor == null ? string.Empty : "&cursor=" + Uri.EscapeDataString(cursor));
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _accessToken);
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            response.EnsureSuccessStatusCode();
            return (await response.Content.ReadFromJsonAsync(WireJsonContext.Default.OrderListPage))!;
        }

        public async Task<EnrollmentPage> EnrollmentPageAsync(int pageSize, string? pageToken, List<Guid>? meterIds = null)
        {
            using var response = await EnrollmentSearchAsync(pageSize, pageToken, meterIds);
            return (await response.Content.ReadFromJsonAsync(WireJsonContext.Default.EnrollmentPage))!;
        }

        /// <summary>Streams meter orders page after page until <paramref name="max"/> are read; returns how many.</summary>
        public async Task<int> AllMeterOrdersAsync(int limit, int max, Action<OrderListPage>? onPage = null)
        {
            var count = 0;
            string? cursor = null;
            do
            {
                var page = await MeterOrderPageAsync(limit, cursor);
                count += page.Items.Count;
                onPage?.Invoke(page);
                cursor = page.HasMore && count < max ? page.NextPage : null;
            }
            while (cursor != null);
            return Math.Min(count, max);
        }

        /// <summary>Streams enrollments page after page until <paramref name="max"/> are read; returns how many.</summary>
        public async Task<int> AllEnrollmentsAsync(int pageSize, int max, Action<EnrollmentPage>? onPage = null)
        {
            var count = 0;
            string? token = null;
            do
            {
                var page = await EnrollmentPageAsync(pageSize, token);
                count += page.Meters.Count;
                onPage?.Invoke(page);
                token = string.IsNullOrEmpty(page.NextPageToken) || count >= max ? null : page.NextPageToken;
            }
            while (token != null);
            return Math.Min(count, max);
        }

        /// <summary>
        /// Reads enrollments page after page as raw JSON: each page parsed into a <see cref="JsonDocument"/> and every
        /// property of every meter visited, with no objects built. The floor for "cost per object".
        /// </summary>
        public async Task<int> AllEnrollmentsRawAsync(int pageSize, int max)
        {
            var count = 0;
            string? token = null;
            do
            {
                using var response = await EnrollmentSearchAsync(pageSize, token, null);
                using var page = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync());
                foreach (var meter in page.RootElement.GetProperty("meters").EnumerateArray())
                {
                    Visit(meter);
                    count++;
                }

                token = page.RootElement.TryGetProperty("next_page_token", out var next) && next.ValueKind == JsonValueKind.String && count < max
                    ? next.GetString()
                    : null;
            }
            while (!string.IsNullOrEmpty(token));
            return Math.Min(count, max);
        }

        public void Dispose() => _http.Dispose();

        // One page of the enrollment search, its headers read and its status checked; the body is the caller's to read.
        private async Task<HttpResponseMessage> EnrollmentSearchAsync(int pageSize, string? pageToken, List<Guid>? meterIds)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/v2/meters/enrollments/search")
            {
                Content = JsonContent.Create(new EnrollmentSearchBody(pageToken, pageSize, meterIds), WireJsonContext.Default.EnrollmentSearchBody),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", SandboxOptions.DefaultEnrollmentApiKey);
            var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            response.EnsureSuccessStatusCode();
            return response;
        }

        // Every value reached once, as a reader that uses all of them would.
        private static int Visit(JsonElement element)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    var properties = 0;
                    foreach (var property in element.EnumerateObject())
                    {
                        properties += Visit(property.Value);
                    }

                    return properties;
                case JsonValueKind.Array:
                    var items = 0;
                    foreach (var item in element.EnumerateArray())
                    {
                        items += Visit(item);
                    }

                    return items;
                case JsonValueKind.String:
                    return element.GetString()!.Length > 0 ? 1 : 0;
                default:
                    return 1;
            }
        }
    }
}
