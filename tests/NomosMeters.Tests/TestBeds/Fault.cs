namespace NomosMeters.Tests.TestBeds
{
    /// <summary>What the loopback server does to one request instead of (or on top of) answering it normally.</summary>
    public enum Fault
    {
        /// <summary>429 with <c>Retry-After</c> (seconds from <see cref="LoopbackSandbox.RetryAfterSeconds"/>).</summary>
        TooManyRequests,

        /// <summary>500 with <c>Retry-After: 0</c>.</summary>
        InternalServerError,

        /// <summary>503 with <c>Retry-After: 0</c>.</summary>
        ServiceUnavailable,

        /// <summary>500 without <c>Retry-After</c>: the client has to back off by itself.</summary>
        InternalServerErrorNoHint,

        /// <summary>403 with a Nomos error body: a failure that would repeat for every item.</summary>
        Forbidden,

        /// <summary>The real response's headers and half its body, then the connection is reset.</summary>
        ResetMidBody,

        /// <summary>The real response, after <see cref="LoopbackSandbox.SlowDelay"/>.</summary>
        Slow,

        /// <summary>200, application/json, a body cut off in the middle.</summary>
        MalformedJson,

        /// <summary>200, text/html: a proxy's or captive portal's page.</summary>
        HtmlPage,
    }
}
