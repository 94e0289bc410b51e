using System;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace NomosMeters.Sandbox.Nomos
{
    /// <summary>The two meter-reading operations of the curie spec: list (cursor paged, filtered) and create a customer report.</summary>
    internal sealed class MeterReadingEndpoints
    {
        private readonly MeterReadingStore _store;
        private readonly CursorCodec _cursors;

        public MeterReadingEndpoints(MeterReadingStore store, CursorCodec cursors)
        {
            _store = store;
            _cursors = cursors;
        }

        /// <summary><c>GET /meter-readings</c>: a page of <c>{object,items,next_page,has_more}</c>, newest first.</summary>
        public HttpResponseMessage List(Uri uri)
        {
            var request = ListRequest<SandboxMeterReading>.Parse(uri.Query, _cursors, MeterReadingFields.All);
            return ListResponse.Create(_store.Page(request.Filters, request.Limit, request.After), request, _cursors, MeterReadingJson.Write);
        }

        /// <summary><c>POST /meter-readings</c>: answers 200 with the reading, its timestamp moved to the start of its day in Europe/Berlin.</summary>
        public async Task<HttpResponseMessage> CreateAsync(HttpContent? content, CancellationToken cancellationToken)
        {
            var body = await CreateMeterReadingBody.ReadAsync(content, cancellationToken).ConfigureAwait(false);
            var reading = _store.Create(body.Subscription, body.Value, body.Timestamp);
            return JsonResponse.Create(HttpStatusCode.OK, w => MeterReadingJson.Write(w, reading));
        }
    }
}
