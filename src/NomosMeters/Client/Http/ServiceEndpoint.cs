using System;
using System.Net.Http;
using NomosMeters.Client.Auth;

namespace NomosMeters.Client.Http
{
    /// <summary>
    /// What differs between the two APIs behind one transport: base URI, credentials, extra headers and the
    /// shape of error bodies.
    /// </summary>
    internal abstract class ServiceEndpoint
    {
        /// <param name="name">The service name used in messages.</param>
        /// <param name="baseUri">Where the service is.</param>
        /// <param name="tokens">Makes the credentials; given the endpoint, since a token provider may sign in at it.</param>
        /// <param name="rateLimiter">When requests may start (a rate of 0 for no client-side limit).</param>
        protected ServiceEndpoint(string name, Uri baseUri, Func<ServiceEndpoint, ITokenProvider> tokens, RequestRateLimiter rateLimiter)
        {
            Name = name;
            BaseUri = baseUri;
            RateLimiter = rateLimiter;
            Tokens = tokens(this);
        }

        /// <summary>Gets the service name used in messages: <c>Nomos</c> or <c>Enrollment</c>.</summary>
        public string Name { get; }

        public Uri BaseUri { get; }

        public ITokenProvider Tokens { get; }

        /// <summary>Gets when requests may start: the client-side rate (0 for none) and the holds the server asks for.</summary>
        public RequestRateLimiter RateLimiter { get; }

        public Uri Resolve(string pathAndQuery) => new Uri(BaseUri.AbsoluteUri.TrimEnd('/') + pathAndQuery, UriKind.Absolute);

        /// <summary>Adds the service's own headers (e.g. <c>X-API-Version</c>).</summary>
        public abstract void AddHeaders(HttpRequestMessage request);

        /// <summary>
        /// Whether a POST to <paramref name="path"/> only reads (a search), so repeating it cannot act twice. The
        /// typed clients mark their own requests; this is for requests to any path (Invoke-NomosRequest).
        /// </summary>
        public virtual bool PostOnlyReads(string path) => false;

        /// <summary>Turns an error response body into an exception that says what went wrong.</summary>
        public abstract ApiRequestException ParseError(int statusCode, string? mediaType, string body, string method, string path, string? requestIdHeader);
    }
}
