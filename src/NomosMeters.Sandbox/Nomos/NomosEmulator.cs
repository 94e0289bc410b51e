using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace NomosMeters.Sandbox.Nomos
{
    /// <summary>
    /// The Nomos API: routes <c>/oauth/token</c>, <c>/meter-orders</c>, <c>/meter-readings</c> and <c>/events/{id}</c>, checks the Bearer token and
    /// <c>X-API-Version</c>, and answers every failure with the error envelope plus <c>X-Request-Id</c>.
    /// </summary>
    internal sealed class NomosEmulator
    {
        /// <summary>The one version emulated; also what a request without <c>X-API-Version</c> gets.</summary>
        public const string ApiVersion = "2026-05-27.curie";

        private const string MeterOrdersPath = "/meter-orders";
        private const string EventsPath = "/events/";
        private const string MeterReadingsPath = "/meter-readings";

        private readonly TokenEndpoint _tokenEndpoint;
        private readonly MeterOrderEndpoints _meterOrders;
        private readonly EventEndpoints _events;
        private readonly MeterReadingEndpoints _meterReadings;

        public NomosEmulator(SandboxOptions options, DateTimeOffset anchor)
        {
            Tokens = new TokenStore(options);
            var seed = MeterOrderSeed.Create(options.Seed, options.MeterOrderCount, anchor);
            Store = new MeterOrderStore(seed, options.Seed, anchor);
            Readings = new MeterReadingStore(seed, options.Seed, anchor, options.Time);
            var cursors = new CursorCodec(options.Seed);
            _tokenEndpoint = new TokenEndpoint(options, Tokens);
            _meterOrders = new MeterOrderEndpoints(Store, cursors, options.Time);
            _events = new EventEndpoints(Store);
            _meterReadings = new MeterReadingEndpoints(Readings, cursors);
        }

        public TokenStore Tokens { get; }

        public MeterOrderStore Store { get; }

        public MeterReadingStore Readings { get; }

        public async Task<HttpResponseMessage> HandleAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var requestId = Guid.NewGuid().ToString("D");
            HttpResponseMessage response;
            try
            {
                response = await RouteAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch (NomosProblem problem)
            {
                response = NomosErrorResponse.Create(problem, requestId);
            }
            catch (Exception ex) when (!(ex is OperationCanceledException))
            {
                response = NomosErrorResponse.Create(new NomosProblem(HttpStatusCode.InternalServerError, "Internal Server Error: " + ex.Message), requestId);
            }

            response.Headers.TryAddWithoutValidation("X-Request-Id", requestId);
            response.Headers.TryAddWithoutValidation("X-API-Version", ApiVersion);
            return response;
        }

        private async Task<HttpResponseMessage> RouteAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var uri = request.RequestUri!;
            var path = uri.AbsolutePath;
            var method = request.Method;

            // The token endpoint authenticates the client itself and is not versioned.
            if (path == TokenEndpoint.Path)
            {
                return await _tokenEndpoint.HandleAsync(request, cancellationToken).ConfigureAwait(false);
            }

            Authorize(request);
            CheckApiVersion(request);
            if (path == MeterOrdersPath)
            {
                return await ListOrCreateAsync(request, _meterOrders.List, _meterOrders.CreateAsync, cancellationToken).ConfigureAwait(false);
            }

            if (path == MeterReadingsPath)
            {
                return await ListOrCreateAsync(request, _meterReadings.List, _meterReadings.CreateAsync, cancellationToken).ConfigureAwait(false);
            }

            // One more segment is an id; it may itself contain an encoded '/' (%2F), which stays within the segment.
            var prefix = MeterOrdersPath + "/";
            if (path.StartsWith(prefix, StringComparison.Ordinal) && path.Length > prefix.Length && path.IndexOf('/', prefix.Length) < 0)
            {
                if (method != HttpMethod.Get)
                {
                    throw NomosProblem.MethodNotAllowed(method.Method, path, "GET");
                }

                return _meterOrders.Get(Uri.UnescapeDataString(path.Substring(prefix.Length)));
            }

            if (path.StartsWith(EventsPath, StringComparison.Ordinal) && path.Length > EventsPath.Length && path.IndexOf('/', EventsPath.Length) < 0)
            {
                if (method != HttpMethod.Get)
                {
                    throw NomosProblem.MethodNotAllowed(method.Method, path, "GET");
                }

                return _events.Get(Uri.UnescapeDataString(path.Substring(EventsPath.Length)));
            }

            throw NomosProblem.NotFound($"No resource at {path}");
        }

        // A collection: GET lists it, POST creates in it, any other method is refused.
        private static async Task<HttpResponseMessage> ListOrCreateAsync(
            HttpRequestMessage request,
            Func<Uri, HttpResponseMessage> list,
            Func<HttpContent?, CancellationToken, Task<HttpResponseMessage>> create,
            CancellationToken cancellationToken)
        {
            if (request.Method == HttpMethod.Get)
            {
                return list(request.RequestUri!);
            }

            if (request.Method == HttpMethod.Post)
            {
                return await create(request.Content, cancellationToken).ConfigureAwait(false);
            }

            throw NomosProblem.MethodNotAllowed(request.Method.Method, request.RequestUri!.AbsolutePath, "GET, POST");
        }

        private void Authorize(HttpRequestMessage request)
        {
            var authorization = request.Headers.Authorization;
            var valid = authorization != null
                && string.Equals(authorization.Scheme, "Bearer", StringComparison.OrdinalIgnoreCase)
                && authorization.Parameter != null
                && Tokens.IsValid(authorization.Parameter);
            if (!valid)
            {
                throw NomosProblem.Unauthorized("Unauthorized: missing, invalid or expired token", "Bearer");
            }
        }

        private static void CheckApiVersion(HttpRequestMessage request)
        {
            if (!request.Headers.TryGetValues("X-API-Version", out var values))
            {
                return;
            }

            var received = values.ToList();
            if (received.Count != 1 || received[0].Trim() != ApiVersion)
            {
                throw NomosProblem.BadField(
                    "upgrade_api_version",
                    "X-API-Version",
                    $"The sandbox emulates API version {ApiVersion} only; received '{string.Join(", ", received)}'. Send X-API-Version: {ApiVersion} or omit the header.");
            }
        }
    }
}
