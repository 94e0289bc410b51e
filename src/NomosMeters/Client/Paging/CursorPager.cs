using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace NomosMeters.Client.Paging
{
    /// <summary>
    /// Walks a cursor-paged list and streams its items, written once for both APIs (Nomos <c>cursor</c>/<c>next_page</c>,
    /// enrollment <c>page_token</c>/<c>next_page_token</c>). The first object is handed out before the second page
    /// is asked for; from then on the next page is fetched one page ahead, while the consumer works through the
    /// current one (cancelled if the consumer stops), and never once <see cref="PageRange.Needed"/> is satisfied.
    /// From the second page on, the next one is asked for as the page's first object goes out.
    /// </summary>
    internal static class CursorPager
    {
        /// <param name="fetchPage">Fetches the page at a cursor (null: the first page).</param>
        /// <param name="range">The slice wanted (-Skip, -First).</param>
        /// <param name="listName">What the list holds, for messages.</param>
        /// <param name="context">Cancellation and tracing.</param>
        /// <param name="startCursor">Where to start: a cursor a failed stream gave back (<see cref="ApiRequestException.ResumeCursor"/>), or null for the beginning.</param>
        public static IAsyncEnumerable<T> StreamAsync<T>(
            Func<string?, CallContext, Task<Page<T>>> fetchPage,
            PageRange range,
            string listName,
            CallContext context,
            string? startCursor = null)
            => Slice(AllPagesAsync(fetchPage, listName, range.Needed, context, startCursor), range, context.CancellationToken);

        /// <summary>
        /// Applies <c>-Skip</c>/<c>-First</c> to a lazy stream. It stops right after the last wanted item, before
        /// asking the source for another one, so a paged source fetches no page it does not need.
        /// </summary>
        public static IAsyncEnumerable<T> Slice<T>(IAsyncEnumerable<T> source, PageRange range, CancellationToken cancellationToken = default)
            => Slice(source, new RangeProgress(range), cancellationToken);

        /// <summary>
        /// Applies what is left of <c>-Skip</c>/<c>-First</c> to one of several streams that make one output (a list
        /// per batch of pipeline input), and records what this one took: the next goes on where it left off.
        /// </summary>
        public static async IAsyncEnumerable<T> Slice<T>(IAsyncEnumerable<T> source, RangeProgress progress, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            if (progress.IsSatisfied)
            {
                yield break;
            }

            await foreach (var item in source.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                if (progress.TrySkip())
                {
                    continue;
                }

                yield return item;
                if (progress.CountWritten())
                {
                    yield break;
                }
            }
        }

        private static async IAsyncEnumerable<T> AllPagesAsync<T>(
            Func<string?, CallContext, Task<Page<T>>> fetchPage,
            string listName,
            ulong? needed,
            CallContext context,
            string? startCursor)
        {
            var seenCursors = new HashSet<string>(StringComparer.Ordinal);
            var cursor = startCursor;
            ulong read = 0;
            await using var prefetch = new PagePrefetch<T>(fetchPage, context);
            while (true)
            {
                Page<T> page;
                try
                {
                    page = await prefetch.TakeAsync(cursor).ConfigureAwait(false);
                }
                catch (ApiRequestException ex) when (cursor != null)
                {
                    // Every object before this page has been handed out: asking for this page again resumes exactly.
                    ex.ResumeCursor = cursor;
                    throw;
                }

                var next = page.NextCursor;
                // Another page is fetched only if it will be read: not when -First is satisfied within this one.
                var fetchNext = !string.IsNullOrEmpty(next) && (needed == null || read + (ulong)page.Items.Count < needed);
                context.Log.PageRead(page.Items.Count, fetchNext);

                // A server that hands out the same cursor again would page forever (AWS.Tools #387): never fetched.
                var repeated = fetchNext && !seenCursors.Add(next!);
                var fetchAhead = fetchNext && !repeated;
                var afterFirstPage = cursor != null;
                foreach (var item in page.Items)
                {
                    read++;

                    // The next page is fetched while the consumer works through this one: from the second page on, as
                    // its first object goes out (work done on that object overlaps too); on the first page, once the
                    // consumer comes back for the second object, so a stream stopped at its first object (Select-Object
                    // -First 1) never asks for a page it will not read.
                    if (fetchAhead && afterFirstPage && !prefetch.Started)
                    {
                        prefetch.Start(next);
                    }

                    yield return item;

                    if (fetchAhead && !prefetch.Started)
                    {
                        prefetch.Start(next);
                    }
                }

                if (!fetchNext)
                {
                    yield break;
                }

                if (repeated)
                {
                    throw new PagingException(
                        $"The {listName} list returned a page cursor it had already returned, after {read} objects had been read. " +
                        "Stopped instead of looping forever; narrow the filters or report this to the API provider.",
                        read);
                }

                cursor = next;
            }
        }
    }

    /// <summary>A list that cannot be walked to its end; says how many objects had been read before.</summary>
    public sealed class PagingException : Exception
    {
        internal PagingException(string message, ulong objectsRead)
            : base(message)
        {
            ObjectsRead = objectsRead;
        }

        /// <summary>Gets how many objects the pager had read from the API (skipped ones included) before it failed.</summary>
        public ulong ObjectsRead { get; }
    }
}
