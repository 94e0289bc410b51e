using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using NomosMeters.Models.Enrollments;
using NomosMeters.Models.MeterDetails;
using NomosMeters.Tests.Infrastructure;
using NomosMeters.Tests.Wire;
using RichardSzalay.MockHttp;
using NomosMeters.Tests.TestBeds;
using Xunit;

namespace NomosMeters.Tests.Hosted
{
    /// <summary>
    /// The enrollment API's cmdlets as a user types them, asserting the exact JSON each parameter puts on the wire. The
    /// two searches (enrollments, details) take the same parameters and send the same body, each to its own path; the
    /// two lookups batch the same way: each test runs for both.
    /// </summary>
    [Collection(HostedEngineCollection.Name)]
    public sealed class EnrollmentCmdletWireTests : IDisposable
    {
        private const string SearchUrl = MockServer.EnrollmentBase + "/v2/meters/enrollments/search";
        private const string DetailSearchUrl = MockServer.EnrollmentBase + "/v2/meters/search";
        private readonly EngineBed _h = TestBed.Mock().Engine();

        public EnrollmentCmdletWireTests()
        {
            Serve(SearchUrl, EnrollmentSamples.Page);
            Serve(DetailSearchUrl, MeterDetailSamples.Page);
        }

        public void Dispose() => _h.Dispose();

        // Each search cmdlet with its path, and each lookup cmdlet with the search it batches into.
        public static TheoryData<string, string, Type> Searches => new TheoryData<string, string, Type>
        {
            { "Search-MeterEnrollment", "/v2/meters/enrollments/search", typeof(MeterEnrollment) },
            { "Search-MeterDetail", "/v2/meters/search", typeof(MeterDetail) },
        };

        public static TheoryData<string, string, Type> Lookups => new TheoryData<string, string, Type>
        {
            { "Get-MeterEnrollment", "/v2/meters/enrollments/search", typeof(MeterEnrollment) },
            { "Get-MeterDetail", "/v2/meters/search", typeof(MeterDetail) },
        };

        public static IEnumerable<object[]> ParametersOfBothSearches()
            => ((IEnumerable<object[]>)Searches).SelectMany(search => ParameterBodies().Select(p => search.Concat(p).ToArray()));

        public static IEnumerable<object[]> InvalidInputOfBothSearches()
            => ((IEnumerable<object[]>)Searches).SelectMany(search => InvalidInputs().Select(p => new[] { search[0] }.Concat(p).ToArray()));

        private static IEnumerable<object[]> ParameterBodies() => new[]
        {
            new object[] { "-TransmissionRegion caiso", "{\"page_size\":500,\"transmission_region\":\"CAISO\"}" },
            new object[] { "-CustomerClassification Commercial", "{\"page_size\":500,\"customer_classification\":\"COMMERCIAL\"}" },
            new object[] { "-MeterId 00000000-0000-0000-0000-000000000001,00000000-0000-0000-0000-000000000002", "{\"page_size\":500,\"meter_ids\":[\"00000000-0000-0000-0000-000000000001\",\"00000000-0000-0000-0000-000000000002\"]}" },
            new object[] { "-PartnerReference ref-1,ref-2,ref-1", "{\"page_size\":500,\"partner_references\":[\"ref-1\",\"ref-2\"]}" },
            new object[] { "-GlobalEnrollmentStatus active,Pending", "{\"page_size\":500,\"global_enrollment_statuses\":[\"ACTIVE\",\"PENDING\"]}" },
            new object[] { "-MeterType DEVICE", "{\"page_size\":500,\"meter_types\":[\"DEVICE\"]}" },
            new object[] { "-LoadType hvac,EV_CHARGING", "{\"page_size\":500,\"load_types\":[\"HVAC\",\"EV_CHARGING\"]}" },
            new object[] { "-CustomerGroup GroupA", "{\"page_size\":500,\"customer_groups\":[\"GroupA\"]}" },
            new object[] { "-Tag t1,t2", "{\"page_size\":500,\"tags\":[\"t1\",\"t2\"]}" },
            new object[] { "-ModifiedAfter '2024-10-21T11:43:05.892Z'", "{\"page_size\":500,\"last_modified_date_time\":\"2024-10-21T11:43:05.892Z\"}" },
            new object[] { "-CreatedAfter '2024-02-01T02:00:22+02:00'", "{\"page_size\":500,\"created_after_date_time\":\"2024-02-01T00:00:22Z\"}" },
            new object[] { "-CreatedBefore '2024-03-01T00:00:33Z'", "{\"page_size\":500,\"created_before_date_time\":\"2024-03-01T00:00:33Z\"}" },
            new object[] { "-PartnerActionRequired", "{\"page_size\":500,\"partner_action_required\":true}" },
            new object[] { "-ExcludeArchived", "{\"page_size\":500,\"exclude_archived\":true}" },
            new object[] { "-ConnectionReferenceId connectionReferenceId1", "{\"page_size\":500,\"connection_reference_ids\":[\"connectionReferenceId1\"]}" },
            new object[] { "-ActionType is_authorized,HAS_AMI", "{\"page_size\":500,\"action_type\":[\"IS_AUTHORIZED\",\"HAS_AMI\"]}" },
            new object[] { "-PageSize 42", "{\"page_size\":42}" },
            new object[] { "", "{\"page_size\":500}" },
        };

