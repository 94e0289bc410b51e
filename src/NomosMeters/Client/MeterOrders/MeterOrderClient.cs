using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using NomosMeters.Client.Http;
using NomosMeters.Client.Json;
using NomosMeters.Client.Nomos;
using NomosMeters.Client.Paging;
using NomosMeters.Models;

namespace NomosMeters.Client.MeterOrders
{
    /// <summary>The meter-order operations of the Nomos API: URLs, bodies and paging; no PowerShell here.</summary>
    internal sealed class MeterOrderClient
    {
        private readonly NomosEndpoint _endpoint;
        private readonly ApiTransport _transport;

        public MeterOrderClient(NomosEndpoint endpoint, ApiTransport transport)
        {
            _endpoint = endpoint;
            _transport = transport;
        }

        /// <summary><c>GET /meter-orders/{id}</c>; the id is escaped so <c>/</c> or <c>?</c> in it cannot change the path.</summary>
        public Task<MeterOrder> GetAsync(string id, CallContext context)
        {
            var request = new ApiRequest(HttpMethod.Get, "/meter-orders/" + Uri.EscapeDataString(id));
            return _transport.SendForJsonAsync(_endpoint, request, NomosJsonContext.Default.MeterOrder, context);
        }

        /// <summary><c>GET /meter-orders</c>, every page, streamed.</summary>
        public IAsyncEnumerable<MeterOrder> ListAsync(MeterOrderQuery query, PageRange range, CallContext context)
        {
            // When -First asks for fewer objects than a page holds, ask the server for only that many.
            if (range.Needed is ulong needed && needed < (ulong)query.PageSize)
            {
                query.PageSize = (int)Math.Max(1, needed);
            }

            return CursorPager.StreamAsync((cursor, ct) => FetchPageAsync(query, cursor, context), range, "meter order", context.CancellationToken);
        }

        /// <summary><c>POST /meter-orders</c> for one subscription.</summary>
        public Task<MeterOrder> CreateAsync(string subscription, CallContext context)
        {
            var body = JsonSerializer.Serialize(new InsertMeterOrderBody { Subscription = subscription }, NomosJsonContext.Default.InsertMeterOrderBody);
            var request = new ApiRequest(HttpMethod.Post, "/meter-orders", () => new StringContent(body, Encoding.UTF8, "application/json"));
            return _transport.SendForJsonAsync(_endpoint, request, NomosJsonContext.Default.MeterOrder, context);
        }

        private async Task<Page<MeterOrder>> FetchPageAsync(MeterOrderQuery query, string? cursor, CallContext context)
        {
            var request = new ApiRequest(HttpMethod.Get, query.ToPathAndQuery(cursor));
            var page = await _transport.SendAsync(_endpoint, request, context, (response, ct) => ReadPageAsync(request, response, ct)).ConfigureAwait(false);
            return new Page<MeterOrder>(page.Items!, page.HasMore ? page.NextPage : null);
        }

        private async Task<NomosListPage<MeterOrder>> ReadPageAsync(ApiRequest request, HttpResponseMessage response, CancellationToken ct)
        {
            var page = await ApiTransport.ReadJsonAsync(_endpoint, request, response, NomosJsonContext.Default.NomosListPageMeterOrder, ct).ConfigureAwait(false);
            if (page.Items == null)
            {
                throw ApiTransport.InvalidResponse(_endpoint, request, response, "The list response has no \"items\"");
            }

            if (page.HasMore && string.IsNullOrEmpty(page.NextPage))
            {
                // Stopping here would silently drop the rest of the list.
                throw ApiTransport.InvalidResponse(_endpoint, request, response, "The list response says has_more but gives no next_page cursor");
            }

            return page;
        }
    }
}
