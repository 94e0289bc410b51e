// Dependency isolation: how NomosMeters loads its private dependencies without clashing with other modules.
//
// Layout (out/NomosMeters):
//   NomosMeters.dll       cmdlets, models, client: every type PowerShell and scripts see; loaded by PowerShell
//                         as usual, into the default load context.
//   *.dll beside it       NomosMeters.Sandbox and BCL packages (System.Text.Json, Microsoft.Bcl.TimeProvider,
//                         Microsoft.Bcl.AsyncInterfaces, System.Memory, ...). Shared through the default context
//                         on purpose: NomosMeters.dll hands their types to the bridge (a System.TimeProvider), so
//                         both sides need one copy; PowerShell 7 ships most of them in-box; and newer versions are
//                         backward compatible, so whichever copy the default context holds serves us.
//   Dependencies/         private third-party code: Polly.Core, and NomosMeters.RetryBridge.dll, the bridge that wraps
//                         it behind BCL types. NomosMeters.dll references the bridge, never Polly.
//
// PowerShell 7: the default context cannot find the bridge (not beside NomosMeters.dll), so it raises Resolving;
// CoreDependencyResolver answers for the bridge alone by loading it into a DependencyLoadContext, whose Load()
// takes Polly from Dependencies/ before the default context is asked. A Polly.Core that Az, Graph or PnP already
// loaded into the default context is therefore never bound to our code, and ours never to theirs.
// Windows PowerShell 5.1 has no load contexts: DesktopDependencyResolver serves Dependencies/ through
// AppDomain.AssemblyResolve, the plain load of one copy per process.
using System.Management.Automation;

namespace NomosMeters.Isolation
{
    /// <summary>
    /// Installs the dependency resolver for this PowerShell edition when the module is imported, and makes the module
    /// loadable by name in runspaces started later (<see cref="ModuleSearchPath"/>).
    /// </summary>
    public sealed class DependencyIsolation : IModuleAssemblyInitializer, IModuleAssemblyCleanup
    {
        /// <summary>Called by PowerShell on Import-Module, before any cmdlet runs.</summary>
        public void OnImport()
        {
            if (ModuleLayout.RunsOnDotNetCore)
            {
                CoreDependencyResolver.Register();
            }
            else
            {
                DesktopDependencyResolver.Register();
            }

            ModuleSearchPath.Publish();
        }

        /// <summary>Called by PowerShell on Remove-Module.</summary>
        public void OnRemove(PSModuleInfo psModuleInfo)
        {
            if (ModuleLayout.RunsOnDotNetCore)
            {
                CoreDependencyResolver.Unregister();
            }
            else
            {
                DesktopDependencyResolver.Unregister();
            }
        }
    }
}
