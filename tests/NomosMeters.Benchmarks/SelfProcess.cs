using System;
using System.Diagnostics;
using System.IO;

namespace NomosMeters.Benchmarks
{
    /// <summary>Starts this harness again as a child process with another verb (the server, a memory probe, a cold import).</summary>
    internal static class SelfProcess
    {
        public static ProcessStartInfo StartInfo(params string[] args)
        {
            var assembly = typeof(SelfProcess).Assembly.Location;
            var host = Environment.ProcessPath ?? "dotnet";
            // Under `dotnet x.dll` the host is dotnet and needs the assembly; the apphost does not. Compared by the
            // host's name: "NomosMeters.Benchmarks" has an "extension" of its own, so stripping one would lose it.
            var isDotnetHost = string.Equals(Path.GetFileNameWithoutExtension(host), "dotnet", StringComparison.OrdinalIgnoreCase);
            var start = new ProcessStartInfo(host)
            {
                RedirectStandardOutput = true,
                RedirectStandardInput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            if (isDotnetHost)
            {
                start.ArgumentList.Add(assembly);
            }

            foreach (var arg in args)
            {
                start.ArgumentList.Add(arg);
            }

            return start;
        }

        /// <summary>Runs a child to its end and returns its last standard-output line (its result).</summary>
        public static string RunForLastLine(TimeSpan timeout, params string[] args)
            => ChildProcess.LastLine(StartInfo(args), timeout, $"'{string.Join(' ', args)}'");
    }
}
