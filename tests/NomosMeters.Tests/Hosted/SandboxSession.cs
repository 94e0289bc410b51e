using System;
using System.Linq;
using NomosMeters.Sandbox;
using NomosMeters.Tests.Infrastructure;
using Xunit;

namespace NomosMeters.Tests.Hosted
{
    /// <summary>A hosted engine connected to a fresh sandbox, with <c>$conn</c> and <c>$sandbox</c> set for scripts.</summary>
    public sealed class SandboxSession : IDisposable
    {
        public SandboxSession()
        {
            Engine = new HostedEngine();
            var connected = Engine.Run("Connect-Nomos -Sandbox -PassThru");
            connected.AssertNoErrors();
            Connection = Assert.IsType<NomosConnection>(Assert.Single(connected.Output).BaseObject);
            Sandbox = Connection.Sandbox!;
            Engine.SetVariable("conn", Connection);
            Engine.SetVariable("sandbox", Sandbox);
        }

        public HostedEngine Engine { get; }

        public NomosConnection Connection { get; }

        public NomosSandbox Sandbox { get; }

        /// <summary>Gets the requests to the meter-order endpoints (not the token endpoint) so far.</summary>
        public int MeterOrderRequests => Sandbox.RequestLog.Count(r => r.Contains(" /meter-orders"));

        public void Dispose()
        {
            Engine.Run("Disconnect-Nomos");
            Engine.Dispose();
        }
    }
}
