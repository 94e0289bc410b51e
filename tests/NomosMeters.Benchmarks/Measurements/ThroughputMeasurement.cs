using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using NomosMeters.Benchmarks.Report;

namespace NomosMeters.Benchmarks.Measurements
{
    /// <summary>
    /// 1. Objects per second of a whole list streamed into a no-op consumer, against the baseline fetching and
    /// deserializing the same pages. Zero latency; warmed up; baseline and module runs interleaved; medians.
    /// </summary>
    internal static class ThroughputMeasurement
    {
        public const double Goal = 0.85;

        // Judged: the host counts the cmdlet's output as it arrives (no per-object script), so every run proves it saw
        // the whole list. Reported beside it: the same stream into a script consumer, which a user's pipeline pays too.
        private const string ScriptConsumer = "| ForEach-Object { $count++ }";

        public static async Task<IReadOnlyList<ResultRow>> RunAsync(BenchContext context)
        {
            await context.Server.ConfigureAsync(latencyMs: 0);
            var orders = context.Settings.ThroughputOrders;
            var enrollments = context.Settings.ThroughputEnrollments;
            return new[]
            {
                await MeasureAsync(context, "1a", "Get-MeterOrder (all pages, 100 per page)", orders,
                    "Get-MeterOrder -First $total", () => context.Baseline.AllMeterOrdersAsync(100, orders),
                    (await context.Baseline.MeterOrderPageAsync(100, null)).Items),
                await MeasureAsync(context, "1b", "Search-MeterEnrollment (all pages, 500 per page)", enrollments,
                    "Search-MeterEnrollment -First $total", () => context.Baseline.AllEnrollmentsAsync(500, enrollments),
                    (await context.Baseline.EnrollmentPageAsync(500, null)).Meters),
            };
        }

        private static async Task<ResultRow> MeasureAsync<T>(
            BenchContext context, string id, string name, int total, string command, Func<Task<int>> baseline, IReadOnlyList<T> onePage)
            where T : class
        {
            context.Session.SetVariable("total", total);

            // PowerShell's own share: the same number of ready objects (one page's, over and over) written from a
            // variable to the same host consumer, with no HTTP and no JSON. What a cmdlet cannot go below.
            context.Session.SetVariable("ready", Enumerable.Range(0, total).Select(i => (object)onePage[i % onePage.Count]).ToArray());
            double RunEngineFloor() => BenchContext.TimeMs(() => BenchContext.Expect(total, context.Session.RunCounting("$ready"), "engine floor"));
            var scripted = "$count = 0; " + command + " " + ScriptConsumer + "; $count";
            double RunModule() => BenchContext.TimeMs(() => BenchContext.Expect(total, context.Session.RunCounting(command), command));
            double RunScripted() => BenchContext.TimeMs(() => BenchContext.Expect(total, (int)context.Session.Run(scripted).Single().BaseObject, scripted));

            async Task<double> RunBaseline() => await BenchContext.TimeMsAsync(async () => BenchContext.Expect(total, await baseline(), "baseline"));

            // Warm-up: JIT, connection pool, the server's own caches.
            RunModule();
            RunScripted();
            RunEngineFloor();
            await RunBaseline();

            // Bytes allocated by one run of each (every thread of this process; the server is another process):
            // where the module spends more than the baseline, per object.
            var moduleBytes = AllocatedBy(() => RunModule());
            var baselineBytes = AllocatedBy(() => RunBaseline().GetAwaiter().GetResult());

            var moduleMs = new List<double>();
            var baselineMs = new List<double>();
            var scriptedMs = new List<double>();
            var floorMs = new List<double>();
            for (var i = 0; i < context.Settings.Repetitions; i++)
            {
                baselineMs.Add(await RunBaseline());
                moduleMs.Add(RunModule());
                scriptedMs.Add(RunScripted());
                floorMs.Add(RunEngineFloor());
            }

            context.Session.SetVariable("ready", null);

            var moduleMedian = Stats.Median(moduleMs);
            var baselineMedian = Stats.Median(baselineMs);
            var scriptedMedian = Stats.Median(scriptedMs);
            var floorMedian = Stats.Median(floorMs);
            var moduleRate = total / (moduleMedian / 1000);
            var baselineRate = total / (baselineMedian / 1000);
            var ratio = moduleRate / baselineRate;
            return new ResultRow(
                id,
                "Streaming throughput: " + name,
                $"≥ {Goal:0.00}× baseline",
                $"{moduleRate:N0} objects/s",
                $"{baselineRate:N0} objects/s (HttpClient + System.Text.Json, source-generated)",
                $"{ratio:0.00}×",
                ratio >= Goal,
                $"{total:N0} objects, median of {context.Settings.Repetitions} interleaved runs after a warm-up, no server latency; the host counts and drops each object; " +
                $"module {moduleMedian:N0} ms per run ({moduleMs.Min():N0}–{moduleMs.Max():N0}), baseline {baselineMedian:N0} ms ({baselineMs.Min():N0}–{baselineMs.Max():N0}). " +
                $"Into `ForEach-Object {{ $count++ }}` instead: {total / (scriptedMedian / 1000):N0} objects/s ({scriptedMedian:N0} ms), the script block's cost included. " +
                $"PowerShell's own share: writing {total:N0} ready objects from a variable to the same host takes {floorMedian:N0} ms " +
                $"({floorMedian * 1000 / total:0.0} µs an object), so HTTP, JSON and the module's own work take about {moduleMedian - floorMedian:N0} ms of the module's run. " +
                $"Allocated per object: module {moduleBytes / (double)total:N0} bytes, baseline {baselineBytes / (double)total:N0} bytes. " +
                "The baseline fetches one page after another; the module fetches the next page while the current one is written, " +
                "which on a machine with spare cores is part of what it measures.",
                $"{name}: {ratio:0.00}× the baseline. PowerShell's pipeline accounts for {floorMedian:N0} of the module's {moduleMedian:N0} ms; " +
                $"the rest, {moduleMedian - floorMedian:N0} ms against the baseline's {baselineMedian:N0} ms, is HTTP, JSON and " +
                "everything the module does per page and per object (transport pipeline, typed output objects, the page loop and its prefetch).")
            {
                Meaning = $"{name.Split(' ')[0]} streams {moduleRate:N0} objects a second, {ratio:0.00}× a bare HttpClient client: the retries, the rate limit and " +
                          (ratio >= Goal ? "typed PowerShell objects cost a script next to nothing in speed." : $"typed PowerShell objects cost a script {1 - ratio:P0} of the speed."),
            };
        }

        private static long AllocatedBy(Action run)
        {
            var before = GC.GetTotalAllocatedBytes(precise: true);
            run();
            return GC.GetTotalAllocatedBytes(precise: true) - before;
        }
    }
}
