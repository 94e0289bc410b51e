using System;
using System.Collections.Generic;
using System.Linq;
using NomosMeters.Models.Enrollments;
using NomosMeters.Models.MeterDetails;
using NomosMeters.Sandbox;
using NomosMeters.Tests.Infrastructure;
using NomosMeters.Tests.TestBeds;
using Xunit;

namespace NomosMeters.Tests.Hosted
{
    /// <summary>The enrollment cmdlets against the sandbox: filters give exactly the meters they should, paging every meter once.</summary>
    [Collection(HostedEngineCollection.Name)]
    public sealed class EnrollmentSandboxHostedTests : IDisposable
    {
        private readonly EngineBed _s = TestBed.Sandbox().Engine();

        public void Dispose() => _s.Dispose();

        private IReadOnlyList<SandboxMeterEnrollment> Meters => _s.Sandbox.MeterEnrollments;

        private int SearchRequests => _s.Sandbox.RequestLog.Count(r => r.StartsWith("POST /v2/meters/enrollments/search"));

        [Fact]
        public void SearchWithoutFiltersReturnsEveryMeterExactlyOnce()
        {
            var before = SearchRequests;
            var result = _s.Engine.Run("Search-MeterEnrollment");

            result.AssertNoErrors();
            var ids = result.Objects<MeterEnrollment>().Select(m => m.MeterId).ToList();
            Assert.True(Meters.Count >= 5000);
            Assert.Equal(Meters.Count, ids.Count);
            Assert.Equal(ids.Count, ids.Distinct().Count());
            Assert.Equal((Meters.Count + 499) / 500, SearchRequests - before);
        }

        [Fact]
        public void SmallPagesAlsoReturnEveryMatchOnce()
        {
            var expected = Meters.Where(m => m.TransmissionRegion == "NYISO").Select(m => m.MeterId).OrderBy(g => g).ToList();

            var result = _s.Engine.Run("Search-MeterEnrollment -TransmissionRegion NYISO -PageSize 37");

            result.AssertNoErrors();
            Assert.Equal(expected, result.Objects<MeterEnrollment>().Select(m => m.MeterId).OrderBy(g => g));
        }

        public static IEnumerable<object[]> Filters()
        {
            yield return new object[] { "-TransmissionRegion ercot", (Func<SandboxMeterEnrollment, bool>)(m => m.TransmissionRegion == "ERCOT") };
            yield return new object[] { "-CustomerClassification COMMERCIAL", (Func<SandboxMeterEnrollment, bool>)(m => m.CustomerClassification == "COMMERCIAL") };
            yield return new object[] { "-GlobalEnrollmentStatus ELIGIBLE,PENDING", (Func<SandboxMeterEnrollment, bool>)(m => m.GlobalEnrollmentStatus is "ELIGIBLE" or "PENDING") };
            yield return new object[] { "-MeterType DEVICE,SUBMETER", (Func<SandboxMeterEnrollment, bool>)(m => m.MeterType is "DEVICE" or "SUBMETER") };
            yield return new object[] { "-LoadType EV_CHARGING", (Func<SandboxMeterEnrollment, bool>)(m => m.LoadTypes.Contains("EV_CHARGING")) };
            yield return new object[] { "-CustomerGroup Fleet,Pilot_2025", (Func<SandboxMeterEnrollment, bool>)(m => m.CustomerGroup is "Fleet" or "Pilot_2025") };
            yield return new object[] { "-Tag vip", (Func<SandboxMeterEnrollment, bool>)(m => m.Tags.Contains("vip")) };
            yield return new object[] { "-PartnerActionRequired", (Func<SandboxMeterEnrollment, bool>)(m => m.PartnerActions.Count > 0) };
            yield return new object[] { "-ExcludeArchived", (Func<SandboxMeterEnrollment, bool>)(m => !m.IsArchived) };
            yield return new object[] { "-ActionType HAS_NOMINATIONS", (Func<SandboxMeterEnrollment, bool>)(m => m.PartnerActions.Concat(m.LeapActions).Any(a => a.ActionType == "HAS_NOMINATIONS")) };
            yield return new object[] { "-TransmissionRegion CAISO -LoadType HVAC -ExcludeArchived", (Func<SandboxMeterEnrollment, bool>)(m => m.TransmissionRegion == "CAISO" && m.LoadTypes.Contains("HVAC") && !m.IsArchived) };
        }

