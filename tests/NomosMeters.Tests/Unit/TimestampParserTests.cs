using System;
using NomosMeters.Client.Json;
using Xunit;

namespace NomosMeters.Tests.Unit
{
    public sealed class TimestampParserTests
    {
        [Theory]
        [InlineData("2026-06-30T12:00:00Z", "2026-06-30T12:00:00.0000000+00:00")]
        [InlineData("2026-06-30T12:00:00.1Z", "2026-06-30T12:00:00.1000000+00:00")]
        [InlineData("2024-04-24T16:03:06.785318Z", "2024-04-24T16:03:06.7853180+00:00")]
        [InlineData("9000-12-31T23:59:59.999999999Z", "9000-12-31T23:59:59.9999999+00:00")]
        [InlineData("2026-08-01T07:30:00.000+02:00", "2026-08-01T05:30:00.0000000+00:00")]
        [InlineData("2026-08-01T07:30:00", "2026-08-01T07:30:00.0000000+00:00")]
        public void ParsesZeroToNineFractionDigitsFarFutureAndOffsetsIntoUtc(string text, string expectedRoundTrip)
        {
            Assert.True(TimestampParser.TryParse(text, out var value));
            Assert.Equal(TimeSpan.Zero, value.Offset);
            Assert.Equal(expectedRoundTrip, value.ToString("o"));
        }

        [Theory]
        [InlineData("2026-06-30T12:00:00Z", "2026-06-30T12:00:00.0000000+00:00")]
        [InlineData("2026-06-30T12:00:00.1Z", "2026-06-30T12:00:00.1000000+00:00")]
        [InlineData("2024-04-24T16:03:06.785318Z", "2024-04-24T16:03:06.7853180+00:00")]
        [InlineData("9000-12-31T23:59:59.999999999Z", "9000-12-31T23:59:59.9999999+00:00")]
        [InlineData("2024-04-24T16:03:06.12345678912345678Z", "2024-04-24T16:03:06.1234567+00:00")]
        [InlineData("2026-08-01T07:30:00.000+02:00", "2026-08-01T05:30:00.0000000+00:00")]
        [InlineData("2026-08-01T07:30:00", "2026-08-01T07:30:00.0000000+00:00")]
        [InlineData("2026-08-01T07:30:00\\u005a", "2026-08-01T07:30:00.0000000+00:00")]
        [InlineData("2026-08-01 07:30:00Z", "2026-08-01T07:30:00.0000000+00:00")]
        public void TheJsonConverterReadsWhatTheParserReadsTheSameWay(string json, string expectedRoundTrip)
        {
            var reader = new System.Text.Json.Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes("\"" + json + "\""));
            Assert.True(reader.Read());

            var value = new UtcDateTimeOffsetConverter().Read(ref reader, typeof(DateTimeOffset), new System.Text.Json.JsonSerializerOptions());

            Assert.Equal(TimeSpan.Zero, value.Offset);
            Assert.Equal(expectedRoundTrip, value.ToString("o"));
        }

        [Theory]
        [InlineData("")]
        [InlineData("yesterday")]
        [InlineData("2026-13-01T00:00:00Z")]
        public void RejectsWhatIsNotATimestamp(string text) => Assert.False(TimestampParser.TryParse(text, out _));

        [Fact]
        public void FormatsIso8601InUtc()
            => Assert.Equal("2026-08-01T05:30:00.5Z", TimestampParser.Format(new DateTimeOffset(2026, 8, 1, 7, 30, 0, 500, TimeSpan.FromHours(2))));
    }
}
