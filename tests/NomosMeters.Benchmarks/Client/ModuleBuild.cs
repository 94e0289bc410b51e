using System;
using System.IO;
using System.Linq;
using NomosMeters.Benchmarks.Report;

namespace NomosMeters.Benchmarks.Client
{
    /// <summary>
    /// Which build out/NomosMeters holds. Debug and Release builds lay out the same folder, so the last build wins;
    /// numbers of a Debug module reported as Release ones would mislead.
    /// </summary>
    internal static class ModuleBuild
    {
        public static string BuildCommand => $"dotnet build src/NomosMeters -c {MachineInfo.Configuration}";

        /// <summary>Gets whether out/NomosMeters/NomosMeters.dll is the one this harness's configuration built.</summary>
        public static bool MatchesHarnessConfiguration()
        {
            var laidOut = Path.Combine(Path.GetDirectoryName(ModulePaths.Manifest)!, "NomosMeters.dll");
            var built = Path.Combine(ModulePaths.Root, "src", "NomosMeters", "bin", MachineInfo.Configuration, "netstandard2.0", "NomosMeters.dll");
            return File.Exists(laidOut) && File.Exists(built) && File.ReadAllBytes(laidOut).AsSpan().SequenceEqual(File.ReadAllBytes(built));
        }
    }
}
