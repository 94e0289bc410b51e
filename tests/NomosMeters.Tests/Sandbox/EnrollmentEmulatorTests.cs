using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading.Tasks;
using NomosMeters.Sandbox;
using NomosMeters.Tests.TestBeds;
using Xunit;

namespace NomosMeters.Tests.Sandbox
{
    /// <summary>The enrollment API emulator on its own: auth, strict validation, paging tokens, the seeded inventory.</summary>
    public sealed class EnrollmentEmulatorTests : IDisposable
    {
        private readonly HttpBed _bed = TestBed.Sandbox().Http();

        public void Dispose() => _bed.Dispose();

        private async Task<(HttpStatusCode Status, JsonElement Body)> SearchAsync(string json)
        {
            using var response = await _bed.SearchEnrollmentsAsync(json);
            var text = await response.Content.ReadAsStringAsync();
            return (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
        }

        [Fact]
        public void InventoryHasAtLeastFiveThousandRealisticMetersAndIsDeterministic()
        {
            var meters = _bed.Sandbox.MeterEnrollments;
            Assert.True(meters.Count >= 5000);
            Assert.Equal(meters.Count, meters.Select(m => m.MeterId).Distinct().Count());
            Assert.Equal(8, meters.Select(m => m.TransmissionRegion).Distinct().Count());
            Assert.Equal(5, meters.Select(m => m.GlobalEnrollmentStatus).Distinct().Count());
            Assert.Contains(meters, m => m.PartnerActions.Count > 0);
            Assert.Contains(meters, m => m.LeapActions.Count > 0);
            Assert.Contains(meters, m => m.ParticipationPreferences.Any(p => p.EndTimeText == "9000-12-31T23:59:59.999999999Z"));
            Assert.All(meters, m => Assert.True(m.UpdatedAt >= m.CreatedAt));
            Assert.All(meters, m => Assert.NotEmpty(m.ProgramEnrollments));
            Assert.Equal(meters.Select(m => m.MeterId), new NomosSandbox().MeterEnrollments.Select(m => m.MeterId));
        }

        [Fact]
        public async Task WrongOrMissingKeyIsUnauthorized()
        {
            _bed.EnrollmentHttp.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "nope");
            var (status, body) = await SearchAsync("{}");

            Assert.Equal(HttpStatusCode.Unauthorized, status);
            Assert.Equal("Unauthorized", body.GetProperty("title").GetString());
            Assert.Equal(401, body.GetProperty("status").GetInt32());
        }

        [Theory]
        [InlineData("{\"limit\":10}", "limit")]
        [InlineData("{\"next_page_token\":\"x\"}", "next_page_token")]
        [InlineData("{\"tags\":[]}", "tags")]
        [InlineData("{\"load_types\":[]}", "load_types")]
        [InlineData("{\"page_size\":0}", "page_size")]
        [InlineData("{\"page_size\":501}", "page_size")]
        [InlineData("{\"transmission_region\":\"MARS\"}", "transmission_region")]
        [InlineData("{\"partner_references\":[\"bad/ref\"]}", "partner_references")]
        [InlineData("{\"global_enrollment_statuses\":[\"ACTIVE\",\"ELIGIBLE\",\"INELIGIBLE\",\"PENDING\",\"NOT_PARTICIPATING\",\"X\"]}", "global_enrollment_statuses")]
        [InlineData("{\"tags\":[\"a\",\"a\"]}", "tags")]
        [InlineData("{\"meter_ids\":[\"abc\"]}", "meter_ids")]
        [InlineData("{\"created_after_date_time\":\"2025-01-02T00:00:00Z\",\"created_before_date_time\":\"2025-01-01T00:00:00Z\"}", "created_after_date_time")]
        [InlineData("{\"page_size\":", "body")]
        public async Task StrictValidationRefusesWhatTheSpecForbids(string json, string field)
        {
            var (status, body) = await SearchAsync(json);

            Assert.Equal(HttpStatusCode.BadRequest, status);
            Assert.Equal(400, body.GetProperty("status").GetInt32());
            Assert.True(body.GetProperty("details").TryGetProperty(field, out _), body.ToString());
        }

        [Fact]
        public async Task PagingReturnsEveryMatchOnceAndTokensAreBoundToTheFilters()
        {
            var expected = _bed.Sandbox.MeterEnrollments.Where(m => m.TransmissionRegion == "ISONE").Select(m => m.MeterId).ToList();
            var seen = new List<Guid>();
            string? token = null;
            do
            {
                var tokenPart = token == null ? string.Empty : ",\"page_token\":\"" + token + "\"";
                var (status, body) = await SearchAsync("{\"transmission_region\":\"ISONE\",\"page_size\":50" + tokenPart + "}");
                Assert.Equal(HttpStatusCode.OK, status);
                seen.AddRange(body.GetProperty("meters").EnumerateArray().Select(m => m.GetProperty("meter_id").GetGuid()));
                token = body.TryGetProperty("next_page_token", out var next) ? next.GetString() : null;
                if (token != null && seen.Count == 50)
                {
                    var (otherStatus, other) = await SearchAsync("{\"transmission_region\":\"PJM\",\"page_token\":\"" + token + "\"}");
                    Assert.Equal(HttpStatusCode.BadRequest, otherStatus);
                    Assert.True(other.GetProperty("details").TryGetProperty("page_token", out _));
                    var (tamperedStatus, _) = await SearchAsync("{\"transmission_region\":\"ISONE\",\"page_token\":\"" + token.Substring(1) + "\"}");
                    Assert.Equal(HttpStatusCode.BadRequest, tamperedStatus);
                }
            }
            while (token != null);

            Assert.True(expected.Count > 100);
            Assert.Equal(expected, seen);
        }

        [Fact]
        public async Task GetByIdAnswersTheMeterOr404OrANotAUuid400()
        {
            var known = _bed.Sandbox.MeterEnrollments[10];

            using var ok = await _bed.EnrollmentHttp.GetAsync($"/v2/meters/{known.MeterId}/enrollments");
            using var missing = await _bed.EnrollmentHttp.GetAsync($"/v2/meters/{Guid.Empty}/enrollments");
            using var bad = await _bed.EnrollmentHttp.GetAsync("/v2/meters/abcdef/enrollments");

            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
            Assert.Equal(known.MeterId, JsonDocument.Parse(await ok.Content.ReadAsStringAsync()).RootElement.GetProperty("meter_id").GetGuid());
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
            Assert.Equal("Meter not found", JsonDocument.Parse(await missing.Content.ReadAsStringAsync()).RootElement.GetProperty("title").GetString());
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.Equal("Meter id is not a UUID", JsonDocument.Parse(await bad.Content.ReadAsStringAsync()).RootElement.GetProperty("title").GetString());
        }
    }
}
