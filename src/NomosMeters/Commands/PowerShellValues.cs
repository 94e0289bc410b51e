using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using NomosMeters.Client.Json;

namespace NomosMeters.Commands
{
    /// <summary>How a value from a script is read when it goes into a request (Invoke-NomosRequest's -Query and -Body).</summary>
    internal static class PowerShellValues
    {
        /// <summary>A PSObject's base object, whatever it is; any other value as it is. One level, unlike <see cref="Unwrap"/>.</summary>
        public static object? BaseOf(object? value) => value is PSObject wrapped ? wrapped.BaseObject : value;

        /// <summary>The value itself: a PSObject's base object, unless it is a [pscustomobject] (whose properties are the value).</summary>
        public static object? Unwrap(object? value)
            => value is PSObject wrapped && !(wrapped.BaseObject is PSCustomObject) ? Unwrap(wrapped.BaseObject) : value;

        /// <summary>
        /// The entries of a hashtable as name and value. A plain <c>@{}</c> has no order, so its keys are sorted
        /// (the same request every run); <c>[ordered]@{}</c> and other dictionaries keep theirs.
        /// </summary>
        public static IEnumerable<KeyValuePair<string, object?>> Entries(IDictionary table)
        {
            var entries = table.Cast<DictionaryEntry>()
                .Select(e => new KeyValuePair<string, object?>(Convert.ToString(Unwrap(e.Key), CultureInfo.InvariantCulture) ?? string.Empty, e.Value));
            // Only the plain type: PowerShell 7's OrderedHashtable (ConvertFrom-Json -AsHashtable) derives from it and has an order.
            return table.GetType() == typeof(Hashtable) ? entries.OrderBy(e => e.Key, StringComparer.Ordinal) : entries;
        }

        /// <summary>
        /// A single value as the APIs read it in text: booleans as true/false, numbers in the invariant culture,
        /// dates as ISO 8601 in UTC (one without an offset or kind is local time), ids as their text; null for what is not a single value.
        /// </summary>
        public static string? Text(object? value)
        {
            switch (Unwrap(value))
            {
                case string text:
                    return text;
                case bool flag:
                    return flag ? "true" : "false";
                case DateTimeOffset date:
                    return TimestampParser.Format(date);
                case DateTime date:
                    return TimestampParser.Format(new DateTimeOffset(date));
                case Guid id:
                    return id.ToString("D");
                case Uri uri:
                    return uri.OriginalString;
                case Enum choice:
                    return choice.ToString();
                case char c:
                    return c.ToString();
                case IFormattable number when IsNumber(number):
                    return number.ToString(null, CultureInfo.InvariantCulture);
                default:
                    return null;
            }
        }

        public static bool IsNumber(object value)
            => value is byte || value is sbyte || value is short || value is ushort || value is int || value is uint || value is long ||
               value is ulong || value is float || value is double || value is decimal || value is System.Numerics.BigInteger;
    }
}
