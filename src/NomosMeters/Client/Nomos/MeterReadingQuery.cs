using System;
using System.Collections.Generic;
using System.Globalization;
using NomosMeters.Client.Http;
using NomosMeters.Client.Json;

namespace NomosMeters.Client.Nomos
{
    /// <summary>The filters and page size of one <c>GET /meter-readings</c> walk; identical on every page, as cursors require.</summary>
    internal sealed class MeterReadingQuery
    {
        /// <summary>The API maximum, and our default: fewer round trips.</summary>
        public const int MaxPageSize = NomosListPaging.MaxPageSize;

        /// <summary>
        /// How many subscriptions one request filters on at most. The API states no limit for <c>in</c>; fifty ids
        /// keep the URL, with the other filters and a cursor, under 2,000 characters, which every proxy and server takes.
        /// </summary>
        public const int MaxSubscriptionsPerRequest = 50;

        /// <summary>How many characters the subscription ids of one request may take in its URL (see <see cref="FilterLength"/>).</summary>
        public const int MaxSubscriptionFilterLength = 1500;

        /// <summary>The reading types to list (<c>filter[type]</c>), or null for all.</summary>
        public IReadOnlyCollection<string>? Types { get; set; }

        /// <summary>The subscriptions whose readings to list (<c>filter[subscription]</c>), or null for all.</summary>
        public IReadOnlyCollection<string>? Subscriptions { get; set; }

        /// <summary>The earliest <c>created_at</c> (inclusive), or null.</summary>
        public DateTimeOffset? CreatedFrom { get; set; }

        /// <summary>The latest <c>created_at</c> (inclusive), or null.</summary>
        public DateTimeOffset? CreatedTo { get; set; }

        public int PageSize { get; set; } = MaxPageSize;

        /// <summary>What one subscription id adds to a request's URL: its percent-encoded length and the comma before it.</summary>
        public static int FilterLength(string subscription) => Uri.EscapeDataString(subscription).Length + 1;

        public string ToPathAndQuery(string? cursor)
            => "/meter-readings" + new QueryString()
                .AddFilter("type", Types)
                .AddFilter("subscription", Subscriptions)
                .Add("filter[created_at][gte]", CreatedFrom.HasValue ? TimestampParser.Format(CreatedFrom.Value) : null)
                .Add("filter[created_at][lte]", CreatedTo.HasValue ? TimestampParser.Format(CreatedTo.Value) : null)
                .Add("limit", PageSize.ToString(CultureInfo.InvariantCulture))
                .Add("cursor", cursor);
    }
}
