using System;
using System.Diagnostics;
using System.IO;
using System.Linq;

namespace NomosMeters.Benchmarks.Client
{
    /// <summary>
    /// Runs a script in a fresh process of real PowerShell: the repository's own (the <c>PowerShell</c> dotnet tool of
    /// dotnet-tools.json, started as <c>dotnet pwsh</c> from the repository root), as a user's console or runbook runs it.
    /// </summary>
    internal static class PwshProcess
    {
        /// <summary>Runs <paramref name="script"/> with <paramref name="arguments"/> and returns its last output line.</summary>
        public static string RunForLastLine(string script, TimeSpan timeout, params string[] arguments)
        {
            var file = Path.Combine(Path.GetTempPath(), $"nomos-bench-{Guid.NewGuid():N}.ps1");
            File.WriteAllText(file, script);
            try
            {
                var start = new ProcessStartInfo("dotnet")
                {
                    WorkingDirectory = ModulePaths.Root,
                    RedirectStandardOutput = true,
                    RedirectStandardError = true,
                    RedirectStandardInput = true,
                    UseShellExecute = false,
                };
                foreach (var arg in new[] { "pwsh", "-NoProfile", "-NonInteractive", "-File", file }.Concat(arguments))
                {
                    start.ArgumentList.Add(arg);
                }

                return ChildProcess.LastLine(start, timeout, "pwsh", "; is the repository's PowerShell restored (dotnet tool restore)?");
            }
            finally
            {
                File.Delete(file);
            }
        }
    }
}
