using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading.Tasks;
using NomosMeters.Session;
using NomosMeters.Session.Settings;

namespace NomosMeters.Commands
{
    /// <summary>
    /// Requests for input items that run while the next items are read: at most a throttle limit of them in flight,
    /// their results written in input order, each failure under the <see cref="ForItem"/> rule. Nothing waits but the
    /// requests in flight: a consumer that is slow to take the results holds new requests back, so memory stays
    /// bounded by the limit.
    /// </summary>
    public abstract partial class NomosServiceCmdlet
    {
        private readonly Queue<Pending> _inFlight = new Queue<Pending>();
        private int _requestsInFlight;

        /// <summary>The throttle limit for a command: its own -ThrottleLimit when given (not 0), else the connection's.</summary>
        internal static int ThrottleLimitFor(ServiceConnection service, int parameter)
            => parameter >= SettingLimits.ThrottleLimitMin ? parameter : service.Transport.Options.ThrottleLimit;

        /// <summary>
        /// Starts the request for one input item once fewer than <paramref name="limit"/> are in flight, and writes the
        /// results that have come in meanwhile, in input order; <paramref name="write"/> runs on the pipeline thread.
        /// </summary>
        internal void ForItemInFlight<T>(object? target, int limit, Func<Task<T>> start, Action<T> write, Action<ErrorRecord, ApiRequestException>? outcome = null)
        {
            WaitForSlotInFlight(limit);
            var task = start();
            // Observed here, so a request left behind by a stopped pipeline is never an unobserved exception.
            task.ContinueWith(t => _ = t.Exception, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously);
            _inFlight.Enqueue(new Pending(target, task, () => write(Await(task)), outcome, isRequest: true));
            _requestsInFlight++;
            if (limit <= 1)
            {
                // One at a time: the result is written before the next input is read, as a plain lookup would.
                WriteAllInFlight();
            }
            else
            {
                WriteFinishedInFlight();
            }
        }

        /// <summary>Writes <paramref name="write"/>'s output (an item's input error, say) in its place among the results in flight.</summary>
        internal void InItemOrder(Action write)
        {
            if (_inFlight.Count == 0)
            {
                write();
                return;
            }

            _inFlight.Enqueue(new Pending(null, Task.CompletedTask, write, null, isRequest: false));
        }

        /// <summary>
        /// Writes results, in input order, until fewer than <paramref name="limit"/> requests are in flight. A command
        /// whose output may be complete by then (-First) calls it before it decides whether to start the next request.
        /// </summary>
        internal void WaitForSlotInFlight(int limit)
        {
            // Only requests count: input errors waiting for their turn take no slot.
            while (_requestsInFlight >= Math.Max(1, limit))
            {
                WriteNextInFlight();
            }
        }

        /// <summary>
        /// Leaves what is still in flight unwritten, results and errors alike: it comes after what the command still
        /// wanted (-First has its objects). The requests go on in the background until Dispose cancels them.
        /// </summary>
        internal void AbandonInFlight()
        {
            _inFlight.Clear();
            _requestsInFlight = 0;
        }

        /// <inheritdoc/>
        protected override void EndProcessing()
        {
            // The input has ended: the results of every request still in flight, in input order.
            WriteAllInFlight();
            base.EndProcessing();
        }

        /// <summary>Waits for every request still in flight and writes its result, in input order.</summary>
        private void WriteAllInFlight()
        {
            while (_inFlight.Count > 0)
            {
                WriteNextInFlight();
            }
        }

        private void WriteFinishedInFlight()
        {
            while (_inFlight.Count > 0 && _inFlight.Peek().Task.IsCompleted)
            {
                WriteNextInFlight();
            }
        }

        private void WriteNextInFlight()
        {
            var next = _inFlight.Dequeue();
            if (next.IsRequest)
            {
                _requestsInFlight--;
            }

            // A failure that ends the pipeline (Ctrl+C, an error that stops every item) leaves the requests behind to
            // Dispose, which cancels them.
            ForItem(next.Target, next.Write, next.Outcome);
        }

        private readonly struct Pending
        {
            public Pending(object? target, Task task, Action write, Action<ErrorRecord, ApiRequestException>? outcome, bool isRequest)
            {
                Target = target;
                Task = task;
                Write = write;
                Outcome = outcome;
                IsRequest = isRequest;
            }

            public bool IsRequest { get; }

            public object? Target { get; }

            public Task Task { get; }

            public Action Write { get; }

            public Action<ErrorRecord, ApiRequestException>? Outcome { get; }
        }
    }
}
