using System;
using System.Linq;
using NomosMeters.Tests.Infrastructure;
using NomosMeters.Tests.TestBeds;
using Xunit;
using Xunit.Abstractions;

namespace NomosMeters.Tests.Hosted
{
    /// <summary>The default views, rendered by PowerShell's own formatter into a 120-column console.</summary>
    [Collection(HostedEngineCollection.Name)]
    public sealed class ViewTests : IDisposable
    {
        private readonly CapturingHost _host = new CapturingHost();
        private readonly EngineBed _bed;
        private readonly ITestOutputHelper _output;

        public ViewTests(ITestOutputHelper output)
        {
            _output = output;
            _bed = TestBed.Sandbox().Engine(_host);
        }

        public void Dispose() => _bed.Dispose();

        private string[] Render(string script)
        {
            _host.Clear();
            _bed.Engine.Run(script + " | Out-Host").AssertNoErrors();
            _output.WriteLine(_host.Text);
            // The header colours (ANSI sequences) are dropped: the assertions read the text a user reads.
            var plain = System.Text.RegularExpressions.Regex.Replace(_host.Text, "\u001b\\[[0-9;]*m", string.Empty);
            return plain.Split('\n').Select(l => l.TrimEnd()).Where(l => l.Length > 0).ToArray();
        }

        [Fact]
        public void MeterOrdersRenderAsATableOfTheColumnsAnAdminScansFirst()
        {
            var lines = Render("Get-MeterOrder -First 3");

            Assert.Matches(@"^Id\s+Status\s+Blocked\s+Created \(UTC\)\s+Provider\s+Subscription$", lines[0]);
            Assert.StartsWith("--", lines[1]);
            Assert.Equal(5, lines.Length);
            Assert.All(lines.Skip(2), l => Assert.Matches(@"^prdo_[0-9a-z]{24} \w+\s+(True|False)\s+\d{4}-\d\d-\d\d \d\d:\d\d [a-z-]+\s+sub_[0-9a-z]{24}$", l));
            // The sandbox's dates follow the current day: the expected cell comes from the object itself.
            var created = _bed.Engine.Run("(Get-MeterOrder -Id prdo_manot0rspfyzgcxkuduawmf1).CreatedAt.UtcDateTime.ToString('yyyy-MM-dd HH:mm')");
            Assert.Contains($"prdo_manot0rspfyzgcxkuduawmf1 placed          False   {Assert.Single(created.Output)} energy-metering", lines[2]);
        }

        [Fact]
        public void MeterReadingsRenderAsATableOfSubscriptionDayTypeValueMeterAndCreated()
        {
            var lines = Render("Get-MeterOrder -Status activated -First 1 | Get-MeterReading -First 3");

            Assert.Matches(@"^Subscription\s+Day\s+Type\s+Value \(kWh\)\s+Meter\s+Created \(UTC\)$", lines[0]);
            Assert.Equal(5, lines.Length);
            Assert.All(lines.Skip(2), l => Assert.Matches(@"^sub_[0-9a-z]{24} \d{4}-\d\d-\d\d (grid_reading|grid_estimation|customer_report)\s+\d+(\.\d+)? mtr_[0-9a-z]{24} \d{4}-\d\d-\d\d \d\d:\d\d$", l));
            // The value column is right-aligned: every value ends where its label does.
            var end = lines[0].IndexOf("Value (kWh)", StringComparison.Ordinal) + "Value (kWh)".Length;
            Assert.All(lines.Skip(2), l => Assert.Equal(' ', l[end]));
            Assert.All(lines.Skip(2), l => Assert.True(char.IsDigit(l[end - 1])));
        }

        [Fact]
        public void MeterEnrollmentsRenderAsATable()
        {
            var lines = Render("Search-MeterEnrollment -First 2");

            Assert.Matches(@"^MeterId\s+Region\s+GlobalStatus\s+PartnerReference\s+MeterType\s+ProgramEnrollments$", lines[0]);
            Assert.Equal(4, lines.Length);
            Assert.All(lines.Skip(2), l => Assert.Matches(@"^[0-9a-f]{8}-[0-9a-f-]{27} \S+\s+\S+\s+site-\d{5}\s+\S+\s+\{\S+:\S+", l));
        }

