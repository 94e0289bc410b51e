using System;
using System.Threading;
using System.Threading.Tasks;

namespace NomosMeters.Client.Paging
{
    /// <summary>
    /// At most one page request running ahead of the consumer, so the next page's round trip overlaps the work done
    /// on the current one. Disposing cancels a request nobody will take and waits for it to end, so no request
    /// outlives the cmdlet that started it.
    /// </summary>
    internal sealed class PagePrefetch<T> : IAsyncDisposable
    {
        private readonly Func<string?, CallContext, Task<Page<T>>> _fetchPage;
        private readonly CallContext _context;
        private readonly CancellationTokenSource _abandon;
        private Task<Page<T>>? _pending;

        public PagePrefetch(Func<string?, CallContext, Task<Page<T>>> fetchPage, CallContext context)
        {
            _fetchPage = fetchPage;
            _abandon = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken);
            _context = context.WithCancellation(_abandon.Token);
        }

        public bool Started => _pending != null;

        /// <summary>Starts fetching the page at <paramref name="cursor"/> on the thread pool; the caller's thread goes straight back to the consumer.</summary>
        public void Start(string? cursor)
            => _pending = Task.Run(() => _fetchPage(cursor, _context), _context.CancellationToken);

        /// <summary>Gets the page the last <see cref="Start"/> asked for (starting it now if it was not), with its error if it failed.</summary>
        public Task<Page<T>> TakeAsync(string? cursor)
        {
            var page = _pending ?? _fetchPage(cursor, _context);
            _pending = null;
            return page;
        }

        public async ValueTask DisposeAsync()
        {
            if (_pending != null)
            {
                _abandon.Cancel();
                try
                {
                    await _pending.ConfigureAwait(false);
                }
                catch (Exception)
                {
                    // A page nobody will read: its failure (usually the cancellation itself) concerns no one.
                }

                _pending = null;
            }

            _abandon.Dispose();
        }
    }
}
