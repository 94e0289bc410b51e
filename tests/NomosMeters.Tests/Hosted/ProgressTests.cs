using System;
using System.Linq;
using System.Management.Automation;
using NomosMeters.Tests.Infrastructure;
using Xunit;

namespace NomosMeters.Tests.Hosted
{
    /// <summary>Write-Progress on multi-page lists, as the host receives it.</summary>
    [Collection(HostedEngineCollection.Name)]
    public sealed class ProgressTests : IDisposable
    {
        private readonly CapturingHost _host = new CapturingHost();
        private readonly HostedEngine _engine;

        public ProgressTests()
        {
            _engine = new HostedEngine(host: _host);
            _engine.Run("Connect-Nomos -Sandbox").AssertNoErrors();
            _host.Clear();
        }

        public void Dispose()
        {
            _engine.Run("Disconnect-Nomos");
            _engine.Dispose();
        }

        [Fact]
        public void AMultiPageListReportsPagesAndObjectsSoFarAndCompletesAtTheEnd()
        {
            var result = _engine.Run("Get-MeterOrder -PageSize 100");

            result.AssertNoErrors();
            Assert.Equal(2600, result.Output.Count);
            var records = _host.Progress;
            Assert.Equal(27, records.Count);
            Assert.All(records, r => Assert.Equal("Get-MeterOrder", r.Activity));
            Assert.Equal("1 page, 100 objects read; fetching the next page", records[0].StatusDescription);
            Assert.Equal("25 pages, 2500 objects read; fetching the next page", records[24].StatusDescription);
            Assert.Equal("26 pages, 2600 objects read", records[25].StatusDescription);
            Assert.Equal(ProgressRecordType.Completed, records[26].RecordType);
            Assert.All(records.Take(26), r => Assert.Equal(ProgressRecordType.Processing, r.RecordType));
        }

        [Fact]
        public void EnrollmentSearchesReportProgressToo()
        {
            var result = _engine.Run("Search-MeterEnrollment -PageSize 500");

            result.AssertNoErrors();
            Assert.Equal("11 pages, 5200 objects read", _host.Progress[^2].StatusDescription);
            Assert.Equal(ProgressRecordType.Completed, _host.Progress[^1].RecordType);
        }

        [Fact]
        public void ASinglePageShowsNoProgress()
        {
            _engine.Run("Get-MeterOrder -First 5").AssertNoErrors();

            Assert.Empty(_host.Progress);
        }

        [Fact]
        public void ProgressPreferenceSilentlyContinueSilencesIt()
        {
            var result = _engine.Run("$ProgressPreference = 'SilentlyContinue'; Get-MeterOrder -PageSize 100");

            result.AssertNoErrors();
            Assert.Equal(2600, result.Output.Count);
            Assert.Empty(_host.Progress);
        }
    }
}
