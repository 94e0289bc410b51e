using System;
using System.Diagnostics;
using System.IO;
using Xunit;

namespace NomosMeters.Tests.Infrastructure
{
    /// <summary>Runs tests/NomosMeters.Benchmarks as a child process, built in this test assembly's configuration.</summary>
    internal static class BenchmarkHarnessProcess
    {
        public static (int ExitCode, string Output) Run(TimeSpan timeout, params string[] args)
        {
            var harness = HarnessPath();
            Assert.True(File.Exists(harness), "Build the solution first; missing " + harness);

            var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add(harness);
            foreach (var arg in args)
            {
                start.ArgumentList.Add(arg);
            }

            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(timeout))
            {
                // The tree: the harness's server and probe processes go with it.
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
                Assert.Fail($"The benchmark harness did not finish within {timeout.TotalSeconds} s: {stderr.Result}");
            }

            process.WaitForExit();
            return (process.ExitCode, stdout.Result + stderr.Result);
        }

        // tests/NomosMeters.Benchmarks/bin/<configuration>/<tfm>/, beside this test assembly's own configuration.
        private static string HarnessPath()
        {
            var framework = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar));
            var configuration = framework.Parent!.Name;
            return Path.Combine(RepoPaths.Root, "tests", "NomosMeters.Benchmarks", "bin", configuration, framework.Name, "NomosMeters.Benchmarks.dll");
        }
    }
}
