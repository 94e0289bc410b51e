using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Management.Automation.Runspaces;
using Xunit;

namespace NomosMeters.Tests.Infrastructure
{
    /// <summary>Hosted-engine tests share the process-wide current connection, so they run one at a time.</summary>
    [CollectionDefinition(Name, DisableParallelization = true)]
    public sealed class HostedEngineCollection
    {
        public const string Name = "HostedEngine";
    }

    /// <summary>
    /// A real PowerShell 7 runspace (the engine in-process) with the built module imported from out/NomosMeters,
    /// running scripts the way a user types them.
    /// </summary>
    public sealed class HostedEngine : IDisposable
    {
        private readonly Runspace _runspace;

        public HostedEngine(bool importModule = true, PSHost? host = null)
        {
            _runspace = host == null
                ? RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2())
                : RunspaceFactory.CreateRunspace(host, InitialSessionState.CreateDefault2());
            _runspace.Open();
            if (importModule)
            {
                var imported = Run($"Import-Module '{RepoPaths.ModuleManifest}' -PassThru");
                Assert.True(imported.Errors.Count == 0, "Import-Module failed: " + string.Join("; ", imported.Errors));
            }
        }

        public Runspace Runspace => _runspace;

        public void SetVariable(string name, object? value) => _runspace.SessionStateProxy.SetVariable(name, value);

        public object? GetVariable(string name) => _runspace.SessionStateProxy.GetVariable(name);

        /// <summary>Runs a script; errors (non-terminating and terminating) are collected, never thrown.</summary>
        public ScriptResult Run(string script)
        {
            using var ps = PowerShell.Create();
            ps.Runspace = _runspace;
            ps.AddScript(script);
            var result = new ScriptResult();
            try
            {
                result.Output.AddRange(ps.Invoke());
            }
            catch (RuntimeException ex)
            {
                result.Terminating = ex.ErrorRecord;
            }

            result.Errors.AddRange(ps.Streams.Error);
            result.Verbose.AddRange(ps.Streams.Verbose.Select(v => v.Message));
            result.Debug.AddRange(ps.Streams.Debug.Select(v => v.Message));
            result.Warnings.AddRange(ps.Streams.Warning.Select(v => v.Message));
            result.Information.AddRange(ps.Streams.Information.Select(v => v.ToString()));
            return result;
        }

        public void Dispose() => _runspace.Dispose();
    }

    public sealed class ScriptResult
    {
        public List<PSObject> Output { get; } = new List<PSObject>();

        public List<ErrorRecord> Errors { get; } = new List<ErrorRecord>();

        public List<string> Verbose { get; } = new List<string>();

        public List<string> Debug { get; } = new List<string>();

        public List<string> Warnings { get; } = new List<string>();

        public List<string> Information { get; } = new List<string>();

        /// <summary>Gets the terminating error that ended the script, if any.</summary>
        public ErrorRecord? Terminating { get; set; }

        /// <summary>
        /// Gets the error that stopped the script: a terminating error, else the first error record (a cmdlet's
        /// terminating error inside a script ends only that statement and lands in the error stream).
        /// </summary>
        public ErrorRecord? Failure => Terminating ?? Errors.FirstOrDefault();

        public IEnumerable<ErrorRecord> AllErrors => Terminating == null ? Errors : Errors.Concat(new[] { Terminating });

        public List<T> Objects<T>() => Output.Select(o => o.BaseObject).OfType<T>().ToList();

        public void AssertNoErrors()
        {
            var all = AllErrors.ToList();
            Assert.True(all.Count == 0, "Unexpected errors: " + string.Join(" | ", all.Select(e => e.FullyQualifiedErrorId + ": " + e)));
        }
    }
}
