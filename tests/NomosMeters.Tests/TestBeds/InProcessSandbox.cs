using System;
using System.Net.Http;
using NomosMeters.Sandbox;

namespace NomosMeters.Tests.TestBeds
{
    /// <summary>A sandbox answering in-process through its own handler: no sockets, no network.</summary>
    public sealed class InProcessSandbox : BedServer
    {
        private readonly NomosSandbox _sandbox;

        internal InProcessSandbox(NomosSandbox sandbox, RequestLog log)
            : base(log) => _sandbox = sandbox;

        public override NomosSandbox Sandbox => _sandbox;

        public override Uri NomosBaseUri { get; } = new Uri(NomosSandbox.NomosBaseUri);

        public override Uri EnrollmentBaseUri { get; } = new Uri(NomosSandbox.EnrollmentBaseUri);

        public override ServerCredentials Credentials
            => new ServerCredentials(_sandbox.Options.ClientId, _sandbox.Options.ClientSecret, _sandbox.Options.EnrollmentApiKey);

        public override HttpMessageHandler NewHandler() => new RecordingHandler(Log, _sandbox.CreateHandler());
    }
}
