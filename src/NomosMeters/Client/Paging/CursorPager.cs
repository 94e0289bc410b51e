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
        public static async IAsyncEnumerable<T> StreamAsync<T>(
            Func<string?, CancellationToken, Task<Page<T>>> fetchPage,
            PageRange range,
            string listName,
            [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            var seenCursors = new HashSet<string>(StringComparer.Ordinal);
            string? cursor = null;
            ulong skipped = 0;
            ulong written = 0;
            while (true)
            {
                var page = await fetchPage(cursor, cancellationToken).ConfigureAwait(false);
                foreach (var item in page.Items)
                {
                    if (skipped < range.Skip)
                    {
                        skipped++;
                        continue;
                    }

                    if (range.First.HasValue && written >= range.First.Value)
                    {
                        yield break;
                    }

                    written++;
                    yield return item;
                }

                if (range.First.HasValue && written >= range.First.Value)
                {
                    yield break;
                }

                if (string.IsNullOrEmpty(page.NextCursor))
                {
                    yield break;
                }

                // A server that hands out the same cursor again would page forever (AWS.Tools #387).
                if (!seenCursors.Add(page.NextCursor!))
                {
                    throw new PagingException(
                        $"The {listName} list returned a page cursor it had already returned, after {written} objects were written. " +
                        "Stopped instead of looping forever; narrow the filters or report this to the API provider.",
                        written);
                }

                cursor = page.NextCursor;
            }
        }
    }

    /// <summary>A list that cannot be walked to its end; says how many objects were already written.</summary>
    public sealed class PagingException : Exception
    {
        internal PagingException(string message, ulong objectsWritten, Exception? inner = null)
            : base(message, inner)
        {
            ObjectsWritten = objectsWritten;
        }

        /// <summary>Gets how many objects the stream had written before it failed.</summary>
        public ulong ObjectsWritten { get; }
    }
}
