using System;
using System.Linq;
using System.Management.Automation;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using NomosMeters.Models.Enrollments;
using NomosMeters.Tests.Infrastructure;
using NomosMeters.Tests.Wire;
using RichardSzalay.MockHttp;
using NomosMeters.Tests.TestBeds;
using Xunit;

namespace NomosMeters.Tests.Hosted
{
    /// <summary>The enrollment cmdlets as a user types them, asserting the exact JSON each parameter puts on the wire.</summary>
    [Collection(HostedEngineCollection.Name)]
    public sealed class EnrollmentCmdletWireTests : IDisposable
    {
        private const string SearchUrl = MockServer.EnrollmentBase + "/v2/meters/enrollments/search";
        private readonly EngineBed _h = TestBed.Mock().Engine();

        public EnrollmentCmdletWireTests()
        {
            _h.Mock.When(HttpMethod.Post, SearchUrl).Respond(req =>
            {
                var body = JsonDocument.Parse(req.Content!.ReadAsStringAsync().Result).RootElement;
                var ids = body.TryGetProperty("meter_ids", out var m) ? m.EnumerateArray().Select(e => e.GetGuid()).Where(g => g != EnrollmentSamples.Id(999999)).ToList() : new() { EnrollmentSamples.Id(1) };
                return MockServer.Json(HttpStatusCode.OK, EnrollmentSamples.Page(ids, null));
            });
        }

        public void Dispose() => _h.Dispose();

        [Theory]
        [InlineData("-TransmissionRegion caiso", "{\"page_size\":500,\"transmission_region\":\"CAISO\"}")]
        [InlineData("-CustomerClassification Commercial", "{\"page_size\":500,\"customer_classification\":\"COMMERCIAL\"}")]
        [InlineData("-MeterId 00000000-0000-0000-0000-000000000001,00000000-0000-0000-0000-000000000002", "{\"page_size\":500,\"meter_ids\":[\"00000000-0000-0000-0000-000000000001\",\"00000000-0000-0000-0000-000000000002\"]}")]
        [InlineData("-PartnerReference ref-1,ref-2,ref-1", "{\"page_size\":500,\"partner_references\":[\"ref-1\",\"ref-2\"]}")]
        [InlineData("-GlobalEnrollmentStatus active,Pending", "{\"page_size\":500,\"global_enrollment_statuses\":[\"ACTIVE\",\"PENDING\"]}")]
        [InlineData("-MeterType DEVICE", "{\"page_size\":500,\"meter_types\":[\"DEVICE\"]}")]
        [InlineData("-LoadType hvac,EV_CHARGING", "{\"page_size\":500,\"load_types\":[\"HVAC\",\"EV_CHARGING\"]}")]
        [InlineData("-CustomerGroup GroupA", "{\"page_size\":500,\"customer_groups\":[\"GroupA\"]}")]
        [InlineData("-Tag t1,t2", "{\"page_size\":500,\"tags\":[\"t1\",\"t2\"]}")]
        [InlineData("-ModifiedAfter '2024-10-21T11:43:05.892Z'", "{\"page_size\":500,\"last_modified_date_time\":\"2024-10-21T11:43:05.892Z\"}")]
        [InlineData("-CreatedAfter '2024-02-01T02:00:22+02:00'", "{\"page_size\":500,\"created_after_date_time\":\"2024-02-01T00:00:22Z\"}")]
        [InlineData("-CreatedBefore '2024-03-01T00:00:33Z'", "{\"page_size\":500,\"created_before_date_time\":\"2024-03-01T00:00:33Z\"}")]
        [InlineData("-PartnerActionRequired", "{\"page_size\":500,\"partner_action_required\":true}")]
        [InlineData("-ExcludeArchived", "{\"page_size\":500,\"exclude_archived\":true}")]
        [InlineData("-ConnectionReferenceId connectionReferenceId1", "{\"page_size\":500,\"connection_reference_ids\":[\"connectionReferenceId1\"]}")]
        [InlineData("-ActionType is_authorized,HAS_AMI", "{\"page_size\":500,\"action_type\":[\"IS_AUTHORIZED\",\"HAS_AMI\"]}")]
        [InlineData("-PageSize 42", "{\"page_size\":42}")]
        [InlineData("", "{\"page_size\":500}")]
        public void EachParameterSendsItsExactJsonName(string parameters, string expectedBody)
        {
            var result = _h.Engine.Run("Search-MeterEnrollment -Connection $conn " + parameters);

            result.AssertNoErrors();
            Assert.NotEmpty(result.Objects<MeterEnrollment>());
            Assert.Equal(expectedBody, Assert.Single(_h.Log.Enrollment).Body);
        }

