using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading.Tasks;
using NomosMeters.Benchmarks.Client;
using NomosMeters.Benchmarks.Report;

namespace NomosMeters.Benchmarks.Measurements
{
    /// <summary>
    /// 8. Cost per object: the CPU time of <c>Search-MeterEnrollment | Out-Null</c> in real pwsh against a raw
    /// <see cref="System.Text.Json.JsonDocument"/> pass over the same pages, with the steps between them measured in
    /// the same run so the report can say where the difference goes.
    /// </summary>
    internal static class CostPerObjectMeasurement
    {
        public const double Goal = 1.3;

        public static async Task<IReadOnlyList<ResultRow>> RunAsync(BenchContext context)
        {
            await context.Server.ConfigureAsync(latencyMs: 0);
            var total = context.Settings.CostObjects;
            var repetitions = context.Settings.Repetitions;
            var baseUri = context.Server.BaseUri;

            TimedResult Module(ScriptHost host) => new TimedCommand { Command = "Search-MeterEnrollment -First $first | Out-Null", First = total, Repetitions = repetitions, WarmUp = 5 }.RunOn(host, baseUri);
            // PowerShell's own share: the same objects, already in memory, written by a command to Out-Null (a command
            // at the head, since PowerShell discards "$variable | Out-Null" without running a pipeline).
            TimedResult EngineOnly(ScriptHost host) => new TimedCommand
            {
                Command = "if ($null -eq $global:benchObjects) { $global:benchObjects = @(Search-MeterEnrollment -First $first) }; & { $global:benchObjects } | Out-Null",
                First = total,
                Repetitions = repetitions,
                WarmUp = 5,
            }.RunOn(host, baseUri);

            var pwsh = new ScriptHost.Pwsh();
            var hosted = new ScriptHost.Hosted(context.Session);
            var inPwsh = Module(pwsh);
            var pwshEngine = EngineOnly(pwsh);
            var inHosted = Module(hosted);
            context.Session.Run("$global:benchObjects = $null");
            var raw = await CpuMsAsync(repetitions, async () => BenchContext.Expect(total, await context.Baseline.AllEnrollmentsRawAsync(500, total), "raw JSON pass"));
            var typed = await CpuMsAsync(repetitions, async () => BenchContext.Expect(total, await context.Baseline.AllEnrollmentsAsync(500, total), "typed baseline"));

            var ratio = inPwsh.CpuMs / raw;
            double PerObject(double ms) => ms * 1000 / total;
            return new[]
            {
                new ResultRow(
                    "8",
                    $"Cost per object: CPU of Search-MeterEnrollment -First {total:N0} | Out-Null in pwsh",
                    $"≤ {Goal:0.0}× a raw JsonDocument pass",
                    $"{inPwsh.CpuMs:0} ms CPU ({PerObject(inPwsh.CpuMs):0.0} µs an object)",
                    $"{raw:0} ms CPU ({PerObject(raw):0.0} µs an object; HttpClient + JsonDocument, every value visited)",
                    $"{ratio:0.00}×",
                    ratio <= Goal,
                    $"Process CPU time (every thread), median of {repetitions} runs after a warm-up, no server latency; the server is another process. " +
                    $"Where the time goes, per object: raw JSON pass {PerObject(raw):0.0} µs; typed System.Text.Json deserialization into records (source-generated) " +
                    $"{PerObject(typed):0.0} µs; the module in pwsh {PerObject(inPwsh.CpuMs):0.0} µs, of which PowerShell writing the ready objects to Out-Null is " +
                    $"{PerObject(pwshEngine.CpuMs):0.0} µs; the module in the bare hosted engine {PerObject(inHosted.CpuMs):0.0} µs ({inHosted.CpuMs / raw:0.00}× raw). " +
                    $"Wall time in pwsh: {inPwsh.WallMs:0} ms.",
                    $"{ratio:0.00}× the raw pass. Where it goes: typed deserialization alone (the baseline's records, no PowerShell) is {typed / raw:0.00}× the raw pass, " +
                    $"PowerShell's pipeline adds {PerObject(pwshEngine.CpuMs):0.0} µs an object, and the module's own work (transport, paging, model) " +
                    (inPwsh.CpuMs - pwshEngine.CpuMs - typed > 0
                        ? $"the remaining {PerObject(inPwsh.CpuMs - pwshEngine.CpuMs - typed):0.0} µs."
                        : "is within the spread of those two measurements.") +
                    (typed / raw > Goal
                        ? $" The goal cannot be met while the cmdlet writes typed objects: building them costs {typed / raw:0.00}× the raw pass before any PowerShell or module work, " +
                          $"more than the {Goal:0.0}× the goal allows. Meeting it would mean objects that read their JSON lazily, which is a different design."
                        : string.Empty))
                {
                    Meaning = $"Streaming {total:N0} enrollments costs {inPwsh.CpuMs / 1000:0.0} s of CPU in pwsh, {ratio:0.0}× what merely parsing their JSON costs: " +
                              "what a runbook pays per object beyond the download itself.",
                },
            };
        }

        private static async Task<double> CpuMsAsync(int repetitions, Func<Task> run)
        {
            await run();
            var samples = new List<double>();
            using var process = Process.GetCurrentProcess();
            for (var i = 0; i < repetitions; i++)
            {
                process.Refresh();
                var before = process.TotalProcessorTime;
                await run();
                process.Refresh();
                samples.Add((process.TotalProcessorTime - before).TotalMilliseconds);
            }

            return Stats.Median(samples);
        }
    }
}
