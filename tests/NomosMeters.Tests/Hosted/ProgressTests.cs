using System;
using System.Linq;
using System.Management.Automation;
using NomosMeters.Tests.Infrastructure;
using NomosMeters.Tests.TestBeds;
using Xunit;

namespace NomosMeters.Tests.Hosted
{
    /// <summary>Write-Progress on multi-page lists, as the host receives it.</summary>
    [Collection(HostedEngineCollection.Name)]
    public sealed class ProgressTests : IDisposable
    {
        private readonly CapturingHost _host = new CapturingHost();
        private readonly EngineBed _bed;

        public ProgressTests()
        {
            _bed = TestBed.Sandbox().Engine(_host);
            _host.Clear();
        }

        public void Dispose() => _bed.Dispose();

        [Fact]
        public void AMultiPageListReportsPagesAndObjectsSoFarAndCompletesAtTheEnd()
        {
            var result = _bed.Engine.Run("Get-MeterOrder -PageSize 100");

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
            var result = _bed.Engine.Run("Search-MeterEnrollment -PageSize 500");

            result.AssertNoErrors();
            Assert.Equal("11 pages, 5200 objects read", _host.Progress[^2].StatusDescription);
            Assert.Equal(ProgressRecordType.Completed, _host.Progress[^1].RecordType);
        }

        [Fact]
        public void ASinglePageShowsNoProgress()
        {
            _bed.Engine.Run("Get-MeterOrder -First 5").AssertNoErrors();

            Assert.Empty(_host.Progress);
        }

        [Fact]
        public void ProgressPreferenceSilentlyContinueSilencesIt()
        {
            var result = _bed.Engine.Run("$ProgressPreference = 'SilentlyContinue'; Get-MeterOrder -PageSize 100");

            result.AssertNoErrors();
            Assert.Equal(2600, result.Output.Count);
            Assert.Empty(_host.Progress);
        }
    }
}
