using System;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using NomosMeters.RetryBridge;

namespace NomosMeters.Client.Http
{
    /// <summary>
    /// Which failures are retried and how long to wait: 429, 408, 500, 502, 503, 504, connection failures,
    /// timeouts and success responses whose body cannot be used, honouring Retry-After (seconds or HTTP date) and
    /// ratelimit-reset, else exponential backoff with jitter; bounded by attempts and by a total time budget. Never 400/401/403/404/409/422. The APIs have no
    /// idempotency key, so a write (POST, PATCH, PUT, DELETE) is retried only when the server provably did not act on it (after a 429, or
    /// when no connection could be made at all) or when repeating it cannot act twice (<see cref="ApiRequest.SafeToRepeat"/>).
    /// </summary>
    internal static class RetryPolicy
    {
        private static readonly int[] TransientStatuses = { 408, 429, 500, 502, 503, 504 };

        public static RetrySettings Settings(TransportOptions options) => new RetrySettings
        {
            MaxRetries = options.MaxRetries,
            BaseDelay = options.RetryBaseDelay,
            MaxDelay = TimeSpan.FromSeconds(60),
            Time = options.Time,
        };

        /// <summary>The rules for one call: its request decides what is safe to repeat, its clock the budget left.</summary>
        public static IRetryRules ForCall(ApiRequest request, CallContext context, TransportOptions options)
            => new CallRules(request, context, options);

        /// <summary>Reads Retry-After (delta seconds or HTTP date), else ratelimit-reset (seconds).</summary>
        public static TimeSpan? ServerDelay(HttpResponseMessage response, DateTimeOffset now)
        {
            var retryAfter = response.Headers.RetryAfter;
            if (retryAfter?.Delta is TimeSpan delta)
            {
                return delta;
            }

            if (retryAfter?.Date is DateTimeOffset date)
            {
                return date > now ? date - now : TimeSpan.Zero;
            }

            if (ApiTransport.HeaderNumber(response, "ratelimit-reset") is double seconds && seconds >= 0)
            {
                return TimeSpan.FromSeconds(seconds);
            }

            return null;
        }

        private sealed class CallRules : IRetryRules
        {
            private readonly ApiRequest _request;
            private readonly CallContext _context;
            private readonly TransportOptions _options;
            private readonly long _started;

            public CallRules(ApiRequest request, CallContext context, TransportOptions options)
            {
                _request = request;
                _context = context;
                _options = options;
                // The budget runs on the clock the waits run on, so the two always agree about time spent.
                _started = options.Time.GetTimestamp();
            }

            public bool ShouldRetry(Exception failure)
            {
                if (!(failure is ApiRequestException api))
                {
                    return false;
                }

                // A broken connection or a timeout is transient whatever status line (if any) had arrived before it.
                // So is a success whose body cannot be used (not JSON, cut off, the wrong shape, a proxy's HTML page):
                // the server did answer, so only a request that cannot act twice is sent again.
                var brokenSuccess = api.Code == "INVALID_RESPONSE";
                var transient = brokenSuccess || api.Code == "CONNECTION_FAILED" || api.Code == "TIMEOUT" || TransientStatuses.Contains(api.StatusCode);
                var safeToRepeat = IsRead(_request.Method) || _request.SafeToRepeat || (!brokenSuccess && (api.StatusCode == 429 || api.NotSent));
                var wait = api.RetryAfter ?? TimeSpan.Zero;
                return transient && safeToRepeat && _options.Time.GetElapsedTime(_started) + wait < _options.RetryBudget;
            }

            // Any other method may change something on the server, and a repeat could change it twice.
            private static bool IsRead(HttpMethod method) => method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Options;

            public TimeSpan? ServerDelay(Exception failure) => (failure as ApiRequestException)?.RetryAfter;

            public void OnRetry(Exception failure, int retry, TimeSpan delay)
            {
                var reason = (failure as ApiRequestException)?.Code ?? "failure";
                _context.Log.Verbose(
                    $"{_request.Method} {_request.PathAndQuery}: {reason}, retry {retry} of {_options.MaxRetries} in {delay.TotalMilliseconds:0} ms");
            }
        }
    }
}
