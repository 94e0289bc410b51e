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
        public void RequestsAtTheSameInstantAreSpacedOneIntervalApart()
        {
            var time = new ManualTimeProvider(Start);
            var limiter = new RequestRateLimiter(10, time);

            var waits = Enumerable.Range(0, 5).Select(_ => limiter.WaitAsync(CancellationToken.None)).ToList();

            Assert.True(waits[0].IsCompleted);
            Assert.Equal(new[] { 100, 200, 300, 400 }, time.RequestedWaits.Select(d => (int)d.TotalMilliseconds));

            time.Advance(TimeSpan.FromMilliseconds(100));
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
            Assert.Equal(250, (int)Assert.Single(time.RequestedWaits).TotalMilliseconds);
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
        [InlineData(0)]
        [InlineData(-1)]
        [InlineData(double.NaN)]
        [InlineData(double.PositiveInfinity)]
        public void ARateMustBePositive(double rate)
            => Assert.Throws<ArgumentOutOfRangeException>(() => new RequestRateLimiter(rate, TimeProvider.System));
    }
}
