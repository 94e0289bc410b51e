using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using NomosMeters.Client;
using NomosMeters.Client.Enrollments;
using NomosMeters.Client.Paging;
using NomosMeters.Models.Enrollments;
using NomosMeters.Tests.Infrastructure;
using RichardSzalay.MockHttp;
using NomosMeters.Tests.TestBeds;
using Xunit;

namespace NomosMeters.Tests.Wire
{
    public sealed class EnrollmentWireTests
    {
        private const string SearchUrl = MockServer.EnrollmentBase + "/v2/meters/enrollments/search";

        [Fact]
        public async Task GetSendsTheApiKeyAsBearerToTheMeterPath()
        {
            using var h = TestBed.Mock().Connection(enrollment: true);
            var id = EnrollmentSamples.Id(7);
            h.Mock.When(HttpMethod.Get, MockServer.EnrollmentBase + "/v2/meters/" + id + "/enrollments")
                .Respond(_ => MockServer.Json(HttpStatusCode.OK, EnrollmentSamples.Meter(id)));

            var meter = await h.Connection.Enrollment!.Enrollments.GetAsync(id, CallContext.None);

            Assert.Equal(id, meter.MeterId);
            var sent = Assert.Single(h.Log.All);
            Assert.Equal("Bearer " + MockServer.EnrollmentApiKey, sent.Header("Authorization"));
            Assert.Null(sent.Header("X-API-Version"));
            Assert.Empty(h.Log.Token);
        }

        [Fact]
        public async Task SpecExampleDeserializesIntoEveryTypedPropertyWithReadableText()
        {
            using var h = TestBed.Mock().Connection(enrollment: true);
            var id = EnrollmentSamples.Id(1);
            h.Mock.When(HttpMethod.Get, "*").Respond(_ => MockServer.Json(HttpStatusCode.OK, EnrollmentSamples.Meter(id)));

            var m = await h.Connection.Enrollment!.Enrollments.GetAsync(id, CallContext.None);

            Assert.Equal("test_meter", m.PartnerReference);
            Assert.Equal("NYISO", m.TransmissionRegion);
            Assert.Equal("RESIDENTIAL", m.CustomerClassification);
            Assert.Equal("HVAC;EV_CHARGING", m.LoadTypes.ToString());
            Assert.Equal("UTILITY_METER", m.MeterType);
            Assert.Equal("test_jae", m.ConnectionReferences.ToString());
            Assert.Equal(string.Empty, m.CustomerGroup);
            Assert.Empty(m.Tags);
            Assert.Equal(string.Empty, m.Tags.ToString());
            Assert.False(m.IsArchived);
            Assert.Equal("UTILITY", m.CreatedBy);
            Assert.Equal(new DateTimeOffset(2024, 4, 24, 16, 3, 6, TimeSpan.Zero).AddTicks(7853180), m.CreatedAt);
            Assert.Equal(new DateTimeOffset(2024, 10, 10, 12, 8, 13, TimeSpan.Zero).AddTicks(5384270), m.UpdatedAt);
            Assert.Equal("ELIGIBLE", m.GlobalEnrollmentStatus);
            var preference = Assert.Single(m.ParticipationPreferences);
            Assert.Equal("PARTICIPATE", preference.Preference);
            Assert.Equal(9000, preference.EndTime!.Value.Year);
            Assert.Equal("PARTICIPATE 2024-04-24T16:03:06Z/9000-12-31T23:59:59.9999999Z", m.ParticipationPreferences.ToString());
            Assert.Equal("CONED-DLRP:ELIGIBLE;NYISO-SCR:INELIGIBLE", m.ProgramEnrollments.ToString());
            var coned = m.ProgramEnrollments[0];
            Assert.Equal(new Guid("891b8c8b-6315-4ea3-8675-5337963c5757"), coned.MarketGroupId);
            Assert.Equal("PGSB_1_PDRP93", coned.MarketGroupName);
            Assert.Equal(new DateTimeOffset(2025, 3, 15, 4, 0, 0, TimeSpan.Zero), Assert.Single(coned.EnrollmentDeadlines).Deadline);
            Assert.Equal("2025-03-15T04:00:00Z>2025-05-01T04:00:00Z", coned.EnrollmentDeadlines.ToString());
            Assert.Null(m.ProgramEnrollments[1].MarketGroupId);
            Assert.Equal("NYISO-SCR:NO_MISSING_FIELDS", m.PartnerActions.ToString());
            Assert.Equal("SERV_0005", m.PartnerActions[0].Code);
            Assert.StartsWith("Partner needs configuration", m.PartnerActions[0].Description);
            Assert.Equal("NYISO-SCR:HAS_NOMINATIONS", m.LeapActions.ToString());
            Assert.Equal("LEAP_0001", m.LeapActions[0].Code);
        }

