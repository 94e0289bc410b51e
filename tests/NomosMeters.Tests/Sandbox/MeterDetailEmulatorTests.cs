using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using NomosMeters.Sandbox;
using NomosMeters.Tests.TestBeds;
using Xunit;

namespace NomosMeters.Tests.Sandbox
{
    /// <summary>
    /// The meter details of the enrollment emulator: one for every meter, consistent with its enrollment, with a
    /// realistic place in its region; served by id and by the same strict search as the enrollments.
    /// </summary>
    public sealed class MeterDetailEmulatorTests : IDisposable
    {
        private static readonly Dictionary<string, string[]> StatesByRegion = new Dictionary<string, string[]>
        {
            ["CAISO"] = new[] { "CA" }, ["NYISO"] = new[] { "NY" }, ["ERCOT"] = new[] { "TX" }, ["ISONE"] = new[] { "MA", "RI", "NH", "CT" },
            ["PJM"] = new[] { "PA", "MD", "IL", "NJ", "VA", "DC" }, ["SERC"] = new[] { "TN", "AL" }, ["WECC_SW"] = new[] { "AZ" }, ["WECC_PC"] = new[] { "WA" },
        };

        private readonly HttpBed _bed = TestBed.Sandbox().Http();

        public void Dispose() => _bed.Dispose();

        private IReadOnlyList<SandboxMeterDetail> Details => _bed.Sandbox.MeterDetails;

        private async Task<(HttpStatusCode Status, JsonElement Body)> SearchAsync(string json)
        {
            using var response = await _bed.EnrollmentHttp.PostAsync("/v2/meters/search", ApiBodies.Json(json));
            return (response.StatusCode, await ApiBodies.ReadJsonAsync(response));
        }

        [Fact]
        public void EveryMeterHasDetailsInTheEnrollmentsOrder()
        {
            Assert.Equal(_bed.Sandbox.MeterEnrollments.Select(m => m.MeterId), Details.Select(d => d.MeterId));
            Assert.All(Details, d => Assert.Same(_bed.Sandbox.MeterEnrollments.First(m => m.MeterId == d.MeterId), d.Enrollment));
        }

        [Fact]
        public void AddressesAreRealisticForTheRegionAndPhonesAndMailsReachNoOne()
        {
            Assert.All(Details, d =>
            {
                var c = d.Customer;
                Assert.Contains(c.Text("state_or_province_code"), StatesByRegion[d.Enrollment.TransmissionRegion]);
                Assert.Matches(@"^\d{1,4} [A-Z][a-z]+ (Street|Avenue|Road|Drive|Lane|Court|Boulevard|Way)$", c.Text("street_1"));
                Assert.Matches(@"^[0-9]{5}(?:-[0-9]{4})?$", c.Text("postal_code"));
                Assert.Equal("US", c.Text("country_code"));
                Assert.Matches(@"^\(\d{3}\) 555-01\d\d$", c.Text("end_customer_phone_number"));
                Assert.Matches(@"@example\.(com|net|org)$", c.Text("end_customer_email"));
                Assert.Equal(d.Enrollment.CustomerClassification == "COMMERCIAL", c.ContainsKey("end_customer_company_name"));
            });
            Assert.True(Details.Select(d => d.Customer.Text("city")).Distinct().Count() >= 40);
            Assert.Contains(Details, d => d.Customer.ContainsKey("billing"));
            Assert.Contains(Details, d => d.Customer.ContainsKey("street_2"));
        }

        [Fact]
        public void DevicesFollowTheLoadTypesAndRegionalBlocksTheRegion()
        {
            Assert.All(Details, d =>
            {
                var types = ((IEnumerable<SandboxObject>)d.Site!["site_devices"]).Select(s => s.Text("device_type")).ToList();
                Assert.Equal(d.Enrollment.LoadTypes.Contains("BATTERY_STORAGE"), types.Contains("BATTERY"));
                Assert.Equal(d.Enrollment.LoadTypes.Contains("EV_CHARGING"), types.Contains("EV_CHARGER"));
                Assert.Equal(d.Enrollment.LoadTypes.Contains("GENERATION"), (bool)d.Site["on_site_fossil_generator"]);
                Assert.Equal(types.Count, (int)d.Site["number_of_devices"]);
                Assert.Equal(types.Count > 0, d.Device != null);
                Assert.Equal(d.Enrollment.TransmissionRegion == "CAISO", d.Caiso != null);
                Assert.Equal(d.Enrollment.TransmissionRegion == "ISONE", d.Isone != null);
                Assert.Equal(d.Enrollment.TransmissionRegion == "NYISO", d.Nyiso != null);
                Assert.NotNull(d.Utility!.Text("utility_name"));
            });
        }

        [Fact]
        public void TheSameSeedGivesTheSameDetails()
        {
            var again = new NomosSandbox().MeterDetails;

            Assert.Equal(Details.Select(d => d.Customer.Text("end_customer_email")), again.Select(d => d.Customer.Text("end_customer_email")));
            Assert.Equal(Details.Select(d => d.Utility!.Text("electric_service_account_number")), again.Select(d => d.Utility!.Text("electric_service_account_number")));
        }

