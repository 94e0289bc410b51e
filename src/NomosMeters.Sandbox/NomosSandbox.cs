using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using NomosMeters.Sandbox.Enrollment;
using NomosMeters.Sandbox.Nomos;

namespace NomosMeters.Sandbox
{
    /// <summary>
    /// An in-process emulator of the Nomos API (<c>/oauth/token</c>, <c>/meter-orders</c>, <c>/meter-readings</c>, <c>/events/{id}</c>) and the meter enrollment API
    /// (<c>/v2/meters/...</c>) with deterministic seeded data. All state lives here; it is safe for concurrent requests.
    /// </summary>
    public sealed class NomosSandbox
    {
        /// <summary>The base URI the module uses for the Nomos API of the sandbox (never resolved: requests stay in process).</summary>
        public const string NomosBaseUri = "https://nomos.sandbox.invalid";

        /// <summary>The base URI the module uses for the enrollment API of the sandbox.</summary>
        public const string EnrollmentBaseUri = "https://enrollment.sandbox.invalid";

        private static readonly string NomosHost = new Uri(NomosBaseUri).Host;
        private static readonly string EnrollmentHost = new Uri(EnrollmentBaseUri).Host;

        private readonly NomosEmulator _nomos;
        private readonly Lazy<EnrollmentEmulator> _enrollment;
        private readonly ConcurrentQueue<string> _requestLog = new ConcurrentQueue<string>();
        private int _requestCount;

        /// <summary>Initializes a new instance of the <see cref="NomosSandbox"/> class and seeds its data.</summary>
        /// <param name="options">Credentials, clock and data size; the defaults when null.</param>
        public NomosSandbox(SandboxOptions? options = null)
        {
            Options = options ?? new SandboxOptions();
            if (Options.Time == null)
            {
                throw new ArgumentException("SandboxOptions.Time must be set.", nameof(options));
            }

            if (Options.MeterOrderCount < 0 || Options.MeterEnrollmentCount < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(options), "SandboxOptions counts cannot be negative.");
            }

            // Read once: a sandbox that lives past midnight keeps its data; the next one starts from the new day.
            Anchor = Timeline.AnchorFor(Options.Time.GetUtcNow());
            _nomos = new NomosEmulator(Options, Anchor);

            // Seeded on first use: most Nomos-only sessions never touch the enrollment API.
            _enrollment = new Lazy<EnrollmentEmulator>(
                () => new EnrollmentEmulator(Options.EnrollmentApiKey, Options.Seed, Options.MeterEnrollmentCount, Anchor),
                LazyThreadSafetyMode.ExecutionAndPublication);
        }

        /// <summary>Gets the options the sandbox was created with.</summary>
        public SandboxOptions Options { get; }

        /// <summary>
        /// Gets the start of the UTC day (on <see cref="SandboxOptions.Time"/>) the sandbox was created on. The seeded
        /// history ends there: everything that has happened happened before it; appointments, delivery periods and
        /// deadlines can lie after it. The same seed on the same day gives the same data; on another day the same ids.
        /// </summary>
        public DateTimeOffset Anchor { get; }

        /// <summary>Gets a snapshot of the meter orders (seeded and created), newest first as the API lists them.</summary>
        public IReadOnlyList<SandboxMeterOrder> MeterOrders => _nomos.Store.MeterOrders();

        /// <summary>
        /// Gets every meter reading (seeded and created), newest first as the API lists them. The seeded ones are drawn
        /// as the enumeration reaches their day, so enumerating all of them never holds them all.
        /// </summary>
        public IEnumerable<SandboxMeterReading> MeterReadings => _nomos.Readings.Readings(ReadingScope.All);

        /// <summary>Gets the meter readings of the given subscriptions, newest first as the API lists them.</summary>
        /// <param name="subscriptions">Subscription ids (<c>sub_</c>).</param>
        /// <returns>The readings, in one list.</returns>
        public IReadOnlyList<SandboxMeterReading> MeterReadingsOf(params string[] subscriptions)
            => _nomos.Readings.Readings(ReadingScope.Of(subscriptions)).ToList();

        /// <summary>Gets a snapshot of the subscriptions, with and without a meter order.</summary>
        public IReadOnlyList<SandboxSubscription> Subscriptions => _nomos.Store.Subscriptions();

        /// <summary>
        /// Gets the ids of the well-known subscriptions: every sandbox starts with them, without a meter order, on every
        /// day and with every seed (the first, <c>sub_4k2m9x7q1w8e5r3t6y0u2i4o</c>, is the one the documentation uses).
        /// </summary>
        public static IReadOnlyList<string> WellKnownSubscriptions => Nomos.WellKnownSubscriptions.Ids;