        [Fact]
        public async Task SearchResendsTheSameFiltersWithEachPageTokenAndStopsOnAMissingNullOrEmptyToken()
        {
            foreach (var lastToken in new[] { null, "null", "\"\"" })
            {
                using var h = TestBed.Mock().Connection(enrollment: true);
                var bodies = new Queue<string>(new[]
                {
                    EnrollmentSamples.Page(new[] { EnrollmentSamples.Id(1), EnrollmentSamples.Id(2) }, "\"t1\""),
                    EnrollmentSamples.Page(new[] { EnrollmentSamples.Id(3) }, "\"t2\""),
                    EnrollmentSamples.Page(new[] { EnrollmentSamples.Id(4) }, lastToken),
                });
                h.Mock.When(HttpMethod.Post, SearchUrl).Respond(_ => MockServer.Json(HttpStatusCode.OK, bodies.Dequeue()));

                var filter = new MeterFilterRequest { PageSize = 2, TransmissionRegion = "NYISO", Tags = new List<string> { "a" } };
                var ids = new List<Guid>();
                await foreach (var m in h.Connection.Enrollment!.Enrollments.SearchAsync(filter, PageRange.All, CallContext.None))
                {
                    ids.Add(m.MeterId);
                }

                Assert.Equal(new[] { 1, 2, 3, 4 }.Select(EnrollmentSamples.Id), ids);
                Assert.Equal(
                    new[]
                    {
                        "{\"page_size\":2,\"transmission_region\":\"NYISO\",\"tags\":[\"a\"]}",
                        "{\"page_token\":\"t1\",\"page_size\":2,\"transmission_region\":\"NYISO\",\"tags\":[\"a\"]}",
                        "{\"page_token\":\"t2\",\"page_size\":2,\"transmission_region\":\"NYISO\",\"tags\":[\"a\"]}",
                    },
                    h.Log.Enrollment.Select(r => r.Body));
                Assert.All(h.Log.Enrollment, r => Assert.StartsWith("application/json", r.ContentType));
            }
        }

        [Fact]
        public async Task RepeatedPageTokenIsAnErrorNotAnEndlessLoop()
        {
            using var h = TestBed.Mock().Connection(enrollment: true);
            h.Mock.When(HttpMethod.Post, SearchUrl).Respond(_ => MockServer.Json(HttpStatusCode.OK, EnrollmentSamples.Page(new[] { EnrollmentSamples.Id(1) }, "\"again\"")));

            var error = await Assert.ThrowsAsync<PagingException>(async () =>
            {
                await foreach (var _ in h.Connection.Enrollment!.Enrollments.SearchAsync(new MeterFilterRequest(), PageRange.All, CallContext.None))
                {
                }
            });

            Assert.Equal(2UL, error.ObjectsRead);
            Assert.Equal(2, h.Log.Enrollment.Count);
        }

        [Fact]
        public async Task MoreThanAThousandMeterIdsAreSplitIntoSeveralSearches()
        {
            using var h = TestBed.Mock().Connection(enrollment: true);
            h.Mock.When(HttpMethod.Post, SearchUrl).Respond(req =>
            {
                var body = JsonDocument.Parse(req.Content!.ReadAsStringAsync().Result);
                var ids = body.RootElement.GetProperty("meter_ids").EnumerateArray().Select(e => e.GetGuid()).Take(2);
                return MockServer.Json(HttpStatusCode.OK, EnrollmentSamples.Page(ids, null));
            });
            var all = Enumerable.Range(1, 2500).Select(EnrollmentSamples.Id).ToList();

            var found = new List<Guid>();
            await foreach (var m in h.Connection.Enrollment!.Enrollments.SearchAsync(new MeterFilterRequest { MeterIds = all }, PageRange.All, CallContext.None))
            {
                found.Add(m.MeterId);
            }

            var sizes = h.Log.Enrollment.Select(r => JsonDocument.Parse(r.Body!).RootElement.GetProperty("meter_ids").GetArrayLength()).ToList();
            Assert.Equal(new[] { 1000, 1000, 500 }, sizes);
            Assert.Equal(new[] { all[0], all[1], all[1000], all[1001], all[2000], all[2001] }, found);
        }

        [Theory]
        [InlineData(HttpStatusCode.NotFound, "application/json", "{\"title\":\"Meter not found\",\"status\":404,\"details\":{\"meter_id\":\"x\"}}", "NomosMeters.NotFound", "Meter not found: meter_id: x")]
        [InlineData(HttpStatusCode.Forbidden, "application/json", "{\"title\":\"You do not have the necessary permissions for this operation\",\"status\":403,\"details\":{}}", "NomosMeters.Forbidden", "necessary permissions")]
        [InlineData(HttpStatusCode.InternalServerError, "text/plain", "An error happened whilst processing your request", "NomosMeters.InternalServerError", "An error happened whilst processing your request")]
        public async Task ErrorBodiesBecomeReadableErrorsWithStableIds(HttpStatusCode status, string mediaType, string body, string errorId, string expected)
        {
            // A 500 is retried first: the manual clock passes the waits.
            using var h = TestBed.Mock().OnClock(new ManualTimeProvider(DateTimeOffset.UnixEpoch)).Connection(enrollment: true);
            h.Mock.When(HttpMethod.Get, "*").Respond(_ => MockServer.Json(status, body, mediaType));

            var error = await Assert.ThrowsAsync<ApiRequestException>(() => h.SkippingRetryWaitsAsync(c => c.Enrollment!.Enrollments.GetAsync(EnrollmentSamples.Id(1), CallContext.None)));

            Assert.Equal(errorId, error.ErrorId);
            Assert.Equal("Enrollment", error.Service);
            Assert.Contains(expected, error.Message);
        }
    }
}