        [Fact]
        public async Task GetByIdAnswersTheDetailsWithTheEnrollmentsIdentifiersAndAudit()
        {
            var meter = _bed.Sandbox.MeterEnrollments[10];

            using var detailResponse = await _bed.EnrollmentHttp.GetAsync($"/v2/meters/{meter.MeterId}");
            using var enrollmentResponse = await _bed.EnrollmentHttp.GetAsync($"/v2/meters/{meter.MeterId}/enrollments");
            var detail = await ApiBodies.ReadJsonAsync(detailResponse);
            var enrollment = await ApiBodies.ReadJsonAsync(enrollmentResponse);

            Assert.Equal(HttpStatusCode.OK, detailResponse.StatusCode);
            foreach (var shared in new[] { "meter_id", "partner_reference", "transmission_region", "customer_classification", "load_types", "meter_type", "connection_references", "customer_group", "tags", "is_archived", "audit" })
            {
                Assert.Equal(enrollment.TryGetProperty(shared, out var e) ? e.GetRawText() : null, detail.TryGetProperty(shared, out var d) ? d.GetRawText() : null);
            }

            Assert.False(detail.TryGetProperty("global_enrollment_status", out _));
            Assert.Equal(Details[10].Customer.Text("city"), detail.GetProperty("customer").GetProperty("city").GetString());
        }

        [Theory]
        [InlineData("/v2/meters/00000000-0000-0000-0000-000000000000", HttpStatusCode.NotFound, "Meter not found")]
        [InlineData("/v2/meters/abcdef", HttpStatusCode.BadRequest, "Meter id is not a UUID")]
        public async Task GetByIdOfAnUnknownOrMalformedIdIsTheSpecsError(string path, HttpStatusCode status, string title)
        {
            using var response = await _bed.EnrollmentHttp.GetAsync(path);
            var body = await ApiBodies.ReadJsonAsync(response);

            Assert.Equal(status, response.StatusCode);
            Assert.Equal(title, body.GetProperty("title").GetString());
            Assert.Equal((int)status, body.GetProperty("status").GetInt32());
        }

        [Theory]
        [InlineData("{\"limit\":10}", "limit")]
        [InlineData("{\"tags\":[]}", "tags")]
        [InlineData("{\"page_size\":501}", "page_size")]
        [InlineData("{\"meter_ids\":[\"abc\"]}", "meter_ids")]
        [InlineData("{\"load_types\":[\"HVAC\",\"HVAC\"]}", "load_types")]
        public async Task TheSearchValidatesAsStrictlyAsTheEnrollmentSearch(string json, string field)
        {
            var (status, body) = await SearchAsync(json);
            using var enrollment = await _bed.SearchEnrollmentsAsync(json);

            Assert.Equal(HttpStatusCode.BadRequest, status);
            Assert.True(body.GetProperty("details").TryGetProperty(field, out _), body.ToString());
            Assert.Equal(HttpStatusCode.BadRequest, enrollment.StatusCode);
        }

        [Fact]
        public async Task PagingReturnsTheSameMetersAsTheEnrollmentSearchAndTokensStayWithTheirEndpoint()
        {
            const string Filter = "{\"transmission_region\":\"ISONE\",\"exclude_archived\":true,\"page_size\":60";
            var expected = _bed.Sandbox.MeterEnrollments.Where(m => m.TransmissionRegion == "ISONE" && !m.IsArchived).Select(m => m.MeterId).ToList();
            var seen = new List<Guid>();
            string? token = null;
            do
            {
                var (status, body) = await SearchAsync(Filter + (token == null ? string.Empty : ",\"page_token\":\"" + token + "\"") + "}");
                Assert.Equal(HttpStatusCode.OK, status);
                var meters = body.GetProperty("meters").EnumerateArray().ToList();
                Assert.All(meters, m => Assert.True(m.TryGetProperty("customer", out _)));
                seen.AddRange(meters.Select(m => m.GetProperty("meter_id").GetGuid()));
                token = body.TryGetProperty("next_page_token", out var next) ? next.GetString() : null;
                if (token != null && seen.Count == 60)
                {
                    // A details token is not an enrollment token, though the filters are the same.
                    using var other = await _bed.SearchEnrollmentsAsync(Filter + ",\"page_token\":\"" + token + "\"}");
                    Assert.Equal(HttpStatusCode.BadRequest, other.StatusCode);
                }
            }
            while (token != null);

            Assert.True(expected.Count > 100);
            Assert.Equal(expected, seen);
        }

        [Fact]
        public async Task TheSearchWritesEveryBlockTheMeterHas()
        {
            var battery = Details.First(d => d.Enrollment.TransmissionRegion == "CAISO" && d.Enrollment.LoadTypes.Contains("BATTERY_STORAGE"));

            var (_, body) = await SearchAsync("{\"meter_ids\":[\"" + battery.MeterId + "\"]}");

            var meter = Assert.Single(body.GetProperty("meters").EnumerateArray());
            Assert.Equal(battery.Device!.Text("device_serial_number"), meter.GetProperty("device").GetProperty("device_serial_number").GetString());
            Assert.Equal((double)battery.Device["battery_energy_capacity_kwh"], meter.GetProperty("device").GetProperty("battery_energy_capacity_kwh").GetDouble());
            Assert.Matches(new Regex(@"^\d{4}-\d\d-\d\d$"), meter.GetProperty("device").GetProperty("install_date").GetString());
            Assert.True(meter.TryGetProperty("caiso", out _));
            Assert.False(meter.TryGetProperty("nyiso", out _));
            Assert.Equal(battery.Utility!.Text("tariff"), meter.GetProperty("utility").GetProperty("tariff").GetString());
        }
    }
}