        /// <summary>Gets the ids of the well-known subscriptions that still have no meter order, in their fixed order.</summary>
        public IReadOnlyList<string> FreeSubscriptions
            => _nomos.Store.Subscriptions().Where(s => !s.HasMeterOrder && Nomos.WellKnownSubscriptions.Contains(s.Id)).Select(s => s.Id).ToArray();

        /// <summary>
        /// Gets the events of a meter order's lifecycle so far, oldest first, as <c>GET /events/{id}</c> serves them: every
        /// order has <c>meter_order.created</c>, one event per status reached, and <c>meter_order.blocked</c> when it is
        /// blocked; an order created through the API has <c>meter_order.created</c>. None for an unknown order.
        /// </summary>
        /// <param name="meterOrderId">The <c>prdo_</c> id.</param>
        /// <returns>The events.</returns>
        public IReadOnlyList<SandboxEvent> EventsOf(string meterOrderId) => _nomos.Store.EventsOf(meterOrderId);

        /// <summary>
        /// The webhook delivery Nomos would make of an event: its body (as <c>GET /events/{id}</c> serves it) and its
        /// <c>X-Nomos-Signature</c>, signed at <paramref name="signedAt"/> with <see cref="SandboxOptions.WebhookSecret"/>.
        /// </summary>
        /// <param name="eventId">The <c>evt_</c> id of a sandbox event.</param>
        /// <param name="signedAt">When the delivery is signed.</param>
        /// <returns>The delivery.</returns>
        public SandboxDelivery Deliver(string eventId, DateTimeOffset signedAt)
        {
            var found = _nomos.Store.FindEvent(eventId) ?? throw new ArgumentException($"The sandbox has no event '{eventId}'.", nameof(eventId));
            var body = System.Text.Encoding.UTF8.GetString(JsonResponse.Bytes(w => EventJson.Write(w, found)));
            return new SandboxDelivery(body, WebhookSigner.Sign(Options.WebhookSecret, body, signedAt));
        }

        /// <summary>Gets the seeded meters of the enrollment API, newest first as it pages them.</summary>
        public IReadOnlyList<SandboxMeterEnrollment> MeterEnrollments => _enrollment.Value.Meters;

        /// <summary>Gets the details of the same meters (customer, site, device, utility), in the same order.</summary>
        public IReadOnlyList<SandboxMeterDetail> MeterDetails => _enrollment.Value.Details;

        /// <summary>Gets how many requests the sandbox has handled, whatever their outcome.</summary>
        public int RequestCount => Volatile.Read(ref _requestCount);

        /// <summary>Gets how many successful <c>POST /oauth/token</c> responses the sandbox has sent.</summary>
        public int TokensIssued => _nomos.Tokens.IssuedCount;

        /// <summary>Gets <c>"METHOD pathAndQuery"</c> of each request in arrival order, with the query as received.</summary>
        public IReadOnlyList<string> RequestLog => _requestLog.ToArray();

        /// <summary>Creates a handler that serves requests from this sandbox; each call returns a new handler over the same state.</summary>
        /// <returns>A handler for an <see cref="HttpClient"/>, which disposes it.</returns>
        public HttpMessageHandler CreateHandler() => new SandboxHttpHandler(this);

        /// <summary>Handles one request: what <see cref="CreateHandler"/> does, for hosts (e.g. a test web server) that own the transport.</summary>
        /// <param name="request">The request; a relative URI is taken relative to <see cref="NomosBaseUri"/>.</param>
        /// <param name="cancellationToken">Cancels the request.</param>
        /// <returns>The response.</returns>
        public async Task<HttpResponseMessage> HandleAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request == null)
            {
                throw new ArgumentNullException(nameof(request));
            }

            cancellationToken.ThrowIfCancellationRequested();
            var uri = request.RequestUri == null ? new Uri(NomosBaseUri + "/")
                : request.RequestUri.IsAbsoluteUri ? request.RequestUri
                : new Uri(new Uri(NomosBaseUri), request.RequestUri);
            if (!ReferenceEquals(uri, request.RequestUri))
            {
                // Only a request nobody has sent yet can be relative; a sent one refuses changes.
                request.RequestUri = uri;
            }

            Interlocked.Increment(ref _requestCount);
            _requestLog.Enqueue(request.Method.Method + " " + uri.PathAndQuery);

            var response = IsEnrollment(uri)
                ? await _enrollment.Value.HandleAsync(request, cancellationToken).ConfigureAwait(false)
                : await _nomos.HandleAsync(request, cancellationToken).ConfigureAwait(false);
            response.RequestMessage = request;
            return response;
        }

        // Each API answers every path of its own host, unknown ones with its own 404; a host that serves both (a
        // loopback server with one address) tells them apart by the enrollment API's /v2/ paths.
        private static bool IsEnrollment(Uri uri)
            => uri.Host == EnrollmentHost || (uri.Host != NomosHost && EnrollmentEmulator.Handles(uri.AbsolutePath));
    }
}
