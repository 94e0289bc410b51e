using System;
using System.Collections.ObjectModel;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using NomosMeters.Sandbox;
using NomosMeters.Testing;

namespace NomosMeters.Benchmarks.Client
{
    /// <summary>
    /// A PowerShell runspace hosted in this process with the built module imported: the cmdlets run exactly as a
    /// user's script runs them. Errors are thrown, so a broken run cannot pass for a fast one.
    /// </summary>
    internal sealed class ModuleSession : IDisposable
    {
        private readonly Runspace _runspace;

        public ModuleSession()
        {
            _runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2());
            _runspace.Open();
            SetVariable("manifest", ModulePaths.Manifest);
            Run("Import-Module $manifest");
        }

        public Runspace Runspace => _runspace;

        public void SetVariable(string name, object? value) => _runspace.SessionStateProxy.SetVariable(name, value);

        /// <summary>Connects to the loopback server; the rate limit is the client's own (0 = none).</summary>
        public void Connect(Uri baseUri, double rateLimit = 0)
        {
            SetVariable("uri", baseUri);
            SetVariable("id", SandboxOptions.DefaultClientId);
            SetVariable("secret", Secure.From(SandboxOptions.DefaultClientSecret));
            SetVariable("key", Secure.From(SandboxOptions.DefaultEnrollmentApiKey));
            SetVariable("rate", rateLimit);
            Run("Connect-Nomos -ClientId $id -ClientSecret $secret -BaseUri $uri -EnrollmentBaseUri $uri -EnrollmentApiKey $key -RateLimit $rate");
        }

        public Collection<PSObject> Run(string script)
        {
            using var ps = PowerShell.Create();
            ps.Runspace = _runspace;
            ps.AddScript(script);
            var output = ps.Invoke();
            ThrowOnErrors(ps, script);
            return output;
        }

        /// <summary>
        /// Runs a script into the cheapest consumer there is: the host counts each object as it arrives and drops it,
        /// so no script block runs per object and nothing is kept (a PowerShell consumer would be measured too).
        /// <paramref name="onFirstObject"/> runs when the first object arrives.
        /// </summary>
        public int RunCounting(string script, Action? onFirstObject = null)
        {
            using var ps = PowerShell.Create();
            ps.Runspace = _runspace;
            ps.AddScript(script);
            using var output = new PSDataCollection<PSObject>();
            var count = 0;
            output.DataAdded += (_, _) =>
            {
                if (count == 0)
                {
                    onFirstObject?.Invoke();
                }

                count += output.ReadAll().Count;
            };
            ps.Invoke<PSObject, PSObject>(null, output, null);
            ThrowOnErrors(ps, script);
            return count;
        }

        public static void ThrowOnErrors(PowerShell ps, string script)
        {
            if (ps.HadErrors && ps.Streams.Error.Count > 0)
            {
                throw new InvalidOperationException($"'{script}' failed: " + string.Join(" | ", ps.Streams.Error.Select(e => e.FullyQualifiedErrorId + ": " + e)));
            }
        }


        public void Dispose() => _runspace.Dispose();
    }
}
