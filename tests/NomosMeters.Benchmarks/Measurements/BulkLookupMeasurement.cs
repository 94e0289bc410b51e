using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using NomosMeters.Benchmarks.Report;

namespace NomosMeters.Benchmarks.Measurements
{
    /// <summary>
    /// 4. Bulk lookups: meter order ids piped into Get-MeterOrder against a server enforcing the rate limit (and
    /// the client told the same limit), and meter ids piped into Get-MeterEnrollment, counting requests.
    /// </summary>
    internal static class BulkLookupMeasurement
    {
        public const double BoundGoal = 1.1;
        public const int EnrollmentRequestGoal = 6;

        // The enrollment API's limits (leap-api.md): page_size at most 500, and at most 1,000 meter ids in one filter.
        public const int EnrollmentMaxPageSize = 500;
        public const int EnrollmentMaxIdsPerSearch = 1000;

        public static async Task<IReadOnlyList<ResultRow>> RunAsync(BenchContext context)
            => new[] { await OrderLookupsAsync(context), await EnrollmentLookupsAsync(context) };

        private static async Task<ResultRow> OrderLookupsAsync(BenchContext context)
        {
            var count = context.Settings.LookupIds;
            var rate = context.Settings.LookupRateLimit;
            var ids = new List<string>();
            await context.Baseline.AllMeterOrdersAsync(100, count, page => ids.AddRange(page.Items.Select(o => o.Id)));
            // Shuffled (the same way every run) so "in input order" is not the server's order by accident.
            var input = ids.Take(count).OrderBy(id => StableHash(id)).ToArray();

            context.Session.Connect(context.Server.BaseUri, rateLimit: rate);
            await context.Server.ConfigureAsync(latencyMs: 0, rateLimit: rate);
            await context.Server.ResetStatsAsync();
            context.Session.SetVariable("ids", input);
            string[] output = Array.Empty<string>();
            var ms = BenchContext.TimeMs(() => output = context.Session.Run("$ids | Get-MeterOrder | ForEach-Object { $_.Id }").Select(o => (string)o.BaseObject).ToArray());
            var stats = await context.Server.StatsAsync();

            var inOrder = output.SequenceEqual(input);
            var boundMs = count / rate * 1000;
            var ratio = ms / boundMs;
            return new ResultRow(
                "4a",
                $"Bulk lookups: {count:N0} ids piped into Get-MeterOrder, server limit {rate:0}/s",
                $"≤ {BoundGoal:0.0}× the rate-limit bound, no 429, input order",
                $"{ms / 1000:0.00} s; {stats.Throttled} × 429; {(inOrder ? "in input order" : "NOT in input order")}",
                $"{boundMs / 1000:0.00} s ({count:N0} / {rate:0} per s)",
                $"{ratio:0.00}×",
                ratio <= BoundGoal && stats.Throttled == 0 && inOrder,
                $"Client `Connect-Nomos -RateLimit {rate:0}`; the server's token bucket (bursts up to {rate:0}) answers 429 beyond the limit. " +
                $"{stats.ApiRequests} API requests served, {output.Length} orders written.",
                $"{ratio:0.00}× the bound, {stats.Throttled} × 429, {(inOrder ? "in input order" : "not in input order")}.")
            {
                Meaning = $"{count:N0} lookups at the API's {rate:0} requests a second take {ms / 1000:0} s" +
                          (ratio <= BoundGoal && stats.Throttled == 0 ? ", what the limit allows, with no 429 and so no retries." : $", {ratio:0.00}× what the limit allows, with {stats.Throttled} × 429."),
            };
        }

        private static async Task<ResultRow> EnrollmentLookupsAsync(BenchContext context)
        {
            var count = context.Settings.EnrollmentLookupIds;

            // Without the order lookups' rate limit, on the server or in the client: a 429 here would add a retried
            // request, and the baseline reading the ids below does not retry one.
            await context.Server.ConfigureAsync(latencyMs: 0);
            var meterIds = new List<Guid>();
            await context.Baseline.AllEnrollmentsAsync(EnrollmentMaxPageSize, count, page => meterIds.AddRange(page.Meters.Select(m => m.MeterId)));
            var input = meterIds.Take(count).ToArray();

            context.Session.Connect(context.Server.BaseUri);
            await context.Server.ResetStatsAsync();
            context.Session.SetVariable("meterIds", input);
            var returned = context.Session.Run("$meterIds | Get-MeterEnrollment | ForEach-Object { $_.MeterId }").Select(o => (Guid)o.BaseObject).ToList();
            var stats = await context.Server.StatsAsync();
            var found = returned.Count;
            var allFound = found == count && new HashSet<Guid>(returned).SetEquals(input);
            var minimum = (count + EnrollmentMaxPageSize - 1) / EnrollmentMaxPageSize;
            return new ResultRow(
                "4b",
                $"Bulk lookups: {count:N0} meter ids piped into Get-MeterEnrollment",
                $"≤ {EnrollmentRequestGoal} requests",
                $"{stats.EnrollmentSearches} requests ({found:N0} enrollments{(allFound ? ", one per id" : ", NOT one per id")})",
                $"{minimum} requests: the fewest the API allows",
                $"{(double)stats.EnrollmentSearches / minimum:0.00}× the minimum",
                stats.EnrollmentSearches <= EnrollmentRequestGoal && allFound,
                $"The API returns at most {EnrollmentMaxPageSize} meters per response (and takes at most {EnrollmentMaxIdsPerSearch:N0} ids per search), so {count:N0} meters take " +
                $"at least {minimum} requests; the ratio compares the module with that minimum. {stats.Throttled} × 429.",
                minimum > EnrollmentRequestGoal
                    ? $"The goal cannot be met: at most {EnrollmentMaxPageSize} meters per response makes {minimum} requests the floor for {count:N0} ids; " +
                      $"the module made {stats.EnrollmentSearches}. Reported as not met rather than redefined."
                    : $"{stats.EnrollmentSearches} requests where the API allows {minimum}.")
            {
                Meaning = stats.EnrollmentSearches <= minimum
                    ? $"{count:N0} enrollments by id take the {stats.EnrollmentSearches} requests the API's limits require, not one request per id."
                    : $"{count:N0} enrollments by id take {stats.EnrollmentSearches} requests where the API's limits require {minimum}.",
            };
        }

        private static int StableHash(string text)
        {
            unchecked
            {
                var hash = 17;
                foreach (var c in text)
                {
                    hash = (hash * 31) + c;
                }

                return hash;
            }
        }
    }
}
