namespace NomosMeters.Client
{
    /// <summary>
    /// Receives trace lines from the client. Called from any thread: implementations must not touch PowerShell
    /// streams directly (the cmdlet layer queues them to the pipeline thread).
    /// </summary>
    internal interface IOperationLog
    {
        void Verbose(string message);

        void Debug(string message);

        /// <summary>Reports that a page of a list arrived, with its item count and whether more pages follow (for progress).</summary>
        void PageRead(int items, bool more);

        /// <summary>Gets whether debug lines are wanted; request and response bodies are only read out for them when so.</summary>
        bool DebugEnabled { get; }
    }

    /// <summary>A log that drops everything.</summary>
    internal sealed class OperationLog : IOperationLog
    {
        public static readonly IOperationLog None = new OperationLog();

        private OperationLog()
        {
        }

        public void Verbose(string message)
        {
        }

        public void Debug(string message)
        {
        }

        public void PageRead(int items, bool more)
        {
        }

        public bool DebugEnabled => false;
    }
}
