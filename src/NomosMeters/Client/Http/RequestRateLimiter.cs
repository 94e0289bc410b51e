using System;
using System.Threading;
using System.Threading.Tasks;

namespace NomosMeters.Client.Http
{
    /// <summary>
    /// Spaces request starts evenly at 1/rate apart, shared by every runspace using the connection, so bulk work
    /// stays under the API's requests-per-second limit instead of provoking 429s. Even spacing (no burst) keeps
    /// any one-second window at the limit, whichever way the server counts.
    /// </summary>
    internal sealed class RequestRateLimiter
    {
        private readonly TimeProvider _time;
        private readonly long _intervalTicks;
        private readonly object _gate = new object();
        private long _nextSlot;

        public RequestRateLimiter(double requestsPerSecond, TimeProvider time)
        {
            if (!(requestsPerSecond > 0) || double.IsInfinity(requestsPerSecond))
            {
                throw new ArgumentOutOfRangeException(nameof(requestsPerSecond), requestsPerSecond, "The rate must be a positive number of requests per second.");
            }

            RequestsPerSecond = requestsPerSecond;
            _time = time;
            _intervalTicks = (long)Math.Ceiling(time.TimestampFrequency / requestsPerSecond);
            _nextSlot = time.GetTimestamp();
        }

        public double RequestsPerSecond { get; }

        /// <summary>Waits for the next free slot; a cancelled wait gives its slot up to nobody (the rate only gets lower).</summary>
        public Task WaitAsync(CancellationToken cancellationToken)
        {
            long waitTicks;
            lock (_gate)
            {
                var now = _time.GetTimestamp();
                var slot = Math.Max(now, _nextSlot);
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
    }
}
