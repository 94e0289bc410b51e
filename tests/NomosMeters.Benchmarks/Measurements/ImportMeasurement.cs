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

        /// <summary>The goal in real pwsh, whose own start-up has loaded much of what the hosted engine's import pays for.</summary>
        public const double PwshGoalMs = 100;

        private const string PwshImportScript = "param($Manifest) $watch = [Diagnostics.Stopwatch]::StartNew(); Import-Module $Manifest; $watch.Elapsed.TotalMilliseconds.ToString([Globalization.CultureInfo]::InvariantCulture)";

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

            var pwsh = new List<double>();
            for (var i = 0; i < context.Settings.ColdImports; i++)
            {
                pwsh.Add(double.Parse(PwshProcess.RunForLastLine(PwshImportScript, TimeSpan.FromMinutes(2), "-Manifest", ModulePaths.Manifest), CultureInfo.InvariantCulture));
            }

            // PowerShell's own share: the same import of a manifest module with nothing in it, in the same kind of process.
            var emptyManifest = EmptyManifestModule();
            var floor = new List<double>();
            for (var i = 0; i < context.Settings.ColdImports; i++)
            {
                floor.Add(double.Parse(PwshProcess.RunForLastLine(PwshImportScript, TimeSpan.FromMinutes(2), "-Manifest", emptyManifest), CultureInfo.InvariantCulture));
            }

            var coldMs = Stats.Median(cold);
            var pwshMs = Stats.Median(pwsh);
            var floorMs = Stats.Median(floor);
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
                new ResultRow(
                    "6b",
                    "Import-Module of out/NomosMeters in a fresh pwsh process",
                    $"≤ {PwshGoalMs:0} ms",
                    $"{pwshMs:0} ms",
                    $"{PwshGoalMs:0} ms",
                    $"{pwshMs / PwshGoalMs:0.00}×",
                    pwshMs <= PwshGoalMs,
                    $"Median of {pwsh.Count} fresh `dotnet pwsh -NoProfile` processes, Import-Module alone timed inside each " +
                    $"(samples: {string.Join(", ", pwsh.Select(c => c.ToString("0", CultureInfo.InvariantCulture)))} ms). PowerShell's own share: importing a " +
                    $"manifest module that holds nothing (no assembly, no commands) takes {floorMs:0} ms in the same kind of process " +
                    $"(samples: {string.Join(", ", floor.Select(c => c.ToString("0", CultureInfo.InvariantCulture)))} ms), so the module's own import work is about {Math.Max(0, pwshMs - floorMs):0} ms.",
                    $"Import-Module took {pwshMs:0} ms in a fresh pwsh, of which {floorMs:0} ms is what PowerShell spends importing an empty manifest module " +
                    $"on this machine; the module's own {Math.Max(0, pwshMs - floorMs):0} ms (loading its assembly, finding its cmdlets, reading its types and views) " +
                    $"would have to fit into the {Math.Max(0, PwshGoalMs - floorMs):0} ms the goal leaves.")
                {
                    Meaning = $"A runbook or a console session waits {pwshMs:0} ms for Import-Module NomosMeters.",
                },
            };
            return Task.FromResult(rows);
        }

        // A manifest module with nothing in it, written once per run beside the build output.
        private static string EmptyManifestModule()
        {
            var folder = System.IO.Path.Combine(ModulePaths.Root, "out", "bench-empty-module");
            System.IO.Directory.CreateDirectory(folder);
            var manifest = System.IO.Path.Combine(folder, "EmptyModule.psd1");
            System.IO.File.WriteAllText(manifest, "@{ ModuleVersion = '1.0.0'; GUID = '0d5b2a6e-3f4c-4e1a-9b7d-8c2e1f0a3b4d'; FunctionsToExport = @(); CmdletsToExport = @() }\n");
            return manifest;
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
