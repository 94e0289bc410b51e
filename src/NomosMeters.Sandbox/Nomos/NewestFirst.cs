using System;
using System.Collections.Generic;

namespace NomosMeters.Sandbox.Nomos
{
    /// <summary>The list order: newest <c>created_at</c> first, then id descending, so the order is total and keyset paging is exact.</summary>
    internal sealed class NewestFirst : IComparer<IListItem>
    {
        public static readonly NewestFirst Instance = new NewestFirst();

        public static int Compare(DateTimeOffset xCreatedAt, string xId, DateTimeOffset yCreatedAt, string yId)
        {
            var byTime = yCreatedAt.CompareTo(xCreatedAt);
            return byTime != 0 ? byTime : string.CompareOrdinal(yId, xId);
        }

        /// <summary>Whether <paramref name="item"/> comes after the cursor's position in the list.</summary>
        public static bool IsAfter(IListItem item, ListCursor? cursor)
            => !cursor.HasValue || Compare(item.CreatedAt, item.Id, cursor.Value.LastCreatedAt, cursor.Value.LastId) > 0;

        public int Compare(IListItem? x, IListItem? y) => Compare(x!.CreatedAt, x.Id, y!.CreatedAt, y.Id);
    }
}
