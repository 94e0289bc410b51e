using System;
using System.Diagnostics;
using System.IO;
using Xunit;

namespace NomosMeters.Tests.Infrastructure
{
    /// <summary>
    /// Runs tests/NomosMeters.IsolationHost in a child process: unlike this one, it starts with none of the
    /// module's dependencies loaded, so what it loads and from where is the module's own doing.
    /// </summary>
    internal static class IsolationHostProcess
    {
        private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

        public static (int ExitCode, string Output) Run(string manifest, params string[] flags)
        {
            var host = HostPath();
            Assert.True(File.Exists(host), "Build the solution first; missing " + host);

            var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add(host);
            start.ArgumentList.Add(manifest);
            foreach (var flag in flags)
            {
                start.ArgumentList.Add(flag);
            }

            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(Timeout))
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail($"The isolation host did not finish within {Timeout.TotalSeconds} s.");
            }

            process.WaitForExit();
            return (process.ExitCode, stdout.Result + stderr.Result);
        }

        // Built beside this test assembly's configuration: tests/NomosMeters.IsolationHost/bin/<configuration>/<tfm>/.
        private static string HostPath()
        {
            var framework = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar));
            var configuration = framework.Parent!.Name;
            return Path.Combine(RepoPaths.Root, "tests", "NomosMeters.IsolationHost", "bin", configuration, framework.Name, "NomosMeters.IsolationHost.dll");
        }
    }
}
