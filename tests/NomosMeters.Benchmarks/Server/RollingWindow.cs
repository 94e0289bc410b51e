using System;
using System.Collections.Generic;
using System.Diagnostics;

namespace NomosMeters.Benchmarks.Server
{
    /// <summary>
    /// The strictest way a server can count a rate limit: at most <c>perSecond</c> requests in any rolling second.
    /// Requests spaced exactly at the limit break it as soon as one of them arrives a few milliseconds late.
    /// </summary>
    internal sealed class RollingWindow
    {
        private readonly object _gate = new object();
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private readonly Queue<TimeSpan> _accepted = new Queue<TimeSpan>();
        private readonly int _perSecond;

        public RollingWindow(int perSecond) => _perSecond = perSecond;

        public bool TryTake()
        {
            lock (_gate)
            {
                var now = _clock.Elapsed;
                while (_accepted.Count > 0 && now - _accepted.Peek() >= TimeSpan.FromSeconds(1))
                {
                    _accepted.Dequeue();
                }

                if (_accepted.Count >= _perSecond)
                {
                    return false;
                }

                _accepted.Enqueue(now);
                return true;
            }
        }
    }
}
