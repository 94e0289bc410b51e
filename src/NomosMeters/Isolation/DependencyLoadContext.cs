using System.Reflection;
using System.Runtime.Loader;

namespace NomosMeters.Isolation
{
    /// <summary>
    /// The module's own load context (PowerShell 7 only): the bridge and everything in Dependencies/ load here,
    /// ahead of any same-named assembly in the default context. Anything else is shared with the default context.
    /// </summary>
    internal sealed class DependencyLoadContext : AssemblyLoadContext
    {
        private readonly string _dependencies;
        private readonly string _root;

        public DependencyLoadContext(string dependencies, string root)
        {
            _dependencies = dependencies;
            _root = root;
            Resolving += LoadBesideModule;
        }

        protected override Assembly? Load(AssemblyName assemblyName)
        {
            var path = ModuleLayout.Find(_dependencies, assemblyName);
            return path == null ? null : LoadFromAssemblyPath(path);
        }

        // Asked only when neither Dependencies/ nor the default context has the assembly: a BCL package beside
        // NomosMeters.dll that it has not loaded yet. It goes into the default context, so both sides share it.
        private Assembly? LoadBesideModule(AssemblyLoadContext context, AssemblyName assemblyName)
        {
            var path = ModuleLayout.Find(_root, assemblyName);
            return path == null ? null : Default.LoadFromAssemblyPath(path);
        }
    }
}
