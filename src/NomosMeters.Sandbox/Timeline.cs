using System;

namespace NomosMeters.Sandbox
{
    /// <summary>Where the seeded history ends, and how it thickens towards that end.</summary>
    internal static class Timeline
    {
        /// <summary>The start of the UTC day of <paramref name="now"/>: the seeded history ends there, so it is the same all day.</summary>
        public static DateTimeOffset AnchorFor(DateTimeOffset now) => new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);

        /// <summary>
        /// Squares an offset before the anchor within <paramref name="span"/> (0 stays 0, span stays span): what happened
        /// in the last span crowds towards the anchor, so "since yesterday" finds something at any hour of the anchor's day.
        /// </summary>
        public static double Closer(double offset, double span) => offset * offset / span;
    }
}
