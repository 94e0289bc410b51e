using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using NomosMeters.Client.Http;
using NomosMeters.Client.Json;
using NomosMeters.Client.Paging;

namespace NomosMeters.Client.Requests
{
    /// <summary>
    /// Requests to any path of one API, through the same transport as the typed clients (token, retries, rate
    /// limit, timeouts, tracing, error bodies): one answer as it came, or every item of a list, streamed.
    /// </summary>
    internal sealed class RawRequestClient
    {
        private readonly ServiceRequestor _requestor;
        private readonly IListPaging _paging;

        public RawRequestClient(ServiceRequestor requestor, IListPaging paging)
        {
            _requestor = requestor;
            _paging = paging;
        }

        public ServiceEndpoint Endpoint => _requestor.Endpoint;

        /// <summary>Gets the method this API's lists are read with (GET for Nomos, POST for the enrollment searches).</summary>
        public HttpMethod PagingMethod => _paging.Method;

        /// <summary>Sends <paramref name="call"/> and reads its whole answer.</summary>
        public Task<RawResponse> SendAsync(RawRequest call, CallContext context)
        {
            var request = call.ToApiRequest(Endpoint);
            return _requestor.SendAsync(request, context, (response, ct) => ReadAsync(request, response, ct));
        }

        /// <summary>Every item of the list <paramref name="call"/> asks for, page after page, streamed as <see cref="CursorPager"/> does for the typed lists.</summary>
        public IAsyncEnumerable<JsonElement> ListAsync(RawRequest call, PageRange range, CallContext context)
        {
            var walk = _paging.Walk(call, range, Endpoint);
            return CursorPager.StreamAsync(
                (cursor, page) =>
                {
                    var request = walk.PageRequest(cursor);
                    return _requestor.SendAsync(request, page, (response, ct) => _paging.ReadPageAsync(_requestor, request, response, ct));
                },
                range,
                call.Path,
                context,
                walk.StartCursor);
        }

        /// <summary>
        /// An answer that is not a list where -All asked for one: not retried (asking again gets the same answer),
        /// and the message says to run without -All.
        /// </summary>
        internal static ApiRequestException NotAList(ServiceRequestor requestor, ApiRequest request, HttpResponseMessage response, string why)
            => new ApiRequestException(
                requestor.Endpoint.Name,
                (int)response.StatusCode,
                "NOT_A_LIST",
                $"The answer is not a list ({why}), so there are no pages to follow; run the request without -All",
                ApiTransport.HeaderValue(response, "X-Request-Id"),
                method: request.Method.Method,
                requestPath: request.PathAndQuery);

        private async Task<RawResponse> ReadAsync(ApiRequest request, HttpResponseMessage response, CancellationToken cancellationToken)
        {
            using var body = await ResponseBody.ReadAsync(response.Content, cancellationToken).ConfigureAwait(false);
            if (body.Length == 0)
            {
                return RawResponse.Empty;
            }

            var bytes = body.Bytes;
            var contentType = response.Content.Headers.ContentType;
            var mediaType = contentType?.MediaType;
            if (mediaType != null && mediaType.EndsWith("json", StringComparison.OrdinalIgnoreCase))
            {
                // JSON is UTF-8 (RFC 8259); a byte order mark is tolerated and dropped.
                var text = Encoding.UTF8.GetString(bytes.Array!, bytes.Offset, bytes.Count).TrimStart('\uFEFF');
                try
                {
                    return RawResponse.ForJson(JsonSerializer.Deserialize(body.Json, NomosJsonContext.Default.JsonElement), text, mediaType);
                }
                catch (JsonException ex)
                {
                    throw _requestor.InvalidResponse(request, response, "The response body is not valid JSON (" + ex.Message + ")");
                }
            }

            return IsText(mediaType)
                ? RawResponse.ForText(TextEncoding(contentType?.CharSet).GetString(bytes.Array!, bytes.Offset, bytes.Count), mediaType)
                : RawResponse.ForBytes(Copy(bytes), mediaType);
        }

        // The pooled buffer goes back when the body is disposed; the answer keeps its own copy.
        private static byte[] Copy(ArraySegment<byte> bytes)
        {
            var copy = new byte[bytes.Count];
            Buffer.BlockCopy(bytes.Array!, bytes.Offset, copy, 0, bytes.Count);
            return copy;
        }

        // Text for a person or a parser: text/*, XML, forms; an answer without a type is taken for text too.
        private static bool IsText(string? mediaType)
            => mediaType == null ||
               mediaType.StartsWith("text/", StringComparison.OrdinalIgnoreCase) ||
               mediaType.EndsWith("xml", StringComparison.OrdinalIgnoreCase) ||
               mediaType.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) ||
               mediaType.Equals("application/javascript", StringComparison.OrdinalIgnoreCase);

        private static Encoding TextEncoding(string? charset)
        {
            try
            {
                return string.IsNullOrEmpty(charset) ? Encoding.UTF8 : Encoding.GetEncoding(charset!.Trim('"'));
            }
            catch (ArgumentException)
            {
                return Encoding.UTF8;
            }
        }
    }
}
