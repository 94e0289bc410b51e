using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NomosMeters.Client.Http;
using NomosMeters.Tests.Infrastructure;
using Xunit;

namespace NomosMeters.Tests.Unit
{
    public sealed class RequestRateLimiterTests
    {
        private static readonly DateTimeOffset Start = new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);

        [Fact]
        public void RequestsAtTheSameInstantAreSpacedOneIntervalAndTheSafetyMarginApart()
        {
            var time = new ManualTimeProvider(Start);
            var limiter = new RequestRateLimiter(10, time);

            var waits = Enumerable.Range(0, 5).Select(_ => limiter.WaitAsync(CancellationToken.None)).ToList();

            Assert.True(waits[0].IsCompleted);
            Assert.Equal(new[] { 105, 210, 315, 420 }, time.RequestedWaits.Select(d => (int)d.TotalMilliseconds));

            time.Advance(TimeSpan.FromMilliseconds(105));
            Assert.True(waits[1].IsCompleted);
            Assert.False(waits[2].IsCompleted);
        }

        [Fact]
        public void TimeThatPassedWithoutRequestsIsNotSavedUpForABurst()
        {
            var time = new ManualTimeProvider(Start);
            var limiter = new RequestRateLimiter(4, time);
            limiter.WaitAsync(CancellationToken.None);

            time.Advance(TimeSpan.FromSeconds(10));
            var first = limiter.WaitAsync(CancellationToken.None);
            var second = limiter.WaitAsync(CancellationToken.None);

            Assert.True(first.IsCompleted);
            Assert.False(second.IsCompleted);
            Assert.Equal(262, (int)Assert.Single(time.RequestedWaits).TotalMilliseconds);
        }

        [Fact]
        public async Task AWaitEndsAtOnceWhenCancelled()
        {
            var time = new ManualTimeProvider(Start);
            var limiter = new RequestRateLimiter(0.01, time);
            await limiter.WaitAsync(CancellationToken.None);
            using var cancel = new CancellationTokenSource();

            var waiting = limiter.WaitAsync(cancel.Token);
            Assert.False(waiting.IsCompleted);
            cancel.Cancel();

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        }

        [Theory]
        [InlineData(-1)]
        [InlineData(double.NaN)]
        [InlineData(double.PositiveInfinity)]
        public void ARateMustBeZeroOrPositive(double rate)
            => Assert.Throws<ArgumentOutOfRangeException>(() => new RequestRateLimiter(rate, TimeProvider.System));

        [Theory]
        [InlineData(10)]
        [InlineData(3)]
        [InlineData(1)]
        public void AnyRateStartsOfABurstSpanMoreThanASecondSoARollingSecondHoldsNoMoreThanTheRateDespiteJitter(double rate)
        {
            var time = new ManualTimeProvider(Start);
            var limiter = new RequestRateLimiter(rate, time);
            var count = (int)rate + 1;
            for (var i = 0; i < count; i++)
            {
                limiter.WaitAsync(CancellationToken.None);
            }

            // The last of rate + 1 starts comes 1.05 s after the first: 50 ms of delay to spare.
            var last = time.RequestedWaits.Last();
            Assert.True(last >= TimeSpan.FromSeconds(1.049), $"{count} starts within {last.TotalMilliseconds} ms");
            Assert.True(last <= TimeSpan.FromSeconds(1.051), $"{count} starts spread over {last.TotalMilliseconds} ms: slower than the margin");
        }

        [Fact]
        public void AHoldDelaysEveryRequestThatHasNotStartedYet()
        {
            var time = new ManualTimeProvider(Start);
            var limiter = new RequestRateLimiter(0, time);
            Assert.True(limiter.WaitAsync(CancellationToken.None).IsCompleted);

            limiter.Hold(TimeSpan.FromSeconds(3));
            limiter.Hold(TimeSpan.FromSeconds(1));
            var first = limiter.WaitAsync(CancellationToken.None);
            var second = limiter.WaitAsync(CancellationToken.None);

            Assert.Equal(new[] { 3000, 3000 }, time.RequestedWaits.Select(d => (int)d.TotalMilliseconds));
            time.Advance(TimeSpan.FromMilliseconds(2999));
            Assert.False(first.IsCompleted);
            time.Advance(TimeSpan.FromMilliseconds(1));
            Assert.True(first.IsCompleted && second.IsCompleted);
            Assert.True(limiter.WaitAsync(CancellationToken.None).IsCompleted);
        }
    }
}
