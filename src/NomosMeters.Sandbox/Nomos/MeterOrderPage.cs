using System.Collections.Generic;

namespace NomosMeters.Sandbox.Nomos
{
    /// <summary>One page of a listing: its orders and whether more orders match after the last one.</summary>
    internal sealed class MeterOrderPage
    {
        public MeterOrderPage(IReadOnlyList<SandboxMeterOrder> items, bool hasMore)
        {
            Items = items;
            HasMore = hasMore;
        }

        public IReadOnlyList<SandboxMeterOrder> Items { get; }

        public bool HasMore { get; }
    }
}
