using System;
using System.Net.Http;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;

namespace NomosMeters.Client.Http
{
    /// <summary>
    /// The transport bound to one service's endpoint: what a client calls to send its requests and read their
    /// answers, without handing the endpoint back on every call.
    /// </summary>
    internal sealed class ServiceRequestor
    {
        public ServiceRequestor(ServiceEndpoint endpoint, ApiTransport transport)
        {
            Endpoint = endpoint;
            Transport = transport;
        }

        public ServiceEndpoint Endpoint { get; }

        public ApiTransport Transport { get; }

        /// <summary>Gets the clock of the transport (retry waits, token lifetimes, "created since" checks).</summary>
        public TimeProvider Time => Transport.Options.Time;

        /// <summary>Sends the request and deserialises a successful JSON body, read whole first (<see cref="ResponseBody"/>).</summary>
        public Task<T> SendForJsonAsync<T>(ApiRequest request, JsonTypeInfo<T> type, CallContext context)
            => Transport.SendForJsonAsync(Endpoint, request, type, context);

        /// <summary>Sends the request and hands a successful response to <paramref name="readSuccess"/> within the same timeout.</summary>
        public Task<T> SendAsync<T>(ApiRequest request, CallContext context, Func<HttpResponseMessage, CancellationToken, Task<T>> readSuccess)
            => Transport.SendAsync(Endpoint, request, context, readSuccess);

        /// <summary>Reads a successful JSON body; a body that is not JSON of that type is an INVALID_RESPONSE error.</summary>
        public Task<T> ReadJsonAsync<T>(ApiRequest request, HttpResponseMessage response, JsonTypeInfo<T> type, CancellationToken cancellationToken)
            => ApiTransport.ReadJsonAsync(Endpoint, request, response, type, cancellationToken);

        /// <summary>An answer of the wrong shape (e.g. a list without its items): an INVALID_RESPONSE error that says what is wrong.</summary>
        public ApiRequestException InvalidResponse(ApiRequest request, HttpResponseMessage response, string problem)
            => ApiTransport.InvalidResponse(Endpoint, request, response, problem);
    }
}
