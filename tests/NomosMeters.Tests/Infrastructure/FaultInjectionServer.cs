using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using NomosMeters.Sandbox;
using NomosMeters.Testing;

namespace NomosMeters.Tests.Infrastructure
{
    /// <summary>What the server does to one request instead of (or on top of) answering it normally.</summary>
    public enum Fault
    {
        /// <summary>429 with <c>Retry-After</c> (seconds from <see cref="FaultInjectionServer.RetryAfterSeconds"/>).</summary>
        TooManyRequests,

        /// <summary>500 with <c>Retry-After: 0</c>.</summary>
        InternalServerError,

        /// <summary>503 with <c>Retry-After: 0</c>.</summary>
        ServiceUnavailable,

        /// <summary>500 without <c>Retry-After</c>: the client has to back off by itself.</summary>
        InternalServerErrorNoHint,

        /// <summary>The real response's headers and half its body, then the connection is reset.</summary>
        ResetMidBody,

        /// <summary>The real response, after <see cref="FaultInjectionServer.SlowDelay"/>.</summary>
        Slow,

        /// <summary>200, application/json, a body cut off in the middle.</summary>
        MalformedJson,

        /// <summary>200, text/html: a proxy's or captive portal's page.</summary>
        HtmlPage,
    }

    /// <summary>One request as the server saw it and what it answered.</summary>
    public sealed record ServedRequest(int Ordinal, string Method, string PathAndQuery, int Status, Fault? Fault, TimeSpan At);

    /// <summary>
    /// The sandbox served over real sockets (Kestrel on 127.0.0.1), with faults injected by request ordinal,
    /// a latency per request, and optionally the API's rate limit enforced (a token bucket: at most
    /// <see cref="RateLimit"/> per second, bursts up to the same number), answering 429 beyond it.
    /// </summary>
    public sealed class FaultInjectionServer : IAsyncDisposable
    {
        private readonly NomosSandbox _sandbox;
        private readonly ConcurrentDictionary<int, Fault> _faults = new ConcurrentDictionary<int, Fault>();
        private readonly ConcurrentQueue<ServedRequest> _log = new ConcurrentQueue<ServedRequest>();
        private readonly ConcurrentQueue<string> _tokenBodies = new ConcurrentQueue<string>();
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private readonly object _bucketGate = new object();
        private LoopbackServer? _server;
        private int _apiOrdinal;
        private double _bucket;
        private TimeSpan _bucketFilledAt;

        private FaultInjectionServer(NomosSandbox sandbox) => _sandbox = sandbox;

        public Uri BaseUri => _server!.BaseUri;

        public NomosSandbox Sandbox => _sandbox;

        /// <summary>Gets or sets the delay before every API (non-token) answer.</summary>
        public TimeSpan Latency { get; set; }

        public TimeSpan SlowDelay { get; set; } = TimeSpan.FromSeconds(5);

        public int RetryAfterSeconds { get; set; }

        /// <summary>Gets or sets the most API requests per second the server accepts; null for no limit.</summary>
        public double? RateLimit { get; set; }

        /// <summary>Gets or sets a fault for every API request not given one by ordinal.</summary>
        public Fault? EveryRequest { get; set; }

        /// <summary>Gets every API request (the token endpoint excluded) in arrival order.</summary>
        public IReadOnlyList<ServedRequest> Log => _log.ToArray();

        public int Count(int status) => Log.Count(r => r.Status == status);

        /// <summary>Gets the token endpoint's response bodies (they hold the access and refresh tokens issued).</summary>
        public IReadOnlyList<string> TokenBodies => _tokenBodies.ToArray();

        /// <summary>Gets how many API requests have arrived, answered or not yet.</summary>
        public int Arrived => Volatile.Read(ref _apiOrdinal);

        public static async Task<FaultInjectionServer> StartAsync(NomosSandbox sandbox)
        {
            var server = new FaultInjectionServer(sandbox);
            server._server = await LoopbackServer.StartAsync(server.HandleAsync);
            return server;
        }

        /// <summary>Makes the <paramref name="ordinal"/>-th API request (1-based, counting retries) fail with <paramref name="fault"/>.</summary>
        public FaultInjectionServer Inject(int ordinal, Fault fault)
        {
            _faults[ordinal] = fault;
            return this;
        }

