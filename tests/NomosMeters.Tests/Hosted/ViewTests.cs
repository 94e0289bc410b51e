using System;
using System.Linq;
using NomosMeters.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace NomosMeters.Tests.Hosted
{
    /// <summary>The default views, rendered by PowerShell's own formatter into a 120-column console.</summary>
    [Collection(HostedEngineCollection.Name)]
    public sealed class ViewTests : IDisposable
    {
        private readonly CapturingHost _host = new CapturingHost();
        private readonly HostedEngine _engine;
        private readonly ITestOutputHelper _output;

        public ViewTests(ITestOutputHelper output)
        {
            _output = output;
            _engine = new HostedEngine(host: _host);
            _engine.Run("Connect-Nomos -Sandbox").AssertNoErrors();
        }

        public void Dispose()
        {
            _engine.Run("Disconnect-Nomos");
            _engine.Dispose();
        }

        private string[] Render(string script)
        {
            _host.Clear();
            _engine.Run(script + " | Out-Host").AssertNoErrors();
            _output.WriteLine(_host.Text);
            // The header colours (ANSI sequences) are dropped: the assertions read the text a user reads.
            var plain = System.Text.RegularExpressions.Regex.Replace(_host.Text, "\u001b\\[[0-9;]*m", string.Empty);
            return plain.Split('\n').Select(l => l.TrimEnd()).Where(l => l.Length > 0).ToArray();
        }

        [Fact]
        public void MeterOrdersRenderAsATableOfTheColumnsAnAdminScansFirst()
        {
            var lines = Render("Get-MeterOrder -First 3");

            Assert.Matches(@"^Id\s+Status\s+Provider\s+IsBlocked\s+CreatedAt\s+Subscription$", lines[0]);
            Assert.StartsWith("--", lines[1]);
            Assert.Equal(5, lines.Length);
            Assert.All(lines.Skip(2), l => Assert.Matches(@"^prdo_\w+\s+\w+\s+\S+\s+(True|False)\s+\d{4}-\d\d-\d\d \d\d:\d\d\s+sub_\w+$", l));
        }

        [Fact]
        public void MeterEnrollmentsRenderAsATable()
        {
            var lines = Render("Search-MeterEnrollment -First 2");

            Assert.Matches(@"^MeterId\s+Region\s+GlobalStatus\s+MeterType\s+PartnerReference\s+ProgramEnrollments$", lines[0]);
            Assert.Equal(4, lines.Length);
            Assert.All(lines.Skip(2), l => Assert.Matches(@"^[0-9a-f]{8}-[0-9a-f-]{27}\s+\S+\s+\S+", l));
        }

        [Fact]
        public void ProgramEnrollmentsAndActionsRenderAsTablesToo()
        {
            var programs = Render("(Search-MeterEnrollment -First 20 | ForEach-Object ProgramEnrollments | ForEach-Object { $_ })[0..2]");
            Assert.Matches(@"^ProgramIdentifier\s+DeliveryPeriod\s+EnrollmentStatus\s+MarketGroupName\s+EnrollmentDeadlines$", programs[0]);

            var actions = Render("(Search-MeterEnrollment -PartnerActionRequired -First 5 | ForEach-Object PartnerActions | ForEach-Object { $_ })[0..1]");
            Assert.Matches(@"^ProgramIdentifier\s+ActionType\s+Deadline\s+Description$", actions[0]);
        }

        [Theory]
        [InlineData(typeof(Models.MeterOrder))]
        [InlineData(typeof(Models.Enrollments.MeterEnrollment))]
        [InlineData(typeof(Models.Enrollments.ProgramEnrollment))]
        [InlineData(typeof(Models.Enrollments.RequiredAction))]
        [InlineData(typeof(Models.Enrollments.ParticipationPreference))]
        [InlineData(typeof(Models.Enrollments.EnrollmentDeadline))]
        [InlineData(typeof(NomosConnection))]
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
        public void IdsAreTheKeyPropertiesThatSortAndGroupUseByDefault()
        {
            var result = _engine.Run(
                "(Get-MeterOrder -First 1).PSStandardMembers.DefaultKeyPropertySet.ReferencedPropertyNames; " +
                "(Search-MeterEnrollment -First 1).PSStandardMembers.DefaultKeyPropertySet.ReferencedPropertyNames");

            result.AssertNoErrors();
            Assert.Equal(new object[] { "Id", "MeterId" }, result.Output.Select(o => o.BaseObject));
        }

        [Fact]
        public void TheConnectionRendersWithoutASecret()
        {
            var lines = Render("Get-NomosContext");

            Assert.Matches(@"^Services\s+BaseUri\s+EnrollmentBaseUri\s+AuthenticationType\s+IsConnected$", lines[0]);
            Assert.Contains("Nomos, Enrollment", lines[2]);
            Assert.DoesNotContain("sandbox-secret", string.Join("\n", lines));
        }
    }
}
