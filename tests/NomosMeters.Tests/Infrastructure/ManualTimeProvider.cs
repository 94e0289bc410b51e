using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace NomosMeters.Tests.Infrastructure
{
    /// <summary>
    /// The tests' one clock: time moves only when the test moves it, so token expiry, retry waits, request timeouts
    /// and the rate limiter are exact and nothing sleeps. Timers fire inside <see cref="Advance"/>, on the caller's
    /// thread, in the order they fall due. <see cref="SetUtcNow"/> changes the date only, as setting a machine's
    /// clock does: timestamps, elapsed times and timers keep running on the monotonic time <see cref="Advance"/> moves.
    /// </summary>
    public sealed class ManualTimeProvider : TimeProvider
    {
        private readonly object _gate = new object();
        private readonly List<ManualTimer> _scheduled = new List<ManualTimer>();
        private readonly List<TimeSpan> _requestedWaits = new List<TimeSpan>();
        private readonly List<(Func<TimeSpan, bool> Matches, TaskCompletionSource<TimeSpan> Found)> _watchers =
            new List<(Func<TimeSpan, bool> Matches, TaskCompletionSource<TimeSpan> Found)>();

        private DateTimeOffset _utcNow;

        // Not zero, so a timestamp of 0 never looks like "now" to code that uses 0 as "never".
        private long _ticks = TimeSpan.TicksPerDay;

        public ManualTimeProvider(DateTimeOffset utcNow) => _utcNow = utcNow;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        /// <summary>Gets every finite wait asked of this clock (a timer's due time), in the order asked.</summary>
        public IReadOnlyList<TimeSpan> RequestedWaits
        {
            get
            {
                lock (_gate)
                {
                    return _requestedWaits.ToArray();
                }
            }
        }

        public override DateTimeOffset GetUtcNow()
        {
            lock (_gate)
            {
                return _utcNow;
            }
        }

        public override long GetTimestamp()
        {
            lock (_gate)
            {
                return _ticks;
            }
        }

        /// <summary>Sets the date and time, forwards or back; fires no timer.</summary>
        public void SetUtcNow(DateTimeOffset utcNow)
        {
            lock (_gate)
            {
                _utcNow = utcNow;
            }
        }

        /// <summary>Moves time forward by <paramref name="by"/>, firing each timer that falls due on the way at its own instant.</summary>
        public void Advance(TimeSpan by)
        {
            if (by < TimeSpan.Zero)
            {
                throw new ArgumentOutOfRangeException(nameof(by), by, "Time does not run backwards; use SetUtcNow to change the date.");
            }

            long end;
            lock (_gate)
            {
                end = _ticks + by.Ticks;
            }

            while (true)
            {
                ManualTimer? next;
                lock (_gate)
                {
                    next = _scheduled.Where(t => t.DueAt <= end).OrderBy(t => t.DueAt).ThenBy(t => t.Order).FirstOrDefault();
                    var to = next?.DueAt ?? end;
                    _utcNow += TimeSpan.FromTicks(to - _ticks);
                    _ticks = to;
                    if (next == null)
                    {
                        return;
                    }

                    next.Elapse();
                }

                // Outside the lock: the callback may create, change or dispose timers (a retry starting its next wait).
                next.Fire();
            }
        }

        /// <summary>
        /// Completes, with the wait it asked for, once a timer whose due time <paramref name="dueTime"/> accepts is
        /// scheduled on this clock (at once if one is already): the point where the code under test waits for time.
        /// </summary>
        public Task<TimeSpan> WhenWaitingAsync(Func<TimeSpan, bool> dueTime)
        {
            lock (_gate)
            {
                var pending = _scheduled.FirstOrDefault(t => dueTime(t.DueTime));
                if (pending != null)
                {
                    return Task.FromResult(pending.DueTime);
                }

                var found = new TaskCompletionSource<TimeSpan>(TaskCreationOptions.RunContinuationsAsynchronously);
                _watchers.Add((dueTime, found));
                return found.Task;
            }
        }

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            var timer = new ManualTimer(this, callback, state);
            timer.Change(dueTime, period);
            return timer;
        }

        private void Schedule(ManualTimer timer, TimeSpan dueTime, TimeSpan period)
        {
            lock (_gate)
            {
                _scheduled.Remove(timer);
                timer.Period = period;
                if (dueTime == Timeout.InfiniteTimeSpan)
                {
                    return;
                }

                timer.DueTime = dueTime;
                timer.DueAt = _ticks + dueTime.Ticks;
                timer.Order = _requestedWaits.Count;
                _requestedWaits.Add(dueTime);
                if (dueTime == TimeSpan.Zero)
                {
                    // Due now: fired off this thread, as a real timer is, not inside CreateTimer before it returns.
                    ThreadPool.QueueUserWorkItem(_ => timer.Fire());
                    timer.DueAt = _ticks;
                    timer.Elapse();
                }
                else
                {
                    _scheduled.Add(timer);
                }

                foreach (var watcher in _watchers.Where(w => w.Matches(dueTime)).ToList())
                {
                    _watchers.Remove(watcher);
                    watcher.Found.TrySetResult(dueTime);
                }
            }
        }

        private void Unschedule(ManualTimer timer)
        {
            lock (_gate)
            {
                _scheduled.Remove(timer);
            }
        }

        private sealed class ManualTimer : ITimer
        {
            private readonly ManualTimeProvider _clock;
            private readonly TimerCallback _callback;
            private readonly object? _state;
            private bool _disposed;

            public ManualTimer(ManualTimeProvider clock, TimerCallback callback, object? state)
            {
                _clock = clock;
                _callback = callback;
                _state = state;
            }

            public TimeSpan DueTime { get; set; }

            public long DueAt { get; set; }

            public int Order { get; set; }

            public TimeSpan Period { get; set; }

            public bool Change(TimeSpan dueTime, TimeSpan period)
            {
                if (_disposed)
                {
                    return false;
                }

                _clock.Schedule(this, dueTime, period);
                return true;
            }

            /// <summary>Called under the clock's lock as the timer falls due: a periodic timer is due again one period on.</summary>
            public void Elapse()
            {
                _clock._scheduled.Remove(this);
                if (Period > TimeSpan.Zero && Period != Timeout.InfiniteTimeSpan)
                {
                    DueAt += Period.Ticks;
                    _clock._scheduled.Add(this);
                }
            }

            public void Fire()
            {
                if (!_disposed)
                {
                    _callback(_state);
                }
            }

            public void Dispose()
            {
                _disposed = true;
                _clock.Unschedule(this);
            }

            public ValueTask DisposeAsync()
            {
                Dispose();
                return default;
            }
        }
    }
}