        [Theory]
        [MemberData(nameof(Filters))]
        public void EachFilterGivesExactlyTheMatchingMeters(string parameters, Func<SandboxMeterEnrollment, bool> expected)
            => AssertFilterGivesExactly(parameters, expected);

        // The details search takes the same filters and selects by the same enrollment fields.
        [Theory]
        [MemberData(nameof(Filters))]
        public void EachFilterGivesTheDetailsOfExactlyTheMatchingMeters(string parameters, Func<SandboxMeterEnrollment, bool> expected)
            => AssertFilterGivesExactly(parameters, expected, "Search-MeterDetail");

        // Days from the sandbox's anchor: the seeded timeline ends there, on the day the sandbox was created.
        [Theory]
        [InlineData("-ModifiedAfter", -153, null, 0)]
        [InlineData("-CreatedAfter", -518, "-CreatedBefore", -426)]
        public void DateFiltersGiveExactlyTheMatchingMeters(string first, int firstDays, string? second, int secondDays)
        {
            var from = _s.Sandbox.Anchor.AddDays(firstDays);
            var to = _s.Sandbox.Anchor.AddDays(secondDays);
            var parameters = $"{first} '{from:o}'" + (second == null ? string.Empty : $" {second} '{to:o}'");

            AssertFilterGivesExactly(parameters, first == "-ModifiedAfter" ? m => m.UpdatedAt > from : m => m.CreatedAt > from && m.CreatedAt < to);
        }

        private void AssertFilterGivesExactly(string parameters, Func<SandboxMeterEnrollment, bool> expected, string cmdlet = "Search-MeterEnrollment")
        {
            var want = Meters.Where(expected).Select(m => m.MeterId).OrderBy(g => g).ToList();

            var result = _s.Engine.Run(cmdlet + " " + parameters);

            result.AssertNoErrors();
            Assert.NotEmpty(want);
            Assert.True(want.Count < Meters.Count, "the filter must exclude something");
            Assert.Equal(want, result.Output.Select(o => ((MeterRecord)o.BaseObject).MeterId).OrderBy(g => g));
        }

        [Fact]
        public void ReferenceFiltersMatchTheirMeters()
        {
            var withRef = Meters.Where(m => m.PartnerReference != null).Take(3).ToList();
            var withConn = Meters.First(m => m.ConnectionReferences.Count > 0);
            _s.Engine.SetVariable("refs", withRef.Select(m => m.PartnerReference).ToArray());
            _s.Engine.SetVariable("conn1", withConn.ConnectionReferences[0]);

            var byRef = _s.Engine.Run("Search-MeterEnrollment -PartnerReference $refs");
            var byConn = _s.Engine.Run("Search-MeterEnrollment -ConnectionReferenceId $conn1");

            Assert.Equal(withRef.Select(m => m.MeterId).OrderBy(g => g), byRef.Objects<MeterEnrollment>().Select(m => m.MeterId).OrderBy(g => g));
            Assert.Equal(withConn.MeterId, Assert.Single(byConn.Objects<MeterEnrollment>()).MeterId);
        }

        [Theory]
        [InlineData("Get-MeterEnrollment", "POST /v2/meters/enrollments/search")]
        [InlineData("Get-MeterDetail", "POST /v2/meters/search")]
        public void FiveThousandIdsIntoALookupTakeTenSearchPagesNotFiveThousandRequests(string cmdlet, string search)
        {
            _s.Engine.SetVariable("ids", Meters.Take(5000).Select(m => m.MeterId).ToArray());
            var before = _s.Sandbox.RequestLog.Count;

            var result = _s.Engine.Run("$ids | " + cmdlet);

            result.AssertNoErrors();
            Assert.Equal(Meters.Take(5000).Select(m => m.MeterId), result.Output.Select(o => ((MeterRecord)o.BaseObject).MeterId));
            // 1000 ids per search, 500 meters per page (the API maximum): 5 searches of 2 pages each.
            Assert.Equal(Enumerable.Repeat(search, 10), _s.Sandbox.RequestLog.Skip(before).Select(r => r.Split(' ')[0] + " " + r.Split(' ')[1].Split('?')[0]));
        }

