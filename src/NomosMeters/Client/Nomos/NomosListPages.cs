using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text.Json.Serialization.Metadata;
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

        private static Task<Page<T>> FetchAsync<T>(ServiceRequestor requestor, string pathAndQuery, JsonTypeInfo<NomosListPage<T>> type, CallContext context)
        {
            var request = new ApiRequest(HttpMethod.Get, pathAndQuery);
            return requestor.SendAsync(request, context, async (response, ct) =>
                (await requestor.ReadJsonAsync(request, response, type, ct).ConfigureAwait(false)).ToPage(requestor, request, response));
        }
    }
}
