using System;
using System.Collections;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Numerics;
using System.Security;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace NomosMeters.Commands
{
    /// <summary>
    /// Invoke-NomosRequest's -Body as JSON, written with System.Text.Json: a string is the body as it is; hashtables
    /// and objects become JSON objects (a plain <c>@{}</c> with its keys sorted, <c>[ordered]@{}</c> in its order),
    /// arrays JSON arrays, numbers and booleans themselves, dates ISO 8601 strings in UTC, enums their names.
    /// A secret (SecureString, PSCredential) is never written.
    /// </summary>
    internal static class RequestBodyJson
    {
        // Deeper than any API body; an object that refers to itself gets here instead of filling memory.
        private const int MaxDepth = 64;

        // Names and text as typed ('ü', '+', quotes), as the APIs' own examples write them; the body never lands in HTML.
        private static readonly JsonWriterOptions Options = new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

        /// <summary>The JSON text of <paramref name="body"/>, or null for none; an <see cref="ArgumentException"/> for what cannot be written.</summary>
        public static string? From(object? body)
        {
            var value = PowerShellValues.Unwrap(body);
            if (value == null)
            {
                return null;
            }

            if (value is string text)
            {
                return text;
            }

            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer, Options))
            {
                Write(writer, value, 0);
            }

            return Encoding.UTF8.GetString(buffer.ToArray());
        }

        private static void Write(Utf8JsonWriter writer, object? value, int depth)
        {
            if (depth > MaxDepth)
            {
                throw new ArgumentException($"-Body is nested more than {MaxDepth} levels deep; does an object in it refer to itself?");
            }

            var bare = PowerShellValues.Unwrap(value);
            switch (bare)
            {
                case null:
                    writer.WriteNullValue();
                    return;
                case bool flag:
                    writer.WriteBooleanValue(flag);
                    return;
                case JsonElement element:
                    element.WriteTo(writer);
                    return;
                case JsonDocument document:
                    document.RootElement.WriteTo(writer);
                    return;
                case SecureString _:
                case PSCredential _:
                    throw new ArgumentException("-Body holds a SecureString or PSCredential; the module never writes a secret into a request.");
                case ScriptBlock _:
                    throw new ArgumentException("-Body holds a script block, which has no JSON form; put its result in the body instead.");
                case double number when double.IsNaN(number) || double.IsInfinity(number):
                case float single when float.IsNaN(single) || float.IsInfinity(single):
                    throw new ArgumentException($"-Body holds the number {bare}, which JSON cannot express.");
            }

            if (PowerShellValues.IsNumber(bare))
            {
                // The number's own digits: no rounding through double, and any size (BigInteger).
                writer.WriteRawValue(((IFormattable)bare).ToString(bare is double || bare is float ? "R" : null, System.Globalization.CultureInfo.InvariantCulture));
                return;
            }

            var text = PowerShellValues.Text(bare);
            if (text != null)
            {
                writer.WriteStringValue(text);
                return;
            }

            switch (bare)
            {
                case IDictionary table:
                    writer.WriteStartObject();
                    foreach (var entry in PowerShellValues.Entries(table))
                    {
                        writer.WritePropertyName(entry.Key);
                        Write(writer, entry.Value, depth + 1);
                    }

                    writer.WriteEndObject();
                    return;
                case IEnumerable many when !(bare is PSObject):
                    writer.WriteStartArray();
                    foreach (var item in many)
                    {
                        Write(writer, item, depth + 1);
                    }

                    writer.WriteEndArray();
                    return;
            }

            // A [pscustomobject], or any other object: its properties, as ConvertTo-Json reads them.
            writer.WriteStartObject();
            foreach (var property in PSObject.AsPSObject(bare).Properties.Where(p => p.IsGettable))
            {
                writer.WritePropertyName(property.Name);
                Write(writer, property.Value, depth + 1);
            }

            writer.WriteEndObject();
        }
    }
}
