using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading.Tasks;
using NomosMeters.Benchmarks.Client;
using NomosMeters.Benchmarks.Report;

namespace NomosMeters.Benchmarks.Measurements
{
    /// <summary>
    /// 5. Time to the first object of a multi-page stream, already connected (token held), against one page's
    /// round trip plus deserialization by the baseline, both with the same server latency.
    /// </summary>
    internal static class FirstObjectMeasurement
    {
        public const double AllowanceMs = 10;
        private const int PageSize = 100;
        private const int Pages = 3;

        public static async Task<IReadOnlyList<ResultRow>> RunAsync(BenchContext context)
        {
            var latency = context.Settings.FirstObjectLatencyMs;
            await context.Server.ConfigureAsync(latencyMs: latency);
            context.Session.SetVariable("pageSize", PageSize);
            context.Session.SetVariable("total", PageSize * Pages);

            FirstObjectMs(context.Session);
            await OnePageMsAsync(context.Baseline);
            var firstMs = new List<double>();
            var pageMs = new List<double>();
            for (var i = 0; i < Math.Max(5, context.Settings.Repetitions); i++)
            {
                pageMs.Add(await OnePageMsAsync(context.Baseline));
                firstMs.Add(FirstObjectMs(context.Session));
            }

            var first = Stats.Median(firstMs);
            var page = Stats.Median(pageMs);
            var bound = page + AllowanceMs;
            return new[]
            {
                new ResultRow(
                    "5",
                    $"Time to first object: Get-MeterOrder, {Pages} pages of {PageSize}, {latency} ms server latency",
                    $"≤ one page round trip + {AllowanceMs:0} ms",
                    $"{first:0.0} ms",
                    $"{page:0.0} ms one page (baseline) → bound {bound:0.0} ms",
                    $"{first / bound:0.00}× the bound",
                    first <= bound,
                    $"Median of {firstMs.Count}; from invoking the script to the first object reaching the host's output collection " +
                    "(pipeline start, cmdlet binding and the first request included).",
                    $"{first:0.0} ms to the first object against a bound of {bound:0.0} ms.")
                {
                    Meaning = $"The first order reaches the pipeline {first:0} ms after the command starts" +
                              (first <= bound ? ", about one round trip: a script starts working before the list is read." : $", more than one round trip ({page:0} ms) and its allowance."),
                },
            };
        }

        private static double FirstObjectMs(ModuleSession session)
        {
            double first = -1;
            var clock = Stopwatch.StartNew();
            if (session.RunCounting("Get-MeterOrder -PageSize $pageSize -First $total", () => first = clock.Elapsed.TotalMilliseconds) == 0)
            {
                throw new InvalidOperationException("Get-MeterOrder wrote nothing.");
            }

            return first;
        }

        private static Task<double> OnePageMsAsync(BaselineClient baseline)
            => BenchContext.TimeMsAsync(() => baseline.MeterOrderPageAsync(PageSize, null));
    }
}
