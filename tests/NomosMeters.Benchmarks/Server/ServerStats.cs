using System.Text.Json.Serialization;
using System.Threading;

namespace NomosMeters.Benchmarks.Server
{
    /// <summary>What the server answered since the last reset; the client process reads it from <c>GET /_stats</c>.</summary>
    internal sealed class ServerStats
    {
        private int _apiRequests;
        private int _throttled;
        private int _enrollmentSearches;

        public void CountRequest(bool enrollmentSearch)
        {
            Interlocked.Increment(ref _apiRequests);
            if (enrollmentSearch)
            {
                Interlocked.Increment(ref _enrollmentSearches);
            }
        }

        public void CountThrottled() => Interlocked.Increment(ref _throttled);

        public void Reset()
        {
            Interlocked.Exchange(ref _apiRequests, 0);
            Interlocked.Exchange(ref _throttled, 0);
            Interlocked.Exchange(ref _enrollmentSearches, 0);
        }

        public StatsSnapshot Snapshot() => new StatsSnapshot(Volatile.Read(ref _apiRequests), Volatile.Read(ref _throttled), Volatile.Read(ref _enrollmentSearches));
    }

    /// <summary>API requests (the token endpoint excluded, 429s included), how many were answered 429, and enrollment searches.</summary>
    internal sealed record StatsSnapshot(
        [property: JsonPropertyName("api_requests")] int ApiRequests,
        [property: JsonPropertyName("throttled")] int Throttled,
        [property: JsonPropertyName("enrollment_searches")] int EnrollmentSearches);
}
