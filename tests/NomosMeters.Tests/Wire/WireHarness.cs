using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using NomosMeters.Client;
using NomosMeters.Client.Auth;
using NomosMeters.Client.Http;
using RichardSzalay.MockHttp;
using NomosMeters.Session;

namespace NomosMeters.Tests.Wire
{
    /// <summary>A connection over MockHttp that records every request exactly as it went on the wire.</summary>
    internal sealed class WireHarness : IDisposable
    {
        public const string ClientId = "client-1";
        public const string ClientSecret = "s3cr3t-value";
        public const string Base = "https://api.nomos.energy";

        public const string EnrollmentBase = "https://api.leap.energy";
        public const string EnrollmentApiKey = "leap-key-123:secret";

        public WireHarness(TimeProvider? time = null, bool enrollment = false)
        {
            Mock.Fallback.Respond(req => throw new InvalidOperationException("Unexpected request " + req.Method + " " + req.RequestUri));
            Connection = NomosConnection.Create(
                new NomosConnectionSettings
                {
                    ClientId = ClientId,
                    ClientSecret = SecretText.Protect(ClientSecret),
                    EnrollmentApiKey = enrollment ? SecretText.Protect(EnrollmentApiKey) : null,
                    Transport = new TransportOptions { Time = time ?? TimeProvider.System, RetryBaseDelay = TimeSpan.FromMilliseconds(1) },
                },
                () => new RecordingHandler(this) { InnerHandler = Mock });
        }

        public MockHttpMessageHandler Mock { get; } = new MockHttpMessageHandler();

        public NomosConnection Connection { get; }

        /// <summary>Gets every request sent, in order, with the body read out.</summary>
        public ConcurrentQueue<RecordedRequest> Requests { get; } = new ConcurrentQueue<RecordedRequest>();

        public List<RecordedRequest> ApiRequests => Requests.Where(r => !r.Uri.AbsolutePath.EndsWith("/oauth/token")).ToList();

        public List<RecordedRequest> EnrollmentRequests => Requests.Where(r => r.Wire.StartsWith(EnrollmentBase)).ToList();

        public List<RecordedRequest> TokenRequests => Requests.Where(r => r.Uri.AbsolutePath.EndsWith("/oauth/token")).ToList();

        /// <summary>Answers the token endpoint with access tokens at1, at2, ... and refresh tokens rt1, rt2, ...</summary>
        public void ServeTokens(int expiresIn = 3600)
        {
            var issued = 0;
            Mock.When(HttpMethod.Post, Base + "/oauth/token").Respond(_ =>
            {
                var n = System.Threading.Interlocked.Increment(ref issued);
                return Json(HttpStatusCode.OK, $"{{\"access_token\":\"at{n}\",\"token_type\":\"Bearer\",\"expires_in\":{expiresIn},\"refresh_token\":\"rt{n}\",\"scope\":\"read:* write:*\"}}");
            });
        }

        public static HttpResponseMessage Json(HttpStatusCode status, string body, string mediaType = "application/json")
            => new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, mediaType) };

        public static string Order(string id, string status = "scheduled", string? blockedReason = null)
            => $"{{\"object\":\"meter_order\",\"id\":\"{id}\",\"subscription\":\"sub_{id}\",\"customer\":\"cus_1\",\"provider\":\"metrify\",\"status\":\"{status}\"," +
               "\"created_at\":\"2026-06-30T12:00:00Z\",\"installed_at\":null,\"activated_at\":null,\"cancelled_at\":null,\"cancelled_reason\":null," +
               $"\"blocked_at\":{(blockedReason == null ? "null" : "\"2026-07-01T08:00:00.123Z\"")},\"blocked_reason\":{(blockedReason == null ? "null" : "\"" + blockedReason + "\"")}," +
               "\"appointment_at\":\"2026-08-01T07:30:00.000+02:00\"}";

        public static string ListPage(IEnumerable<string> orders, string? nextPage)
            => $"{{\"object\":\"list\",\"items\":[{string.Join(",", orders)}],\"has_more\":{(nextPage != null ? "true" : "false")},\"next_page\":{(nextPage == null ? "null" : "\"" + nextPage + "\"")}}}";

        public void Dispose() => Connection.Dispose();

        private sealed class RecordingHandler : DelegatingHandler
        {
            private readonly WireHarness _owner;

            public RecordingHandler(WireHarness owner) => _owner = owner;

            protected override async System.Threading.Tasks.Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, System.Threading.CancellationToken cancellationToken)
            {
                var body = request.Content == null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
                _owner.Requests.Enqueue(new RecordedRequest(request, body));
                return await base.SendAsync(request, cancellationToken);
            }
        }
    }

    internal sealed class RecordedRequest
    {
        public RecordedRequest(HttpRequestMessage request, string? body)
        {
            Method = request.Method.Method;
            Uri = request.RequestUri!;
            Body = body;
            ContentType = request.Content?.Headers.ContentType?.ToString();
            Headers = request.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        }

        public string Method { get; }

        public Uri Uri { get; }

        /// <summary>Gets the URI exactly as sent: scheme, host, path and query with their percent-encoding.</summary>
        public string Wire => Uri.AbsoluteUri;

        public string? Body { get; }

        public string? ContentType { get; }

        public Dictionary<string, string> Headers { get; }

        public string? Header(string name) => Headers.TryGetValue(name, out var v) ? v : null;
    }
}
