using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using NomosMeters.Client.Http;
using NomosMeters.Client.Json;
using NomosMeters.Models;

namespace NomosMeters.Client.Nomos
{
    /// <summary>The event operation of the Nomos API: <c>GET /events/{id}</c>. There is no list of events.</summary>
    internal sealed class EventClient
    {
        private readonly ServiceRequestor _requestor;

        public EventClient(ServiceRequestor requestor)
        {
            _requestor = requestor;
        }

        /// <summary><c>GET /events/{id}</c>; a topic this module does not know is kept as sent.</summary>
        public Task<NomosEvent> GetAsync(string id, CallContext context)
        {
            var request = new ApiRequest(HttpMethod.Get, "/events/" + Uri.EscapeDataString(id));
            return _requestor.SendAsync(request, context, (response, ct) => ReadEventAsync(request, response, ct));
        }

        private async Task<NomosEvent> ReadEventAsync(ApiRequest request, HttpResponseMessage response, CancellationToken ct)
        {
            var found = await _requestor.ReadJsonAsync(request, response, NomosJsonContext.Default.NomosEvent, ct).ConfigureAwait(false);
            var problem = NomosEvent.ProblemWith(found);
            if (problem != null)
            {
                throw _requestor.InvalidResponse(request, response, "The event response is not an event: " + problem);
            }

            return found;
        }
    }
}
