using System;

namespace NomosMeters.Sandbox.Nomos
{
    /// <summary>What a cursor-paged list orders by and continues after: newest <c>created_at</c> first, then the id.</summary>
    internal interface IListItem
    {
        string Id { get; }

        DateTimeOffset CreatedAt { get; }
    }
}
