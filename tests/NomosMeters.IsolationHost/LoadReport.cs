using System;
using System.Linq;
using System.Runtime.Loader;

namespace NomosMeters.IsolationHost
{
    /// <summary>Prints every Polly.Core and NomosMeters.RetryBridge in the process and the load context holding it.</summary>
    internal static class LoadReport
    {
        public static void Print()
        {
            var loaded = AssemblyLoadContext.All
                .SelectMany(context => context.Assemblies.Select(assembly => (context, assembly)))
                .Where(pair => pair.assembly.GetName().Name is "Polly.Core" or "NomosMeters.RetryBridge")
                .OrderBy(pair => pair.assembly.GetName().Name, StringComparer.Ordinal);
            foreach (var (context, assembly) in loaded)
            {
                var where = context == AssemblyLoadContext.Default ? "default" : context.GetType().FullName;
                Console.WriteLine($"loaded: {assembly.GetName().Name} {assembly.GetName().Version} in {where}");
            }
        }
    }
}
