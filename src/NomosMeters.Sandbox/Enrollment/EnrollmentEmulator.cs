using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace NomosMeters.Sandbox.Enrollment
{
    /// <summary>
    /// The meter enrollment API (<c>/v2/meters/...</c>): static Bearer API key, strict search validation, opaque
    /// page tokens bound to the filters, <c>{title,status,details}</c> errors.
    /// </summary>
    internal sealed class EnrollmentEmulator
    {
        private const string SearchPath = "/v2/meters/enrollments/search";

        private readonly string _apiKey;
        private readonly SandboxMeterEnrollment[] _ordered;
        private readonly Dictionary<Guid, SandboxMeterEnrollment> _byId;
        private readonly byte[] _tokenKey;

        public EnrollmentEmulator(string apiKey, int seed, int meterCount, DateTimeOffset anchor)
        {
            _apiKey = apiKey;
            // Newest first, then by id: a total order for keyset paging.
            _ordered = EnrollmentSeed.Create(seed, meterCount, anchor)
                .OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.MeterId.ToString("D"), StringComparer.Ordinal).ToArray();
            _byId = _ordered.ToDictionary(m => m.MeterId);
            // From the seed, not at random: the same seed gives the same pages, page tokens included.
            _tokenKey = SeedKey.For("enrollment-sandbox-page-token", seed);
        }

        public IReadOnlyList<SandboxMeterEnrollment> Meters => _ordered;

        public static bool Handles(string path) => path.StartsWith("/v2/", StringComparison.Ordinal);

        public async Task<HttpResponseMessage> HandleAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var path = request.RequestUri!.AbsolutePath;
            if (!IsAuthorized(request))
            {
                return Error(HttpStatusCode.Unauthorized, "Unauthorized");
            }

            if (path == SearchPath)
            {
                if (request.Method != HttpMethod.Post)
                {
                    return Error(HttpStatusCode.MethodNotAllowed, "Method not allowed");
                }

                var body = request.Content == null ? string.Empty : await request.Content.ReadAsStringAsync().ConfigureAwait(false);
                cancellationToken.ThrowIfCancellationRequested();
                return Search(body);
            }

            var segments = path.Split('/');
            if (segments.Length == 5 && segments[2] == "meters" && segments[4] == "enrollments")
            {
                if (request.Method != HttpMethod.Get)
                {
                    return Error(HttpStatusCode.MethodNotAllowed, "Method not allowed");
                }

                var raw = Uri.UnescapeDataString(segments[3]);
                if (!Guid.TryParseExact(raw, "D", out var id))
                {
                    return Error(HttpStatusCode.BadRequest, "Meter id is not a UUID", ("meter_id", raw));
                }

                return _byId.TryGetValue(id, out var meter)
                    ? JsonResponse.Create(HttpStatusCode.OK, w => EnrollmentJson.WriteMeter(w, meter))
                    : Error(HttpStatusCode.NotFound, "Meter not found", ("meter_id", raw));
            }

            return Error(HttpStatusCode.NotFound, "Not found", ("path", path));
        }

        private bool IsAuthorized(HttpRequestMessage request)
        {
            var auth = request.Headers.Authorization;
            return auth != null && string.Equals(auth.Scheme, "Bearer", StringComparison.OrdinalIgnoreCase) && auth.Parameter == _apiKey;
        }

        private HttpResponseMessage Search(string body)
        {
            var search = EnrollmentSearchRequest.Parse(body, out var problem);
            if (search == null)
            {
                return Error(HttpStatusCode.BadRequest, "Bad Request", (problem.Key, problem.Value));
            }

            var start = 0;
            if (search.PageToken != null)
            {
                var resume = ReadToken(search.PageToken, search.CanonicalFilter);
                if (resume == null)
                {
                    return Error(HttpStatusCode.BadRequest, "Invalid page token", ("page_token", "The token is unknown, tampered with, or was issued for other filters; resend the same filters with it."));
                }

                start = resume.Value;
            }

            var page = new List<SandboxMeterEnrollment>(search.PageSize);
            var index = start;
            for (; index < _ordered.Length && page.Count < search.PageSize; index++)
            {
                if (search.Matches(_ordered[index]))
                {
                    page.Add(_ordered[index]);
                }
            }

            var more = false;
            for (var probe = index; probe < _ordered.Length; probe++)
            {
                if (search.Matches(_ordered[probe]))
                {
                    more = true;
                    break;
                }
            }

            return JsonResponse.Create(HttpStatusCode.OK, w =>
            {
                w.WriteStartObject();
                if (more)
                {
                    w.WriteString("next_page_token", WriteToken(_ordered[index - 1], search.CanonicalFilter));
                }

                w.WriteStartArray("meters");
                foreach (var meter in page)
                {
                    EnrollmentJson.WriteMeter(w, meter);
                }

                w.WriteEndArray();
                w.WriteEndObject();
            });
        }

        // Token = base64url(last meter id | filter hash | HMAC): opaque, keyset-based, bound to the filters.
        private string WriteToken(SandboxMeterEnrollment last, string filter)
        {
            var payload = last.MeterId.ToString("N") + "|" + ShortHash.Of(filter);
            return Base64Url.Encode(Encoding.UTF8.GetBytes(payload + "|" + Mac(payload)));
        }

        private int? ReadToken(string token, string filter)
        {
            try
            {
                var text = Encoding.UTF8.GetString(Base64Url.Decode(token));
                var parts = text.Split('|');
                if (parts.Length != 3 || parts[2] != Mac(parts[0] + "|" + parts[1]) || parts[1] != ShortHash.Of(filter))
                {
                    return null;
                }

                var last = Guid.ParseExact(parts[0], "N");
                var position = Array.FindIndex(_ordered, m => m.MeterId == last);
                return position < 0 ? (int?)null : position + 1;
            }
            catch (FormatException)
            {
                return null;
            }
        }

        private string Mac(string payload)
        {
            using var hmac = new HMACSHA256(_tokenKey);
            return Base64Url.Encode(hmac.ComputeHash(Encoding.UTF8.GetBytes(payload)).Take(16).ToArray());
        }

        private static HttpResponseMessage Error(HttpStatusCode status, string title, params (string Key, string Value)[] details)
            => JsonResponse.Create(status, w =>
            {
                w.WriteStartObject();
                w.WriteString("title", title);
                w.WriteNumber("status", (int)status);
                w.WriteStartObject("details");
                foreach (var (key, value) in details)
                {
                    w.WriteString(key, value);
                }

                w.WriteEndObject();
                w.WriteEndObject();
            });
    }
}
