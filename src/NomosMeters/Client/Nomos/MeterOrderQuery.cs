using System.Collections.Generic;
using NomosMeters.Client.Http;

namespace NomosMeters.Client.Nomos
{
    /// <summary>The filters and page size of one <c>GET /meter-orders</c> walk; identical on every page, as cursors require.</summary>
    internal sealed class MeterOrderQuery
    {
        /// <summary>The API maximum, and our default: fewer round trips.</summary>
        public const int MaxPageSize = NomosListPaging.MaxPageSize;

        public IReadOnlyCollection<string>? Statuses { get; set; }

        public IReadOnlyCollection<string>? Customers { get; set; }

        public IReadOnlyCollection<string>? Subscriptions { get; set; }

        public int PageSize { get; set; } = MaxPageSize;

        public string ToPathAndQuery(string? cursor)
            => "/meter-orders" + new QueryString()
                .AddFilter("status", Statuses)
                .AddFilter("customer", Customers)
                .AddFilter("subscription", Subscriptions)
                .Add("limit", PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .Add("cursor", cursor);
    }
}
