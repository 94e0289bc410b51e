using System;
using System.Diagnostics;
using System.Text.Json;
using System.Threading;
using NomosMeters.Benchmarks.Client;

namespace NomosMeters.Benchmarks.Measurements
{
    /// <summary>
    /// <c>memory-probe --uri U --count N [--repeat R]</c>: in a fresh process, streams N enrollments (R times over) into a no-op consumer while
    /// two timers sample managed memory, then prints the peaks as one JSON line. A process of its own, so nothing
    /// measured before (nor the server's data) is in it.
    /// </summary>
    internal static class MemoryProbeVerb
    {
        // Often, because a peak is a moment with a few pages in flight at once, and the small stream is short.
        public const int LiveSampleMs = 10;

        public static int Run(Arguments arguments)
        {
            var count = arguments.Int("--count", 1000);
            var repeat = arguments.Int("--repeat", 1);
            using var session = new ModuleSession();
            session.Connect(new Uri(arguments.Value("--uri")!));
            session.SetVariable("total", count);

            long peakLive = 0;
            long peakAllocated = 0;
            var gate = new object();
            void Sample(bool collect)
            {
                // Allocated: what the heap holds, garbage included (it rises and falls with the GC's budget).
                // Live: what survives a full collection, the memory the stream really keeps.
                var bytes = GC.GetTotalMemory(forceFullCollection: collect);
                lock (gate)
                {
                    if (collect)
                    {
                        peakLive = Math.Max(peakLive, bytes);
                    }

                    peakAllocated = Math.Max(peakAllocated, bytes);
                }
            }

            // Connected, engine and module loaded, nothing streamed yet: what the stream adds is measured from here.
            var liveAtStart = GC.GetTotalMemory(forceFullCollection: true);
            Sample(collect: true);
            using (new Timer(_ => Sample(collect: false), null, 0, 5))
            using (new Timer(_ => Sample(collect: true), null, 0, LiveSampleMs))
            {
                for (var i = 0; i < repeat; i++)
                {
                    var streamed = session.RunCounting("Search-MeterEnrollment -First $total");
                    if (streamed != count)
                    {
                        throw new InvalidOperationException($"Streamed {streamed} enrollments, expected {count}.");
                    }
                }
            }

            // What is still alive once the streams are over: above the start only if something keeps objects, from one
            // invocation to the next included.
            var liveAfter = GC.GetTotalMemory(forceFullCollection: true);
            using var self = Process.GetCurrentProcess();
            self.Refresh();
            Console.WriteLine(JsonSerializer.Serialize(new MemoryPeaks(count, liveAtStart, peakLive, peakAllocated, liveAfter, self.PeakWorkingSet64)));
            return 0;
        }
    }

    internal sealed record MemoryPeaks(int Objects, long LiveAtStartBytes, long PeakLiveBytes, long PeakAllocatedBytes, long LiveAfterBytes, long PeakWorkingSetBytes);
}
