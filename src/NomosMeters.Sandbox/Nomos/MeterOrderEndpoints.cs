using System;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace NomosMeters.Sandbox.Nomos
{
    /// <summary>The three meter-order operations of the curie spec: list, retrieve, create. There is no update or cancel.</summary>
    internal sealed class MeterOrderEndpoints
    {
        private readonly MeterOrderStore _store;
        private readonly CursorCodec _cursors;
        private readonly TimeProvider _time;

        public MeterOrderEndpoints(MeterOrderStore store, CursorCodec cursors, TimeProvider time)
        {
            _store = store;
            _cursors = cursors;
            _time = time;
        }

        /// <summary><c>GET /meter-orders</c>: a page of <c>{object,items,next_page,has_more}</c>, newest first.</summary>
        public HttpResponseMessage List(Uri uri)
        {
            var request = ListRequest<SandboxMeterOrder>.Parse(uri.Query, _cursors, MeterOrderFields.All);
            return ListResponse.Create(_store.Page(request.Filters, request.Limit, request.After), request, _cursors, MeterOrderJson.Write);
        }

        /// <summary><c>GET /meter-orders/{id}</c>, the id already percent-decoded.</summary>
        public HttpResponseMessage Get(string id)
        {
            var order = _store.Find(id) ?? throw NomosProblem.NotFound($"Meter order '{id}' was not found");
            return JsonResponse.Create(HttpStatusCode.OK, w => MeterOrderJson.Write(w, order));
        }

        /// <summary><c>POST /meter-orders</c>: answers 200 (not 201) with the new order, status <c>created</c>.</summary>
        public async Task<HttpResponseMessage> CreateAsync(HttpContent? content, CancellationToken cancellationToken)
        {
            var subscription = await CreateMeterOrderBody.ReadSubscriptionAsync(content, cancellationToken).ConfigureAwait(false);

            // Whole milliseconds: the API's timestamps carry no more, and cursors must round-trip created_at exactly.
            var now = DateTimeOffset.FromUnixTimeMilliseconds(_time.GetUtcNow().ToUnixTimeMilliseconds());
            var order = _store.Create(subscription, now);
            return JsonResponse.Create(HttpStatusCode.OK, w => MeterOrderJson.Write(w, order));
        }
    }
}
