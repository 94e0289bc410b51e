using System;
using System.Net.Http;
using NomosMeters.Sandbox;

namespace NomosMeters.Tests.TestBeds
{
    /// <summary>The server side of a test bed: where both APIs are, what it accepts, and a handler to reach it.</summary>
    public abstract class BedServer : IDisposable
    {
        protected BedServer(RequestLog log) => Log = log;

        public RequestLog Log { get; }

        public abstract Uri NomosBaseUri { get; }

        public abstract Uri EnrollmentBaseUri { get; }

        public abstract ServerCredentials Credentials { get; }

        /// <summary>Gets the sandbox that answers, or null when MockHttp does.</summary>
        public virtual NomosSandbox? Sandbox => null;

        /// <summary>A new handler to this server; each client disposes its own.</summary>
        public abstract HttpMessageHandler NewHandler();

        public virtual void Dispose()
        {
        }
    }
}
