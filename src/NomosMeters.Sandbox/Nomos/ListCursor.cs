using System;

namespace NomosMeters.Sandbox.Nomos
{
    /// <summary>Where a listing continues (the last item returned) and the request it belongs to (limit and filters).</summary>
    internal readonly struct ListCursor
    {
        public ListCursor(DateTimeOffset lastCreatedAt, string lastId, int limit, string filters)
        {
            LastCreatedAt = lastCreatedAt;
            LastId = lastId;
            Limit = limit;
            Filters = filters;
        }

        public DateTimeOffset LastCreatedAt { get; }

        public string LastId { get; }

        public int Limit { get; }

        /// <summary>Gets the fingerprint of the filter set (<see cref="ListFilterSet{T}.Fingerprint"/>).</summary>
        public string Filters { get; }
    }
}
