using System.Text.Json.Serialization;
using System.Threading;
using NomosMeters.Testing;

namespace NomosMeters.Benchmarks.Server
{
    /// <summary>What the server answered since the last reset; the client process reads it from <c>GET /_stats</c>.</summary>
    internal sealed class ServerStats
    {
        private int _apiRequests;
        private int _throttled;
        private int _enrollmentSearches;
        private readonly InFlightCounter _inFlight = new InFlightCounter();

        public void CountRequest(bool enrollmentSearch)
        {
            Interlocked.Increment(ref _apiRequests);
            if (enrollmentSearch)
            {
                Interlocked.Increment(ref _enrollmentSearches);
            }
        }

        public void CountThrottled() => Interlocked.Increment(ref _throttled);

        /// <summary>An API request starts being answered (<see cref="End"/> when it is), for the peak in flight.</summary>
        public void Begin() => _inFlight.Enter();

        public void End() => _inFlight.Exit();

        public void Reset()
        {
            Interlocked.Exchange(ref _apiRequests, 0);
            Interlocked.Exchange(ref _throttled, 0);
            Interlocked.Exchange(ref _enrollmentSearches, 0);
            _inFlight.ResetPeak();
        }

        public StatsSnapshot Snapshot()
            => new StatsSnapshot(Volatile.Read(ref _apiRequests), Volatile.Read(ref _throttled), Volatile.Read(ref _enrollmentSearches), _inFlight.Peak);
    }

    /// <summary>
    /// API requests (the token endpoint excluded, 429s included), how many were answered 429, enrollment searches, and
    /// the most requests that were being answered (not yet throttled or answered) at once.
    /// </summary>
    internal sealed record StatsSnapshot(
        [property: JsonPropertyName("api_requests")] int ApiRequests,
        [property: JsonPropertyName("throttled")] int Throttled,
        [property: JsonPropertyName("enrollment_searches")] int EnrollmentSearches,
        [property: JsonPropertyName("peak_in_flight")] int PeakInFlight);
}
