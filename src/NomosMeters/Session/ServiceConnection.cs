using System.Threading;
using NomosMeters.Client.Enrollments;
using NomosMeters.Client.Http;
using NomosMeters.Client.Nomos;
using NomosMeters.Models.Enrollments;
using NomosMeters.Models.MeterDetails;
using NomosMeters.Client.Requests;
using NomosMeters.Sandbox;

namespace NomosMeters.Session
{
    /// <summary>
    /// One connected service: where it points, its transport (one HttpClient of its own) and its clients. Several
    /// <see cref="NomosConnection"/>s may use one service (connecting the other API keeps this one; -PassThru hands a
    /// script its own connection to the same services): each is an owner, and the transport is closed when the last
    /// owner lets go, never under a connection that still uses it.
    /// </summary>
    internal abstract class ServiceConnection
    {
        private int _owners;

        protected ServiceConnection(ApiTransport transport, string environment, NomosSandbox? sandbox)
        {
            Transport = transport;
            Environment = environment;
            Sandbox = sandbox;
        }

        public ApiTransport Transport { get; }

        /// <summary>Gets <c>Production</c>, <c>Staging</c>, <c>Sandbox</c> or <c>Custom</c> (another base URI).</summary>
        public string Environment { get; }

        /// <summary>Gets the emulator this service talks to, or null for a real service.</summary>
        public NomosSandbox? Sandbox { get; }

        /// <summary>Gets requests to any path of the service (Invoke-NomosRequest).</summary>
        public abstract RawRequestClient Requests { get; }

        /// <summary>Gets whether the last owner has let go (the transport is closed).</summary>
        public bool IsClosed => Volatile.Read(ref _owners) < 0;

        /// <summary>Registers one more connection that uses this service.</summary>
        public void AddOwner()
        {
            if (Interlocked.Increment(ref _owners) <= 0)
            {
                // A closed service is never revived: its HttpClient is gone.
                throw new System.ObjectDisposedException(GetType().Name);
            }
        }

        /// <summary>One connection lets go; the last one closes the transport.</summary>
        public void RemoveOwner()
        {
            if (Interlocked.Decrement(ref _owners) == 0 && Interlocked.CompareExchange(ref _owners, -1, 0) == 0)
            {
                Transport.Dispose();
            }
        }
    }

    /// <summary>The connected Nomos API.</summary>
    internal sealed class NomosServiceConnection : ServiceConnection
    {
        public NomosServiceConnection(NomosEndpoint endpoint, ApiTransport transport, string environment, NomosSandbox? sandbox)
            : base(transport, environment, sandbox)
        {
            Endpoint = endpoint;
            var requestor = new ServiceRequestor(endpoint, transport);
            MeterOrders = new MeterOrderClient(requestor);
            Events = new EventClient(requestor);
            MeterReadings = new MeterReadingClient(requestor);
            Requests = new RawRequestClient(requestor, new NomosListPaging());
        }

        public NomosEndpoint Endpoint { get; }

        public MeterOrderClient MeterOrders { get; }

        public EventClient Events { get; }

        public MeterReadingClient MeterReadings { get; }

        public override RawRequestClient Requests { get; }
    }

    /// <summary>The connected enrollment API.</summary>
    internal sealed class EnrollmentServiceConnection : ServiceConnection
    {
        public EnrollmentServiceConnection(EnrollmentEndpoint endpoint, ApiTransport transport, string environment, NomosSandbox? sandbox)
            : base(transport, environment, sandbox)
        {
            Endpoint = endpoint;
            var requestor = new ServiceRequestor(endpoint, transport);
            Enrollments = MeterRecordClient.Enrollments(requestor);
            MeterDetails = MeterRecordClient.Details(requestor);
            Requests = new RawRequestClient(requestor, new EnrollmentListPaging());
        }

        public EnrollmentEndpoint Endpoint { get; }

        public MeterRecordClient<MeterEnrollment> Enrollments { get; }

        /// <summary>Gets the meter details (customer, site, device, utility) of the same API.</summary>
        public MeterRecordClient<MeterDetail> MeterDetails { get; }

        public override RawRequestClient Requests { get; }
    }
}
