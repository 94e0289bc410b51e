using System;
using System.Net;
using System.Net.Http;
using System.Threading;
using NomosMeters.Client;
using NomosMeters.Client.Http;
using NomosMeters.Tests.Infrastructure;
using Xunit;

namespace NomosMeters.Tests.Unit
{
    /// <summary>What a response says about the pace of every next request to its API.</summary>
    public sealed class ServerPaceTests
    {
        private readonly ManualTimeProvider _time = new ManualTimeProvider(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero));

        [Fact]
        public void A429HoldsEveryRequestUntilItsRetryAfter()
            => Assert.Equal(30_000, HoldAfter(Response(429, ("Retry-After", "30"))));

        [Fact]
        public void ABudgetThatRunsOutHoldsTheNextRequestsUntilTheReset()
            => Assert.Equal(2_000, HoldAfter(Response(200, ("ratelimit-remaining", "0"), ("ratelimit-reset", "2"))));

        [Theory]
        [InlineData("3", "2")]
        [InlineData("0", "0")]
        public void ABudgetLeftOrAResetThatHasComeHoldsNothing(string remaining, string reset)
            => Assert.Equal(0, HoldAfter(Response(200, ("ratelimit-remaining", remaining), ("ratelimit-reset", reset))));

        [Fact]
        public void A429WithoutRetryAfterLeavesTheWaitToTheRequestsOwnBackoff()
            => Assert.Equal(0, HoldAfter(Response(429)));

        private int HoldAfter(HttpResponseMessage response)
        {
            var limiter = new RequestRateLimiter(0, _time);
            ServerPace.Apply(response, limiter, _time, CallContext.None);
            var wait = limiter.WaitAsync(CancellationToken.None);
            return wait.IsCompleted ? 0 : (int)_time.RequestedWaits[^1].TotalMilliseconds;
        }

        private static HttpResponseMessage Response(int status, params (string Name, string Value)[] headers)
        {
            var response = new HttpResponseMessage((HttpStatusCode)status);
            foreach (var (name, value) in headers)
            {
                response.Headers.TryAddWithoutValidation(name, value);
            }

            return response;
        }
    }
}
