using System;
using System.Net.Http;

namespace NomosMeters.Client.Http
{
    /// <summary>One logical API call. Content is a factory because a retried request needs a fresh body.</summary>
    internal sealed class ApiRequest
    {
        public ApiRequest(HttpMethod method, string pathAndQuery, Func<HttpContent>? content = null)
        {
            Method = method;
            PathAndQuery = pathAndQuery;
            Content = content;
        }

        public HttpMethod Method { get; }

        /// <summary>Gets the path and query relative to the service base URI, already percent-encoded.</summary>
        public string PathAndQuery { get; }

        public Func<HttpContent>? Content { get; }

        /// <summary>Gets or sets whether the bearer token is attached (false for the token endpoint itself).</summary>
        public bool Authenticate { get; set; } = true;

        /// <summary>Gets or sets an Authorization header to send instead of the bearer token (HTTP Basic for /oauth/token).</summary>
        public Func<System.Net.Http.Headers.AuthenticationHeaderValue>? Authorization { get; set; }

        /// <summary>
        /// Gets or sets whether repeating this write cannot act twice: a read sent as POST (a search, a
        /// client-credentials token), or a create the server refuses to repeat (one meter order per subscription).
        /// Such a request is retried after an ambiguous failure like a GET.
        /// </summary>
        public bool SafeToRepeat { get; set; }

        /// <summary>Gets or sets whether request and response bodies hold secrets and must never be traced.</summary>
        public bool SensitiveBody { get; set; }

        /// <summary>
        /// Gets or sets whether a successful response's body holds personal data (names, e-mail addresses, phone numbers,
        /// street addresses): -Debug traces leave it out unless the call asked for it (<see cref="CallContext.TracePersonalData"/>).
        /// </summary>
        public bool PersonalData { get; set; }
    }
}
