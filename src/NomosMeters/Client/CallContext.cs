using System.Threading;

namespace NomosMeters.Client
{
    /// <summary>
    /// What one cmdlet invocation hands down to every request it makes: its cancellation (Ctrl+C) and where its
    /// trace lines go. Passed explicitly so that runspaces sharing a connection never see each other's traces.
    /// </summary>
    internal sealed class CallContext
    {
        public static readonly CallContext None = new CallContext(CancellationToken.None, OperationLog.None);

        public CallContext(CancellationToken cancellationToken, IOperationLog log, bool tracePersonalData = false)
        {
            CancellationToken = cancellationToken;
            Log = log;
            TracePersonalData = tracePersonalData;
        }

        public CancellationToken CancellationToken { get; }

        public IOperationLog Log { get; }

        /// <summary>Gets whether debug traces may show response bodies that hold personal data; the user asked for it explicitly.</summary>
        public bool TracePersonalData { get; }

        /// <summary>The same trace destination with another cancellation (e.g. one that also ends when a prefetched page is abandoned).</summary>
        public CallContext WithCancellation(CancellationToken cancellationToken) => new CallContext(cancellationToken, Log, TracePersonalData);
    }
}