        [Theory]
        [InlineData("-PageSize 0", "PageSize")]
        [InlineData("-PageSize 501", "PageSize")]
        [InlineData("-TransmissionRegion MARS", "TransmissionRegion")]
        [InlineData("-PartnerReference 'bad/ref'", "must not contain")]
        [InlineData("-PartnerReference ab", "3 to 256 characters")]
        [InlineData("-ConnectionReferenceId 'x?y'", "must not contain")]
        [InlineData("-GlobalEnrollmentStatus ACTIVE,ELIGIBLE,INELIGIBLE,NOT_PARTICIPATING,PENDING,ACTIVE", "GlobalEnrollmentStatus")]
        [InlineData("-Tag (1..21 | ForEach-Object { \"t$_\" })", "Tag")]
        [InlineData("-CreatedAfter 2024-03-01 -CreatedBefore 2024-02-01", "must be earlier than -CreatedBefore")]
        public void InvalidInputFailsBeforeAnyRequestWithAClearMessage(string parameters, string expected)
        {
            var result = _h.Engine.Run("Search-MeterEnrollment -Connection $conn " + parameters);

            Assert.NotNull(result.Failure);
            Assert.Contains(expected, result.Failure!.ToString() + " " + result.Failure.Exception.Message + " " + result.Failure.ErrorDetails?.Message);
            Assert.Empty(_h.Log.Enrollment);
        }

        [Fact]
        public void FirstStopsRequestingPagesAndAsksForOnlyWhatItNeeds()
        {
            var result = _h.Engine.Run("Search-MeterEnrollment -Connection $conn -First 1");

            Assert.Single(result.Objects<MeterEnrollment>());
            Assert.Equal("{\"page_size\":1}", Assert.Single(_h.Log.Enrollment).Body);
        }

        [Fact]
        public void PipedMeterIdsAreSearchedInBatchesOfAThousand()
        {
            var result = _h.Engine.Run("1..2500 | ForEach-Object { [guid]('00000000-0000-0000-0000-{0:D12}' -f $_) } | Search-MeterEnrollment -Connection $conn");

            result.AssertNoErrors();
            Assert.Equal(2500, result.Objects<MeterEnrollment>().Count);
            Assert.Equal(new[] { 1000, 1000, 500 }, _h.Log.Enrollment.Select(r => JsonDocument.Parse(r.Body!).RootElement.GetProperty("meter_ids").GetArrayLength()));
        }

        [Fact]
        public void GetMeterEnrollmentBatchesManyIdsAndReportsEachMissingOne()
        {
            _h.Engine.SetVariable("missing", EnrollmentSamples.Id(999999));
            var result = _h.Engine.Run(
                "$ids = @(1..1500 | ForEach-Object { [guid]('00000000-0000-0000-0000-{0:D12}' -f $_) }); $ids[0..9] + $missing + $ids[10..1499] | ForEach-Object { [pscustomobject]@{ MeterId = $_ } } | Get-MeterEnrollment -Connection $conn");

            var meters = result.Objects<MeterEnrollment>();
            Assert.Equal(1500, meters.Count);
            Assert.Equal(Enumerable.Range(1, 1500).Select(EnrollmentSamples.Id), meters.Select(m => m.MeterId));
            var error = Assert.Single(result.Errors);
            Assert.Equal("NomosMeters.NotFound,NomosMeters.Commands.GetMeterEnrollmentCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
            Assert.Equal(EnrollmentSamples.Id(999999), error.TargetObject);
            Assert.Equal(2, _h.Log.Enrollment.Count);
        }

        [Fact]
        public void SearchOutputExportsReadableCsvCells()
        {
            var result = _h.Engine.Run("Search-MeterEnrollment -Connection $conn | ConvertTo-Csv -NoTypeInformation | ConvertFrom-Csv | ForEach-Object { $_.PSObject.Properties | ForEach-Object { \"$($_.Name)=$($_.Value)\" } }");

            result.AssertNoErrors();
            var cells = result.Output.Select(o => (string)o.BaseObject).ToList();
            Assert.Contains("LoadTypes=HVAC;EV_CHARGING", cells);
            Assert.Contains("ProgramEnrollments=CONED-DLRP:ELIGIBLE;NYISO-SCR:INELIGIBLE", cells);
            Assert.Contains("PartnerActions=NYISO-SCR:NO_MISSING_FIELDS", cells);
            Assert.DoesNotContain(cells, c => c.Contains("System.") || c.Contains("NomosMeters."));
        }
    }
}
