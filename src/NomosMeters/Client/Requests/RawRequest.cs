using System.Net.Http;
using System.Text;
using NomosMeters.Client.Http;

namespace NomosMeters.Client.Requests
{
    /// <summary>
    /// A request to any path of one of the APIs (Invoke-NomosRequest): the method, a path checked to stay under
    /// the service's base URI (<see cref="RelativePath"/>), the query and a JSON body. Lists page it with
    /// another query or body per page, the rest stays the same.
    /// </summary>
    internal sealed class RawRequest
    {
        public RawRequest(HttpMethod method, RelativePath path, QueryString query, string? body)
        {
            Method = method;
            Path = path.Path;
            Query = query;
            Body = body;
        }

        public HttpMethod Method { get; }

        /// <summary>Gets the path, percent-encoded, without its query.</summary>
        public string Path { get; }

        /// <summary>Gets the query: the one the path was written with, then the parameters given apart from it.</summary>
        public QueryString Query { get; }

        /// <summary>Gets the JSON body, sent as it is; null for none.</summary>
        public string? Body { get; }

        public string PathAndQuery => Path + Query;

        /// <summary>The request for the transport, with another query or body when given (a page of a list).</summary>
        public ApiRequest ToApiRequest(ServiceEndpoint endpoint, QueryString? query = null, string? body = null)
        {
            var json = body ?? Body;
            return new ApiRequest(Method, Path + (query ?? Query), json == null ? null : () => new StringContent(json, Encoding.UTF8, "application/json"))
            {
                // Nothing is known about what an arbitrary write does: only a search the API documents is repeated freely.
                SafeToRepeat = Method == HttpMethod.Post && endpoint.PostOnlyReads(Path),
            };
        }
    }
}
