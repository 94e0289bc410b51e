using NomosMeters.Client.Enrollments;
using NomosMeters.Client.Http;
using NomosMeters.Client.MeterOrders;
using NomosMeters.Client.Nomos;

namespace NomosMeters
{
    /// <summary>
    /// One connected service: its endpoint (base URI, credentials) and the transport that reaches it. Each
    /// service keeps its own transport, so connecting one service later keeps the other exactly as it was.
    /// </summary>
    internal sealed class NomosServiceConnection
    {
        public NomosServiceConnection(NomosEndpoint endpoint, ApiTransport transport)
        {
            Endpoint = endpoint;
            Transport = transport;
            MeterOrders = new MeterOrderClient(endpoint, transport);
        }

        public NomosEndpoint Endpoint { get; }

        public ApiTransport Transport { get; }

        public MeterOrderClient MeterOrders { get; }
    }

    /// <summary>The connected enrollment API.</summary>
    internal sealed class EnrollmentServiceConnection
    {
        public EnrollmentServiceConnection(EnrollmentEndpoint endpoint, ApiTransport transport, string environment)
        {
            Endpoint = endpoint;
            Transport = transport;
            Environment = environment;
            Enrollments = new EnrollmentClient(endpoint, transport);
        }

        public EnrollmentEndpoint Endpoint { get; }

        public ApiTransport Transport { get; }

        /// <summary>Gets <c>Production</c>, <c>Staging</c>, <c>Sandbox</c> or <c>Custom</c>.</summary>
        public string Environment { get; }

        public EnrollmentClient Enrollments { get; }
    }
}
