using System;
using System.IO;

namespace NomosMeters.Tests.Infrastructure
{
    /// <summary>Locates the repository and the built module (out/NomosMeters), wherever the tests run from.</summary>
    internal static class RepoPaths
    {
        public static string Root { get; } = FindRoot();

        public static string ModuleDirectory => Path.Combine(Root, "out", "NomosMeters");

        public static string ModuleManifest => Path.Combine(ModuleDirectory, "NomosMeters.psd1");

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
