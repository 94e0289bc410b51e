using System;
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