        [Theory]
        [MemberData(nameof(ParametersOfBothSearches))]
        public void EachParameterSendsItsExactJsonName(string cmdlet, string path, Type output, string parameters, string expectedBody)
        {
            var result = _h.Engine.Run(cmdlet + " -Connection $conn " + parameters);

            result.AssertNoErrors();
            Assert.NotEmpty(result.Output);
            Assert.All(result.Output, o => Assert.IsType(output, o.BaseObject));
            var sent = Assert.Single(_h.Log.Enrollment);
            Assert.Equal(path, sent.Uri.AbsolutePath);
            Assert.Equal(expectedBody, sent.Body);
        }

        private static IEnumerable<object[]> InvalidInputs() => new[]
        {
            new object[] { "-PageSize 0", "PageSize" },
            new object[] { "-PageSize 501", "PageSize" },
            new object[] { "-TransmissionRegion MARS", "TransmissionRegion" },
            new object[] { "-PartnerReference 'bad/ref'", "must not contain" },
            new object[] { "-PartnerReference ab", "3 to 256 characters" },
            new object[] { "-ConnectionReferenceId 'x?y'", "must not contain" },
            new object[] { "-GlobalEnrollmentStatus ACTIVE,ELIGIBLE,INELIGIBLE,NOT_PARTICIPATING,PENDING,ACTIVE", "GlobalEnrollmentStatus" },
            new object[] { "-Tag (1..21 | ForEach-Object { \"t$_\" })", "Tag" },
            new object[] { "-CreatedAfter 2024-03-01 -CreatedBefore 2024-02-01", "must be earlier than -CreatedBefore" },
        };

        [Theory]
        [MemberData(nameof(InvalidInputOfBothSearches))]
        public void InvalidInputFailsBeforeAnyRequestWithAClearMessage(string cmdlet, string parameters, string expected)
        {
            var result = _h.Engine.Run(cmdlet + " -Connection $conn " + parameters);

            Assert.NotNull(result.Failure);
            Assert.Contains(expected, result.Failure!.ToString() + " " + result.Failure.Exception.Message + " " + result.Failure.ErrorDetails?.Message);
            Assert.Empty(_h.Log.Enrollment);
        }

        [Theory]
        [MemberData(nameof(Searches))]
        public void FirstStopsRequestingPagesAndAsksForOnlyWhatItNeeds(string cmdlet, string path, Type output)
        {
            var result = _h.Engine.Run(cmdlet + " -Connection $conn -First 1");

            Assert.IsType(output, Assert.Single(result.Output).BaseObject);
            var sent = Assert.Single(_h.Log.Enrollment);
            Assert.Equal((path, "{\"page_size\":1}"), (sent.Uri.AbsolutePath, sent.Body));
        }

