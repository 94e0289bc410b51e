using System;
using System.Globalization;
using System.Text.RegularExpressions;

namespace NomosMeters.Client.Json
{
    /// <summary>Parses and formats the timestamps of both APIs.</summary>
    internal static class TimestampParser
    {
        private const int MaxFractionDigits = 7;

        // ISO 8601 as people write it: a date, optionally a time (T or a space), optionally Z or an offset.
        private static readonly Regex Iso8601 = new Regex(
            @"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?(Z|[+-]\d{2}(:?\d{2})?)?$",
            RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

        public static bool TryParse(string text, out DateTimeOffset value)
        {
            var trimmed = TrimFraction(text);
            if (DateTimeOffset.TryParse(
                    trimmed,
                    CultureInfo.InvariantCulture,
                    DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal,
                    out value))
            {
                value = value.ToUniversalTime();
                return true;
            }

            return false;
        }

        /// <summary>
        /// Parses what a user or a file gives as a date or time, the same on every machine: ISO 8601 only (2026-11-28,
        /// 2026-11-28T08:00, 2026-11-28 08:00:00+01:00), never a culture's own format, in which 03.11.2026 is November
        /// on one machine and March on the next. Without Z or an offset the time is UTC, as the APIs' own timestamps are.
        /// </summary>
        public static bool TryParseIso(string text, out DateTimeOffset value)
        {
            value = default;
            var trimmed = text.Trim();
            return Iso8601.IsMatch(trimmed) && TryParse(trimmed, out value);
        }

        /// <summary>ISO 8601 in UTC with as many fractional digits as needed (none for whole seconds).</summary>
        public static string Format(DateTimeOffset value)
            => value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

        // Cuts the fractional-seconds part to 7 digits so the framework parser accepts nanosecond timestamps.
        private static string TrimFraction(string text)
        {
            var dot = text.IndexOf('.');
            if (dot < 0)
            {
                return text;
            }

            var end = dot + 1;
            while (end < text.Length && text[end] >= '0' && text[end] <= '9')
            {
                end++;
            }

            var digits = end - dot - 1;
            return digits <= MaxFractionDigits ? text : text.Substring(0, dot + 1 + MaxFractionDigits) + text.Substring(end);
        }
    }
}
