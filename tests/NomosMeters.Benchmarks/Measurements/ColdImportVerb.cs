using System;
using System.Management.Automation.Runspaces;
using System.Text.Json;

namespace NomosMeters.Benchmarks.Measurements
{
    internal sealed record ColdImportTiming(double RunspaceOpenMs, double ImportMs);

    /// <summary><c>import-cold</c>: in a fresh process, opens a runspace, then times Import-Module alone; prints one JSON line.</summary>
    internal static class ColdImportVerb
    {
        public static int Run()
        {
            Runspace? runspace = null;
            var openMs = BenchContext.TimeMs(() =>
            {
                runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2());
                runspace.Open();
            });
            using (runspace)
            {
                var importMs = ImportMeasurement.TimeImport(runspace!);
                Console.WriteLine(JsonSerializer.Serialize(new ColdImportTiming(openMs, importMs)));
            }

            return 0;
        }
    }
}
