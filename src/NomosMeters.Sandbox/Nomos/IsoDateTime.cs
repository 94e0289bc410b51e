using System;
using System.Globalization;

namespace NomosMeters.Sandbox.Nomos
{
    /// <summary>The API's date-time values in requests: ISO 8601 with a timezone (<c>Z</c> or an offset such as <c>+01:00</c>).</summary>
    internal static class IsoDateTime
    {
        public const string Expected = "ISO 8601 with a timezone, such as 2026-01-15T10:30:00Z";

        public static bool TryParse(string text, out DateTimeOffset value)
        {
            var trimmed = text.Trim();
            var offsetAt = trimmed.Length - 6;
            var hasZone = trimmed.EndsWith("Z", StringComparison.OrdinalIgnoreCase) ||
                          (offsetAt > 0 && (trimmed[offsetAt] == '+' || trimmed[offsetAt] == '-') && trimmed[offsetAt + 3] == ':');
            value = default;
            return hasZone && trimmed.IndexOf('T') > 0 &&
                   DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.None, out value);
        }
    }
}
