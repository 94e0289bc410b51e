using System;
using System.Collections.Specialized;
using System.Linq;
using System.Management.Automation;
using System.Text.Json;

namespace NomosMeters.Commands
{
    /// <summary>
    /// JSON answers as PowerShell values, built from the parsed document, so that Windows PowerShell 5.1 and
    /// PowerShell 7 get the same: objects as [pscustomobject] (as ConvertFrom-Json gives them) or as ordered
    /// hashtables with case-sensitive keys (as ConvertFrom-Json -AsHashtable gives them in PowerShell 7.3+), arrays
    /// as object[], whole numbers as Int64 (Decimal beyond), other numbers as Decimal (their exact digits; Double
    /// for an exponent or more digits than a Decimal holds), and dates as the strings the API sent (ConvertFrom-Json of
    /// Windows PowerShell 5.1 keeps them so too; PowerShell 7's would turn them into local [datetime]s).
    /// </summary>
    internal static class JsonOutput
    {
        private const int MaxDecimalDigits = 28;

        private static readonly char[] ExponentMarks = { 'e', 'E' };

        public static object? ToObject(JsonElement json, bool asHashtable)
        {
            switch (json.ValueKind)
            {
                case JsonValueKind.Object:
                    return asHashtable ? (object)ToHashtable(json) : ToCustomObject(json);
                case JsonValueKind.Array:
                    return json.EnumerateArray().Select(item => ToObject(item, asHashtable)).ToArray();
                case JsonValueKind.String:
                    return json.GetString();
                case JsonValueKind.Number:
                    return Number(json);
                case JsonValueKind.True:
                    return true;
                case JsonValueKind.False:
                    return false;
                default:
                    return null;
            }
        }

        private static PSObject ToCustomObject(JsonElement json)
        {
            var result = new PSObject();
            foreach (var property in json.EnumerateObject())
            {
                var value = ToObject(property.Value, asHashtable: false);
                var existing = result.Properties[property.Name];
                if (existing == null)
                {
                    result.Properties.Add(new PSNoteProperty(property.Name, value));
                }
                else if (existing.Name == property.Name)
                {
                    // A key given twice: the last one counts, as in JavaScript.
                    existing.Value = value;
                }
                else
                {
                    throw new JsonKeyConflictException(existing.Name, property.Name);
                }
            }

            return result;
        }

        private static OrderedDictionary ToHashtable(JsonElement json)
        {
            var result = new OrderedDictionary(StringComparer.Ordinal);
            foreach (var property in json.EnumerateObject())
            {
                result[property.Name] = ToObject(property.Value, asHashtable: true);
            }

            return result;
        }

        private static object Number(JsonElement json)
        {
            var text = json.GetRawText();
            var exponent = text.IndexOfAny(ExponentMarks) >= 0;
            var point = text.IndexOf('.');
            if (!exponent && point < 0 && json.TryGetInt64(out var whole))
            {
                return whole;
            }

            // Decimal holds 28 digits, at most 28 of them after the point; beyond that it would round.
            var fraction = point < 0 ? 0 : text.Length - point - 1;
            if (!exponent && fraction <= MaxDecimalDigits && text.Count(char.IsDigit) - LeadingZeros(text) <= MaxDecimalDigits && json.TryGetDecimal(out var exact))
            {
                return exact;
            }

            // Out of Double's range too: the digits as the API sent them.
            return json.TryGetDouble(out var approximate) && !double.IsInfinity(approximate) ? approximate : (object)text;
        }

        // Zeros before the first significant digit (0.000123 has four) carry no precision.
        private static int LeadingZeros(string number)
            => number.TakeWhile(c => c == '-' || c == '0' || c == '.').Count(c => c == '0');
    }

    /// <summary>Two keys of one JSON object that differ only in case, which a [pscustomobject] cannot hold apart.</summary>
    internal sealed class JsonKeyConflictException : Exception
    {
        public JsonKeyConflictException(string first, string second)
            : base($"The answer has the keys '{first}' and '{second}' in one object, which differ only in case; a PowerShell object cannot hold both.")
        {
        }
    }
}
