using System.Collections.Generic;

namespace NomosMeters.Client.Paging
{
    /// <summary>One page of a cursor-paged list, whatever the API calls its cursor.</summary>
    internal sealed class Page<T>
    {
        public Page(IReadOnlyList<T> items, string? nextCursor)
        {
            Items = items;
            NextCursor = nextCursor;
        }

        public IReadOnlyList<T> Items { get; }

        /// <summary>Gets the cursor for the next page; null or empty at the end.</summary>
        public string? NextCursor { get; }
    }

    /// <summary>Which slice of the whole stream the caller wants (<c>-Skip</c>, <c>-First</c>).</summary>
    internal sealed class PageRange
    {
        public static readonly PageRange All = new PageRange(0, null);

        public PageRange(ulong skip, ulong? first)
        {
            Skip = skip;
            First = first;
        }

        public ulong Skip { get; }

        public ulong? First { get; }

        /// <summary>Gets how many items the stream needs at most, counting the skipped ones; null for all.</summary>
        public ulong? Needed => First.HasValue ? Skip + First.Value : (ulong?)null;

        /// <summary>
        /// The page size to ask for: <paramref name="pageSize"/>, or fewer when -First needs fewer objects than a
        /// page holds, so <c>-First 5</c> costs one request for five. A walk that goes on from a cursor
        /// (<paramref name="startCursor"/>) keeps <paramref name="pageSize"/> whatever -First still needs: a cursor
        /// holds the limit it was made with, and the API refuses it with any other.
        /// </summary>
        public int PageSizeFor(int pageSize, string? startCursor)
            => startCursor == null && Needed is ulong needed && needed < (ulong)pageSize ? (int)System.Math.Max(1, needed) : pageSize;
    }
}
