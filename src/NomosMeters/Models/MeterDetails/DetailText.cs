using System;
using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using System.Linq;
using System.Reflection;
using NomosMeters.Client.Json;

namespace NomosMeters.Models.MeterDetails
{
    /// <summary>
    /// The plain text of a detail block where PowerShell turns it into one value (an Export-Csv cell, a list view):
    /// its set properties as <c>Name=Value</c> in declared order, joined by <c>"; "</c>, in the invariant culture, so
    /// a cell reads the same on every machine, loses no field and never shows a type name.
    /// </summary>
    internal static class DetailText
    {
        private static readonly ConcurrentDictionary<Type, PropertyInfo[]> Properties = new ConcurrentDictionary<Type, PropertyInfo[]>();

        public static string Fields(object block)
        {
            var properties = Properties.GetOrAdd(
                block.GetType(),
                type => type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0).OrderBy(p => p.MetadataToken).ToArray());
            return string.Join("; ", properties.Select(p => (p.Name, Text: Value(p.GetValue(block)))).Where(f => f.Text.Length > 0).Select(f => f.Name + "=" + f.Text));
        }

        /// <summary>The non-empty parts joined by <paramref name="separator"/>.</summary>
        public static string Join(string separator, params string?[] parts)
            => string.Join(separator, parts.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p!.Trim()));

        /// <summary>A number as the API wrote it, in the invariant culture.</summary>
        public static string Number(double? value) => value?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;

        private static string Value(object? value)
        {
            switch (value)
            {
                case null:
                    return string.Empty;
                case string text:
                    return text;
                case DateTime day:
                    return day.ToString(IsoDateConverter.Format, CultureInfo.InvariantCulture);
                case double number:
                    return Number(number);
                case IEnumerable many:
                    return string.Join(", ", many.Cast<object?>().Select(Value).Where(t => t.Length > 0));
                default:
                    return Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty;
            }
        }
    }
}
