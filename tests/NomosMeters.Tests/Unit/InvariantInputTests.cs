using System;
using System.Globalization;
using System.Management.Automation;
using System.Threading;
using NomosMeters.Client.Json;
using NomosMeters.Commands;
using Xunit;

namespace NomosMeters.Tests.Unit
{
    /// <summary>Numbers and dates given as text are read the same under every culture; what is ambiguous is refused.</summary>
    public sealed class InvariantInputTests
    {
        [Theory]
        [InlineData("2026-11-28", "2026-11-28T00:00:00+00:00")]
        [InlineData("2026-11-28T08:00", "2026-11-28T08:00:00+00:00")]
        [InlineData("2026-11-28 08:00:00", "2026-11-28T08:00:00+00:00")]
        [InlineData(" 2026-11-28T08:00:00Z ", "2026-11-28T08:00:00+00:00")]
        [InlineData("2026-11-28T08:00:00.123456789+01:00", "2026-11-28T07:00:00.1234567+00:00")]
        [InlineData("2026-11-28T08:00:00-0500", "2026-11-28T13:00:00+00:00")]
        public void IsoTextIsReadTheSameEverywhere(string text, string expected)
        {
            foreach (var culture in new[] { "de-DE", "en-US", "ja-JP", "ar-SA" })
            {
                using var _ = new CultureScope(culture);
                Assert.True(TimestampParser.TryParseIso(text, out var value), $"{text} under {culture}");
                Assert.Equal(DateTimeOffset.Parse(expected, CultureInfo.InvariantCulture), value);
            }
        }

        [Theory]
        [InlineData("28.11.2026")]
        [InlineData("11/28/2026")]
        [InlineData("28/11/2026 08:00")]
        [InlineData("Nov 28, 2026")]
        [InlineData("2026-13-01")]
        [InlineData("yesterday")]
        public void TextInACulturesOwnFormatIsRefused(string text)
        {
            using var _ = new CultureScope("de-DE");
            Assert.False(TimestampParser.TryParseIso(text, out var _1));
            Assert.Throws<ArgumentTransformationMetadataException>(() => new InvariantTimestampAttribute().Transform(null!, text));
        }

        [Fact]
        public void DatesKeepTheirZoneAndOnesOfUnspecifiedKindAreUtc()
        {
            var attribute = new InvariantTimestampAttribute();

            Assert.Equal(new DateTimeOffset(2026, 11, 28, 8, 0, 0, TimeSpan.Zero), attribute.Transform(null!, new DateTime(2026, 11, 28, 8, 0, 0, DateTimeKind.Unspecified)));
            Assert.Equal(new DateTimeOffset(2026, 11, 28, 8, 0, 0, TimeSpan.Zero), attribute.Transform(null!, new DateTime(2026, 11, 28, 8, 0, 0, DateTimeKind.Utc)));
            var local = new DateTime(2026, 11, 28, 8, 0, 0, DateTimeKind.Local);
            Assert.Equal(new DateTimeOffset(local), attribute.Transform(null!, new PSObject(local)));
            Assert.Null(attribute.Transform(null!, "  "));
            Assert.Null(attribute.Transform(null!, null));
        }

        [Theory]
        [InlineData("1234.5", 1234.5)]
        [InlineData(" 7 ", 7)]
        [InlineData("-3.25", -3.25)]
        [InlineData("0.001", 0.001)]
        public void NumbersInTextAreReadWithADotUnderEveryCulture(string text, double expected)
        {
            using var _ = new CultureScope("de-DE");
            Assert.Equal((decimal)expected, new InvariantNumberAttribute().Transform(null!, text));
        }

        [Theory]
        [InlineData("1234,5")]
        [InlineData("1,234.5")]
        [InlineData("1.234,5")]
        [InlineData("12 kWh")]
        [InlineData("1e3")]
        public void NumbersWithSeparatorsOrUnitsAreRefusedRatherThanMisread(string text)
        {
            using var _ = new CultureScope("de-DE");
            var error = Assert.Throws<ArgumentTransformationMetadataException>(() => new InvariantNumberAttribute().Transform(null!, text));
            Assert.Contains("with a dot for decimals", error.Message);
        }

        [Fact]
        public void NumbersThatAreNumbersStayTheirValue()
        {
            var attribute = new InvariantNumberAttribute();

            Assert.Equal(42m, attribute.Transform(null!, 42));
            Assert.Equal(1500m, attribute.Transform(null!, new PSObject(1.5e3)));
            Assert.Equal(0.1m, attribute.Transform(null!, 0.1));
            Assert.Equal(2.5m, attribute.Transform(null!, 2.5m));
            Assert.Null(attribute.Transform(null!, string.Empty));
            Assert.Throws<ArgumentTransformationMetadataException>(() => attribute.Transform(null!, double.NaN));
        }

        private sealed class CultureScope : IDisposable
        {
            private readonly CultureInfo _before = Thread.CurrentThread.CurrentCulture;

            public CultureScope(string name) => Thread.CurrentThread.CurrentCulture = CultureInfo.GetCultureInfo(name);

            public void Dispose() => Thread.CurrentThread.CurrentCulture = _before;
        }
    }
}
