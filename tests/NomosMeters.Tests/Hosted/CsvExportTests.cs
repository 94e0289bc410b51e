using System;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using NomosMeters.Models;
using NomosMeters.Models.Enrollments;
using NomosMeters.Tests.Infrastructure;
using Xunit;

namespace NomosMeters.Tests.Hosted
{
    /// <summary>
    /// What Export-Csv writes for every output type, over sandbox data: one column per property, every cell
    /// readable text, dates in ISO 8601 UTC whatever the culture. The cells are computed as Export-Csv computes
    /// them (<see cref="CsvCells"/>), under a culture whose own date format is not ISO.
    /// </summary>
    [Collection(HostedEngineCollection.Name)]
    public sealed class CsvExportTests : IDisposable
    {
        private static readonly Regex IsoUtc = new Regex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,7})?Z$");

        private readonly SandboxSession _s = new SandboxSession();

        public CsvExportTests()
        {
            var culture = (CultureInfo)CultureInfo.InvariantCulture.Clone();
            culture.DateTimeFormat.ShortDatePattern = "dd.MM.yyyy";
            culture.DateTimeFormat.LongTimePattern = "HH.mm.ss";
            _s.Engine.SetVariable("culture", culture);
        }

        public void Dispose() => _s.Dispose();

        [Theory]
        [InlineData(typeof(MeterOrder), "Get-MeterOrder")]
        [InlineData(typeof(MeterEnrollment), "Search-MeterEnrollment")]
        [InlineData(typeof(ProgramEnrollment), "Search-MeterEnrollment | ForEach-Object ProgramEnrollments")]
        [InlineData(typeof(EnrollmentDeadline), "Search-MeterEnrollment | ForEach-Object ProgramEnrollments | ForEach-Object EnrollmentDeadlines")]
        [InlineData(typeof(RequiredAction), "Search-MeterEnrollment | ForEach-Object { $_.PartnerActions; $_.LeapActions }")]
        [InlineData(typeof(ParticipationPreference), "Search-MeterEnrollment | ForEach-Object ParticipationPreferences")]
        [InlineData(typeof(NomosConnection), "Get-NomosContext")]
        public void EveryPropertyIsOneReadableColumnAndEveryDateIsIso8601Utc(Type type, string command)
        {
            var result = _s.Engine.Run(
                "[System.Threading.Thread]::CurrentThread.CurrentCulture = $culture; " +
                command + " | ForEach-Object { [NomosMeters.Tests.Infrastructure.CsvCells]::Of($_) }");

            result.AssertNoErrors();
            var rows = result.Objects<CsvRow>();
            Assert.NotEmpty(rows);
            var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance);
            var dates = properties.Where(p => p.PropertyType == typeof(DateTimeOffset) || p.PropertyType == typeof(DateTimeOffset?)).ToList();
            var datesWritten = 0;
            foreach (var row in rows)
            {
                Assert.IsType(type, row.Source);
                Assert.Equal(properties.Select(p => p.Name).OrderBy(n => n), row.Cells.Select(c => c.Key).OrderBy(n => n));
                foreach (var cell in row.Cells)
                {
                    Assert.False(cell.Value.Contains("System.") || cell.Value.Contains("NomosMeters.") || cell.Value.Contains("[]"), $"{type.Name}.{cell.Key} writes \"{cell.Value}\"");
                }

                foreach (var date in dates)
                {
                    var value = (DateTimeOffset?)date.GetValue(row.Source);
                    var cell = row.Cells.Single(c => c.Key == date.Name).Value;
                    if (value == null)
                    {
                        Assert.Equal(string.Empty, cell);
                        continue;
                    }

                    Assert.Matches(IsoUtc, cell);
                    Assert.Equal(value.Value.UtcDateTime, DateTime.Parse(cell, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal));
                    datesWritten++;
                }
            }

            Assert.True(dates.Count == 0 || datesWritten > 0, $"no {type.Name} in the sandbox has a date set");
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
