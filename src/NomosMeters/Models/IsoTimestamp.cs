using System;
using System.ComponentModel;
using System.Management.Automation;
using NomosMeters.Client.Json;

namespace NomosMeters.Models
{
    /// <summary>
    /// How PowerShell sees a date property of an output object: the same <see cref="DateTimeOffset"/> (compare it,
    /// sort by it, call its methods), wrapped so that its plain <c>ToString()</c> is ISO 8601 in UTC. Export-Csv and
    /// ConvertTo-Csv write each property's plain <c>ToString()</c>, which for a bare DateTimeOffset is the
    /// culture's format ("05/27/2026 10:15:00 +00:00" on en-US, "27.05.2026 ..." on de-DE): a spreadsheet would
    /// read it one way on one machine and another way on the next.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static class IsoTimestamp
    {
        // Looked up once: a wrapper is made on every read of a date property (Export-Csv reads them all, per object).
        private static readonly System.Reflection.MethodInfo ToIsoStringMethod = typeof(IsoTimestamp).GetMethod(nameof(ToIsoString))!;
        private static readonly System.Reflection.MethodInfo ToIsoDayStringMethod = typeof(IsoTimestamp).GetMethod(nameof(ToIsoDayString))!;

        /// <summary>The wrapper for <paramref name="value"/>; null stays null (an empty CSV cell).</summary>
        public static object? Wrap(DateTimeOffset? value)
        {
            if (value == null)
            {
                return null;
            }

            return PlainText.With(value.Value, ToIsoStringMethod);
        }

        /// <summary>The wrapper for a calendar date (an install date, an offering date): its plain text is <c>yyyy-MM-dd</c>.</summary>
        public static object WrapDay(DateTime value) => PlainText.With(value, ToIsoDayStringMethod);

        /// <summary><c>ToString()</c> gives <c>2000-01-23</c>; other formats behave as on any DateTime.</summary>
        public static string ToIsoDayString(PSObject instance, string? format = null, IFormatProvider? formatProvider = null)
        {
            var value = (DateTime)instance.BaseObject;
            return format == null && formatProvider == null ? value.ToString(IsoDateConverter.Format, System.Globalization.CultureInfo.InvariantCulture) : value.ToString(format, formatProvider);
        }

        /// <summary>
        /// <c>ToString()</c> gives ISO 8601 in UTC (<c>2026-05-27T10:15:00Z</c>); <c>ToString('yyyy-MM-dd')</c> and
        /// other formats behave as on any DateTimeOffset.
        /// </summary>
        public static string ToIsoString(PSObject instance, string? format = null, IFormatProvider? formatProvider = null)
        {
            var value = (DateTimeOffset)instance.BaseObject;
            return format == null && formatProvider == null ? TimestampParser.Format(value) : value.ToString(format, formatProvider);
        }
    }
}
