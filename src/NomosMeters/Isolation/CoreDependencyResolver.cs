using System;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.Loader;

namespace NomosMeters.Isolation
{
    /// <summary>
    /// PowerShell 7: answers the default context's failed lookup of the bridge, and only of the bridge, with the
    /// copy loaded into the module's <see cref="DependencyLoadContext"/>. Everything the bridge needs then
    /// resolves through that context. Not inlined into callers: on .NET Framework, AssemblyLoadContext does not exist.
    /// </summary>
    internal static class CoreDependencyResolver
    {
        private static readonly object Gate = new object();
        private static DependencyLoadContext? _context;
        private static bool _registered;

        [MethodImpl(MethodImplOptions.NoInlining)]
        public static void Register()
        {
            lock (Gate)
            {
                if (!_registered)
                {
                    AssemblyLoadContext.Default.Resolving += ResolveBridge;
                    _registered = true;
                }
            }
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        public static void Unregister()
        {
            lock (Gate)
            {
                if (_registered)
                {
                    AssemblyLoadContext.Default.Resolving -= ResolveBridge;
                    _registered = false;
                }
            }
        }

        private static Assembly? ResolveBridge(AssemblyLoadContext defaultContext, AssemblyName assemblyName)
        {
            if (!string.Equals(assemblyName.Name, ModuleLayout.BridgeName, StringComparison.Ordinal) ||
                ModuleLayout.Find(ModuleLayout.Dependencies, assemblyName) == null)
            {
                return null;
            }

            return Context().LoadFromAssemblyName(assemblyName);
        }

        // One context per process, kept across Remove-Module and Import-Module: NomosMeters.dll stays bound to
        // the bridge it resolved first, and a second copy would have different types.
        private static DependencyLoadContext Context()
        {
            lock (Gate)
            {
                return _context ??= new DependencyLoadContext(ModuleLayout.Dependencies, ModuleLayout.Root);
            }
        }
    }
}
