using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;
using NomosMeters.Client;

namespace NomosMeters.Commands
{
    /// <summary>
    /// Runs async client work for a cmdlet: the pipeline thread waits for the task and meanwhile writes the trace
    /// lines other threads queued, because PowerShell streams may only be written from the pipeline thread.
    /// </summary>
    internal sealed class PipelineBridge : IOperationLog
    {
        private readonly ConcurrentQueue<Action> _pending = new ConcurrentQueue<Action>();
        private readonly SemaphoreSlim _signal = new SemaphoreSlim(0);
        private readonly Action<string> _writeVerbose;
        private readonly Action<string> _writeDebug;
        private readonly Action<int, bool> _pageRead;
        private readonly int _pipelineThreadId = Environment.CurrentManagedThreadId;

        public PipelineBridge(Action<string> writeVerbose, Action<string> writeDebug, Action<int, bool> pageRead, bool debugEnabled)
        {
            _pageRead = pageRead;
            DebugEnabled = debugEnabled;
            _writeVerbose = writeVerbose;
            _writeDebug = writeDebug;
        }

        public void Verbose(string message) => Post(() => _writeVerbose(message));

        public void Debug(string message) => Post(() => _writeDebug(message));

        public bool DebugEnabled { get; }

        public void PageRead(int items, bool more) => Post(() => _pageRead(items, more));

        /// <summary>Waits for <paramref name="task"/> on the pipeline thread, writing queued messages as they come.</summary>
        public T Wait<T>(Task<T> task)
        {
            if (!task.IsCompleted)
            {
                task.ContinueWith(_ => _signal.Release(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
                while (!task.IsCompleted)
                {
                    _signal.Wait();
                    Drain();
                }
            }

            Drain();
            return task.GetAwaiter().GetResult();
        }

        /// <summary>Like <see cref="Wait{T}(Task{T})"/>, without allocating when the value is already there.</summary>
        public T Wait<T>(ValueTask<T> task) => task.IsCompletedSuccessfully ? Drained(task.Result) : Wait(task.AsTask());

        public void Drain()
        {
            while (_pending.TryDequeue(out var write))
            {
                write();
            }
        }

        private T Drained<T>(T value)
        {
            Drain();
            return value;
        }

        private void Post(Action write)
        {
            if (Environment.CurrentManagedThreadId == _pipelineThreadId)
            {
                // Still synchronous on the pipeline thread: keep the order of lines intact.
                Drain();
                write();
                return;
            }

            _pending.Enqueue(write);
            _signal.Release();
        }
    }
}
