using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using NomosMeters.Sandbox;

namespace NomosMeters.Benchmarks.Client
{
    /// <summary>What Scripts/TimedCommand.ps1 reports: medians over the repetitions, and the last run's output.</summary>
    internal sealed record TimedResult(double WallMs, double CpuMs, int Count, bool InOrder);

    /// <summary>
    /// One command of the module, timed by Scripts/TimedCommand.ps1 on a <see cref="ScriptHost"/>: connected to the
    /// benchmark server with the sandbox's credentials and the client rate limit given.
    /// </summary>
    internal sealed class TimedCommand
    {
        private static readonly string Script = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Scripts", "TimedCommand.ps1"));

        /// <summary>Gets the command, which may use <c>$ids</c> and <c>$first</c>; what it writes is compared with the ids.</summary>
        public required string Command { get; init; }

        public IReadOnlyList<string> Ids { get; init; } = Array.Empty<string>();

        public int First { get; init; }

        /// <summary>Gets the client's rate limit (Connect-Nomos -RateLimit; 0 = none).</summary>
        public double RateLimit { get; init; }

        public int Repetitions { get; init; } = 1;

        public int WarmUp { get; init; }

        public TimedResult RunOn(ScriptHost host, Uri baseUri)
        {
            var inputFile = Path.Combine(Path.GetTempPath(), $"nomos-bench-input-{Guid.NewGuid():N}.ps1");
            File.WriteAllText(inputFile, InputScript(baseUri));
            try
            {
                return JsonSerializer.Deserialize<TimedResult>(host.Run(Script, inputFile))!;
            }
            finally
            {
                File.Delete(inputFile);
            }
        }

        // A script that sets $in: plain PowerShell, which both hosts read without any module.
        private string InputScript(Uri baseUri)
        {
            var text = new StringBuilder("$in = @{\n");
            void Add(string name, string value) => text.Append("    ").Append(name).Append(" = ").Append(value).Append('\n');
            Add("Manifest", PowerShellText.Quote(ModulePaths.Manifest));
            Add("BaseUri", PowerShellText.Quote(baseUri.AbsoluteUri));
            Add("ClientId", PowerShellText.Quote(SandboxOptions.DefaultClientId));
            Add("ClientSecret", PowerShellText.Quote(SandboxOptions.DefaultClientSecret));
            Add("EnrollmentApiKey", PowerShellText.Quote(SandboxOptions.DefaultEnrollmentApiKey));
            Add("RateLimit", RateLimit.ToString(CultureInfo.InvariantCulture));
            Add("First", First.ToString(CultureInfo.InvariantCulture));
            Add("Repetitions", Repetitions.ToString(CultureInfo.InvariantCulture));
            Add("WarmUp", WarmUp.ToString(CultureInfo.InvariantCulture));
            Add("Command", PowerShellText.Quote(Command));
            Add("Ids", "@(" + string.Join(",", Ids.Select(PowerShellText.Quote)) + ")");
            return text.Append("}\n").ToString();
        }
    }
}
