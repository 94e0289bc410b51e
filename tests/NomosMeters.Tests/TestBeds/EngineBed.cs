using System;
using System.Management.Automation.Host;
using NomosMeters.Testing;
using NomosMeters.Tests.Infrastructure;
using Xunit;

namespace NomosMeters.Tests.TestBeds
{
    /// <summary>
    /// A hosted engine with the module imported, reaching the bed's server the way a script does. Its scripts find
    /// <c>$conn</c> (the connection the bed made, if it made one) and <c>$sandbox</c> (when a sandbox answers); over
    /// loopback also <c>$uri</c>, <c>$id</c>, <c>$secret</c> and <c>$key</c>, to connect with as a user would.
    /// </summary>
    public sealed class EngineBed : Bed
    {
        private readonly bool _setsTheCurrentConnection;

        private EngineBed(HostedEngine engine, BedServer server, NomosConnection? connection, bool setsTheCurrentConnection)
            : base(server)
        {
            Engine = engine;
            Connection = connection;
            _setsTheCurrentConnection = setsTheCurrentConnection;
            if (connection != null)
            {
                engine.SetVariable("conn", connection);
            }

            if (server.Sandbox != null)
            {
                engine.SetVariable("sandbox", server.Sandbox);
            }

            if (server is LoopbackSandbox loopback)
            {
                engine.SetVariable("uri", loopback.BaseUri);
                engine.SetVariable("id", server.Credentials.ClientId);
                engine.SetVariable("secret", Secure.From(server.Credentials.ClientSecret));
                engine.SetVariable("key", Secure.From(server.Credentials.EnrollmentApiKey));
            }
        }

        public HostedEngine Engine { get; }

        /// <summary>Gets the connection the bed made (<c>$conn</c>); null over loopback, where the test connects.</summary>
        public NomosConnection? Connection { get; }

        /// <summary>Connects over loopback, as the current connection, with the sandbox's credentials and <paramref name="arguments"/>.</summary>
        public void Connect(string arguments)
        {
            if (Server is not LoopbackSandbox)
            {
                throw new InvalidOperationException("Only a bed over loopback has an address for Connect-Nomos -BaseUri.");
            }

            Engine.Run("Connect-Nomos -ClientId $id -ClientSecret $secret -BaseUri $uri " + arguments).AssertNoErrors();
        }

        /// <summary>
        /// <c>Connect-Nomos -Sandbox -PassThru</c>, as a user connects: the module seeds its own sandbox, with the
        /// defaults and on the real clock, and the bed's server is that one. The module's own handler carries the
        /// requests, so the bed's log stays empty: the sandbox's RequestLog has them.
        /// </summary>
        internal static EngineBed ConnectedToItsOwnSandbox(PSHost? host, RequestLog log)
        {
            var engine = new HostedEngine(host: host);
            var connected = engine.Run("Connect-Nomos -Sandbox -PassThru");
            connected.AssertNoErrors();
            var connection = Assert.IsType<NomosConnection>(Assert.Single(connected.Output).BaseObject);
            return new EngineBed(engine, new InProcessSandbox(connection.Sandbox!, log), connection, setsTheCurrentConnection: true);
        }

        /// <summary>
        /// Over loopback the test connects itself (how it connects is often what it tests); MockHttp, which Connect-Nomos
        /// cannot reach, gets a connection to both APIs as <c>$conn</c> for <c>-Connection</c>.
        /// </summary>
        internal static EngineBed Over(BedServer server, PSHost? host, ManualTimeProvider? clock)
        {
            var engine = new HostedEngine(host: host);
            return server is LoopbackSandbox
                ? new EngineBed(engine, server, null, setsTheCurrentConnection: true)
                : new EngineBed(engine, server, ConnectionBed.Open(server, clock, enrollment: true), setsTheCurrentConnection: false);
        }

        protected override void CloseClient()
        {
            // The current connection is process-wide: a bed that may have set it disconnects it for the next test.
            if (_setsTheCurrentConnection)
            {
                Engine.Run("Disconnect-Nomos");
            }

            Connection?.Dispose();
            Engine.Dispose();
        }
    }
}
