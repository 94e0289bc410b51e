using System.Linq;
using System.Management.Automation;
using NomosMeters.Tests.Infrastructure;
using Xunit;

namespace NomosMeters.Tests.Conventions
{
    /// <summary>
    /// A cmdlet that changes something offers -WhatIf and -Confirm. Which cmdlets do is read from the verb, as the
    /// PowerShell guidelines (and PSScriptAnalyzer) read it. The other cmdlet conventions are tested where they were
    /// already: [OutputType] and the manifest's CmdletsToExport in ModuleSurfaceTests, parameter help in HelpTests.
    /// </summary>
    public sealed class ShouldProcessConventionTests
    {
        // Connect and Disconnect are not here: they only change which connection the cmdlets use by default,
        // nothing on a server or on the machine, and -WhatIf on them would show nothing worth confirming.
        private static readonly string[] StateChangingVerbs =
        {
            VerbsCommon.New, VerbsCommon.Set, VerbsCommon.Remove, VerbsCommon.Add, VerbsCommon.Clear, VerbsCommon.Reset,
            VerbsCommon.Rename, VerbsCommon.Move, VerbsData.Update, VerbsData.Publish, VerbsData.Unpublish,
            VerbsLifecycle.Invoke, VerbsLifecycle.Start, VerbsLifecycle.Stop, VerbsLifecycle.Restart, VerbsLifecycle.Enable,
            VerbsLifecycle.Disable, VerbsLifecycle.Register, VerbsLifecycle.Unregister, VerbsLifecycle.Submit,
        };

        [Fact]
        public void EveryCmdletWhoseVerbChangesStateSupportsShouldProcess()
        {
            var stateChanging = ModuleCmdlets.All.Where(c => StateChangingVerbs.Contains(c.Attribute.VerbName)).ToList();

            // Not vacuous: the module has state-changing cmdlets (New-MeterOrder at least) for the rule to apply to.
            Assert.NotEmpty(stateChanging);
            var without = stateChanging.Where(c => !c.Attribute.SupportsShouldProcess).Select(c => c.Name).ToList();
            Assert.True(without.Count == 0, "Without SupportsShouldProcess: " + string.Join(", ", without));
        }
    }
}
