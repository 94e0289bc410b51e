using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using System.Threading.Tasks;
using NomosMeters.Benchmarks.Report;

namespace NomosMeters.Benchmarks.Measurements
{
    /// <summary>
    /// 2. Peak managed memory and peak working set streaming a small and a large number of enrollments, each in
    /// its own fresh process (<see cref="MemoryProbeVerb"/>); the server is a third process. Goal: flat.
    /// </summary>
    internal static class MemoryMeasurement
    {
        public const double Goal = 1.2;

        public static async Task<IReadOnlyList<ResultRow>> RunAsync(BenchContext context)
        {
            await context.Server.ConfigureAsync(latencyMs: 0);
            // A peak is a moment with a few pages in flight, which a sampler catches more often the longer it watches:
            // the small stream runs as many times as it takes to watch as many objects as the large one, one after
            // another in its process. Anything kept from one invocation to the next would stay live after them all.
            var repeat = Math.Max(1, context.Settings.MemoryLarge / context.Settings.MemorySmall);
            var small = Probe(context, context.Settings.MemorySmall, repeat);
            var large = Probe(context, context.Settings.MemoryLarge, 1);
            var probes = $"each size in a fresh process, the small stream {repeat}× in its process. ";
            return new[]
            {
                Row("2a", "Peak managed memory (live)", small.Objects, large.Objects, small.PeakLiveBytes, large.PeakLiveBytes,
                    probes +
                    $"Highest `GC.GetTotalMemory(true)` (a full collection every {MemoryProbeVerb.LiveSampleMs} ms): what the stream keeps alive, with the engine and module. " +
                    $"Above the connected, idle process ({Mb(small.LiveAtStartBytes)} vs {Mb(large.LiveAtStartBytes)}) the stream added at most " +
                    $"{Mb(small.PeakLiveBytes - small.LiveAtStartBytes)} vs {Mb(large.PeakLiveBytes - large.LiveAtStartBytes)}; " +
                    $"still live after the last stream ended: {Mb(small.LiveAfterBytes - small.LiveAtStartBytes)} vs {Mb(large.LiveAfterBytes - large.LiveAtStartBytes)} above the idle process. " +
                    $"Allocated-but-uncollected peaks (`GC.GetTotalMemory(false)` every 5 ms, garbage included, so they follow the GC's budget): " +
                    $"{Mb(small.PeakAllocatedBytes)} vs {Mb(large.PeakAllocatedBytes)}, {(double)large.PeakAllocatedBytes / small.PeakAllocatedBytes:0.00}×."),
                Row("2b", "Peak working set", small.Objects, large.Objects, small.PeakWorkingSetBytes, large.PeakWorkingSetBytes,
                    probes + "`Process.PeakWorkingSet64` of the probe process (PowerShell engine and module included)."),
            };
        }

        private static MemoryPeaks Probe(BenchContext context, int count, int repeat)
        {
            var line = SelfProcess.RunForLastLine(
                TimeSpan.FromMinutes(5),
                "memory-probe",
                "--uri",
                context.Server.BaseUri.ToString(),
                "--count",
                count.ToString(CultureInfo.InvariantCulture),
                "--repeat",
                repeat.ToString(CultureInfo.InvariantCulture));
            return JsonSerializer.Deserialize<MemoryPeaks>(line)!;
        }

        private static ResultRow Row(string id, string what, int smallObjects, int largeObjects, long small, long large, string notes)
        {
            var ratio = (double)large / small;
            var sizes = $"{smallObjects:N0} vs {largeObjects:N0} enrollments";
            return new ResultRow(
                id,
                $"Memory: {what.ToLowerInvariant()} ({sizes})",
                $"large ≤ {Goal:0.0}× small",
                Mb(large),
                Mb(small),
                $"{ratio:0.00}×",
                ratio <= Goal,
                "Search-MeterEnrollment into the host, which counts and drops each object; " + notes,
                $"{what} grew {ratio:0.00}× from the small to the large stream ({Mb(small)} → {Mb(large)}).")
            {
                Meaning = $"A runbook that streams {largeObjects:N0} enrollments through its pipeline needs {ratio:0.00}× the memory of one that streams {smallObjects:N0}" +
                          (ratio <= Goal ? ": the stream keeps nothing." : "."),
            };
        }

        private static string Mb(long bytes) => (bytes / 1048576.0).ToString("0.0", CultureInfo.InvariantCulture) + " MB";
    }
}
