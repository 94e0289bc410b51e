using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace NomosMeters.Sandbox.Nomos
{
    /// <summary>Reads a request body that must be a JSON object, refusing anything else as the API's validation does.</summary>
    internal static class JsonBody
    {
        public static bool IsJson(HttpContent? content)
        {
            var mediaType = content?.Headers.ContentType?.MediaType;
            return mediaType != null && (mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase));
        }

        /// <summary>
        /// Parses a request body that must be JSON (by its Content-Type) holding an object; the caller disposes the
        /// document. Anything else is a 400 as the API's schema validation answers it.
        /// </summary>
        public static Task<JsonDocument> ReadJsonObjectAsync(HttpContent? content, CancellationToken cancellationToken)
        {
            if (!IsJson(content))
            {
                var received = content?.Headers.ContentType?.MediaType ?? "none";
                throw NomosProblem.BadField("invalid_type", string.Empty, $"Expected a JSON body (Content-Type: application/json), received Content-Type '{received}'");
            }

            return ReadObjectAsync(content, cancellationToken);
        }

        /// <summary>Adds an <c>unrecognized_keys</c> error when the object has properties the schema does not name.</summary>
        public static void RefuseUnknownKeys(JsonElement root, ICollection<string> known, List<FieldError> errors)
        {
            var unknown = root.EnumerateObject().Select(p => p.Name).Where(n => !known.Contains(n)).Distinct().ToList();
            if (unknown.Count > 0)
            {
                errors.Add(new FieldError("unrecognized_keys", string.Empty, "Unrecognized key(s) in object: " + string.Join(", ", unknown.Select(k => $"'{k}'"))));
            }
        }

        /// <summary>The string property <paramref name="name"/>; null, with an error added, when it is missing (and required) or not a string.</summary>
        public static string? ReadString(JsonElement root, string name, bool required, List<FieldError> errors)
        {
            if (!root.TryGetProperty(name, out var value))
            {
                if (required)
                {
                    errors.Add(new FieldError("invalid_type", name, "Required"));
                }

                return null;
            }

            if (value.ValueKind != JsonValueKind.String)
            {
                errors.Add(new FieldError("invalid_type", name, $"Expected string, received {KindName(value.ValueKind)}"));
                return null;
            }

            return value.GetString();
        }

        /// <summary>Parses the body as a JSON object; the caller disposes the document.</summary>
        public static async Task<JsonDocument> ReadObjectAsync(HttpContent? content, CancellationToken cancellationToken)
        {
            var text = content == null ? string.Empty : await content.ReadAsStringAsync().ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            if (text.Trim().Length == 0)
            {
                throw NomosProblem.BadField("invalid_type", string.Empty, "Expected object, received undefined (the request body is empty)");
            }

            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(text);
            }
            catch (JsonException)
            {
                throw NomosProblem.BadField("invalid_format", string.Empty, "Malformed JSON in request body");
            }

            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                var kind = KindName(document.RootElement.ValueKind);
                document.Dispose();
                throw NomosProblem.BadField("invalid_type", string.Empty, $"Expected object, received {kind}");
            }

            return document;
        }

        /// <summary>The JSON type name a validation message uses: <c>string</c>, <c>number</c>, <c>array</c>, ...</summary>
        public static string KindName(JsonValueKind kind) => kind switch
        {
            JsonValueKind.Object => "object",
            JsonValueKind.Array => "array",
            JsonValueKind.String => "string",
            JsonValueKind.Number => "number",
            JsonValueKind.True => "boolean",
            JsonValueKind.False => "boolean",
            JsonValueKind.Null => "null",
            _ => "undefined",
        };
    }
}
