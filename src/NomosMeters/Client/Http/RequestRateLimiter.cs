using System;
using System.Threading;
using System.Threading.Tasks;

namespace NomosMeters.Client.Http
{
    /// <summary>
    /// When the requests to one API may start, shared by every runspace using the connection. Starts are spaced
    /// evenly, a little more than 1/rate apart: a server that counts any rolling second sees at most the rate even
    /// when some requests reach it a few milliseconds late (timer granularity, scheduling, network jitter). And all
    /// traffic is held when the server says so: after a 429 until its Retry-After, and when <c>ratelimit-remaining</c>
    /// reaches 0 until <c>ratelimit-reset</c>, so one throttled request pauses every request instead of each
    /// collecting a 429 of its own.
    /// </summary>
    internal sealed class RequestRateLimiter
    {
        /// <summary>
        /// How much wider than 1/rate the spacing is: ten starts at 10/s span 1.05 s, so a rolling window of one second
        /// holds ten of them as long as arrivals are no more than 50 ms apart in delay. Bulk work takes 5% longer.
        /// </summary>
        public const double SafetyMargin = 0.05;

        private readonly TimeProvider _time;
        private readonly long _intervalTicks;
        private readonly object _gate = new object();
        private long _nextSlot;
        private long _heldUntil;

        /// <param name="requestsPerSecond">The rate to stay under; 0 spaces nothing, and only the server's holds apply.</param>
        /// <param name="time">The clock of the waits.</param>
        public RequestRateLimiter(double requestsPerSecond, TimeProvider time)
        {
            if (!(requestsPerSecond >= 0) || double.IsInfinity(requestsPerSecond))
            {
                throw new ArgumentOutOfRangeException(nameof(requestsPerSecond), requestsPerSecond, "The rate must be 0 (no limit) or a positive number of requests per second.");
            }

            RequestsPerSecond = requestsPerSecond;
            _time = time;
            _intervalTicks = requestsPerSecond == 0 ? 0 : (long)Math.Ceiling(time.TimestampFrequency * (1 + SafetyMargin) / requestsPerSecond);
            _nextSlot = time.GetTimestamp();
            _heldUntil = _nextSlot;
        }

        /// <summary>Gets the configured rate (0: no limit); starts are spaced <see cref="SafetyMargin"/> wider than it.</summary>
        public double RequestsPerSecond { get; }

        /// <summary>Waits for the next free slot; a cancelled wait gives its slot up to nobody (the rate only gets lower).</summary>
        public Task WaitAsync(CancellationToken cancellationToken)
        {
            long waitTicks;
            lock (_gate)
            {
                var now = _time.GetTimestamp();
                var slot = Math.Max(Math.Max(now, _nextSlot), _heldUntil);
                _nextSlot = slot + _intervalTicks;
                waitTicks = slot - now;
            }

            if (waitTicks <= 0)
            {
                return Task.CompletedTask;
            }

            var wait = TimeSpan.FromTicks((long)(waitTicks * ((double)TimeSpan.TicksPerSecond / _time.TimestampFrequency)));
            return _time.Delay(wait, cancellationToken);
        }

        /// <summary>Holds every request that has not started yet for <paramref name="delay"/> from now (a later hold wins).</summary>
        public void Hold(TimeSpan delay)
        {
            if (delay <= TimeSpan.Zero)
            {
                return;
            }

            var until = _time.GetTimestamp() + (long)(delay.TotalSeconds * _time.TimestampFrequency);
            lock (_gate)
            {
                _heldUntil = Math.Max(_heldUntil, until);
            }
        }
    }
}
