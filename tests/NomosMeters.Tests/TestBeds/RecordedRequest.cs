using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;

namespace NomosMeters.Tests.TestBeds
{
    /// <summary>One request as it reached the server, and what the server answered once it has.</summary>
    public sealed class RecordedRequest
    {
        private int _status;

        internal RecordedRequest(HttpRequestMessage request, string? body, Fault? fault = null)
        {
            Method = request.Method.Method;
            Uri = request.RequestUri!;
            Body = body;
            ContentType = request.Content?.Headers.ContentType?.ToString();
            Headers = request.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
            Fault = fault;
        }

        public string Method { get; }

        public Uri Uri { get; }

        /// <summary>Gets the URI exactly as sent: scheme, host, path and query with their percent-encoding.</summary>
        public string Wire => Uri.AbsoluteUri;

        public string? Body { get; }

        public string? ContentType { get; }

        public Dictionary<string, string> Headers { get; }

        /// <summary>Gets the fault the loopback server put on this request instead of (or before) its real answer, if any.</summary>
        public Fault? Fault { get; }

        /// <summary>Gets the status answered, or null while unanswered (or when the connection failed first).</summary>
        public int? Status => Volatile.Read(ref _status) is var status && status != 0 ? status : null;

        /// <summary>Gets the token endpoint's answer: it holds the access and refresh tokens issued. Null for other requests.</summary>
        public string? TokenResponse { get; private set; }

        /// <summary>Gets whether this went to the Nomos token endpoint rather than to an API.</summary>
        public bool IsToken => Uri.AbsolutePath.EndsWith("/oauth/token", StringComparison.Ordinal);

        /// <summary>Gets whether this went to the enrollment API: the paths under /v2/, which is how the sandbox routes them too.</summary>
        public bool IsEnrollment => Uri.AbsolutePath.StartsWith("/v2/", StringComparison.Ordinal);

        public string? Header(string name) => Headers.TryGetValue(name, out var v) ? v : null;

        internal void Answered(int status, string? tokenResponse = null)
        {
            TokenResponse = tokenResponse;
            Volatile.Write(ref _status, status);
        }
    }
}
