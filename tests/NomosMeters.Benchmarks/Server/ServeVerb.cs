using System;
using System.Threading.Tasks;
using NomosMeters.Sandbox;

namespace NomosMeters.Benchmarks.Server
{
    /// <summary>
    /// <c>serve --orders N --enrollments N [--client-id ID]</c>: seeds the sandbox, starts the loopback server, prints
    /// <c>listening &lt;uri&gt;</c> and serves until its standard input closes (so it never outlives the harness).
    /// It runs in its own process so the sandbox's in-memory data never counts toward the client's memory or CPU.
    /// </summary>
    internal static class ServeVerb
    {
        public static async Task<int> RunAsync(Arguments arguments)
        {
            var sandbox = new NomosSandbox(new SandboxOptions
            {
                MeterOrderCount = arguments.Int("--orders", 1000),
                MeterEnrollmentCount = arguments.Int("--enrollments", 1000),
                // The documentation tests stand this server in for the real API, with the client id the examples use.
                ClientId = arguments.Value("--client-id") ?? SandboxOptions.DefaultClientId,
            });

            // Seed now, not on the first request: seeding is the server's cost, not the client's latency.
            _ = sandbox.MeterOrders.Count + sandbox.MeterEnrollments.Count;

            await using var server = new SandboxWebServer(sandbox);
            await server.StartAsync();
            Console.WriteLine("listening " + server.BaseUri);
            Console.Out.Flush();
            await Console.In.ReadToEndAsync();
            return 0;
        }
    }
}
