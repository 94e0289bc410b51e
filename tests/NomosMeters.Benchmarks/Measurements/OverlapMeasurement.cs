using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NomosMeters.Benchmarks.Report;

namespace NomosMeters.Benchmarks.Measurements
{
    /// <summary>
    /// 3. With the server taking L ms per page and the consumer spending L ms per page, does fetching overlap
    /// consuming? Compared with strictly sequential paging (fetch, consume, fetch) timed in the same run.
    /// </summary>
    internal static class OverlapMeasurement
    {
        public const double Goal = 0.6;

        public static async Task<IReadOnlyList<ResultRow>> RunAsync(BenchContext context)
        {
            var settings = context.Settings;
            var ms = settings.OverlapMs;
            var pageSize = settings.OverlapPageSize;
            var total = settings.OverlapPages * pageSize;
            await context.Server.ConfigureAsync(latencyMs: ms);
            context.Session.SetVariable("pageSize", pageSize);
            context.Session.SetVariable("total", total);
            context.Session.SetVariable("consumeMs", ms);
            // The consumer works at each page's first item, as a script that processes a page's worth would.
            const string Script = "$n = 0; Get-MeterOrder -PageSize $pageSize -First $total | ForEach-Object { if ($n++ % $pageSize -eq 0) { [System.Threading.Thread]::Sleep($consumeMs) } }; $n";

            double RunModule() => BenchContext.TimeMs(() =>
            {
                var seen = (int)context.Session.Run(Script).Single().BaseObject;
                if (seen != total)
                {
                    throw new InvalidOperationException($"Overlap: expected {total} orders, got {seen}.");
                }
            });

            Task<double> RunSequential() => BenchContext.TimeMsAsync(() =>
                context.Baseline.AllMeterOrdersAsync(pageSize, total, _ => Thread.Sleep(ms)));

            RunModule();
            await RunSequential();
            var moduleMs = new List<double>();
            var sequentialMs = new List<double>();
            for (var i = 0; i < Math.Max(1, settings.Repetitions / 2); i++)
            {
                sequentialMs.Add(await RunSequential());
                moduleMs.Add(RunModule());
            }

            await context.Server.ConfigureAsync(latencyMs: 0);
            var module = Stats.Median(moduleMs);
            var sequential = Stats.Median(sequentialMs);
            var ratio = module / sequential;
            return new[]
            {
                new ResultRow(
                    "3",
                    $"Overlap: {settings.OverlapPages} pages, {ms} ms server latency and {ms} ms consumer work per page",
                    $"≤ {Goal:0.0}× sequential paging",
                    $"{module:N0} ms",
                    $"{sequential:N0} ms (fetch, consume, fetch next)",
                    $"{ratio:0.00}×",
                    ratio <= Goal,
                    $"Get-MeterOrder -PageSize {pageSize} into a consumer that sleeps {ms} ms at each page's first item; median of {moduleMs.Count}. " +
                    $"Perfect overlap would be about {(settings.OverlapPages + 1) * ms:N0} ms; none about {2 * settings.OverlapPages * ms:N0} ms."),
            };
        }
    }
}
