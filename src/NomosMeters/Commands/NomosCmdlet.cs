using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using NomosMeters.Client;

namespace NomosMeters.Commands
{
    /// <summary>
    /// What every cmdlet of the module shares: one cancellation per invocation (cancelled by Ctrl+C in
    /// <see cref="StopProcessing"/>), waiting for async work on the pipeline thread, and draining object streams.
    /// </summary>
    public abstract class NomosCmdlet : PSCmdlet, IDisposable
    {
        private readonly CancellationTokenSource _cancellation = new CancellationTokenSource();
        private PipelineBridge? _bridge;
        private CallContext? _context;
        private ListProgress? _listProgress;

        internal PipelineBridge Bridge => _bridge ??= new PipelineBridge(WriteVerbose, WriteDebug, Progress.PageRead, IsDebugWanted());

        private ListProgress Progress => _listProgress ??= new ListProgress(this, MyInvocation.MyCommand.Name);

        internal CallContext Context => _context ??= new CallContext(_cancellation.Token, Bridge, TracesPersonalData);

        /// <summary>Gets whether this invocation asked for personal data in its debug traces (off unless a cmdlet offers a switch for it).</summary>
        internal virtual bool TracesPersonalData => false;

        /// <inheritdoc/>
        public void Dispose()
        {
            // However the pipeline ended (an error that stops every item, an error upstream, Select-Object -First
            // downstream), requests still in flight for this invocation are not wanted any more.
            _cancellation.Cancel();
            _cancellation.Dispose();
            GC.SuppressFinalize(this);
        }

        /// <inheritdoc/>
        protected override void StopProcessing() => _cancellation.Cancel();

        // -Debug, or $DebugPreference set to anything but SilentlyContinue (as WriteDebug itself decides).
        private bool IsDebugWanted()
        {
            if (MyInvocation.BoundParameters.TryGetValue("Debug", out var debug))
            {
                return LanguagePrimitives.IsTrue(debug);
            }

            var preference = GetVariableValue("DebugPreference");
            return preference != null &&
                   LanguagePrimitives.TryConvertTo<ActionPreference>(preference, out var value) &&
                   value != ActionPreference.SilentlyContinue;
        }

        /// <inheritdoc/>
        protected override void EndProcessing()
        {
            _bridge?.Drain();
            _listProgress?.Complete();
        }

        /// <summary>Waits for <paramref name="task"/>; Ctrl+C ends the wait at once.</summary>
        internal T Await<T>(Task<T> task)
        {
            try
            {
                return Bridge.Wait(task);
            }
            catch (OperationCanceledException) when (_cancellation.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }
        }

        internal T Await<T>(ValueTask<T> task)
        {
            try
            {
                return Bridge.Wait(task);
            }
            catch (OperationCanceledException) when (_cancellation.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }
        }

        /// <summary>
        /// Writes each object of <paramref name="stream"/> as it arrives (as <paramref name="output"/> makes it, on the
        /// pipeline thread, when given). A failure ends the stream with a terminating error that says how many
        /// objects were already written: <paramref name="writtenBefore"/> counts those earlier streams of the same
        /// command wrote (one list per batch of pipeline input).
        /// </summary>
        internal void WriteStream<T>(IAsyncEnumerable<T> stream, string nounPlural, ListResume? resume = null, ulong writtenBefore = 0, Func<T, object?>? output = null)
        {
            ulong written = 0;
            try
            {
                ForEach(stream, item =>
                {
                    WriteObject(output == null ? item : output(item));
                    written++;
                });
            }
            catch (Exception ex) when (ex is ApiRequestException || ex is Client.Paging.PagingException)
            {
                var record = ErrorRecords.From(ex, null);
                var details = record.ErrorDetails ?? new ErrorDetails(ex.Message);
                var api = ex as ApiRequestException;
                _listProgress?.Complete();
                if (resume != null && resume.Resuming && written == 0 && api?.StatusCode == 400)
                {
                    StopForRefusedResumeToken(api);
                }

                var total = writtenBefore + written;
                string advice;
                if (api?.ResumeCursor != null && resume != null)
                {
                    advice = $"To continue with the next {nounPlural}, neither repeating nor skipping one, run: {resume.Command(api.ResumeCursor, total)}";
                }
                else if (total == 0)
                {
                    advice = $"Run the command again. {details.RecommendedAction}".TrimEnd();
                }
                else
                {
                    // The resume point counts the objects the caller had skipped already: -Skip 50 and 150 written is 200.
                    var resumeAt = total + (SkippedByCaller() ?? 0);
                    advice = $"Run the command again; -Skip {resumeAt} continues after the {nounPlural} already written. {details.RecommendedAction}".TrimEnd();
                }

                record.ErrorDetails = new ErrorDetails($"{details.Message} The list stopped after {total} {nounPlural} had been written.")
                {
                    RecommendedAction = advice,
                };
                ThrowTerminatingError(record);
            }

            _listProgress?.Complete();
        }

        /// <summary>Runs <paramref name="onItem"/> on the pipeline thread for each object of <paramref name="stream"/>.</summary>
        internal void ForEach<T>(IAsyncEnumerable<T> stream, Action<T> onItem)
        {
            var enumerator = stream.GetAsyncEnumerator(_cancellation.Token);
            try
            {
                while (Await(enumerator.MoveNextAsync()))
                {
                    onItem(enumerator.Current);
                }
            }
            finally
            {
                DisposeQuietly(enumerator);
            }
        }

        // An async iterator suspended at a yield disposes synchronously; it runs only the iterator's finally blocks.
        private static void DisposeQuietly<T>(IAsyncEnumerator<T> enumerator)
        {
            var pending = enumerator.DisposeAsync();
            if (!pending.IsCompleted)
            {
                pending.AsTask().GetAwaiter().GetResult();
            }
        }

        // The API refuses a cursor it no longer knows: the token, not the filters, is what failed.
        private void StopForRefusedResumeToken(ApiRequestException api)
        {
            var message = $"The list could not go on from -ResumeToken: the API refused it ({api.ApiMessage}). It has expired or is no longer valid.";
            ThrowTerminatingError(new ErrorRecord(api, "NomosMeters.ResumeTokenExpired", ErrorCategory.InvalidArgument, null)
            {
                ErrorDetails = new ErrorDetails(message) { RecommendedAction = "Run the command again without -ResumeToken." },
            });
        }

        // -Skip of a cmdlet that supports paging; null for the others.
        private ulong? SkippedByCaller()
        {
            var paging = GetType().GetCustomAttributes(typeof(CmdletAttribute), true);
            return paging.Length > 0 && ((CmdletAttribute)paging[0]).SupportsPaging ? PagingParameters.Skip : (ulong?)null;
        }
    }
}