        [Theory]
        [MemberData(nameof(Searches))]
        public void PipedMeterIdsAreSearchedInBatchesOfAThousand(string cmdlet, string path, Type output)
        {
            var result = _h.Engine.Run("1..2500 | ForEach-Object { [guid]('00000000-0000-0000-0000-{0:D12}' -f $_) } | " + cmdlet + " -Connection $conn");

            result.AssertNoErrors();
            Assert.Equal(2500, result.Output.Count(o => o.BaseObject.GetType() == output));
            Assert.All(_h.Log.Enrollment, r => Assert.Equal(path, r.Uri.AbsolutePath));
            Assert.Equal(new[] { 1000, 1000, 500 }, _h.Log.Enrollment.Select(r => JsonDocument.Parse(r.Body!).RootElement.GetProperty("meter_ids").GetArrayLength()));
        }

        [Theory]
        [MemberData(nameof(Lookups))]
        public void LookupsBatchManyIdsAndReportEachMissingOneWithTheSameError(string cmdlet, string path, Type output)
        {
            _h.Engine.SetVariable("missing", EnrollmentSamples.Id(999999));
            var result = _h.Engine.Run(
                "$ids = @(1..1500 | ForEach-Object { [guid]('00000000-0000-0000-0000-{0:D12}' -f $_) }); $ids[0..9] + $missing + $ids[10..1499] | ForEach-Object { [pscustomobject]@{ MeterId = $_ } } | " + cmdlet + " -Connection $conn");

            var meters = result.Output.Where(o => o.BaseObject.GetType() == output).Select(o => ((MeterRecord)o.BaseObject).MeterId).ToList();
            Assert.Equal(Enumerable.Range(1, 1500).Select(EnrollmentSamples.Id), meters);
            var error = Assert.Single(result.Errors);
            Assert.Equal($"NomosMeters.NotFound,NomosMeters.Commands.{cmdlet.Replace("-", string.Empty)}Command", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
            Assert.Equal(EnrollmentSamples.Id(999999), error.TargetObject);
            Assert.Equal($"Meter '{EnrollmentSamples.Id(999999)}' was not found in the enrollment API.", error.Exception.Message);
            Assert.Equal(2, _h.Log.Enrollment.Count);
            Assert.All(_h.Log.Enrollment, r => Assert.Equal(path, r.Uri.AbsolutePath));
        }

        [Theory]
        [MemberData(nameof(Lookups))]
        public void OneIdIsOneGetOfItsRecord(string cmdlet, string path, Type output)
        {
            var id = EnrollmentSamples.Id(5);
            var record = output == typeof(MeterDetail) ? "/v2/meters/" + id : "/v2/meters/" + id + "/enrollments";
            _h.Mock.When(HttpMethod.Get, MockServer.EnrollmentBase + record).Respond(_ => MockServer.Json(HttpStatusCode.OK, output == typeof(MeterDetail) ? MeterDetailSamples.Meter(id) : EnrollmentSamples.Meter(id)));
            _h.Engine.SetVariable("id", id);

            var result = _h.Engine.Run(cmdlet + " -Connection $conn -MeterId $id");

            result.AssertNoErrors();
            Assert.IsType(output, Assert.Single(result.Output).BaseObject);
            var sent = Assert.Single(_h.Log.Enrollment);
            Assert.Equal(("GET", record), (sent.Method, sent.Uri.AbsolutePath));
            Assert.NotEqual(path, sent.Uri.AbsolutePath);
        }

        [Theory]
        [InlineData("Search-MeterDetail -Connection $conn -TransmissionRegion CAISO")]
        [InlineData("Get-MeterDetail -Connection $conn -MeterId 00000000-0000-0000-0000-000000000001, 00000000-0000-0000-0000-000000000002")]
        public void DebugTracesLeaveTheDetailsOutUnlessTracePersonalDataAsksAndVerboseNeverHasThem(string command)
        {
            var personal = new[] { MeterDetailSamples.Name, MeterDetailSamples.Email, MeterDetailSamples.Phone, MeterDetailSamples.Street };
            _h.Engine.SetVariable("DebugPreference", "Continue");

            var plain = _h.Engine.Run(command + " -Verbose");
            var traced = _h.Engine.Run(command + " -Verbose -TracePersonalData");

            plain.AssertNoErrors();
            var plainDebug = string.Join("\n", plain.Debug);
            Assert.Contains(">> POST " + DetailSearchUrl, plainDebug);
            Assert.Contains(">> {\"page_size\":500", plainDebug);
            Assert.Matches(@"<< \[personal data withheld\] \(\d+ characters; -TracePersonalData shows them\)", plainDebug);
            var everything = string.Join("\n", plain.Debug.Concat(plain.Verbose).Concat(traced.Verbose).Concat(plain.Warnings).Concat(plain.Information));
            Assert.All(personal, p => Assert.DoesNotContain(p, everything));
            // The control: the same calls with the switch trace every one of them.
            var tracedDebug = string.Join("\n", traced.Debug);
            Assert.All(personal, p => Assert.Contains(p, tracedDebug));
            Assert.DoesNotContain("personal data withheld", tracedDebug);
        }

        [Fact]
        public void DetailErrorBodiesStillShowInTheTrace()
        {
            _h.Mock.When(HttpMethod.Get, MockServer.EnrollmentBase + "/v2/meters/" + EnrollmentSamples.Id(4)).Respond(_ => MockServer.Json(HttpStatusCode.NotFound, "{\"title\":\"Meter not found\",\"status\":404,\"details\":{}}"));
            _h.Engine.SetVariable("DebugPreference", "Continue");

            var result = _h.Engine.Run("Get-MeterDetail -Connection $conn -MeterId 00000000-0000-0000-0000-000000000004");

            Assert.Equal("NomosMeters.NotFound,NomosMeters.Commands.GetMeterDetailCommand", Assert.Single(result.Errors).FullyQualifiedErrorId);
            Assert.Contains("<< {\"title\":\"Meter not found\"", string.Join("\n", result.Debug));
        }

        private void Serve(string url, Func<IEnumerable<Guid>, string?, string> page)
            => _h.Mock.When(HttpMethod.Post, url).Respond(req =>
            {
                var body = JsonDocument.Parse(req.Content!.ReadAsStringAsync().Result).RootElement;
                var ids = body.TryGetProperty("meter_ids", out var m) ? m.EnumerateArray().Select(e => e.GetGuid()).Where(g => g != EnrollmentSamples.Id(999999)).ToList() : new() { EnrollmentSamples.Id(1) };
                return MockServer.Json(HttpStatusCode.OK, page(ids, null));
            });

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

        [Fact]
        public void DetailOutputExportsOneReadableCellPerBlock()
        {
            var result = _h.Engine.Run("Search-MeterDetail -Connection $conn | ConvertTo-Csv -NoTypeInformation | ConvertFrom-Csv | ForEach-Object { $_.PSObject.Properties | ForEach-Object { \"$($_.Name)=$($_.Value)\" } }");

            result.AssertNoErrors();
            var cells = result.Output.Select(o => (string)o.BaseObject).ToList();
            Assert.Contains("Customer=Customer Name (Company Name Inc.), 132 My Street, Apartment 32, New York, NY 10001, US", cells);
            Assert.Contains("Caiso=IsReceivingSgipFunding=True; NemType=NEM2", cells);
            Assert.Contains("CreatedAt=2000-01-23T04:56:07Z", cells);
            Assert.Contains(cells, c => c.StartsWith("Site=LoadZone=load-zone; NumberOfDevices=1;", StringComparison.Ordinal) && c.EndsWith("; SiteDevices=BATTERY device-manufacturer device-model (9.876 kW, 39.504 kWh), FLYWHEEL Spin Inc. fw-1", StringComparison.Ordinal));
            Assert.Contains(cells, c => c.StartsWith("Device=DeviceType=BATTERY;", StringComparison.Ordinal) && c.Contains("InstallDate=2000-01-23"));
            Assert.DoesNotContain(cells, c => c.Contains("System.") || c.Contains("NomosMeters."));
        }
    }
}
