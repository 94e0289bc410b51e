using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace NomosMeters.Client.Paging
{
    /// <summary>
    /// Walks a cursor-paged list and streams its items, written once for both APIs (Nomos <c>cursor</c>/<c>next_page</c>,
    /// enrollment <c>page_token</c>/<c>next_page_token</c>). The next page is requested only after the consumer
    /// has taken every item of the current one, and never once <see cref="PageRange.First"/> is satisfied.
    /// </summary>
    internal static class CursorPager
    {
        public static IAsyncEnumerable<T> StreamAsync<T>(
            Func<string?, CancellationToken, Task<Page<T>>> fetchPage,
            PageRange range,
            string listName,
            CallContext context)
            => Slice(AllPagesAsync(fetchPage, listName, range.Needed, context.Log, context.CancellationToken), range, context.CancellationToken);

        /// <summary>
        /// Applies <c>-Skip</c>/<c>-First</c> to a lazy stream. It stops right after the last wanted item, before
        /// asking the source for another one, so a paged source fetches no page it does not need.
        /// </summary>
        public static async IAsyncEnumerable<T> Slice<T>(IAsyncEnumerable<T> source, PageRange range, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            if (range.First == 0)
            {
                yield break;
            }

            ulong skipped = 0;
            ulong written = 0;
            await foreach (var item in source.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                if (skipped < range.Skip)
                {
                    skipped++;
                    continue;
                }

                yield return item;
                written++;
                if (range.First.HasValue && written >= range.First.Value)
                {
                    yield break;
                }
            }
        }

        private static async IAsyncEnumerable<T> AllPagesAsync<T>(
            Func<string?, CancellationToken, Task<Page<T>>> fetchPage,
            string listName,
            ulong? needed,
            IOperationLog log,
            [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            var seenCursors = new HashSet<string>(StringComparer.Ordinal);
            string? cursor = null;
            ulong read = 0;
            while (true)
            {
                var page = await fetchPage(cursor, cancellationToken).ConfigureAwait(false);
                // "More" means more that will be fetched: not when -First is satisfied within this page.
                log.PageRead(page.Items.Count, !string.IsNullOrEmpty(page.NextCursor) && (needed == null || read + (ulong)page.Items.Count < needed));
                foreach (var item in page.Items)
                {
                    read++;
                    yield return item;
                }

                if (string.IsNullOrEmpty(page.NextCursor))
                {
                    yield break;
                }

                // A server that hands out the same cursor again would page forever (AWS.Tools #387).
                if (!seenCursors.Add(page.NextCursor!))
                {
                    throw new PagingException(
                        $"The {listName} list returned a page cursor it had already returned, after {read} objects had been read. " +
                        "Stopped instead of looping forever; narrow the filters or report this to the API provider.",
                        read);
                }

                cursor = page.NextCursor;
            }
        }
    }

    /// <summary>A list that cannot be walked to its end; says how many objects had been read before.</summary>
    public sealed class PagingException : Exception
    {
        internal PagingException(string message, ulong objectsRead, Exception? inner = null)
            : base(message, inner)
        {
            ObjectsRead = objectsRead;
        }

        /// <summary>Gets how many objects the pager had read from the API (skipped ones included) before it failed.</summary>
        public ulong ObjectsRead { get; }
    }
}
