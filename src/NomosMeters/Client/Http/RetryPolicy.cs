using System;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Polly;
using Polly.Retry;

namespace NomosMeters.Client.Http
{
    /// <summary>
    /// Which failures are retried and how long to wait: 429, 408, 500, 502, 503, 504, connection failures and
    /// timeouts, honouring Retry-After (seconds or HTTP date) and ratelimit-reset, else exponential backoff with
    /// jitter; bounded by attempts and by a total time budget. Never 400/401/403/404/409/422. The API has no
    /// idempotency key, so a POST is retried only when the server provably did not act on it (after a 429, or
    /// when no connection could be made at all) or when repeating it cannot act twice (<see cref="ApiRequest.SafeToRepeat"/>).
    /// </summary>
    internal static class RetryPolicy
    {
        public static readonly ResiliencePropertyKey<ApiRequest> RequestKey = new ResiliencePropertyKey<ApiRequest>("nomos.request");
        public static readonly ResiliencePropertyKey<CallContext> CallKey = new ResiliencePropertyKey<CallContext>("nomos.call");
        public static readonly ResiliencePropertyKey<Stopwatch> ClockKey = new ResiliencePropertyKey<Stopwatch>("nomos.elapsed");

        private static readonly int[] TransientStatuses = { 408, 429, 500, 502, 503, 504 };

        public static ResiliencePipeline Create(TransportOptions options)
        {
            if (options.MaxRetries <= 0)
            {
                return ResiliencePipeline.Empty;
            }

            return new ResiliencePipelineBuilder { TimeProvider = options.Time }
                .AddRetry(new RetryStrategyOptions
                {
                    MaxRetryAttempts = options.MaxRetries,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = options.RetryBaseDelay,
                    MaxDelay = TimeSpan.FromSeconds(60),
                    ShouldHandle = args => new ValueTask<bool>(ShouldRetry(args.Outcome.Exception, args.Context, options)),
                    DelayGenerator = args => new ValueTask<TimeSpan?>((args.Outcome.Exception as NomosApiException)?.RetryAfter),
                    OnRetry = args =>
                    {
                        var request = args.Context.Properties.GetValue(RequestKey, null!);
                        var reason = (args.Outcome.Exception as NomosApiException)?.Code ?? "failure";
                        args.Context.Properties.GetValue(CallKey, CallContext.None).Log.Verbose(
                            $"{request.Method} {request.PathAndQuery}: {reason}, retry {args.AttemptNumber + 1} of {options.MaxRetries} in {args.RetryDelay.TotalMilliseconds:0} ms");
                        return default;
                    },
                })
                .Build();
        }

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

            if (response.Headers.TryGetValues("ratelimit-reset", out var values) &&
                double.TryParse(values.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0)
            {
                return TimeSpan.FromSeconds(seconds);
            }

            return null;
        }

        private static bool ShouldRetry(Exception? exception, ResilienceContext context, TransportOptions options)
        {
            if (!(exception is NomosApiException api))
            {
                return false;
            }

            var request = context.Properties.GetValue(RequestKey, null!);
            // A broken connection or a timeout is transient whatever status line (if any) had arrived before it.
            var transient = api.Code == "CONNECTION_FAILED" || api.Code == "TIMEOUT" || TransientStatuses.Contains(api.StatusCode);
            var safeToRepeat = request.Method != HttpMethod.Post || request.SafeToRepeat || api.StatusCode == 429 || api.NotSent;
            var elapsed = context.Properties.GetValue(ClockKey, null!).Elapsed;
            var wait = api.RetryAfter ?? TimeSpan.Zero;
            return transient && safeToRepeat && elapsed + wait < options.RetryBudget;
        }
    }
}
