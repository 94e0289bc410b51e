using System;
using System.Collections.Generic;

namespace NomosMeters.Sandbox.Nomos
{
    /// <summary>The list order: newest <c>created_at</c> first, then id descending, so the order is total and keyset paging is exact.</summary>
    internal sealed class NewestFirst : IComparer<SandboxMeterOrder>
    {
        public static readonly NewestFirst Instance = new NewestFirst();

        public static int Compare(DateTimeOffset xCreatedAt, string xId, DateTimeOffset yCreatedAt, string yId)
        {
            var byTime = yCreatedAt.CompareTo(xCreatedAt);
            return byTime != 0 ? byTime : string.CompareOrdinal(yId, xId);
        }

        public int Compare(SandboxMeterOrder? x, SandboxMeterOrder? y) => Compare(x!.CreatedAt, x.Id, y!.CreatedAt, y.Id);
    }
}
