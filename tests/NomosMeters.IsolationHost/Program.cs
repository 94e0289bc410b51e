using System;
using System.IO;
using System.Runtime.Loader;

namespace NomosMeters.IsolationHost
{
    /// <summary>
    /// Usage: NomosMeters.IsolationHost &lt;path to NomosMeters.psd1&gt; [--no-conflict]
    /// Loads conflict/Polly.Core.dll (99.0.0.0, none of Polly's types) into the default load context, as another
    /// module would, then imports the module and runs its cmdlets. Prints one line per check; exit code 0 only
    /// when every check passed.
    /// </summary>
    internal static class Program
    {
        private static int Main(string[] args)
        {
            if (args.Length == 0 || !File.Exists(args[0]))
            {
                Console.WriteLine("usage: NomosMeters.IsolationHost <path to NomosMeters.psd1> [--no-conflict]");
                return 64;
            }

            try
            {
                if (Array.IndexOf(args, "--no-conflict") < 0)
                {
                    var conflict = AssemblyLoadContext.Default.LoadFromAssemblyPath(Path.Combine(AppContext.BaseDirectory, "conflict", "Polly.Core.dll"));
                    Console.WriteLine($"conflict: {conflict.GetName().Name} {conflict.GetName().Version} loaded into the default context");
                }

                var passed = ModuleChecks.Run(Path.GetFullPath(args[0]));
                LoadReport.Print();
                Console.WriteLine(passed ? "result: passed" : "result: failed");
                return passed ? 0 : 1;
            }
            catch (Exception ex)
            {
                Console.WriteLine("crash: " + ex);
                LoadReport.Print();
                return 2;
            }
        }
    }
}
