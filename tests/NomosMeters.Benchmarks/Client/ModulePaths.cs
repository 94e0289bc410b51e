using System;
using System.IO;

namespace NomosMeters.Benchmarks.Client
{
    /// <summary>Locates the repository and the module the same build laid out in out/NomosMeters.</summary>
    internal static class ModulePaths
    {
        public static string Root { get; } = FindRoot();

        public static string Manifest => Path.Combine(Root, "out", "NomosMeters", "NomosMeters.psd1");

        private static string FindRoot()
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir != null && !File.Exists(Path.Combine(dir.FullName, "NomosMeters.sln")))
            {
                dir = dir.Parent;
            }

            return dir?.FullName ?? throw new InvalidOperationException("NomosMeters.sln not found above " + AppContext.BaseDirectory);
        }
    }
}
