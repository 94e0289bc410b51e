using System.Threading;

namespace NomosMeters.Testing
{
    /// <summary>
    /// How many requests a test server is answering now, and the most it ever answered at once: what shows whether a
    /// client keeps several requests in flight. Thread-safe; shared by the tests' loopback server and the benchmark's.
    /// </summary>
    internal sealed class InFlightCounter
    {
        private int _now;
        private int _peak;

        public int Now => Volatile.Read(ref _now);

        public int Peak => Volatile.Read(ref _peak);

        /// <summary>A request starts being answered; <see cref="Exit"/> when it is.</summary>
        public void Enter()
        {
            var now = Interlocked.Increment(ref _now);
            for (var peak = Peak; now > peak; peak = Peak)
            {
                if (Interlocked.CompareExchange(ref _peak, now, peak) == peak)
                {
                    break;
                }
            }
        }

        public void Exit() => Interlocked.Decrement(ref _now);

        /// <summary>Starts counting the peak again from the requests being answered now.</summary>
        public void ResetPeak() => Interlocked.Exchange(ref _peak, Now);
    }
}
