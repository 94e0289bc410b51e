using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using NomosMeters.Benchmarks.Client;
using NomosMeters.Benchmarks.Report;

namespace NomosMeters.Benchmarks.Measurements
{
    /// <summary>
    /// 7. Bulk lookups at real-world latency (the server waits before every answer, as an API in another region
    /// does), in the hosted engine and in real pwsh: order lookups against the rate-limit bound, the same lookups
    /// without latency against one request at a time, and enrollment lookups against two round trips.
    /// </summary>
    internal static class LatencyLookupMeasurement
    {
        public const double RateBoundGoal = 1.1;
        public const double NoLatencyGoal = 1.05;
        public const double RoundTripGoal = 1.5;

        public static async Task<IReadOnlyList<ResultRow>> RunAsync(BenchContext context)
        {
            var settings = context.Settings;
            var orderIds = await OrderIdsAsync(context, Math.Max(settings.LatencyLookupIds, settings.NoLatencyLookupIds));
            var meterIds = await MeterIdsAsync(context, settings.LatencyEnrollmentIds);
            var hosted = new ScriptHost.Hosted(context.Session);
            var pwsh = new ScriptHost.Pwsh();
            return new[]
            {
                await OrdersAtRateBoundAsync(context, "7a", hosted, orderIds.Take(settings.LatencyLookupIds).ToList()),
                await OrdersAtRateBoundAsync(context, "7b", pwsh, orderIds.Take(settings.LatencyLookupIds).ToList()),
                await OrdersWithoutLatencyAsync(context, "7c", hosted, orderIds.Take(settings.NoLatencyLookupIds).ToList()),
                await EnrollmentsAsync(context, "7d", hosted, meterIds),
                await EnrollmentsAsync(context, "7e", pwsh, meterIds),
            };
        }

        private static async Task<ResultRow> OrdersAtRateBoundAsync(BenchContext context, string id, ScriptHost host, List<string> ids)
        {
            var settings = context.Settings;
            var rate = settings.LatencyRateLimit;
            await context.Server.ConfigureAsync(latencyMs: settings.LatencyMs, rateLimit: rate);
            // The token bucket refills while the script starts and connects: the run begins with a full burst either way.
            await context.Server.ResetStatsAsync();
            var result = new TimedCommand { Command = "$ids | Get-MeterOrder | ForEach-Object Id", Ids = ids, RateLimit = rate }.RunOn(host, context.Server.BaseUri);
            var stats = await context.Server.StatsAsync();

            var boundMs = ids.Count / rate * 1000;
            var oneAtATimeMs = ids.Count * settings.LatencyMs;
            var ratio = result.WallMs / boundMs;
            var whole = result.Count == ids.Count && result.InOrder;
            return new ResultRow(
                id,
                $"Lookups at {settings.LatencyMs} ms latency ({host.Name}): {ids.Count:N0} ids piped into Get-MeterOrder, limit {rate:0}/s",
                $"≤ {RateBoundGoal:0.0}× the rate-limit bound, no 429, input order",
                $"{result.WallMs / 1000:0.00} s; {stats.Throttled} × 429; {(whole ? "all, in input order" : "NOT all in input order")}; at most {stats.PeakInFlight} in flight",
                $"{boundMs / 1000:0.00} s ({ids.Count:N0} / {rate:0} per s)",
                $"{ratio:0.00}×",
                ratio <= RateBoundGoal && stats.Throttled == 0 && whole,
                $"The server waits {settings.LatencyMs} ms before every answer and allows {rate:0} requests per second (token bucket); the client has " +
                $"`-RateLimit {rate:0}` and the default ThrottleLimit. One request at a time would take at least {oneAtATimeMs / 1000.0:0.0} s " +
                $"({settings.LatencyMs} ms × {ids.Count:N0}). {stats.ApiRequests} API requests served.",
                $"{ratio:0.00}× the rate-limit bound.")
            {
                Meaning = $"A runbook {settings.LatencyMs} ms from the API looks {ids.Count:N0} orders up in {result.WallMs / 1000:0.0} s ({ratio:0.00}× what the API's rate limit allows) " +
                          $"instead of the {oneAtATimeMs / 1000.0:0.0} s that one request after another takes.",
            };
        }

