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
    /// <summary>The meter-reading operations of the Nomos API: list (cursor paged, filtered) and record one; no PowerShell here.</summary>
    internal sealed class MeterReadingClient
    {
        private readonly ServiceRequestor _requestor;

        public MeterReadingClient(ServiceRequestor requestor)
        {
            _requestor = requestor;
        }

        /// <summary><c>GET /meter-readings</c>, every page, streamed, newest first.</summary>
        public IAsyncEnumerable<MeterReading> ListAsync(MeterReadingQuery query, PageRange range, CallContext context, string? startCursor = null)
        {
            query.PageSize = range.PageSizeFor(query.PageSize, startCursor);
            return NomosListPages.StreamAsync(_requestor, query.ToPathAndQuery, NomosJsonContext.Default.NomosListPageMeterReading, range, "meter reading", context, startCursor);
        }

        /// <summary>
        /// <c>POST /meter-readings</c>: records one reading. Nothing on the server refuses a second copy of it, so the
        /// POST is never repeated once it may have reached the server (not <see cref="ApiRequest.SafeToRepeat"/>): only
        /// after a 429 or when no connection could be made. The API moves the timestamp to the start of its Berlin day.
        /// </summary>
        public Task<MeterReading> CreateAsync(InsertMeterReadingBody reading, CallContext context)
        {
            var body = JsonSerializer.Serialize(reading, NomosJsonContext.Default.InsertMeterReadingBody);
            var request = new ApiRequest(HttpMethod.Post, "/meter-readings", () => new StringContent(body, Encoding.UTF8, "application/json"));
            return _requestor.SendForJsonAsync(request, NomosJsonContext.Default.MeterReading, context);
        }
    }
}
