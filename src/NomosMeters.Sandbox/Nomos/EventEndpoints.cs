using System.Net;
using System.Net.Http;

namespace NomosMeters.Sandbox.Nomos
{
    /// <summary>The one event operation of the curie spec: <c>GET /events/{id}</c>. There is no list of events.</summary>
    internal sealed class EventEndpoints
    {
        private readonly MeterOrderStore _store;

        public EventEndpoints(MeterOrderStore store)
        {
            _store = store;
        }

        /// <summary><c>GET /events/{id}</c>, the id already percent-decoded.</summary>
        public HttpResponseMessage Get(string id)
        {
            var found = _store.FindEvent(id) ?? throw NomosProblem.NotFound($"Event '{id}' was not found");
            return JsonResponse.Create(HttpStatusCode.OK, w => EventJson.Write(w, found));
        }
    }
}
