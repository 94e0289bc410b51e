using System;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using NomosMeters.Client.Http;
using NomosMeters.Client.Paging;

namespace NomosMeters.Client.Requests
{
    /// <summary>
    /// How one API pages its lists, for requests to any path: where the cursor and page size go in the request,
    /// and where the items and the next cursor are in the answer. <see cref="CursorPager"/> does the walking.
    /// </summary>
    internal interface IListPaging
    {
        /// <summary>Gets the method the API's lists are read with.</summary>
        HttpMethod Method { get; }

        /// <summary>The walk over <paramref name="call"/>'s pages; an <see cref="ArgumentException"/> when the call cannot be paged as given.</summary>
        ListWalk Walk(RawRequest call, PageRange range, ServiceEndpoint endpoint);

        /// <summary>Reads one page; an answer that is no list is a NOT_A_LIST error (<see cref="RawRequestClient.NotAList"/>).</summary>
        Task<Page<JsonElement>> ReadPageAsync(ServiceRequestor requestor, ApiRequest request, HttpResponseMessage response, CancellationToken cancellationToken);
    }

    /// <summary>Where a walk over a list starts (a cursor the caller gave, or null) and the request for the page at each cursor.</summary>
    internal sealed class ListWalk
    {
        public ListWalk(string? startCursor, Func<string?, ApiRequest> pageRequest)
        {
            StartCursor = startCursor;
            PageRequest = pageRequest;
        }

        public string? StartCursor { get; }

        public Func<string?, ApiRequest> PageRequest { get; }
    }
}