        [Fact]
        public void MeterDetailsRenderAsATableOfWhoWhereAndWhat()
        {
            var lines = Render("Search-MeterDetail -TransmissionRegion ERCOT -LoadType BATTERY_STORAGE -First 3");

            Assert.Matches(@"^MeterId\s+Region\s+Customer\s+Location\s+Utility\s+Devices$", lines[0]);
            Assert.Equal(5, lines.Length);
            Assert.All(lines.Skip(2), l => Assert.Matches(@"^[0-9a-f]{8}-[0-9a-f-]{27} ERCOT\s+[A-Z][a-z]+ [A-Z][a-z]+\s+[A-Z][a-z ]+, TX\s+[A-Z_]+\s+(\S+, )*BATTERY", l));

            var devices = Render("(Search-MeterDetail -LoadType BATTERY_STORAGE -First 1).Site.SiteDevices");
            Assert.Matches(@"^DeviceType\s+Manufacturer\s+Model\s+PowerKw\s+EnergyKwh\s+SerialNumber$", devices[0]);
            Assert.Contains(devices.Skip(2), l => l.StartsWith("BATTERY ", StringComparison.Ordinal));
        }

        [Fact]
        public void ProgramEnrollmentsAndActionsRenderAsTablesToo()
        {
            var programs = Render("(Search-MeterEnrollment -First 20 | ForEach-Object ProgramEnrollments | ForEach-Object { $_ })[0..2]");
            Assert.Matches(@"^ProgramIdentifier\s+EnrollmentStatus\s+DeliveryPeriod\s+MarketGroup\s+Deadlines \(UTC\)$", programs[0]);
            Assert.All(programs.Skip(2), l => Assert.Matches(@" \d{4}-\d\d-\d\d \d\d:\d\d$", l));

            var actions = Render("(Search-MeterEnrollment -PartnerActionRequired -First 5 | ForEach-Object PartnerActions | ForEach-Object { $_ })[0..1]");
            Assert.Matches(@"^ProgramIdentifier\s+ActionType\s+Code\s+Deadline \(UTC\)\s+Description$", actions[0]);
            Assert.All(actions.Skip(2), l => Assert.Matches(@"^\S+\s+[A-Z_]+\s+[A-Z]+_\d{4} \d{4}-\d\d-\d\d \d\d:\d\d \S", l));
        }

        [Fact]
        public void EventsRenderAsATableOfWhenWhatAndWhichOrder()
        {
            var lines = Render("Get-MeterOrder -Id prdo_manot0rspfyzgcxkuduawmf1 | ForEach-Object { $sandbox.EventsOf($_.Id) } | Get-NomosEvent");

            Assert.Matches(@"^Timestamp \(UTC\)\s+Topic\s+MeterOrder\s+Id$", lines[0]);
            Assert.Equal(4, lines.Length);
            Assert.Matches(@"^\d{4}-\d\d-\d\d \d\d:\d\d meter_order\.created\s+prdo_manot0rspfyzgcxkuduawmf1 evt_[0-9a-z]{24}$", lines[2]);
            Assert.Matches(@"^\d{4}-\d\d-\d\d \d\d:\d\d meter_order\.placed\s+prdo_manot0rspfyzgcxkuduawmf1 evt_[0-9a-z]{24}$", lines[3]);
        }

