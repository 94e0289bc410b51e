using System.Collections.Generic;

namespace NomosMeters.Sandbox.Nomos
{
    /// <summary>One page of a listing: its items and whether more items match after the last one.</summary>
    internal sealed class ListPage<T>
    {
        public ListPage(IReadOnlyList<T> items, bool hasMore)
        {
            Items = items;
            HasMore = hasMore;
        }

        public IReadOnlyList<T> Items { get; }

        public bool HasMore { get; }
    }
}