        private static async Task<ResultRow> OrdersWithoutLatencyAsync(BenchContext context, string id, ScriptHost host, List<string> ids)
        {
            await context.Server.ConfigureAsync(latencyMs: 0);
            var repetitions = Math.Max(3, context.Settings.Repetitions);
            TimedResult Run(string command) => new TimedCommand { Command = command, Ids = ids, Repetitions = 1, WarmUp = 0 }.RunOn(host, context.Server.BaseUri);
            const string concurrent = "$ids | Get-MeterOrder | ForEach-Object Id";
            const string oneAtATime = "$ids | Get-MeterOrder -ThrottleLimit 1 | ForEach-Object Id";

            // Interleaved, after a warm-up of each, so drift in the machine's speed hits both alike.
            Run(concurrent);
            Run(oneAtATime);
            var concurrentMs = new List<double>();
            var sequentialMs = new List<double>();
            var whole = true;
            for (var i = 0; i < repetitions; i++)
            {
                var a = Run(concurrent);
                var b = Run(oneAtATime);
                whole &= a.InOrder && a.Count == ids.Count && b.InOrder && b.Count == ids.Count;
                concurrentMs.Add(a.WallMs);
                sequentialMs.Add(b.WallMs);
            }

            var concurrentMedian = Stats.Median(concurrentMs);
            var sequentialMedian = Stats.Median(sequentialMs);
            var ratio = concurrentMedian / sequentialMedian;
            return new ResultRow(
                id,
                $"Lookups without latency ({host.Name}): {ids.Count:N0} ids piped into Get-MeterOrder, no rate limit",
                $"≤ {NoLatencyGoal:0.00}× one request at a time",
                $"{concurrentMedian:0} ms (default ThrottleLimit); {(whole ? "all, in input order" : "NOT all in input order")}",
                $"{sequentialMedian:0} ms (-ThrottleLimit 1, one request at a time)",
                $"{ratio:0.00}×",
                ratio <= NoLatencyGoal && whole,
                $"Median of {repetitions} interleaved runs of each after a warm-up; the server answers at once. Concurrent runs: " +
                $"{string.Join(", ", concurrentMs.Select(m => m.ToString("0")))} ms; one at a time: {string.Join(", ", sequentialMs.Select(m => m.ToString("0")))} ms. " +
                $"The goal allows {(NoLatencyGoal - 1) * 100:0}% for the runs' spread.",
                $"{ratio:0.00}× one request at a time.")
            {
                Meaning = ratio <= NoLatencyGoal
                    ? "Against a server that answers at once (or the sandbox), keeping several lookups in flight costs nothing over one at a time."
                    : $"Against a server that answers at once (or the sandbox), keeping several lookups in flight takes {ratio:0.00}× the time of one at a time.",
            };
        }

        private static async Task<ResultRow> EnrollmentsAsync(BenchContext context, string id, ScriptHost host, List<string> meterIds)
        {
            var latency = context.Settings.LatencyMs;
            await context.Server.ConfigureAsync(latencyMs: latency);
            // One round trip as the module makes it: a search of 500 ids answered in one page of 500.
            var roundTrip = new TimedCommand
            {
                Command = "Search-MeterEnrollment -MeterId $ids | ForEach-Object { $_.MeterId.ToString() }",
                Ids = meterIds.Take(500).ToList(),
                Repetitions = 3,
                WarmUp = 1,
            }.RunOn(host, context.Server.BaseUri);
            await context.Server.ResetStatsAsync();
            // The median of 3 runs after a warm-up, as the round trip: one run alone caught a stall of half a second.
            const int runs = 4;
            var result = new TimedCommand { Command = "$ids | Get-MeterEnrollment | ForEach-Object { $_.MeterId.ToString() }", Ids = meterIds, Repetitions = runs - 1, WarmUp = 1 }.RunOn(host, context.Server.BaseUri);
            var stats = await context.Server.StatsAsync();

            var searches = (meterIds.Count + BulkLookupMeasurement.EnrollmentMaxIdsPerSearch - 1) / BulkLookupMeasurement.EnrollmentMaxIdsPerSearch;
            var searchesPerRun = (stats.EnrollmentSearches - 1) / runs;
            var boundMs = 2 * roundTrip.WallMs;
            var ratio = result.WallMs / boundMs;
            var whole = result.Count == meterIds.Count && result.InOrder;
            return new ResultRow(
                id,
                $"Enrollment lookups at {latency} ms latency ({host.Name}): {meterIds.Count:N0} meter ids piped into Get-MeterEnrollment",
                $"≤ {RoundTripGoal:0.0}× two round trips",
                $"{result.WallMs:0} ms; {searchesPerRun} search requests, at most {stats.PeakInFlight} in flight; {(whole ? "all, in input order" : "NOT all in input order")}",
                $"{boundMs:0} ms (2 × {roundTrip.WallMs:0} ms, one search of 500 ids)",
                $"{ratio:0.00}×",
                ratio <= RoundTripGoal && whole,
                $"{searches} searches of up to 1,000 ids, each 2 pages of 500 (the API's limits), so 2 round trips when the searches run side by side " +
                $"and {2 * searches} one after another. Median of {runs - 1} runs after a warm-up; the round trip is the median of 3 searches of 500 ids at the same latency, after a warm-up. " +
                $"The server counted {stats.EnrollmentSearches} searches: {searchesPerRun} a run, and Connect-Nomos's check of the key (a search of one meter), which is not in the measured time.",
                $"{ratio:0.00}× two round trips.")
            {
                Meaning = ratio <= RoundTripGoal
                    ? $"{meterIds.Count:N0} meters are looked up in about the time of two requests ({result.WallMs / 1000:0.0} s), not {2 * searches} requests one after another."
                    : $"{meterIds.Count:N0} meters are looked up in {result.WallMs / 1000:0.0} s, {ratio:0.00}× the time of two requests.",
            };
        }

        private static async Task<List<string>> OrderIdsAsync(BenchContext context, int count)
        {
            await context.Server.ConfigureAsync(latencyMs: 0);
            var ids = new List<string>();
            await context.Baseline.AllMeterOrdersAsync(100, count, page => ids.AddRange(page.Items.Select(o => o.Id)));
            return ids.Take(count).Reverse().ToList();
        }

        private static async Task<List<string>> MeterIdsAsync(BenchContext context, int count)
        {
            await context.Server.ConfigureAsync(latencyMs: 0);
            var ids = new List<Guid>();
            await context.Baseline.AllEnrollmentsAsync(BulkLookupMeasurement.EnrollmentMaxPageSize, count, page => ids.AddRange(page.Meters.Select(m => m.MeterId)));
            return ids.Take(count).Select(g => g.ToString()).ToList();
        }
    }
}
