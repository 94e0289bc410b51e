using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Reflection;
using System.Text.RegularExpressions;
using NomosMeters.Models;
using NomosMeters.Models.Enrollments;
using NomosMeters.Models.MeterDetails;
using NomosMeters.Tests.Infrastructure;
using NomosMeters.Tests.TestBeds;
using Xunit;

namespace NomosMeters.Tests.Hosted
{
    /// <summary>
    /// What Export-Csv writes for every output type, over sandbox data: the real Export-Csv into a file, read back
    /// with Import-Csv, under a culture whose own date format is not ISO. One column per property, in the order the
    /// type declares them (the id first), every cell readable text, dates in ISO 8601 UTC.
    /// </summary>
    [Collection(HostedEngineCollection.Name)]
    public sealed class CsvExportTests : IDisposable
    {
        private static readonly Regex IsoUtc = new Regex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,7})?Z$");

        private readonly EngineBed _s = TestBed.Sandbox().Engine();
        private readonly string _folder = Directory.CreateTempSubdirectory("nomosmeters-csv-").FullName;

        public CsvExportTests()
        {
            var culture = (CultureInfo)CultureInfo.InvariantCulture.Clone();
            culture.DateTimeFormat.ShortDatePattern = "dd.MM.yyyy";
            culture.DateTimeFormat.LongTimePattern = "HH.mm.ss";
            _s.Engine.SetVariable("culture", culture);
        }

        public void Dispose()
        {
            _s.Dispose();
            Directory.Delete(_folder, recursive: true);
        }

        [Fact]
        public void MeterOrderColumnsStartWithTheIdAndFollowTheApisFieldOrder()
        {
            Assert.Equal(
                new[]
                {
                    "Id", "Object", "Subscription", "Customer", "Provider", "Status", "CreatedAt", "InstalledAt", "ActivatedAt",
                    "CancelledAt", "CancelledReason", "BlockedAt", "BlockedReason", "AppointmentAt", "IsBlocked",
                },
                Header("Get-MeterOrder -First 3"));
        }

        [Fact]
        public void MeterEnrollmentColumnsStartWithTheMeterIdAndFollowTheApisFieldOrder()
        {
            Assert.Equal(
                new[]
                {
                    "MeterId", "PartnerReference", "TransmissionRegion", "CustomerClassification", "LoadTypes", "MeterType",
                    "ConnectionReferences", "CustomerGroup", "Tags", "IsArchived", "CreatedBy", "CreatedAt", "UpdatedAt",
                    "GlobalEnrollmentStatus", "ParticipationPreferences", "ProgramEnrollments", "PartnerActions", "LeapActions",
                },
                Header("Search-MeterEnrollment -First 3"));
        }

        [Fact]
        public void MeterReadingColumnsStartWithTheIdAndFollowTheApisFieldOrder()
        {
            Assert.Equal(
                new[] { "Id", "Subscription", "Customer", "Meter", "Value", "Timestamp", "Day", "Type", "CreatedAt", "Object" },
                Header("Get-MeterReading -First 3"));
        }

        [Fact]
        public void ReadingValuesAreWrittenWithADotUnderACultureWithADecimalCommaAndStayDecimals()
        {
            var reading = _s.Sandbox.MeterReadings.First(r => r.Value != decimal.Truncate(r.Value));
            _s.Engine.SetVariable("sub", reading.Subscription);

            var result = _s.Engine.Run(
                "[System.Threading.Thread]::CurrentThread.CurrentCulture = 'de-DE'; " +
                "$r = Get-MeterReading -Subscription $sub -First 1; ([decimal]1234.5).ToString(); " +
                "($r | ConvertTo-Csv -NoTypeInformation | Select-Object -Last 1).Split(',')[4]; " +
                "$r.Value.GetType().FullName; $r.Value + 1; $r.Value -gt 0; ($r, $r | Measure-Object Value -Sum).Sum; $r.Value.ToString('N1')");

            result.AssertNoErrors();
            var de = CultureInfo.GetCultureInfo("de-DE");
            Assert.Equal(
                new object[]
                {
                    "1234,5", "\"" + reading.Value.ToString(CultureInfo.InvariantCulture) + "\"", "System.Decimal", reading.Value + 1, true,
                    (double)(reading.Value * 2), reading.Value.ToString("N1", de),
                },
                result.Output.Select(o => o.BaseObject));
        }

        // Every row the sandbox has, through Export-Csv and back: seconds per type.
        [Theory]
        [Trait("Category", "Slow")]
        [InlineData(typeof(MeterOrder), "Get-MeterOrder")]
        [InlineData(typeof(MeterEnrollment), "Search-MeterEnrollment")]
        [InlineData(typeof(ProgramEnrollment), "Search-MeterEnrollment | ForEach-Object ProgramEnrollments")]
        [InlineData(typeof(EnrollmentDeadline), "Search-MeterEnrollment | ForEach-Object ProgramEnrollments | ForEach-Object EnrollmentDeadlines")]
        [InlineData(typeof(RequiredAction), "Search-MeterEnrollment | ForEach-Object { $_.PartnerActions; $_.LeapActions }")]
        [InlineData(typeof(ParticipationPreference), "Search-MeterEnrollment | ForEach-Object ParticipationPreferences")]
        [InlineData(typeof(NomosConnection), "Get-NomosContext")]
        [InlineData(typeof(MeterDetail), "Search-MeterDetail")]
        [InlineData(typeof(Customer), "Search-MeterDetail | ForEach-Object Customer")]
        [InlineData(typeof(Device), "Search-MeterDetail | Where-Object Device | ForEach-Object Device")]
        [InlineData(typeof(Site), "Search-MeterDetail | ForEach-Object Site")]
        [InlineData(typeof(SiteDevice), "Search-MeterDetail | ForEach-Object { $_.Site.SiteDevices }")]
        [InlineData(typeof(Utility), "Search-MeterDetail | ForEach-Object Utility")]
        [InlineData(typeof(MeterReading), "Get-MeterReading -First 300")]
        public void EveryPropertyIsOneReadableColumnInDeclaredOrderAndEveryDateIsIso8601Utc(Type type, string command)
        {
            var file = Path.Combine(_folder, type.Name + ".csv");
            _s.Engine.SetVariable("file", file);
            var result = _s.Engine.Run(
                "[System.Threading.Thread]::CurrentThread.CurrentCulture = $culture; " +
                $"$objects = @({command}); $objects | Export-Csv -LiteralPath $file -NoTypeInformation; " +
                "$rows = @(Import-Csv -LiteralPath $file); for ($i = 0; $i -lt $objects.Count; $i++) { ,@($objects[$i].PSObject.BaseObject, $rows[$i]) }");

            result.AssertNoErrors();
            Assert.NotEmpty(result.Output);
            // Declared order, a base class's properties first: as the module's property adapter shows them.
            var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance).OrderBy(p => Depth(p.DeclaringType!)).ThenBy(p => p.MetadataToken).ToList();
            var dates = properties.Where(p => p.PropertyType == typeof(DateTimeOffset) || p.PropertyType == typeof(DateTimeOffset?)).ToList();
            var days = properties.Where(p => p.PropertyType == typeof(DateTime) || p.PropertyType == typeof(DateTime?)).ToList();
            var datesWritten = 0;
            foreach (var pair in result.Output.Select(o => (object[])o.BaseObject))
            {
                var source = pair[0] is PSObject wrapped ? wrapped.BaseObject : pair[0];
                var row = ((PSObject)pair[1]).Properties.ToDictionary(p => p.Name, p => (string)p.Value);
                Assert.IsType(type, source);
                Assert.Equal(properties.Select(p => p.Name), ((PSObject)pair[1]).Properties.Select(p => p.Name));
                foreach (var cell in row)
                {
                    Assert.False(cell.Value.Contains("System.") || cell.Value.Contains("NomosMeters.") || cell.Value.Contains("[]"), $"{type.Name}.{cell.Key} writes \"{cell.Value}\"");
                }

                foreach (var date in dates)
                {
                    var value = (DateTimeOffset?)date.GetValue(source);
                    var cell = row[date.Name];
                    if (value == null)
                    {
                        Assert.Equal(string.Empty, cell);
                        continue;
                    }

                    Assert.Matches(IsoUtc, cell);
                    Assert.Equal(value.Value.UtcDateTime, DateTime.Parse(cell, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal));
                    datesWritten++;
                }

                // A calendar date (an install day) is the day alone, the same in every culture.
                foreach (var day in days)
                {
                    var value = (DateTime?)day.GetValue(source);
                    Assert.Equal(value?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty, row[day.Name]);
                    datesWritten += value.HasValue ? 1 : 0;
                }
            }

            Assert.True(dates.Count + days.Count == 0 || datesWritten > 0, $"no {type.Name} in the sandbox has a date set");
        }

        private static int Depth(Type type) => type.BaseType == null ? 0 : 1 + Depth(type.BaseType);

        [Fact]
        public void MeterDetailColumnsStartWithTheMeterRecordThenOneColumnPerBlock()
        {
            Assert.Equal(
                new[]
                {
                    "MeterId", "PartnerReference", "TransmissionRegion", "CustomerClassification", "LoadTypes", "MeterType",
                    "ConnectionReferences", "CustomerGroup", "Tags", "IsArchived", "CreatedBy", "CreatedAt", "UpdatedAt",
                    "Customer", "Device", "Site", "Caiso", "Isone", "Nyiso", "Utility",
                },
                Header("Search-MeterDetail -First 3"));
        }

        [Fact]
        public void GetMemberShowsEveryDatePropertyAsDateTimeOffset()
        {
            var result = _s.Engine.Run(
                "Get-MeterOrder -First 1 | Get-Member -MemberType Properties | Where-Object Name -like '*At' | ForEach-Object { $_.Definition }");

            result.AssertNoErrors();
            var definitions = result.Output.Select(o => (string)o.BaseObject).ToList();
            Assert.Equal(6, definitions.Count);
            Assert.All(definitions, d => Assert.StartsWith("System.DateTimeOffset ", d));
        }

        private string[] Header(string command)
        {
            var result = _s.Engine.Run(command + " | ConvertTo-Csv -NoTypeInformation | Select-Object -First 1");
            result.AssertNoErrors();
            return ((string)Assert.Single(result.Output).BaseObject).Split(',').Select(h => h.Trim('"')).ToArray();
        }

        [Fact]
        public void WithoutTheModulesTypeDataTheSameCultureWouldWriteItsOwnDateFormat()
        {
            // The control: the culture these tests run under does change what a bare DateTimeOffset writes.
            var result = _s.Engine.Run(
                "[System.Threading.Thread]::CurrentThread.CurrentCulture = $culture; ([DateTimeOffset]'2026-05-27T10:15:00Z').ToString()");

            Assert.Equal("27.05.2026 10.15.00 +00:00", Assert.Single(result.Output).BaseObject);
        }

        [Fact]
        public void DatePropertiesStillCompareSortAndFormatAsDateTimeOffset()
        {
            var order = _s.Sandbox.MeterOrders.First(o => o.InstalledAt == null);
            _s.Engine.SetVariable("id", order.Id);

            var result = _s.Engine.Run(
                "$o = Get-MeterOrder -Id $id; " +
                "$o.CreatedAt.GetType().FullName; " +
                "$o.CreatedAt -lt [DateTimeOffset]::UtcNow; $o.CreatedAt -gt [datetime]'2000-01-01'; $o.CreatedAt -gt '2000-01-01'; " +
                "$o.CreatedAt.ToString('yyyy-MM-dd'); $o.CreatedAt.UtcDateTime.Year; $null -eq $o.InstalledAt; " +
                "@(Get-MeterOrder -First 200 | Where-Object CreatedAt -ge $o.CreatedAt).Count; " +
                // Sort-Object orders by LanguagePrimitives.Compare of the property values.
                "[System.Management.Automation.LanguagePrimitives]::Compare($o.CreatedAt, $o.CreatedAt.AddSeconds(-1)); " +
                "[System.Management.Automation.LanguagePrimitives]::Compare($o.CreatedAt, $o.CreatedAt.AddSeconds(1))");

            result.AssertNoErrors();
            var created = order.CreatedAt.UtcDateTime;
            Assert.Equal(
                new object[]
                {
                    "System.DateTimeOffset", true, true, true, created.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), created.Year, true,
                    _s.Sandbox.MeterOrders.Take(200).Count(o => o.CreatedAt >= order.CreatedAt), 1, -1,
                },
                result.Output.Select(o => o.BaseObject));
        }
    }
}
