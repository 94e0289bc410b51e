using System;
using System.Diagnostics;

namespace NomosMeters.Tests.TestBeds
{
    /// <summary>The API's rate limit as a token bucket on real time: a rate per second, bursts up to the same number.</summary>
    internal sealed class RateBucket
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private readonly object _gate = new object();
        private double _tokens;
        private TimeSpan _filledAt;

        public bool TryTake(double perSecond)
        {
            lock (_gate)
            {
                var now = _clock.Elapsed;
                _tokens = _filledAt == TimeSpan.Zero ? perSecond : Math.Min(perSecond, _tokens + (now - _filledAt).TotalSeconds * perSecond);
                _filledAt = now;
                if (_tokens < 1)
                {
                    return false;
                }

                _tokens -= 1;
                return true;
            }
        }
    }
}
