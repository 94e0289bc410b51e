using System;
using NomosMeters.Sandbox;

namespace NomosMeters.Tests.TestBeds
{
    /// <summary>What every test bed has, whatever its client: the server, its request log, and the server's own handles.</summary>
    public abstract class Bed : IDisposable
    {
        protected Bed(BedServer server) => Server = server;

        public BedServer Server { get; }

        public RequestLog Log => Server.Log;

        public NomosSandbox Sandbox => Server.Sandbox ?? throw new InvalidOperationException("MockHttp answers this bed: it has no sandbox.");

        public MockServer Mock => Server as MockServer ?? throw new InvalidOperationException("A sandbox answers this bed, not MockHttp.");

        /// <summary>Gets the loopback server, for its faults, latency, rate limit and count of arrivals.</summary>
        public LoopbackSandbox Loopback => Server as LoopbackSandbox ?? throw new InvalidOperationException("This bed's server is not on loopback.");

        /// <summary>Closes the client, then the server.</summary>
        public void Dispose()
        {
            CloseClient();
            Server.Dispose();
        }

        protected abstract void CloseClient();
    }
}
