using System;
using NomosMeters.Sandbox.Nomos;
using Xunit;

namespace NomosMeters.Tests.Sandbox
{
    /// <summary>The sandbox's own CET/CEST rule agrees with the system's Europe/Berlin zone (tzdata) over years of days.</summary>
    public sealed class BerlinTimeTests
    {
        private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

        [Fact]
        public void EveryDayFrom2020To2035StartsAtBerlinMidnight()
        {
            for (var day = new DateTime(2020, 1, 1); day < new DateTime(2036, 1, 1); day = day.AddDays(1))
            {
                var expected = new DateTimeOffset(day, Berlin.GetUtcOffset(day));
                Assert.Equal(expected, BerlinTime.StartOf(day));
                Assert.Equal(day, BerlinTime.DateOf(expected));
                Assert.Equal(day.AddDays(-1), BerlinTime.DateOf(expected.AddTicks(-1)));
            }
        }

        [Theory]
        [InlineData("2026-03-29T00:59:59Z", "2026-03-29", "2026-03-28T23:00:00Z")]
        [InlineData("2026-03-29T01:00:00Z", "2026-03-29", "2026-03-28T23:00:00Z")]
        [InlineData("2026-10-25T00:59:59Z", "2026-10-25", "2026-10-24T22:00:00Z")]
        [InlineData("2026-10-25T22:59:59Z", "2026-10-25", "2026-10-24T22:00:00Z")]
        [InlineData("2026-10-25T23:00:00Z", "2026-10-26", "2026-10-25T23:00:00Z")]
        [InlineData("2026-07-14T21:59:59.999Z", "2026-07-14", "2026-07-13T22:00:00Z")]
        [InlineData("2026-07-14T22:00:00Z", "2026-07-15", "2026-07-14T22:00:00Z")]
        public void InstantsAroundTheClockChangesFallOnTheirBerlinDay(string instant, string date, string start)
        {
            var at = DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture);

            Assert.Equal(DateTime.Parse(date, System.Globalization.CultureInfo.InvariantCulture), BerlinTime.DateOf(at));
            Assert.Equal(DateTimeOffset.Parse(start, System.Globalization.CultureInfo.InvariantCulture), BerlinTime.StartOfDay(at));
            Assert.Equal(TimeZoneInfo.ConvertTime(at, Berlin).Date, BerlinTime.DateOf(at));
        }
    }
}
