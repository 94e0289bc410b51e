using System.Threading.Tasks;
using NomosMeters.Benchmarks;
using NomosMeters.Benchmarks.Measurements;
using NomosMeters.Benchmarks.Server;

// Verbs other than the default run are the harness's own child processes.
var arguments = new Arguments(args);
return arguments.Verb switch
{
    "serve" => await ServeVerb.RunAsync(arguments),
    "memory-probe" => MemoryProbeVerb.Run(arguments),
    "import-cold" => ColdImportVerb.Run(),
    _ => await BenchmarkRun.RunAsync(arguments),
};
