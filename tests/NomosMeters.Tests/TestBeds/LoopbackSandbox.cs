using System;
using System.Collections.Generic;
using System.Collections.Concurrent;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using NomosMeters.Sandbox;
using NomosMeters.Testing;

namespace NomosMeters.Tests.TestBeds
{
    /// <summary>
    /// A sandbox served over real sockets (Kestrel on 127.0.0.1), with faults injected by request ordinal, a latency
    /// per request, and optionally the API's rate limit enforced (at most <see cref="RateLimit"/> per second, bursts up
    /// to the same number), answering 429 beyond it. The token endpoint is served as is, never faulted or counted.
    /// </summary>
    public sealed class LoopbackSandbox : BedServer
    {
        private readonly NomosSandbox _sandbox;
        private readonly ConcurrentDictionary<int, Fault> _faults = new ConcurrentDictionary<int, Fault>();
        private readonly RateBucket _bucket = new RateBucket();
        private readonly object _arrivals = new object();
        private readonly LoopbackListener _listener;
        private readonly HashSet<string> _seenRequests = new HashSet<string>(StringComparer.Ordinal);
        private Func<int, Fault?>? _firstAttemptFaults;
        private int _arrived;
        private readonly InFlightCounter _inFlight = new InFlightCounter();

        internal LoopbackSandbox(NomosSandbox sandbox, RequestLog log)
            : base(log)
        {
            _sandbox = sandbox;
            _listener = LoopbackListener.Start(HandleAsync);
        }

        public override NomosSandbox Sandbox => _sandbox;

        /// <summary>Gets the one address of both APIs, as <c>-BaseUri</c> and <c>-EnrollmentBaseUri</c> take it.</summary>
        public Uri BaseUri => _listener.BaseUri;

        public override Uri NomosBaseUri => BaseUri;

        public override Uri EnrollmentBaseUri => BaseUri;

        public override ServerCredentials Credentials
            => new ServerCredentials(_sandbox.Options.ClientId, _sandbox.Options.ClientSecret, _sandbox.Options.EnrollmentApiKey);

        /// <summary>Gets or sets the delay before every API (non-token) answer.</summary>
        public TimeSpan Latency { get; set; }

        /// <summary>Gets or sets a delay chosen per request, used instead of <see cref="Latency"/> when set.</summary>
        public Func<RecordedRequest, TimeSpan>? LatencyFor { get; set; }

        public TimeSpan SlowDelay { get; set; } = TimeSpan.FromSeconds(5);

        public int RetryAfterSeconds { get; set; }

        /// <summary>Gets or sets the most API requests per second the server accepts; null for no limit.</summary>
        public double? RateLimit { get; set; }

        /// <summary>Gets or sets a fault for every API request not given one by ordinal.</summary>
        public Fault? EveryRequest { get; set; }

        /// <summary>Gets how many API requests have arrived, answered or not yet.</summary>
        public int Arrived => Volatile.Read(ref _arrived);

        /// <summary>Gets how many API requests have arrived and are not answered (or aborted) yet.</summary>
        public int InFlight => _inFlight.Now;

        /// <summary>Gets the most API requests that were ever in flight at once.</summary>
        public int PeakInFlight => _inFlight.Peak;

        /// <summary>Makes the <paramref name="ordinal"/>-th API request (1-based, counting retries) fail with <paramref name="fault"/>.</summary>
        public LoopbackSandbox Inject(int ordinal, Fault fault)
        {
            _faults[ordinal] = fault;
            return this;
        }

        /// <summary>
        /// Makes the first attempt of some requests fail: <paramref name="plan"/> is asked, for the n-th distinct request
        /// (method, path, query and body), which fault it gets, or null; its retries are answered normally. So a fault
        /// mix clears on the next attempt however requests interleave.
        /// </summary>
        public LoopbackSandbox FailFirstAttempts(Func<int, Fault?> plan)
        {
            _firstAttemptFaults = plan;
            return this;
        }

        /// <summary>A handler over the network, as <c>Connect-Nomos</c> uses.</summary>
        public override HttpMessageHandler NewHandler() => new HttpClientHandler();

        public override void Dispose() => _listener.Dispose();

