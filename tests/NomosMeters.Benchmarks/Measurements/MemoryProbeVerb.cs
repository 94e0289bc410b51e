using System;
using System.Diagnostics;
using System.Linq;
using System.Text.Json;
using System.Threading;
using NomosMeters.Benchmarks.Client;

namespace NomosMeters.Benchmarks.Measurements
{
    /// <summary>
    /// <c>memory-probe --uri U --count N</c>: in a fresh process, streams N enrollments into a no-op consumer while
    /// a timer samples managed memory, then prints the peaks as one JSON line. A process of its own, so nothing
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

            long peakManaged = 0;
            long peakHeap = 0;
            void Sample()
            {
                peakManaged = Math.Max(peakManaged, GC.GetTotalMemory(false));
                peakHeap = Math.Max(peakHeap, GC.GetGCMemoryInfo().HeapSizeBytes);
            }

            Sample();
            using (new Timer(_ => Sample(), null, 0, 5))
            {
                var streamed = (int)session.Run("$count = 0; Search-MeterEnrollment -First $total | ForEach-Object { $count++ }; $count").Single().BaseObject;
                if (streamed != count)
                {
                    throw new InvalidOperationException($"Streamed {streamed} enrollments, expected {count}.");
                }
            }

            Sample();
            using var self = Process.GetCurrentProcess();
            self.Refresh();
            Console.WriteLine(JsonSerializer.Serialize(new MemoryPeaks(count, peakManaged, peakHeap, self.PeakWorkingSet64)));
            return 0;
        }
    }

    internal sealed record MemoryPeaks(int Objects, long PeakManagedBytes, long PeakHeapBytes, long PeakWorkingSetBytes);
}
