using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;

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
                foreach (var arg in new List<string> { "pwsh", "-NoProfile", "-NonInteractive", "-File", file })
                {
                    start.ArgumentList.Add(arg);
                }

                foreach (var arg in arguments)
                {
                    start.ArgumentList.Add(arg);
                }

                using var process = Process.Start(start)!;
                process.StandardInput.Close();
                var stdout = process.StandardOutput.ReadToEndAsync();
                var stderr = process.StandardError.ReadToEndAsync();
                if (!process.WaitForExit(timeout))
                {
                    process.Kill(entireProcessTree: true);
                    throw new TimeoutException($"pwsh did not finish within {timeout.TotalSeconds} s.");
                }

                process.WaitForExit();
                var lines = stdout.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                if (process.ExitCode != 0 || lines.Length == 0)
                {
                    throw new InvalidOperationException(
                        $"pwsh failed ({process.ExitCode}); is the repository's PowerShell restored (dotnet tool restore)? {stdout.Result}{stderr.Result}");
                }

                return lines[^1];
            }
            finally
            {
                File.Delete(file);
            }
        }
    }
}
