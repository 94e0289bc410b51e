using System;
using System.Diagnostics;
using System.Threading.Tasks;
using NomosMeters.Benchmarks.Client;
using NomosMeters.Benchmarks.Server;

namespace NomosMeters.Benchmarks.Measurements
{
    /// <summary>What every measurement shares: the mode, the server process, a connected module session and the baseline client.</summary>
    internal sealed class BenchContext
    {
        public BenchContext(BenchmarkSettings settings, ServerProcess server, ModuleSession session, BaselineClient baseline)
        {
            Settings = settings;
            Server = server;
            Session = session;
            Baseline = baseline;
        }

        public BenchmarkSettings Settings { get; }

        public ServerProcess Server { get; }

        public ModuleSession Session { get; }

        public BaselineClient Baseline { get; }

        /// <summary>Stops the run when a measured command wrote another number of objects than it should: a broken run is not a fast one.</summary>
        public static void Expect(int expected, int actual, string what)
        {
            if (expected != actual)
            {
                throw new InvalidOperationException($"{what}: expected {expected} objects, got {actual}.");
            }
        }

        public static double TimeMs(Action action)
        {
            var clock = Stopwatch.StartNew();
            action();
            return clock.Elapsed.TotalMilliseconds;
        }

        public static async Task<double> TimeMsAsync(Func<Task> action)
        {
            var clock = Stopwatch.StartNew();
            await action();
            return clock.Elapsed.TotalMilliseconds;
        }
    }
}
