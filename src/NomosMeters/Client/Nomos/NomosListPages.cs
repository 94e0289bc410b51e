using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using NomosMeters.Client.Http;
using NomosMeters.Client.Paging;

namespace NomosMeters.Client.Nomos
{
    /// <summary>A Nomos list endpoint (<c>{object, items, next_page, has_more}</c>) walked by the pager, each page's shape checked.</summary>
    internal static class NomosListPages
    {
        /// <summary>Every page of the list at <paramref name="pathAndQuery"/> (given a cursor, or null for the first page), streamed.</summary>
        public static IAsyncEnumerable<T> StreamAsync<T>(
            ServiceRequestor requestor,
            Func<string?, string> pathAndQuery,
            JsonTypeInfo<NomosListPage<T>> type,
            PageRange range,
            string listName,
            CallContext context,
            string? startCursor)
            => CursorPager.StreamAsync((cursor, call) => FetchAsync(requestor, pathAndQuery(cursor), type, call), range, listName, context, startCursor);

        private static async Task<Page<T>> FetchAsync<T>(ServiceRequestor requestor, string pathAndQuery, JsonTypeInfo<NomosListPage<T>> type, CallContext context)
        {
            var request = new ApiRequest(HttpMethod.Get, pathAndQuery);
            var page = await requestor.SendAsync(request, context, (response, ct) => ReadAsync(requestor, request, response, type, ct)).ConfigureAwait(false);
            return new Page<T>(page.Items!, page.HasMore ? page.NextPage : null);
        }

        private static async Task<NomosListPage<T>> ReadAsync<T>(ServiceRequestor requestor, ApiRequest request, HttpResponseMessage response, JsonTypeInfo<NomosListPage<T>> type, CancellationToken ct)
        {
            var page = await requestor.ReadJsonAsync(request, response, type, ct).ConfigureAwait(false);
            if (page.Items == null)
            {
                throw requestor.InvalidResponse(request, response, "The list response has no \"items\"");
            }

            if (page.HasMore && string.IsNullOrEmpty(page.NextPage))
            {
                // Stopping here would silently drop the rest of the list.
                throw requestor.InvalidResponse(request, response, "The list response says has_more but gives no next_page cursor");
            }

            return page;
        }
    }
}