        public async ValueTask DisposeAsync()
        {
            if (_server != null)
            {
                await _server.DisposeAsync();
            }
        }

        private async Task HandleAsync(HttpContext context)
        {
            using var request = await HttpMessageBridge.ToRequestMessageAsync(context);
            if (request.RequestUri!.AbsolutePath.EndsWith("/oauth/token", StringComparison.Ordinal))
            {
                using var token = await _sandbox.HandleAsync(request, context.RequestAborted);
                _tokenBodies.Enqueue(await token.Content.ReadAsStringAsync());
                await HttpMessageBridge.WriteResponseAsync(context, token);
                return;
            }

            var ordinal = Interlocked.Increment(ref _apiOrdinal);
            var at = _clock.Elapsed;
            var fault = _faults.TryGetValue(ordinal, out var planned) ? planned : EveryRequest;
            if (fault == null && !TakeRateToken())
            {
                Record(ordinal, request, 429, null, at);
                await WriteAsync(context, 429, "application/json", "{\"code\":\"TOO_MANY_REQUESTS\",\"message\":\"Wait 1 second before retrying.\"}", retryAfter: "1");
                return;
            }

            if (Latency > TimeSpan.Zero)
            {
                await Task.Delay(Latency, context.RequestAborted);
            }

            switch (fault)
            {
                case Fault.TooManyRequests:
                    Record(ordinal, request, 429, fault, at);
                    await WriteAsync(context, 429, "application/json", "{\"code\":\"TOO_MANY_REQUESTS\",\"message\":\"Slow down.\"}", RetryAfterSeconds.ToString());
                    return;
                case Fault.InternalServerError:
                case Fault.ServiceUnavailable:
                    var status = fault == Fault.InternalServerError ? 500 : 503;
                    Record(ordinal, request, status, fault, at);
                    await WriteAsync(context, status, "application/json", "{\"code\":\"SERVER_ERROR\",\"message\":\"Try again.\"}", retryAfter: "0");
                    return;
                case Fault.InternalServerErrorNoHint:
                    Record(ordinal, request, 500, fault, at);
                    await WriteAsync(context, 500, "application/json", "{\"code\":\"SERVER_ERROR\",\"message\":\"Try again.\"}");
                    return;
                case Fault.MalformedJson:
                    Record(ordinal, request, 200, fault, at);
                    await WriteAsync(context, 200, "application/json", "{\"object\":\"list\",\"items\":[{\"id\":\"prdo_");
                    return;
                case Fault.HtmlPage:
                    Record(ordinal, request, 200, fault, at);
                    await WriteAsync(context, 200, "text/html", "<html><body><h1>Sign in to the guest network</h1></body></html>");
                    return;
                case Fault.Slow:
                    await Task.Delay(SlowDelay, context.RequestAborted);
                    break;
            }

            using var response = await _sandbox.HandleAsync(request, context.RequestAborted);
            Record(ordinal, request, (int)response.StatusCode, fault, at);
            if (fault == Fault.ResetMidBody)
            {
                var body = await response.Content.ReadAsByteArrayAsync();
                context.Response.StatusCode = (int)response.StatusCode;
                context.Response.ContentType = "application/json";
                context.Response.ContentLength = body.Length;
                await context.Response.Body.WriteAsync(body.AsMemory(0, body.Length / 2));
                await context.Response.Body.FlushAsync();
                context.Abort();
                return;
            }

            await HttpMessageBridge.WriteResponseAsync(context, response);
        }

        private bool TakeRateToken()
        {
            if (RateLimit is not double limit)
            {
                return true;
            }

            lock (_bucketGate)
            {
                var now = _clock.Elapsed;
                _bucket = _bucketFilledAt == TimeSpan.Zero ? limit : Math.Min(limit, _bucket + (now - _bucketFilledAt).TotalSeconds * limit);
                _bucketFilledAt = now;
                if (_bucket < 1)
                {
                    return false;
                }

                _bucket -= 1;
                return true;
            }
        }

        private void Record(int ordinal, System.Net.Http.HttpRequestMessage request, int status, Fault? fault, TimeSpan at)
            => _log.Enqueue(new ServedRequest(ordinal, request.Method.Method, request.RequestUri!.PathAndQuery, status, fault, at));

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
