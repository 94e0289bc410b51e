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
    /// consuming? Compared with strictly sequential paging (fetch, consume, fetch) timed in the same run. Where in
    /// the page the consumer spends its time matters, so two consumers are measured: one that works a little on
    /// every object (judged: the common <c>ForEach-Object</c> shape) and one that does all of it at a page's first object.
    /// </summary>
    internal static class OverlapMeasurement
    {
        public const double Goal = 0.6;

        // The spread consumer works in this many equal slices per page, as close to "a little on every object" as
        // Thread.Sleep's millisecond resolution allows.
        private const int Slices = 25;

        public static async Task<IReadOnlyList<ResultRow>> RunAsync(BenchContext context)
        {
            var settings = context.Settings;
            var ms = settings.OverlapMs;
            var pageSize = settings.OverlapPageSize;
            await context.Server.ConfigureAsync(latencyMs: ms);
            context.Session.SetVariable("pageSize", pageSize);
            context.Session.SetVariable("total", settings.OverlapPages * pageSize);

            // Unmeasured: the first run of a cmdlet in a process JIT-compiles its code (when run alone with --only).
            context.Session.RunCounting("Get-MeterOrder -PageSize $pageSize -First $total");

            var sliceMs = Math.Max(1, ms / Slices);
            var everyNth = Math.Max(1, pageSize / Slices);
            var slices = (pageSize + everyNth - 1) / everyNth;
            var spread = await MeasureAsync(
                context, "3a", $"{slices} slices of {sliceMs} ms spread over each page's objects", sliceMs, everyNth, 0, slices);
            var atFirst = await MeasureAsync(
                context, "3b", $"all {ms} ms at each page's first object", ms, pageSize, 0, 1);

            if (!atFirst.Passed)
            {
                // The control: the same work one object later, after the module has started the next request.
                var atSecond = await MeasureAsync(context, "3b-control", string.Empty, ms, pageSize, Math.Min(1, pageSize - 1), 1);
                atFirst = atFirst with
                {
                    WhyNotMet = $"{atFirst.Ratio} sequential paging: on the first page the module starts the prefetch only when the " +
                        "consumer asks for the second object (so `Select-Object -First 1` never requests a page it will not read), so work " +
                        "done on the very first object never overlaps a request; from the second page on, the request leaves as the page's first object goes out. " +
                        $"The control, the same {ms} ms at each page's second object, measured {atSecond.Measured}: {atSecond.Ratio} sequential paging.",
                };
            }

            return new[] { spread, atFirst };
        }

        private static async Task<ResultRow> MeasureAsync(
            BenchContext context, string id, string consumer, int sleepMs, int everyNth, int offset, int sleepsPerPage)
        {
            var settings = context.Settings;
            var latency = settings.OverlapMs;
            var pageSize = settings.OverlapPageSize;
            var total = settings.OverlapPages * pageSize;
            context.Session.SetVariable("sleepMs", sleepMs);
            context.Session.SetVariable("everyNth", everyNth);
            context.Session.SetVariable("offset", offset);
            const string Script = "$n = 0; Get-MeterOrder -PageSize $pageSize -First $total | ForEach-Object { if ($n++ % $everyNth -eq $offset) { [System.Threading.Thread]::Sleep($sleepMs) } }; $n";

            double RunModule() => BenchContext.TimeMs(() =>
            {
                var seen = (int)context.Session.Run(Script).Single().BaseObject;
                if (seen != total)
                {
                    throw new InvalidOperationException($"Overlap: expected {total} orders, got {seen}.");
                }
            });

            // Sequential paging with the same sleeps per page (their overshoot included): where in the page they
            // happen changes nothing here.
            void Consume()
            {
                for (var i = 0; i < sleepsPerPage; i++)
                {
                    Thread.Sleep(sleepMs);
                }
            }

            Task<double> RunSequential() => BenchContext.TimeMsAsync(() => context.Baseline.AllMeterOrdersAsync(pageSize, total, _ => Consume()));
            var perPageMs = sleepMs * sleepsPerPage;

            // No warm-up of its own: measurement 1 ran the same cmdlet and client code just before.
            var moduleMs = new List<double>();
            var sequentialMs = new List<double>();
            for (var i = 0; i < Math.Max(1, settings.Repetitions / 2); i++)
            {
                sequentialMs.Add(await RunSequential());
                moduleMs.Add(RunModule());
            }

            var module = Stats.Median(moduleMs);
            var sequential = Stats.Median(sequentialMs);
            var ratio = module / sequential;
            var pages = settings.OverlapPages;
            var perfectMs = (pages + 1) * Math.Max(latency, perPageMs);
            return new ResultRow(
                id,
                $"Overlap: {pages} pages, {latency} ms server latency per page; consumer: {consumer}",
                $"≤ {Goal:0.0}× sequential paging",
                $"{module:N0} ms",
                $"{sequential:N0} ms (fetch, consume, fetch next)",
                $"{ratio:0.00}×",
                ratio <= Goal,
                $"Get-MeterOrder -PageSize {pageSize} into `ForEach-Object`, sleeping {sleepMs} ms at every {everyNth}th object; median of {moduleMs.Count}. " +
                $"Perfect overlap would be about {perfectMs:N0} ms; none about {pages * (latency + perPageMs):N0} ms.",
                $"{ratio:0.00}× sequential paging ({module:N0} ms against {sequential:N0} ms; perfect overlap would be about {perfectMs:N0} ms).")
            {
                Meaning = $"A pipeline that works on each object as it comes finishes in {ratio:0.00}× the time of downloading and working by turns: the next page downloads meanwhile.",
            };
        }
    }
}