        [Fact]
        public void EnrollmentsPipeIntoTheirDetailsWhichShareTheirRecord()
        {
            var expected = Meters.Where(m => m.PartnerActions.Count > 0).ToList();

            var result = _s.Engine.Run("Search-MeterEnrollment -PartnerActionRequired | Get-MeterDetail");

            result.AssertNoErrors();
            var details = result.Objects<MeterDetail>();
            Assert.True(expected.Count > 1000, "more than one batch of ids");
            Assert.Equal(expected.Select(m => m.MeterId), details.Select(d => d.MeterId));
            var seeded = _s.Sandbox.MeterDetails.ToDictionary(d => d.MeterId);
            Assert.All(details.Zip(expected), pair =>
            {
                var (detail, meter) = pair;
                Assert.Equal((meter.TransmissionRegion, meter.CustomerClassification, meter.MeterType, meter.CreatedAt, meter.UpdatedAt), (detail.TransmissionRegion, detail.CustomerClassification, detail.MeterType, detail.CreatedAt, detail.UpdatedAt));
                Assert.Equal(string.Join(";", meter.LoadTypes), detail.LoadTypes.ToString());
                Assert.Equal(string.Join(";", meter.Tags), detail.Tags.ToString());
                Assert.Equal(seeded[meter.MeterId].Customer.Text("end_customer_email"), detail.Customer!.EndCustomerEmail);
            });
        }

        [Fact]
        public void SingleUnknownIdIsObjectNotFoundAndOthersGoOn()
        {
            _s.Engine.SetVariable("known", Meters[3].MeterId);

            var result = _s.Engine.Run("Get-MeterEnrollment -MeterId ([guid]::Empty); Get-MeterEnrollment -MeterId $known");

            Assert.Equal(Meters[3].MeterId, Assert.Single(result.Objects<MeterEnrollment>()).MeterId);
            var error = Assert.Single(result.Errors);
            Assert.Equal("NomosMeters.NotFound,NomosMeters.Commands.GetMeterEnrollmentCommand", error.FullyQualifiedErrorId);
            Assert.Equal(Guid.Empty, error.TargetObject);
        }

        [Fact]
        public void SearchOutputPipesIntoGetMeterEnrollmentByPropertyName()
        {
            var result = _s.Engine.Run("Search-MeterEnrollment -TransmissionRegion PJM -First 3 | Get-MeterEnrollment");

            result.AssertNoErrors();
            Assert.Equal(3, result.Objects<MeterEnrollment>().Count);
        }

        [Fact]
        public void NestedDataArrivesTypedAndReadable()
        {
            var seeded = Meters.First(m => m.PartnerActions.Count > 0 && m.ParticipationPreferences.Count > 1);
            _s.Engine.SetVariable("id", seeded.MeterId);

            var meter = Assert.Single(_s.Engine.Run("Get-MeterEnrollment $id").Objects<MeterEnrollment>());

            Assert.Equal(seeded.CreatedAt, meter.CreatedAt);
            Assert.Equal(string.Join(";", seeded.LoadTypes), meter.LoadTypes.ToString());
            Assert.Equal(seeded.ProgramEnrollments.Count, meter.ProgramEnrollments.Count);
            Assert.Equal(seeded.ProgramEnrollments[0].EnrollmentDeadline, meter.ProgramEnrollments[0].EnrollmentDeadlines[0].Deadline);
            Assert.Equal(seeded.PartnerActions[0].Code, meter.PartnerActions[0].Code);
            Assert.Equal(seeded.ParticipationPreferences[1].Reason, meter.ParticipationPreferences[1].Reason);
        }
    }
}
