using System;
using System.Diagnostics;
using System.Text.Json;
using System.Threading;
using NomosMeters.Benchmarks.Client;

namespace NomosMeters.Benchmarks.Measurements
{
    /// <summary>
    /// <c>memory-probe --uri U --count N</c>: in a fresh process, streams N enrollments into a no-op consumer while
    /// two timers sample managed memory, then prints the peaks as one JSON line. A process of its own, so nothing
    /// measured before (nor the server's data) is in it.
    /// </summary>
    internal static class MemoryProbeVerb
    {
        public static int Run(Arguments arguments)
        {
            var count = arguments.Int("--count", 1000);
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

            Sample(collect: true);
            int streamed;
            using (new Timer(_ => Sample(collect: false), null, 0, 5))
            using (new Timer(_ => Sample(collect: true), null, 0, 100))
            {
                streamed = session.RunCounting("Search-MeterEnrollment -First $total");
            }

            if (streamed != count)
            {
                throw new InvalidOperationException($"Streamed {streamed} enrollments, expected {count}.");
            }

            using var self = Process.GetCurrentProcess();
            self.Refresh();
            Console.WriteLine(JsonSerializer.Serialize(new MemoryPeaks(count, peakLive, peakAllocated, self.PeakWorkingSet64)));
            return 0;
        }
    }

    internal sealed record MemoryPeaks(int Objects, long PeakLiveBytes, long PeakAllocatedBytes, long PeakWorkingSetBytes);
}
