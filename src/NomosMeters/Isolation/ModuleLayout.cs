using System;
using System.IO;
using System.Reflection;

namespace NomosMeters.Isolation
{
    /// <summary>Where the module's assemblies live: the root beside NomosMeters.dll and its Dependencies/ folder.</summary>
    internal static class ModuleLayout
    {
        /// <summary>The bridge to the private dependencies: the one assembly loaded into the module's own context.</summary>
        public const string BridgeName = "NomosMeters.RetryBridge";

        public static string Root { get; } = Path.GetDirectoryName(typeof(ModuleLayout).Assembly.Location) ?? string.Empty;

        public static string Dependencies { get; } = Path.Combine(Root, "Dependencies");

        /// <summary>Gets whether this is PowerShell 7 (.NET), not Windows PowerShell (.NET Framework, whose core library is mscorlib).</summary>
        public static bool RunsOnDotNetCore { get; } =
            !string.Equals(typeof(object).Assembly.GetName().Name, "mscorlib", StringComparison.OrdinalIgnoreCase);

        /// <summary>Returns the path of <paramref name="name"/> in <paramref name="folder"/>, or null when it is not there.</summary>
        public static string? Find(string folder, AssemblyName name)
        {
            if (string.IsNullOrEmpty(name.Name))
            {
                return null;
            }

            var path = Path.Combine(folder, name.Name + ".dll");
            return File.Exists(path) ? path : null;
        }
    }
}
