using System;
using System.IO;
using System.Linq;

namespace NomosMeters.Isolation
{
    /// <summary>
    /// Makes a module imported by path loadable by name in the runspaces this process starts later.
    /// ForEach-Object -Parallel, Start-ThreadJob and runspace pools begin with no module imported and find commands
    /// only through $env:PSModulePath; without this, <c>Import-Module ./out/NomosMeters/NomosMeters.psd1</c>
    /// followed by <c>ForEach-Object -Parallel { Get-MeterOrder ... }</c> fails with "Get-MeterOrder is not recognized".
    /// </summary>
    internal static class ModuleSearchPath
    {
        private const string Variable = "PSModulePath";

        /// <summary>
        /// Appends the folder that holds this module's folder to PSModulePath of this process, unless it is there
        /// already (an installed module). Appended, so modules installed under the same name keep their priority.
        /// </summary>
        public static void Publish()
        {
            var folder = ParentOfModuleFolder(ModuleLayout.Root);
            if (folder == null)
            {
                return;
            }

            var current = Environment.GetEnvironmentVariable(Variable) ?? string.Empty;
            var entries = current.Split(new[] { Path.PathSeparator }, StringSplitOptions.RemoveEmptyEntries);
            if (entries.Any(entry => SamePath(entry, folder)))
            {
                return;
            }

            Environment.SetEnvironmentVariable(Variable, current.Length == 0 ? folder : current.TrimEnd(Path.PathSeparator) + Path.PathSeparator + folder);
        }

        /// <summary>
        /// The folder PowerShell searches for a module named NomosMeters: the parent of <c>NomosMeters/</c>, or of
        /// <c>NomosMeters/&lt;version&gt;/</c> (how PSResourceGet installs it). Null when the folder has another
        /// name: PowerShell could not find the module by name there anyway.
        /// </summary>
        internal static string? ParentOfModuleFolder(string moduleRoot)
        {
            var folder = new DirectoryInfo(moduleRoot);
            if (Version.TryParse(folder.Name, out _) && folder.Parent != null)
            {
                folder = folder.Parent;
            }

            return string.Equals(folder.Name, "NomosMeters", StringComparison.OrdinalIgnoreCase) ? folder.Parent?.FullName : null;
        }

        private static bool SamePath(string a, string b)
        {
            static string Normalize(string path) => Path.GetFullPath(path).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
            try
            {
                return string.Equals(Normalize(a), Normalize(b), Path.DirectorySeparatorChar == '\\' ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
            }
            catch (ArgumentException)
            {
                // An entry that is not a valid path never matches.
                return false;
            }
        }
    }
}
