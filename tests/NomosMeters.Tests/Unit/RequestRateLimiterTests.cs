using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NomosMeters.Client.Http;
using Xunit;

namespace NomosMeters.Tests.Unit
{
    public sealed class RequestRateLimiterTests
    {
        [Fact]
        public void RequestsAtTheSameInstantAreSpacedOneIntervalApart()
        {
            var time = new RecordingTimeProvider();
            var limiter = new RequestRateLimiter(10, time);

            var waits = Enumerable.Range(0, 5).Select(_ => limiter.WaitAsync(CancellationToken.None)).ToList();

            Assert.True(waits[0].IsCompleted);
            Assert.Equal(new[] { 100, 200, 300, 400 }, time.Delays.Select(d => (int)d.TotalMilliseconds));
        }

        [Fact]
        public void TimeThatPassedWithoutRequestsIsNotSavedUpForABurst()
        {
            var time = new RecordingTimeProvider();
            var limiter = new RequestRateLimiter(4, time);
            limiter.WaitAsync(CancellationToken.None);

            time.Advance(TimeSpan.FromSeconds(10));
            var first = limiter.WaitAsync(CancellationToken.None);
            var second = limiter.WaitAsync(CancellationToken.None);

            Assert.True(first.IsCompleted);
            Assert.False(second.IsCompleted);
            Assert.Equal(250, (int)Assert.Single(time.Delays).TotalMilliseconds);
        }

        [Fact]
        public async Task AWaitEndsAtOnceWhenCancelled()
        {
            var time = new RecordingTimeProvider();
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

        /// <summary>A clock moved by hand whose timers never fire; it records how long each wait was asked to be.</summary>
        private sealed class RecordingTimeProvider : TimeProvider
        {
            private long _ticks = 1_000_000;

            public List<TimeSpan> Delays { get; } = new List<TimeSpan>();

            public override long TimestampFrequency => TimeSpan.TicksPerSecond;

            public override long GetTimestamp() => _ticks;

            public void Advance(TimeSpan by) => _ticks += by.Ticks;

            public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
            {
                Delays.Add(dueTime);
                return new IdleTimer();
            }

            private sealed class IdleTimer : ITimer
            {
                public bool Change(TimeSpan dueTime, TimeSpan period) => true;

                public void Dispose()
                {
                }

                public ValueTask DisposeAsync() => default;
            }
        }
    }
}