        [Theory]
        [InlineData(typeof(Models.MeterOrder))]
        [InlineData(typeof(Models.Enrollments.MeterEnrollment))]
        [InlineData(typeof(Models.Enrollments.ProgramEnrollment))]
        [InlineData(typeof(Models.Enrollments.RequiredAction))]
        [InlineData(typeof(Models.Enrollments.ParticipationPreference))]
        [InlineData(typeof(Models.Enrollments.EnrollmentDeadline))]
        [InlineData(typeof(NomosConnection))]
        [InlineData(typeof(Models.MeterDetails.MeterDetail))]
        [InlineData(typeof(Models.MeterDetails.SiteDevice))]
        [InlineData(typeof(Models.NomosEvent))]
        [InlineData(typeof(Models.MeterReading))]
        public void EveryOutputTypeHasATableViewOfAFewColumnsAndAListViewOfEveryProperty(Type type)
        {
            var views = System.Xml.Linq.XDocument.Load(System.IO.Path.Combine(RepoPaths.ModuleDirectory, "NomosMeters.Format.ps1xml"))
                .Descendants("View").Where(v => v.Element("ViewSelectedBy")!.Element("TypeName")!.Value == type.FullName).ToList();

            var table = Assert.Single(views, v => v.Element("TableControl") != null);
            var columns = table.Descendants("TableColumnHeader").Count();
            Assert.InRange(columns, 2, 6);
            var list = Assert.Single(views, v => v.Element("ListControl") != null);
            var listed = list.Descendants("PropertyName").Select(p => p.Value).ToList();
            var properties = type.GetProperties().Select(p => p.Name).ToList();
            Assert.Equal(properties.OrderBy(p => p), listed.OrderBy(p => p));
        }

        [Fact]
        public void EveryTableLabelFitsItsColumnAndEveryDateColumnSaysUtc()
        {
            var headers = System.Xml.Linq.XDocument.Load(System.IO.Path.Combine(RepoPaths.ModuleDirectory, "NomosMeters.Format.ps1xml"))
                .Descendants("TableControl")
                .SelectMany(t => t.Descendants("TableColumnHeader").Zip(t.Descendants("TableColumnItem"), (h, i) => (Header: h, Item: i)))
                .ToList();

            Assert.NotEmpty(headers);
            Assert.All(headers, c =>
            {
                var label = c.Header.Element("Label")!.Value;
                // A label wider than its column is printed down the column, a letter or two a line.
                if (c.Header.Element("Width") is { } width)
                {
                    Assert.True(label.Length <= int.Parse(width.Value), $"'{label}' is wider than its {width.Value} characters");
                }

                var isDate = c.Item.Element("ScriptBlock")?.Value.Contains("UtcDateTime.ToString('yyyy-MM-dd HH:mm')") ?? false;
                Assert.True(isDate == label.EndsWith(" (UTC)", StringComparison.Ordinal), $"'{label}': a date column and only a date column says (UTC)");
            });
        }

        [Fact]
        public void IdsAreTheKeyPropertiesThatSortAndGroupUseByDefault()
        {
            var result = _bed.Engine.Run(
                "(Get-MeterOrder -First 1).PSStandardMembers.DefaultKeyPropertySet.ReferencedPropertyNames; " +
                "(Search-MeterEnrollment -First 1).PSStandardMembers.DefaultKeyPropertySet.ReferencedPropertyNames; " +
                "(Search-MeterDetail -First 1).PSStandardMembers.DefaultKeyPropertySet.ReferencedPropertyNames");

            result.AssertNoErrors();
            Assert.Equal(new object[] { "Id", "MeterId", "MeterId" }, result.Output.Select(o => o.BaseObject));
        }

        [Fact]
        public void TheConnectionRendersWithoutASecret()
        {
            var lines = Render("Get-NomosContext");

            Assert.Matches(@"^Services\s+IsConnected\s+BaseUri\s+AuthenticationType\s+EnrollmentBaseUri$", lines[0]);
            Assert.Matches(@"^Nomos, Enrollment\s+True\s+https://nomos\.sandbox\.invalid/\s+ClientCredentials\s+https://enrollment\.sandbox\.invalid/$", lines[2]);
            Assert.DoesNotContain("sandbox-secret", string.Join("\n", lines));
        }
    }
}