        private async Task HandleAsync(HttpContext context)
        {
            using var request = await HttpMessageBridge.ToRequestMessageAsync(context);
            var body = request.Content == null ? null : await request.Content.ReadAsStringAsync();
            if (request.RequestUri!.AbsolutePath.EndsWith("/oauth/token", StringComparison.Ordinal))
            {
                var tokenRequest = new RecordedRequest(request, body);
                Log.Add(tokenRequest);
                using var token = await _sandbox.HandleAsync(request, context.RequestAborted);
                tokenRequest.Answered((int)token.StatusCode, await token.Content.ReadAsStringAsync());
                await HttpMessageBridge.WriteResponseAsync(context, token);
                return;
            }

            var recorded = Arrive(request, body);
            _inFlight.Enter();

            try
            {
                await AnswerAsync(context, request, recorded);
            }
            finally
            {
                _inFlight.Exit();
            }
        }

        private async Task AnswerAsync(HttpContext context, HttpRequestMessage request, RecordedRequest recorded)
        {
            var fault = recorded.Fault;
            if (fault == null && RateLimit is double limit && !_bucket.TryTake(limit))
            {
                recorded.Answered(429);
                await WriteAsync(context, 429, "application/json", "{\"code\":\"TOO_MANY_REQUESTS\",\"message\":\"Wait 1 second before retrying.\"}", retryAfter: "1");
                return;
            }

            var latency = LatencyFor?.Invoke(recorded) ?? Latency;
            if (latency > TimeSpan.Zero)
            {
                await Task.Delay(latency, context.RequestAborted);
            }

            switch (fault)
            {
                case Fault.TooManyRequests:
                    recorded.Answered(429);
                    await WriteAsync(context, 429, "application/json", "{\"code\":\"TOO_MANY_REQUESTS\",\"message\":\"Slow down.\"}", RetryAfterSeconds.ToString());
                    return;
                case Fault.InternalServerError:
                case Fault.ServiceUnavailable:
                    var status = fault == Fault.InternalServerError ? 500 : 503;
                    recorded.Answered(status);
                    await WriteAsync(context, status, "application/json", "{\"code\":\"SERVER_ERROR\",\"message\":\"Try again.\"}", retryAfter: "0");
                    return;
                case Fault.Forbidden:
                    recorded.Answered(403);
                    await WriteAsync(context, 403, "application/json", "{\"code\":\"FORBIDDEN\",\"message\":\"This client may not read meter orders.\",\"requestId\":\"req_forbidden\"}");
                    return;
                case Fault.InternalServerErrorNoHint:
                    recorded.Answered(500);
                    await WriteAsync(context, 500, "application/json", "{\"code\":\"SERVER_ERROR\",\"message\":\"Try again.\"}");
                    return;
                case Fault.MalformedJson:
                    recorded.Answered(200);
                    await WriteAsync(context, 200, "application/json", "{\"object\":\"list\",\"items\":[{\"id\":\"prdo_");
                    return;
                case Fault.HtmlPage:
                    recorded.Answered(200);
                    await WriteAsync(context, 200, "text/html", "<html><body><h1>Sign in to the guest network</h1></body></html>");
                    return;
                case Fault.Slow:
                    await Task.Delay(SlowDelay, context.RequestAborted);
                    break;
            }

            using var response = await _sandbox.HandleAsync(request, context.RequestAborted);
            recorded.Answered((int)response.StatusCode);
            if (fault == Fault.ResetMidBody)
            {
                var bytes = await response.Content.ReadAsByteArrayAsync();
                context.Response.StatusCode = (int)response.StatusCode;
                context.Response.ContentType = "application/json";
                context.Response.ContentLength = bytes.Length;
                await context.Response.Body.WriteAsync(bytes.AsMemory(0, bytes.Length / 2));
                await context.Response.Body.FlushAsync();
                context.Abort();
                return;
            }

            await HttpMessageBridge.WriteResponseAsync(context, response);
        }

        // The ordinal and the log entry are taken together, so the log's order is the ordinals' order.
        private RecordedRequest Arrive(HttpRequestMessage request, string? body)
        {
            lock (_arrivals)
            {
                var ordinal = ++_arrived;
                Fault? firstAttempt = null;
                if (_firstAttemptFaults != null && _seenRequests.Add(request.Method + " " + request.RequestUri!.PathAndQuery + " " + body))
                {
                    firstAttempt = _firstAttemptFaults(_seenRequests.Count);
                }

                var recorded = new RecordedRequest(request, body, _faults.TryGetValue(ordinal, out var planned) ? planned : firstAttempt ?? EveryRequest);
                Log.Add(recorded);
                return recorded;
            }
        }

        private static async Task WriteAsync(HttpContext context, int status, string contentType, string body, string? retryAfter = null)
        {
            context.Response.StatusCode = status;
            context.Response.ContentType = contentType;
            if (retryAfter != null)
            {
                context.Response.Headers["Retry-After"] = retryAfter;
            }

            await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(body));
        }
    }
}
