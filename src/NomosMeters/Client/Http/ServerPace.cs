using System;
using System.Net.Http;

namespace NomosMeters.Client.Http
{
    /// <summary>
    /// What a response says about the pace of the next requests, applied to the whole connection's traffic to that
    /// API: a 429 holds every request until its Retry-After; <c>ratelimit-remaining: 0</c> holds them until
    /// <c>ratelimit-reset</c>, before the budget runs out rather than after.
    /// </summary>
    internal static class ServerPace
    {
        public static void Apply(HttpResponseMessage response, RequestRateLimiter limiter, TimeProvider time, CallContext context)
        {
            if ((int)response.StatusCode == 429)
            {
                var wait = RetryPolicy.ServerDelay(response, time.GetUtcNow());
                if (wait is TimeSpan delay && delay > TimeSpan.Zero)
                {
                    limiter.Hold(delay);
                    context.Log.Verbose($"429: every request to this API waits {delay.TotalSeconds:0.###} s, as the server asks.");
                }

                return;
            }

            if (ApiTransport.HeaderNumber(response, "ratelimit-remaining") is double remaining && remaining <= 0 &&
                ApiTransport.HeaderNumber(response, "ratelimit-reset") is double reset && reset > 0)
            {
                limiter.Hold(TimeSpan.FromSeconds(reset));
                context.Log.Verbose($"ratelimit-remaining is 0: the next requests wait {reset:0.###} s for ratelimit-reset.");
            }
        }
    }
}
