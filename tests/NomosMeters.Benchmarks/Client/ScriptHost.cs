using System;
using System.Linq;
using System.Management.Automation;

namespace NomosMeters.Benchmarks.Client
{
    /// <summary>
    /// Where a measured script runs: in the harness's hosted engine, or in a fresh process of real PowerShell. The
    /// script is the same for both: it takes <c>-InputFile</c> (a .ps1 that sets <c>$in</c>, its inputs) and writes one JSON line.
    /// </summary>
    internal abstract class ScriptHost
    {
        /// <summary>Gets how the report names it.</summary>
        public abstract string Name { get; }

        public abstract string Run(string script, string inputFile);

        /// <summary>The harness's own runspace (Microsoft.PowerShell.SDK), the module already imported.</summary>
        internal sealed class Hosted : ScriptHost
        {
            private readonly ModuleSession _session;

            public Hosted(ModuleSession session) => _session = session;

            public override string Name => "hosted engine";

            public override string Run(string script, string inputFile)
            {
                using var ps = PowerShell.Create();
                ps.Runspace = _session.Runspace;
                // In a scope of its own: the script's preferences, inputs (secrets among them) and functions stay out of the session.
                ps.AddScript(script, useLocalScope: true).AddParameter("InputFile", inputFile);
                var output = ps.Invoke();
                ModuleSession.ThrowOnErrors(ps, "the measured script");
                return output.Last().BaseObject.ToString()!;
            }
        }

        /// <summary>The repository's pwsh, a new process each run: what a console or a runbook is.</summary>
        internal sealed class Pwsh : ScriptHost
        {
            public override string Name => "pwsh";

            public override string Run(string script, string inputFile)
                => PwshProcess.RunForLastLine(script, TimeSpan.FromMinutes(10), "-InputFile", inputFile);
        }
    }
}
