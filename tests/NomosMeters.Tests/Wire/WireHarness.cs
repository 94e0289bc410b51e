using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using NomosMeters.Client;
using NomosMeters.Client.Auth;
using NomosMeters.Client.Http;
using NomosMeters.Tests.Infrastructure;
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

        // Long enough for a busy machine; only a call that never ends on the manual clock runs into it.
        private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

        public WireHarness(TimeProvider? time = null, bool enrollment = false)
        {
            // The transport's own settings: a test that retries runs on a ManualTimeProvider, where
            // SkippingRetryWaitsAsync passes the waits, rather than on backoff cut short on the real clock.
            Clock = time as ManualTimeProvider;
            Mock.Fallback.Respond(req => throw new InvalidOperationException("Unexpected request " + req.Method + " " + req.RequestUri));
            Connection = NomosConnection.Create(
                new NomosConnectionSettings
                {
                    ClientId = ClientId,
                    ClientSecret = SecretText.Protect(ClientSecret),
                    EnrollmentApiKey = enrollment ? SecretText.Protect(EnrollmentApiKey) : null,
                    Transport = new TransportOptions { Time = time ?? TimeProvider.System },
                },
                () => new RecordingHandler(this) { InnerHandler = Mock });
        }

        /// <summary>Gets the manual clock the connection runs on, or null on the real clock.</summary>
        public ManualTimeProvider? Clock { get; }

        /// <summary>Gets every retry wait <see cref="SkippingRetryWaitsAsync"/> moved the clock past, in order.</summary>
        public List<TimeSpan> RetryWaits { get; } = new List<TimeSpan>();

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

        /// <summary>
        /// Runs <paramref name="call"/> on the manual clock, moving time to the end of each retry wait as soon as the
        /// wait begins: the call takes every wait it would take on a real clock, the test none of them.
        /// </summary>
        public async Task<T> SkippingRetryWaitsAsync<T>(Func<NomosConnection, Task<T>> call)
        {
            var clock = Clock ?? throw new InvalidOperationException("SkippingRetryWaitsAsync needs a harness on a ManualTimeProvider.");
            var running = call(Connection);
            while (true)
            {
                var waiting = clock.WhenWaitingAsync(IsRetryWait);
                if (await Task.WhenAny(running, waiting).WaitAsync(Patience) == running)
                {
                    return await running;
                }

                var wait = await waiting;
                RetryWaits.Add(wait);
                clock.Advance(wait);
            }
        }

        /// <summary>Tells a retry wait from the other timer the transport sets, an attempt's timeout: no wait is as long.</summary>
        public bool IsRetryWait(TimeSpan dueTime) => dueTime < Connection.RequestTimeout;

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
