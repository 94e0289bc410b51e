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
