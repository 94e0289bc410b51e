using System;
using System.Reflection;

namespace NomosMeters.Isolation
{
    /// <summary>
    /// Windows PowerShell 5.1: no load contexts, so assemblies that fail to bind are served by name from
    /// Dependencies/ and then from the module root (Polly, loaded from Dependencies/, does not probe the root for
    /// the BCL packages it needs). One copy per process, as with any module on Windows PowerShell.
    /// </summary>
    internal static class DesktopDependencyResolver
    {
        private static readonly object Gate = new object();
        private static bool _registered;

        public static void Register()
        {
            lock (Gate)
            {
                if (!_registered)
                {
                    AppDomain.CurrentDomain.AssemblyResolve += Resolve;
                    _registered = true;
                }
            }
        }

        public static void Unregister()
        {
            lock (Gate)
            {
                if (_registered)
                {
                    AppDomain.CurrentDomain.AssemblyResolve -= Resolve;
                    _registered = false;
                }
            }
        }

        private static Assembly? Resolve(object? sender, ResolveEventArgs args)
        {
            var name = new AssemblyName(args.Name);
            var path = ModuleLayout.Find(ModuleLayout.Dependencies, name) ?? ModuleLayout.Find(ModuleLayout.Root, name);
            return path == null ? null : Assembly.LoadFrom(path);
        }
    }
}
