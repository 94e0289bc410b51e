using System.Globalization;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using NomosMeters.Client.Http;
using NomosMeters.Client.Json;
using NomosMeters.Client.Paging;
using NomosMeters.Client.Requests;

namespace NomosMeters.Client.Nomos
{
    /// <summary>
    /// The Nomos API's lists, for requests to any path: <c>GET</c> with <c>limit</c> and <c>cursor</c> in the query,
    /// answered with <c>{object: "list", items, has_more, next_page}</c>.
    /// </summary>
    internal sealed class NomosListPaging : IListPaging
    {
        /// <summary>The maximum <c>limit</c> of every list of the API, and the page size asked for unless the caller gives one.</summary>
        public const int MaxPageSize = 100;

        public HttpMethod Method => HttpMethod.Get;

        /// <summary>
        /// A <c>cursor</c> in the query is where the walk starts; a <c>limit</c> there is the page size (shrunk for
        /// -First when the walk starts at the beginning), otherwise the maximum: fewer round trips than the API's default of 10. The other parameters go on
        /// every page unchanged, as cursors require.
        /// </summary>
        public ListWalk Walk(RawRequest call, PageRange range, ServiceEndpoint endpoint)
        {
            var query = new QueryString(call.Query);
            var cursorGiven = query.Remove("cursor");
            var start = string.IsNullOrEmpty(cursorGiven) ? null : cursorGiven;
            var given = query.Find("limit");
            int? pageSize = MaxPageSize;
            if (given != null)
            {
                // A limit that is not a whole number goes to the API as it is, to answer for itself.
                pageSize = int.TryParse(given, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) && limit > 0 ? limit : (int?)null;
                if (pageSize != null)
                {
                    query.Remove("limit");
                }
            }

            var limitText = pageSize == null ? null : range.PageSizeFor(pageSize.Value, start).ToString(CultureInfo.InvariantCulture);
            return new ListWalk(
                start,
                cursor => call.ToApiRequest(endpoint, new QueryString(query).Add("limit", limitText).Add("cursor", cursor)));
        }

        public async Task<Page<JsonElement>> ReadPageAsync(ServiceRequestor requestor, ApiRequest request, HttpResponseMessage response, CancellationToken cancellationToken)
        {
            var root = await requestor.ReadJsonAsync(request, response, NomosJsonContext.Default.JsonElement, cancellationToken).ConfigureAwait(false);
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw RawRequestClient.NotAList(requestor, request, response, "it is a JSON " + root.ValueKind.ToString().ToLowerInvariant());
            }

            // Every object of the API names its kind: "list" for a page, "customer", "invoice", ... for the rest.
            var hasKind = root.TryGetProperty("object", out var kind);
            if (hasKind ? kind.ValueKind != JsonValueKind.String || kind.GetString() != "list" : !root.TryGetProperty("items", out _))
            {
                throw RawRequestClient.NotAList(requestor, request, response, hasKind ? $"its \"object\" is {kind.GetRawText()}" : "it has no \"items\"");
            }

            NomosListPage<JsonElement> page;
            try
            {
                page = root.Deserialize(NomosJsonContext.Default.NomosListPageJsonElement)!;
            }
            catch (JsonException ex)
            {
                throw requestor.InvalidResponse(request, response, "The list response does not have the shape of a list (" + ex.Message + ")");
            }

            return page.ToPage(requestor, request, response);
        }
    }
}
