using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace NomosMeters.Sandbox.Enrollment
{
    /// <summary>
    /// The one search of the sandbox's meters, served by both search endpoints (enrollments and details) with their own
    /// record writers: strict validation of the <c>MeterFilterRequest</c>, keyset pages in a total order, and opaque
    /// page tokens bound to the endpoint and the filters.
    /// </summary>
    internal sealed class MeterSearchPages
    {
        private readonly IReadOnlyList<SandboxMeterEnrollment> _ordered;
        private readonly Dictionary<Guid, int> _positions;
        private readonly byte[] _tokenKey;

        /// <param name="ordered">The meters in the order pages list them.</param>
        /// <param name="seed">The seed the page tokens are signed from.</param>
        public MeterSearchPages(IReadOnlyList<SandboxMeterEnrollment> ordered, int seed)
        {
            _ordered = ordered;
            _positions = Enumerable.Range(0, ordered.Count).ToDictionary(i => ordered[i].MeterId);
            // From the seed, not at random: the same seed gives the same pages, page tokens included.
            _tokenKey = SeedKey.For("enrollment-sandbox-page-token", seed);
        }

        /// <summary>
        /// Answers one search of <paramref name="endpoint"/> (a token it issued is refused by the other one), each
        /// matching meter written by <paramref name="writeMeter"/>.
        /// </summary>
        public HttpResponseMessage Search(string endpoint, string body, Action<Utf8JsonWriter, SandboxMeterEnrollment> writeMeter)
        {
            var search = MeterSearchRequest.Parse(body, out var problem);
            if (search == null)
            {
                return EnrollmentErrors.Create(HttpStatusCode.BadRequest, "Bad Request", (problem.Key, problem.Value));
            }

            var scope = endpoint + "?" + search.CanonicalFilter;
            var start = 0;
            if (search.PageToken != null)
            {
                var resume = ReadToken(search.PageToken, scope);
                if (resume == null)
                {
                    return EnrollmentErrors.Create(HttpStatusCode.BadRequest, "Invalid page token", ("page_token", "The token is unknown, tampered with, or was issued for other filters; resend the same filters with it."));
                }

                start = resume.Value;
            }

            var page = new List<SandboxMeterEnrollment>(search.PageSize);
            var index = start;
            for (; index < _ordered.Count && page.Count < search.PageSize; index++)
            {
                if (search.Matches(_ordered[index]))
                {
                    page.Add(_ordered[index]);
                }
            }

            var more = false;
            for (var probe = index; probe < _ordered.Count; probe++)
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
                    w.WriteString("next_page_token", WriteToken(_ordered[index - 1], scope));
                }

                w.WriteStartArray("meters");
                foreach (var meter in page)
                {
                    writeMeter(w, meter);
                }

                w.WriteEndArray();
                w.WriteEndObject();
            });
        }

        // Token = base64url(last meter id | scope hash | HMAC): opaque, keyset-based, bound to the endpoint and filters.
        private string WriteToken(SandboxMeterEnrollment last, string scope)
        {
            var payload = last.MeterId.ToString("N") + "|" + ShortHash.Of(scope);
            return Base64Url.Encode(Encoding.UTF8.GetBytes(payload + "|" + Mac(payload)));
        }

        private int? ReadToken(string token, string scope)
        {
            try
            {
                var text = Encoding.UTF8.GetString(Base64Url.Decode(token));
                var parts = text.Split('|');
                if (parts.Length != 3 || parts[2] != Mac(parts[0] + "|" + parts[1]) || parts[1] != ShortHash.Of(scope))
                {
                    return null;
                }

                return _positions.TryGetValue(Guid.ParseExact(parts[0], "N"), out var position) ? position + 1 : (int?)null;
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
    }
}
