using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace NomosMeters.Sandbox.Enrollment
{
    /// <summary>
    /// The meter enrollment API (<c>/v2/meters/...</c>): each meter's enrollment and its details, static Bearer API key,
    /// one strict search behind both search endpoints, opaque page tokens bound to the filters, <c>{title,status,details}</c>
    /// errors.
    /// </summary>
    internal sealed class EnrollmentEmulator
    {
        private const string EnrollmentSearchPath = "/v2/meters/enrollments/search";
        private const string DetailSearchPath = "/v2/meters/search";

        private readonly string _apiKey;
        private readonly SandboxMeterEnrollment[] _ordered;
        private readonly Dictionary<Guid, SandboxMeterEnrollment> _byId;
        private readonly Dictionary<Guid, SandboxMeterDetail> _details;
        private readonly MeterSearchPages _pages;

        public EnrollmentEmulator(string apiKey, int seed, int meterCount, DateTimeOffset anchor)
        {
            _apiKey = apiKey;
            // Newest first, then by id: a total order for keyset paging.
            _ordered = EnrollmentSeed.Create(seed, meterCount, anchor)
                .OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.MeterId.ToString("D"), StringComparer.Ordinal).ToArray();
            _byId = _ordered.ToDictionary(m => m.MeterId);
            Details = _ordered.Select(m => MeterDetailSeed.Create(seed, m)).ToArray();
            _details = Details.ToDictionary(d => d.MeterId);
            _pages = new MeterSearchPages(_ordered, seed);
        }

        public IReadOnlyList<SandboxMeterEnrollment> Meters => _ordered;

        /// <summary>Gets the details of every meter, in the order of <see cref="Meters"/>.</summary>
        public IReadOnlyList<SandboxMeterDetail> Details { get; }

        public static bool Handles(string path) => path.StartsWith("/v2/", StringComparison.Ordinal);

        public async Task<HttpResponseMessage> HandleAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var path = request.RequestUri!.AbsolutePath;
            if (!IsAuthorized(request))
            {
                return EnrollmentErrors.Create(HttpStatusCode.Unauthorized, "Unauthorized");
            }

            if (path == EnrollmentSearchPath || path == DetailSearchPath)
            {
                if (request.Method != HttpMethod.Post)
                {
                    return EnrollmentErrors.Create(HttpStatusCode.MethodNotAllowed, "Method not allowed");
                }

                var body = request.Content == null ? string.Empty : await request.Content.ReadAsStringAsync().ConfigureAwait(false);
                cancellationToken.ThrowIfCancellationRequested();
                return path == EnrollmentSearchPath
                    ? _pages.Search(path, body, EnrollmentJson.WriteMeter)
                    : _pages.Search(path, body, (w, meter) => MeterDetailJson.WriteMeter(w, _details[meter.MeterId]));
            }

            // GET /v2/meters/{meter_id}/enrollments and GET /v2/meters/{meter_id} (the details).
            var segments = path.Split('/');
            var meters = segments.Length >= 4 && segments[1] == "v2" && segments[2] == "meters";
            var enrollment = meters && segments.Length == 5 && segments[4] == "enrollments";
            var detail = meters && segments.Length == 4;
            if (!enrollment && !detail)
            {
                return EnrollmentErrors.Create(HttpStatusCode.NotFound, "Not found", ("path", path));
            }

            if (request.Method != HttpMethod.Get)
            {
                return EnrollmentErrors.Create(HttpStatusCode.MethodNotAllowed, "Method not allowed");
            }

            var raw = Uri.UnescapeDataString(segments[3]);
            if (!Guid.TryParseExact(raw, "D", out var id))
            {
                return EnrollmentErrors.Create(HttpStatusCode.BadRequest, "Meter id is not a UUID", ("meter_id", raw));
            }

            if (!_byId.TryGetValue(id, out var meter))
            {
                return EnrollmentErrors.Create(HttpStatusCode.NotFound, "Meter not found", ("meter_id", raw));
            }

            return enrollment
                ? JsonResponse.Create(HttpStatusCode.OK, w => EnrollmentJson.WriteMeter(w, meter))
                : JsonResponse.Create(HttpStatusCode.OK, w => MeterDetailJson.WriteMeter(w, _details[id]));
        }

        private bool IsAuthorized(HttpRequestMessage request)
        {
            var auth = request.Headers.Authorization;
            return auth != null && string.Equals(auth.Scheme, "Bearer", StringComparison.OrdinalIgnoreCase) && auth.Parameter == _apiKey;
        }
    }
}
