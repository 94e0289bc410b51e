namespace NomosMeters.Benchmarks
{
    /// <summary>How big and how long each measurement is in one mode (full, <c>--quick</c> or <c>--smoke</c>).</summary>
    internal sealed record BenchmarkSettings
    {
        public required string Mode { get; init; }

        /// <summary>Gets how many times each timed measurement repeats (the median is reported).</summary>
        public required int Repetitions { get; init; }

        public required int ThroughputOrders { get; init; }

        public required int ThroughputEnrollments { get; init; }

        public required int MemorySmall { get; init; }

        public required int MemoryLarge { get; init; }

        public required int OverlapPages { get; init; }

        public required int OverlapPageSize { get; init; }

        /// <summary>Gets the server latency per page and the consumer's time per page in the overlap measurement.</summary>
        public required int OverlapMs { get; init; }

        public required int LookupIds { get; init; }

        public required double LookupRateLimit { get; init; }

        public required int EnrollmentLookupIds { get; init; }

        public required int FirstObjectLatencyMs { get; init; }

        /// <summary>Gets the server latency of the lookups at real-world latency (a runbook in another region).</summary>
        public required int LatencyMs { get; init; }

        public required int LatencyLookupIds { get; init; }

        public required double LatencyRateLimit { get; init; }

        public required int LatencyEnrollmentIds { get; init; }

        /// <summary>Gets how many ids the lookups without latency take, concurrent against one at a time.</summary>
        public required int NoLatencyLookupIds { get; init; }

        /// <summary>Gets how many enrollments the cost-per-object measurement streams in each run.</summary>
        public required int CostObjects { get; init; }

        public required int ColdImports { get; init; }

        /// <summary>Gets how many rounds of fresh pwsh processes import each variant of the module (6b).</summary>
        public required int PwshImportRounds { get; init; }

        public static BenchmarkSettings Full { get; } = new BenchmarkSettings
        {
            Mode = "full",
            Repetitions = 7,
            ThroughputOrders = 100_000,
            ThroughputEnrollments = 100_000,
            MemorySmall = 10_000,
            MemoryLarge = 200_000,
            OverlapPages = 20,
            OverlapPageSize = 100,
            OverlapMs = 50,
            LookupIds = 500,
            LookupRateLimit = 10,
            EnrollmentLookupIds = 5_000,
            FirstObjectLatencyMs = 50,
            LatencyMs = 300,
            LatencyLookupIds = 200,
            LatencyRateLimit = 10,
            LatencyEnrollmentIds = 5_000,
            NoLatencyLookupIds = 500,
            CostObjects = 50_000,
            ColdImports = 5,
            PwshImportRounds = 15,
        };

        // Quick: the same shapes, smaller; the bulk lookup at 100/s so its bound is 5 s, not 50 s.
        public static BenchmarkSettings Quick { get; } = Full with
        {
            Mode = "quick",
            Repetitions = 5,
            ThroughputOrders = 5_000,
            ThroughputEnrollments = 20_000,
            MemorySmall = 5_000,
            MemoryLarge = 50_000,
            OverlapPages = 16,
            LookupRateLimit = 100,
            LatencyLookupIds = 50,
            NoLatencyLookupIds = 200,
            CostObjects = 10_000,
            ColdImports = 2,
            PwshImportRounds = 3,
        };

        // Smoke: proves every measurement runs and reports a number, in seconds; its values mean nothing.
        public static BenchmarkSettings Smoke { get; } = Full with
        {
            Mode = "smoke",
            Repetitions = 1,
            ThroughputOrders = 300,
            ThroughputEnrollments = 1_000,
            MemorySmall = 500,
            MemoryLarge = 2_000,
            OverlapPages = 3,
            OverlapPageSize = 20,
            OverlapMs = 5,
            LookupIds = 20,
            LookupRateLimit = 200,
            EnrollmentLookupIds = 1_500,
            FirstObjectLatencyMs = 5,
            LatencyMs = 20,
            LatencyLookupIds = 20,
            LatencyRateLimit = 100,
            LatencyEnrollmentIds = 1_500,
            NoLatencyLookupIds = 20,
            CostObjects = 1_000,
            ColdImports = 1,
            PwshImportRounds = 1,
        };
    }
}
