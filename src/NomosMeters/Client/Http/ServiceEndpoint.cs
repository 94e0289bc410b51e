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
        protected ServiceEndpoint(string name, Uri baseUri)
        {
            Name = name;
            BaseUri = baseUri;
        }

        /// <summary>Gets the service name used in messages: <c>Nomos</c> or <c>Enrollment</c>.</summary>
        public string Name { get; }

        public Uri BaseUri { get; }

        public ITokenProvider? Tokens { get; set; }

        /// <summary>Gets or sets the client-side limit on request starts, or null for none.</summary>
        public RequestRateLimiter? RateLimiter { get; set; }

        public Uri Resolve(string pathAndQuery) => new Uri(BaseUri.AbsoluteUri.TrimEnd('/') + pathAndQuery, UriKind.Absolute);

        /// <summary>Adds the service's own headers (e.g. <c>X-API-Version</c>).</summary>
        public abstract void AddHeaders(HttpRequestMessage request);

        /// <summary>Turns an error response body into an exception that says what went wrong.</summary>
        public abstract ApiRequestException ParseError(int statusCode, string? mediaType, string body, string method, string path, string? requestIdHeader);
    }
}
