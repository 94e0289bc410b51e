using System;
using System.Diagnostics;

namespace NomosMeters.Benchmarks.Server
{
    /// <summary>The API's rate limit as the server enforces it: at most <c>perSecond</c> requests a second, bursts up to the same number.</summary>
    internal sealed class TokenBucket
    {
        private readonly object _gate = new object();
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private readonly double _perSecond;
        private double _tokens;
        private TimeSpan _filledAt;

        public TokenBucket(double perSecond)
        {
            _perSecond = perSecond;
            _tokens = perSecond;
            _filledAt = _clock.Elapsed;
        }

        public bool TryTake()
        {
            lock (_gate)
            {
                var now = _clock.Elapsed;
                _tokens = Math.Min(_perSecond, _tokens + (now - _filledAt).TotalSeconds * _perSecond);
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
