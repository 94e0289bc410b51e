using System;
using System.Globalization;

namespace NomosMeters.Client.Json
{
    /// <summary>Parses and formats the timestamps of both APIs.</summary>
    internal static class TimestampParser
    {
        private const int MaxFractionDigits = 7;

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
