using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using NomosMeters.Testing;

namespace NomosMeters.IsolationHost
{
    /// <summary>What a user would run after importing the module: a sandbox list, a not-found id, a retried call.</summary>
    internal static class ModuleChecks
    {
        private const string NotFoundId = "NomosMeters.NotFound,NomosMeters.Commands.GetMeterOrderCommand";

        public static bool Run(string manifest)
        {
            using var runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2());
            runspace.Open();
            var passed = true;

            var import = Invoke(runspace, $"Import-Module '{manifest.Replace("'", "''")}' -PassThru -ErrorAction Stop");
            passed &= Report("import", import.Clean && import.Output.Count == 1, import, () => import.Output[0].Properties["Name"].Value + " " + import.Output[0].Properties["Version"].Value);

            var list = Invoke(runspace, "Connect-Nomos -Sandbox; Get-MeterOrder -First 3");
            passed &= Report("list", list.Clean && list.Output.Count == 3, list, () => string.Join(",", list.Output.Select(o => o.Properties["Id"]?.Value)));

            var missing = Invoke(runspace, "Get-MeterOrder -Id does-not-exist");
            passed &= Report("not-found", missing.OnlyError?.FullyQualifiedErrorId == NotFoundId, missing, () => missing.OnlyError!.FullyQualifiedErrorId);

            using (var server = new RetryingServer())
            {
                runspace.SessionStateProxy.SetVariable("token", Secure.From("isolation-test-token"));
                runspace.SessionStateProxy.SetVariable("uri", server.BaseUri);
                var retried = Invoke(runspace, "Connect-Nomos -AccessToken $token -BaseUri $uri; Get-MeterOrder -Id prdo_retry -Verbose");
                var attempts = retried.OnlyError?.Exception.GetType().GetProperty("Attempts")?.GetValue(retried.OnlyError.Exception);
                var ok = retried.OnlyError?.FullyQualifiedErrorId == NotFoundId && Equals(attempts, 2) && server.Requests == 2 &&
                         retried.Verbose.Any(v => v.Contains("retry 1 of", StringComparison.Ordinal));
                passed &= Report("retry", ok, retried, () => $"{server.Requests} requests, attempts {attempts}, " + retried.Verbose.First(v => v.Contains("retry 1 of", StringComparison.Ordinal)));
            }

            return passed;
        }

        private static bool Report(string check, bool ok, Outcome outcome, Func<string> detail)
        {
            Console.WriteLine(ok ? $"ok {check}: {detail()}" : $"FAIL {check}: {outcome.Describe()}");
            return ok;
        }

        private static Outcome Invoke(Runspace runspace, string script)
        {
            using var ps = PowerShell.Create();
            ps.Runspace = runspace;
            ps.AddScript(script);
            var outcome = new Outcome();
            try
            {
                outcome.Output.AddRange(ps.Invoke());
            }
            catch (RuntimeException ex)
            {
                outcome.Errors.Add(ex.ErrorRecord);
            }

            outcome.Errors.AddRange(ps.Streams.Error);
            outcome.Verbose.AddRange(ps.Streams.Verbose.Select(v => v.Message));
            return outcome;
        }


        private sealed class Outcome
        {
            public List<PSObject> Output { get; } = new List<PSObject>();

            public List<ErrorRecord> Errors { get; } = new List<ErrorRecord>();

            public List<string> Verbose { get; } = new List<string>();

            public bool Clean => Errors.Count == 0;

            public ErrorRecord? OnlyError => Errors.Count == 1 ? Errors[0] : null;

            // The innermost exception names the real cause of a load failure (FileLoadException, TypeLoadException, ...).
            public string Describe() => Errors.Count == 0
                ? $"{Output.Count} objects, no error"
                : string.Join(" | ", Errors.Select(e => $"{e.FullyQualifiedErrorId}: {Innermost(e.Exception)}"));

            private static string Innermost(Exception ex)
            {
                while (ex.InnerException != null)
                {
                    ex = ex.InnerException;
                }

                return ex.GetType().Name + ": " + ex.Message;
            }
        }
    }
}
