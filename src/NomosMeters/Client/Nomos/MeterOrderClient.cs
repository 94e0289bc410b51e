using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using NomosMeters.Client.Http;
using NomosMeters.Client.Json;
using NomosMeters.Client.Paging;
using NomosMeters.Models;

namespace NomosMeters.Client.Nomos
{
    /// <summary>The meter-order operations of the Nomos API: URLs, bodies and paging; no PowerShell here.</summary>
    internal sealed class MeterOrderClient
    {
        private readonly ServiceRequestor _requestor;

        public MeterOrderClient(ServiceRequestor requestor)
        {
            _requestor = requestor;
        }

        /// <summary><c>GET /meter-orders/{id}</c>; the id is escaped so <c>/</c> or <c>?</c> in it cannot change the path.</summary>
        public Task<MeterOrder> GetAsync(string id, CallContext context)
        {
            var request = new ApiRequest(HttpMethod.Get, "/meter-orders/" + Uri.EscapeDataString(id));
            return _requestor.SendForJsonAsync(request, NomosJsonContext.Default.MeterOrder, context);
        }

        /// <summary><c>GET /meter-orders</c>, every page, streamed.</summary>
        public IAsyncEnumerable<MeterOrder> ListAsync(MeterOrderQuery query, PageRange range, CallContext context, string? startCursor = null)
        {
            query.PageSize = range.PageSizeFor(query.PageSize, startCursor);
            return NomosListPages.StreamAsync(_requestor, query.ToPathAndQuery, NomosJsonContext.Default.NomosListPageMeterOrder, range, "meter order", context, startCursor);
        }

        /// <summary>
        /// <c>POST /meter-orders</c> for one subscription. A subscription has at most one order ever, so the server
        /// refuses a repeat (<c>duplicate_meter_order</c>) rather than creating a second order: the POST is retried
        /// like a GET, and a duplicate met on a retry is the order an earlier attempt created, which is returned.
        /// </summary>
        public async Task<MeterOrder> CreateAsync(string subscription, CallContext context)
        {
            var body = JsonSerializer.Serialize(new InsertMeterOrderBody { Subscription = subscription }, NomosJsonContext.Default.InsertMeterOrderBody);
            var request = new ApiRequest(HttpMethod.Post, "/meter-orders", () => new StringContent(body, Encoding.UTF8, "application/json"))
            {
                SafeToRepeat = true,
            };
            var started = _requestor.Time.GetUtcNow();
            try
            {
                return await _requestor.SendForJsonAsync(request, NomosJsonContext.Default.MeterOrder, context).ConfigureAwait(false);
            }
            catch (ApiRequestException ex) when (ex.Attempts > 1 && ex.BusinessCode == "duplicate_meter_order")
            {
                var existing = await FindCreatedSinceAsync(subscription, started - CreatedClockSkew, context).ConfigureAwait(false);
                if (existing == null)
                {
                    throw;
                }

                context.Log.Verbose($"POST /meter-orders: an earlier attempt created meter order {existing.Id} for {subscription}; returning it.");
                return existing;
            }
        }

        // Server and client clocks differ; an order this much older than the call was not made by it.
        private static readonly TimeSpan CreatedClockSkew = TimeSpan.FromMinutes(2);

        private async Task<MeterOrder?> FindCreatedSinceAsync(string subscription, DateTimeOffset since, CallContext context)
        {
            var query = new MeterOrderQuery { Subscriptions = new[] { subscription }, PageSize = 1 };
            await foreach (var order in ListAsync(query, new PageRange(0, 1), context).ConfigureAwait(false))
            {
                return order.CreatedAt >= since ? order : null;
            }

            return null;
        }
    }
}
