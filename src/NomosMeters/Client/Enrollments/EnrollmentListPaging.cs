using System;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using NomosMeters.Client.Http;
using NomosMeters.Client.Json;
using NomosMeters.Client.Paging;
using NomosMeters.Client.Requests;

namespace NomosMeters.Client.Enrollments
{
    /// <summary>
    /// The enrollment API's lists, for requests to any path: searches, <c>POST</c> with <c>page_token</c> and
    /// <c>page_size</c> in the JSON body, answered with <c>{next_page_token, &lt;items&gt;: [...]}</c>, where the
    /// items are the answer's one array (<c>meters</c> in both specs).
    /// </summary>
    internal sealed class EnrollmentListPaging : IListPaging
    {
        private const string PageToken = "page_token";
        private const string PageSize = "page_size";

        private static readonly JsonWriterOptions WriterOptions = new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

        public HttpMethod Method => HttpMethod.Post;

        /// <summary>
        /// A <c>page_token</c> in the body is where the walk starts; a <c>page_size</c> there is the page size (shrunk
        /// for -First when the walk starts at the beginning), otherwise the API's default and maximum of 500 applies. The rest of the body goes on every page
        /// unchanged, as the API's page tokens require.
        /// </summary>
        public ListWalk Walk(RawRequest call, PageRange range, ServiceEndpoint endpoint)
        {
            var body = ParseBody(call.Body);
            var token = body.TryGetProperty(PageToken, out var given) && given.ValueKind == JsonValueKind.String ? given.GetString() : null;
            var start = string.IsNullOrEmpty(token) ? null : token;
            var sizeGiven = body.TryGetProperty(PageSize, out var sizeValue);
            int? size = sizeGiven && sizeValue.ValueKind == JsonValueKind.Number && sizeValue.TryGetInt32(out var value) ? value : (int?)null;
            int? sent = null;
            // A page_size that is not a whole number goes to the API as it is, to answer for itself.
            if (!sizeGiven || size != null)
            {
                var pageSize = range.PageSizeFor(size ?? MeterFilterRequest.MaxPageSize, start);
                sent = size != null || pageSize != MeterFilterRequest.MaxPageSize ? pageSize : (int?)null;
            }

            return new ListWalk(
                start,
                cursor => call.ToApiRequest(endpoint, body: WithPage(body, sent, cursor)));
        }

        public async Task<Page<JsonElement>> ReadPageAsync(ServiceRequestor requestor, ApiRequest request, HttpResponseMessage response, CancellationToken cancellationToken)
        {
            var root = await requestor.ReadJsonAsync(request, response, NomosJsonContext.Default.JsonElement, cancellationToken).ConfigureAwait(false);
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw RawRequestClient.NotAList(requestor, request, response, "it is a JSON " + root.ValueKind.ToString().ToLowerInvariant());
            }

            var arrays = root.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Array).ToList();
            if (arrays.Count != 1)
            {
                var why = arrays.Count == 0 ? "it has no array of items" : "it has several arrays: " + string.Join(", ", arrays.Select(a => a.Name));
                throw RawRequestClient.NotAList(requestor, request, response, why);
            }

            string? next = null;
            if (root.TryGetProperty("next_page_token", out var token) && token.ValueKind != JsonValueKind.Null)
            {
                next = token.ValueKind == JsonValueKind.String
                    ? token.GetString()
                    : throw requestor.InvalidResponse(request, response, "The search response's next_page_token is not a string");
            }

            // The spec does not say how the last page ends: a missing, null or empty token all mean the end (CursorPager).
            return new Page<JsonElement>(arrays[0].Value.EnumerateArray().ToList(), next);
        }

        private static JsonElement ParseBody(string? body)
        {
            if (body == null)
            {
                return JsonSerializer.Deserialize("{}", NomosJsonContext.Default.JsonElement);
            }

            try
            {
                var parsed = JsonSerializer.Deserialize(body, NomosJsonContext.Default.JsonElement);
                if (parsed.ValueKind == JsonValueKind.Object)
                {
                    return parsed;
                }
            }
            catch (JsonException)
            {
            }

            throw new ArgumentException("To page a search, its body must be a JSON object (a hashtable, or the JSON text of an object): each page's page_token goes into it.", "Body");
        }

        // The caller's body with this page's size and token in front, their own values of the two left out.
        private static string WithPage(JsonElement body, int? pageSize, string? pageToken)
        {
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
            {
                writer.WriteStartObject();
                if (pageToken != null)
                {
                    writer.WriteString(PageToken, pageToken);
                }

                if (pageSize != null)
                {
                    writer.WriteNumber(PageSize, pageSize.Value);
                }

                foreach (var property in body.EnumerateObject().Where(p => p.Name != PageToken && (p.Name != PageSize || pageSize == null)))
                {
                    property.WriteTo(writer);
                }

                writer.WriteEndObject();
            }

            return Encoding.UTF8.GetString(buffer.ToArray());
        }
    }
}
