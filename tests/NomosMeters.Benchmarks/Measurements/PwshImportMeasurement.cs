using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using NomosMeters.Benchmarks.Client;
using NomosMeters.Benchmarks.Report;

namespace NomosMeters.Benchmarks.Measurements
{
    /// <summary>
    /// 6b. Import-Module in a fresh pwsh process, taken apart by <see cref="ImportVariants"/>: every round imports each
    /// variant once, in an order that turns from round to round, so a slow spell of the machine falls on all of them.
    /// </summary>
    internal static class PwshImportMeasurement
    {
        public const double GoalMs = 100;

        private const string Script = "param($Manifest) $watch = [Diagnostics.Stopwatch]::StartNew(); Import-Module $Manifest; $watch.Elapsed.TotalMilliseconds.ToString([Globalization.CultureInfo]::InvariantCulture)";

        public static Task<IReadOnlyList<ResultRow>> RunAsync(BenchContext context)
        {
            var variants = ImportVariants.Write();
            var samples = variants.ToDictionary(v => v.Name, _ => new List<double>());
            for (var round = 0; round < context.Settings.PwshImportRounds; round++)
            {
                for (var i = 0; i < variants.Count; i++)
                {
                    var variant = variants[(round + i) % variants.Count];
                    samples[variant.Name].Add(double.Parse(PwshProcess.RunForLastLine(Script, TimeSpan.FromMinutes(2), "-Manifest", variant.Manifest), CultureInfo.InvariantCulture));
                }
            }

            double Median(string name) => Stats.Median(samples[name]);
            var module = Median(ImportVariants.Module);
            var small = Median(ImportVariants.OneTypeOneView);
            var bare = Median(ImportVariants.NoTypesOrViews);
            var empty = Median(ImportVariants.EmptyManifest);
            string Samples(string name) => string.Join(", ", samples[name].OrderBy(s => s).Select(s => s.ToString("0", CultureInfo.InvariantCulture)));
            string Ms(double ms) => $"{Math.Max(0, ms):0} ms";

            IReadOnlyList<ResultRow> rows = new[]
            {
                new ResultRow(
                    "6b",
                    "Import-Module of out/NomosMeters in a fresh pwsh process",
                    $"≤ {GoalMs:0} ms",
                    $"{module:0} ms",
                    $"{GoalMs:0} ms",
                    $"{module / GoalMs:0.00}×",
                    module <= GoalMs,
                    $"Median of {samples[ImportVariants.Module].Count} fresh `dotnet pwsh -NoProfile` processes, Import-Module alone timed inside each. " +
                    $"Taken apart in the same rounds (medians): a manifest with nothing in it {Ms(empty)}; the module's assembly and its cmdlets without types or views " +
                    $"{Ms(bare)}; the same with one type entry and one view {Ms(small)}; the whole module {Ms(module)}. So PowerShell's own import machinery takes {Ms(empty)}, " +
                    $"loading the assembly and exporting its cmdlets {Ms(bare - empty)}, having types and views at all (PowerShell rebuilds its type table and format " +
                    $"database when a module brings any) {Ms(small - bare)}, and the module's further type entries and views {Ms(module - small)}. " +
                    $"Samples, sorted: module {Samples(ImportVariants.Module)}; one type, one view {Samples(ImportVariants.OneTypeOneView)}; " +
                    $"no types or views {Samples(ImportVariants.NoTypesOrViews)}; empty manifest {Samples(ImportVariants.EmptyManifest)} ms. " +
                    "Differences of a few ms are within the spread of the samples.",
                    $"Import-Module took {module:0} ms in a fresh pwsh. A manifest with nothing in it takes {empty:0} ms in the same rounds, which leaves the module " +
                    $"{Ms(GoalMs - empty)} of the goal. Loading its assembly and exporting its cmdlets takes {Ms(bare - empty)}, and bringing any types and views at all " +
                    $"{Ms(small - bare)} more: on every import that brings them, PowerShell rebuilds its whole type table and format database, its own built-in entries " +
                    $"included. What the module's types and views hold beyond one entry each costs {Ms(module - small)}, within the spread, so doubling them costs " +
                    "next to nothing; the time is in steps PowerShell takes for any binary module with types and views. Fitting the goal would mean dropping the types " +
                    "and views (ids as sort and group keys, property order, ISO dates, the tables), which users see every day, to save a wait paid once per session.")
                {
                    Meaning = $"A runbook or a console session waits {module:0} ms for Import-Module NomosMeters, of which PowerShell spends {empty:0} ms on importing any module.",
                },
            };
            return Task.FromResult(rows);
        }
    }
}
