using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;
using NomosMeters.Benchmarks.Client;
using NomosMeters.Benchmarks.Measurements;
using NomosMeters.Benchmarks.Report;
using NomosMeters.Benchmarks.Server;

namespace NomosMeters.Benchmarks
{
    /// <summary>The default verb: starts the server process, runs the measurements in order, writes and prints the report.</summary>
    internal static class BenchmarkRun
    {
        private static readonly (string Name, Func<BenchContext, Task<IReadOnlyList<ResultRow>>> Run)[] Measurements =
        {
            ("1 Streaming throughput", ThroughputMeasurement.RunAsync),
            ("2 Memory", MemoryMeasurement.RunAsync),
            ("3 Overlap", OverlapMeasurement.RunAsync),
            ("4 Bulk lookups", BulkLookupMeasurement.RunAsync),
            ("5 Time to first object", FirstObjectMeasurement.RunAsync),
            ("6 Import-Module", ImportMeasurement.RunAsync),
            ("6b Import-Module in pwsh", PwshImportMeasurement.RunAsync),
            ("7 Lookups at latency", LatencyLookupMeasurement.RunAsync),
            ("8 Cost per object", CostPerObjectMeasurement.RunAsync),
        };

        public static async Task<int> RunAsync(Arguments arguments)
        {
            var settings = arguments.Has("--smoke") ? BenchmarkSettings.Smoke : arguments.Has("--quick") ? BenchmarkSettings.Quick : BenchmarkSettings.Full;
            var only = arguments.Value("--only");
            // The committed report is the full run's; a quick, smoke or partial run goes beside the build output.
            var outPath = arguments.Value("--out") ?? (settings == BenchmarkSettings.Full && only == null
                ? Path.Combine(ModulePaths.Root, "docs", "benchmarks.md")
                : Path.Combine(ModulePaths.Root, "out", $"benchmarks-{settings.Mode}.md"));
            if (!File.Exists(ModulePaths.Manifest) || !ModuleBuild.MatchesHarnessConfiguration())
            {
                // `dotnet run -c Release --project tests/NomosMeters.Benchmarks` builds and lays out the module itself;
                // a harness started from its built files (or after a build of another configuration) needs this.
                Console.Error.WriteLine(
                    $"{ModulePaths.Manifest} is missing or is not the {MachineInfo.Configuration} build this harness measures. " +
                    $"Run `{ModuleBuild.BuildCommand}` first (from {ModulePaths.Root}).");
                return 2;
            }

            var clock = Stopwatch.StartNew();
            var enrollments = Math.Max(settings.ThroughputEnrollments, Math.Max(settings.MemoryLarge, settings.EnrollmentLookupIds));
            var orders = Math.Max(settings.ThroughputOrders, Math.Max(settings.LookupIds, settings.OverlapPages * settings.OverlapPageSize));
            Console.Error.WriteLine($"[{settings.Mode}] seeding the server: {orders:N0} meter orders, {enrollments:N0} enrollments");
            await using var server = await ServerProcess.StartAsync(orders, enrollments);
            Console.Error.WriteLine($"[{settings.Mode}] sandbox server: process {server.ProcessId} at {server.BaseUri}");
            using var session = new ModuleSession();
            using var baseline = new BaselineClient(server.BaseUri);
            await baseline.SignInAsync();
            var context = new BenchContext(settings, server, session, baseline);

            var rows = new List<ResultRow>();
            var failed = false;
            // --only 3: one measurement, for working on it; a report of it alone.
            foreach (var (name, run) in Measurements)
            {
                if (only != null && !name.StartsWith(only + " ", StringComparison.Ordinal))
                {
                    continue;
                }

                Console.Error.WriteLine($"[{settings.Mode}] {clock.Elapsed.TotalSeconds,6:0.0} s  {name}");
                try
                {
                    // Each measurement starts from the same state: no server latency or limit, a fresh connection
                    // without a client limit, whatever the one before set or left behind when it failed.
                    await server.ConfigureAsync(latencyMs: 0);
                    session.Connect(server.BaseUri);
                    rows.AddRange(await run(context));
                }
                catch (Exception ex)
                {
                    // A measurement that breaks is reported as such; the others still run.
                    failed = true;
                    rows.Add(new ResultRow(name.Split(' ')[0], name, "-", "error", "-", "-", false, ex.GetType().Name + ": " + ex.Message));
                }
            }

            var report = MarkdownReport.Render(settings, rows, clock.Elapsed);
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outPath))!);
            await File.WriteAllTextAsync(outPath, report);
            Console.WriteLine(report);
            Console.Error.WriteLine("Report written to " + Path.GetFullPath(outPath));
            return failed ? 1 : 0;
        }
    }
}
