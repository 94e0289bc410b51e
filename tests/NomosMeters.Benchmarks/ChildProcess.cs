using System;
using System.Diagnostics;

namespace NomosMeters.Benchmarks
{
    /// <summary>Runs a child process to its end and returns its last standard-output line (its result).</summary>
    internal static class ChildProcess
    {
        /// <summary>
        /// Starts <paramref name="start"/> (its output redirected), waits at most <paramref name="timeout"/>, and returns the
        /// last line it wrote; a timeout, a failure or no output throws, naming it <paramref name="name"/> and adding
        /// <paramref name="hint"/> to the failure.
        /// </summary>
        public static string LastLine(ProcessStartInfo start, TimeSpan timeout, string name, string hint = "")
        {
            using var process = Process.Start(start)!;
            process.StandardInput.Close();
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(timeout))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{name} did not finish within {timeout.TotalSeconds} s.");
            }

            process.WaitForExit();
            var lines = stdout.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (process.ExitCode != 0 || lines.Length == 0)
            {
                throw new InvalidOperationException($"{name} failed ({process.ExitCode}){hint}: {stdout.Result}{stderr.Result}");
            }

            return lines[^1];
        }
    }
}
