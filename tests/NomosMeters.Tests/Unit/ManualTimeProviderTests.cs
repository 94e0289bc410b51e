using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using NomosMeters.Tests.Infrastructure;
using Xunit;

namespace NomosMeters.Tests.Unit
{
    /// <summary>The test clock itself: the retry, timeout and rate-limit tests are only as exact as it is.</summary>
    public sealed class ManualTimeProviderTests
    {
        private static readonly DateTimeOffset Start = new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);

        [Fact]
        public void TimersFireInTheOrderTheyFallDueEachAtItsOwnInstant()
        {
            var clock = new ManualTimeProvider(Start);
            var fired = new List<string>();
            using var late = clock.CreateTimer(_ => fired.Add("late at " + clock.GetUtcNow().TimeOfDay), null, TimeSpan.FromSeconds(3), Timeout.InfiniteTimeSpan);
            using var early = clock.CreateTimer(_ => fired.Add("early at " + clock.GetUtcNow().TimeOfDay), null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);

            clock.Advance(TimeSpan.FromMilliseconds(999));
            Assert.Empty(fired);
            clock.Advance(TimeSpan.FromSeconds(5));

            Assert.Equal(new[] { "early at 08:00:01", "late at 08:00:03" }, fired);
            Assert.Equal(Start + TimeSpan.FromMilliseconds(5999), clock.GetUtcNow());
        }

        [Fact]
        public void APeriodicTimerFiresOncePerPeriodAndADisposedOneNever()
        {
            var clock = new ManualTimeProvider(Start);
            var ticks = 0;
            var disposedTicks = 0;
            using var periodic = clock.CreateTimer(_ => ticks++, null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
            clock.CreateTimer(_ => disposedTicks++, null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan).Dispose();

            clock.Advance(TimeSpan.FromSeconds(3.5));

            Assert.Equal(3, ticks);
            Assert.Equal(0, disposedTicks);
        }

        [Fact]
        public async Task TaskDelayOnTheClockEndsWhenTimeIsAdvancedNotBefore()
        {
            var clock = new ManualTimeProvider(Start);

            var delay = Task.Delay(TimeSpan.FromMinutes(5), clock);
            Assert.Equal(TimeSpan.FromMinutes(5), await clock.WhenWaitingAsync(d => d == TimeSpan.FromMinutes(5)));
            clock.Advance(TimeSpan.FromMinutes(4));
            Assert.False(delay.IsCompleted);
            clock.Advance(TimeSpan.FromMinutes(1));

            await delay.WaitAsync(TimeSpan.FromSeconds(10));
        }

        [Fact]
        public void SettingTheDateMovesNeitherTimestampsNorTimers()
        {
            var clock = new ManualTimeProvider(Start);
            var fired = false;
            using var timer = clock.CreateTimer(_ => fired = true, null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);
            var before = clock.GetTimestamp();

            clock.SetUtcNow(Start.AddDays(-3));
            clock.SetUtcNow(Start.AddDays(3));

            Assert.Equal(Start.AddDays(3), clock.GetUtcNow());
            Assert.Equal(TimeSpan.Zero, clock.GetElapsedTime(before));
            Assert.False(fired);
            clock.Advance(TimeSpan.FromSeconds(1));
            Assert.True(fired);
            Assert.Equal(TimeSpan.FromSeconds(1), clock.GetElapsedTime(before));
        }
    }
}
