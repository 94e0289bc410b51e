using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Text.Json;
using System.Threading.Tasks;
using NomosMeters.Benchmarks.Client;
using NomosMeters.Benchmarks.Report;

namespace NomosMeters.Benchmarks.Measurements
{
    /// <summary>
    /// 6. Import-Module of the built module in a fresh runspace: cold (a fresh process, see <see cref="ColdImportVerb"/>)
    /// and warm (a new runspace in this process, where the module's assemblies are already loaded). Judged on cold.
    /// </summary>
    internal static class ImportMeasurement
    {
        public const double GoalMs = 300;

        public static Task<IReadOnlyList<ResultRow>> RunAsync(BenchContext context)
        {
            var cold = new List<double>();
            var runspaceOpen = new List<double>();
            for (var i = 0; i < context.Settings.ColdImports; i++)
            {
                var timing = JsonSerializer.Deserialize<ColdImportTiming>(SelfProcess.RunForLastLine(TimeSpan.FromMinutes(2), "import-cold"))!;
                cold.Add(timing.ImportMs);
                runspaceOpen.Add(timing.RunspaceOpenMs);
            }

            var warm = new List<double>();
            for (var i = 0; i < Math.Max(3, context.Settings.Repetitions); i++)
            {
                warm.Add(WarmImportMs());
            }

            var coldMs = Stats.Median(cold);
            IReadOnlyList<ResultRow> rows = new[]
            {
                new ResultRow(
                    "6",
                    "Import-Module of out/NomosMeters in a fresh runspace (cold: fresh process)",
                    $"≤ {GoalMs:0} ms (judged on cold)",
                    $"cold {coldMs:0} ms; warm {Stats.Median(warm):0} ms",
                    $"{GoalMs:0} ms",
                    $"{coldMs / GoalMs:0.00}×",
                    coldMs <= GoalMs,
                    $"Cold: median of {cold.Count} fresh processes, Import-Module alone timed inside each (opening the runspace before it took " +
                    $"{Stats.Median(runspaceOpen):0} ms and is not counted). Warm: median of {warm.Count} new runspaces in the already-warm harness process.",
                    $"Cold import took {coldMs:0} ms (cold samples: {string.Join(", ", cold.Select(c => c.ToString("0", CultureInfo.InvariantCulture)))} ms); warm {Stats.Median(warm):0} ms, " +
                    "so the cold cost is first-time work in a fresh process (loading and JIT-compiling the module's assemblies and PowerShell's module-loading code), which a warm import does not repeat.")
                {
                    Meaning = $"A script that hosts PowerShell pays {coldMs:0} ms once for Import-Module NomosMeters.",
                },
            };
            return Task.FromResult(rows);
        }

        public static double WarmImportMs()
        {
            using var runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2());
            runspace.Open();
            return TimeImport(runspace);
        }

        public static double TimeImport(Runspace runspace)
        {
            using var ps = PowerShell.Create();
            ps.Runspace = runspace;
            ps.AddCommand("Import-Module").AddParameter("Name", ModulePaths.Manifest);
            var ms = BenchContext.TimeMs(() => ps.Invoke());
            ModuleSession.ThrowOnErrors(ps, "Import-Module");
            return ms;
        }
    }
}
