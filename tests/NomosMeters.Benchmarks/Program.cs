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
    null => await BenchmarkRun.RunAsync(arguments),
    // An unknown verb must not fall through to a full run: a child started with the wrong arguments would start children of its own.
    _ => Unknown(arguments.Verb),
};

static int Unknown(string verb)
{
    System.Console.Error.WriteLine($"Unknown verb '{verb}'. Run with no verb (and --quick, --smoke or --out <file>) for the benchmarks.");
    return 2;
}
