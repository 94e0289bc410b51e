using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;

namespace NomosMeters.Client.Http
{
    /// <summary>
    /// The -Debug view of one HTTP exchange: request and response headers and bodies, with every credential
    /// redacted (Authorization headers, token endpoint bodies, secret-looking JSON fields) and bodies truncated.
    /// Response bodies that hold personal data are left out unless the call asked for them: a trace is often
    /// redirected to a file or pasted into a ticket.
    /// </summary>
    internal static class DebugTrace
    {
        public const string Redacted = "[redacted]";

        // Long bodies are cut: the trace is for reading, a page of 500 meters is not.
        private const int MaxBodyChars = 4096;

        private static readonly HashSet<string> SecretHeaders = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "Authorization", "Proxy-Authorization", "Cookie", "Set-Cookie", "X-API-Key",
        };

        private static readonly Regex SecretFields = new Regex(
            "(\"(?:access_token|refresh_token|id_token|client_secret|api_key|apiKey|password|secret)\"\\s*:\\s*)\"(?:[^\"\\\\]|\\\\.)*\"",
            RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

        private static readonly Regex SecretFormFields = new Regex(
            "((?:^|&)(?:client_secret|refresh_token|password|access_token)=)[^&]*",
            RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

        public static async Task<string> RequestAsync(HttpRequestMessage message, ApiRequest request)
        {
            var text = new StringBuilder();
            text.Append(">> ").Append(message.Method.Method).Append(' ').Append(message.RequestUri?.AbsoluteUri);
            AppendHeaders(text, ">> ", message.Headers.Concat(message.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>()));
            if (message.Content != null)
            {
                var body = await message.Content.ReadAsStringAsync().ConfigureAwait(false);
                text.AppendLine().Append(">> ").Append(Body(body, request.SensitiveBody));
            }

            return text.ToString();
        }

        /// <summary>Buffers the response body (so it can still be deserialized after) and describes the response.</summary>
        public static async Task<string> ResponseAsync(HttpResponseMessage response, ApiRequest request, long elapsedMs, bool tracePersonalData, CancellationToken cancellationToken)
        {
            var text = new StringBuilder();
            text.Append("<< ").Append((int)response.StatusCode).Append(' ').Append(response.ReasonPhrase).Append(" (").Append(elapsedMs).Append(" ms)");
            AppendHeaders(text, "<< ", response.Headers.Concat(response.Content.Headers));
            var bytes = await BufferAsync(response, cancellationToken).ConfigureAwait(false);
            var body = Encoding.UTF8.GetString(bytes);
            if (body.Length > 0)
            {
                // Error bodies ({title, status, details}) hold none, and they are what a trace is read for.
                var withheld = request.PersonalData && response.IsSuccessStatusCode && !tracePersonalData;
                text.AppendLine().Append("<< ").Append(withheld ? PersonalDataWithheld(body) : Body(body, request.SensitiveBody));
            }

            return text.ToString();
        }

        // Read with the request's cancellation (LoadIntoBufferAsync has none), then put the bytes back for the reader.
        private static async Task<byte[]> BufferAsync(HttpResponseMessage response, CancellationToken cancellationToken)
        {
            var buffer = new MemoryStream();
            using (var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false))
            {
                await stream.CopyToAsync(buffer, 81920, cancellationToken).ConfigureAwait(false);
            }

            var bytes = buffer.ToArray();
            var replacement = new ByteArrayContent(bytes);
            foreach (var header in response.Content.Headers)
            {
                replacement.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }

            response.Content.Dispose();
            response.Content = replacement;
            return bytes;
        }

        /// <summary>A body as it may be shown: secrets masked, cut to a readable length.</summary>
        public static string Body(string body, bool sensitive)
        {
            if (sensitive)
            {
                return $"{Redacted} ({body.Length} characters)";
            }

            var masked = SecretFormFields.Replace(SecretFields.Replace(body, "$1\"" + Redacted + "\""), "$1" + Redacted);
            return masked.Length <= MaxBodyChars ? masked : masked.Substring(0, MaxBodyChars) + $"... ({masked.Length - MaxBodyChars} more characters)";
        }

        // The length says whether the body came whole; how to see it is one switch away.
        private static string PersonalDataWithheld(string body)
            => $"[personal data withheld] ({body.Length} characters; -TracePersonalData shows them)";

        private static void AppendHeaders(StringBuilder text, string prefix, IEnumerable<KeyValuePair<string, IEnumerable<string>>> headers)
        {
            foreach (var header in headers)
            {
                var value = SecretHeaders.Contains(header.Key) ? SchemeOnly(header.Value) : string.Join(", ", header.Value);
                text.AppendLine().Append(prefix).Append(header.Key).Append(": ").Append(value);
            }
        }

        // "Bearer [redacted]": which scheme was used helps debugging; the credential never appears.
        private static string SchemeOnly(IEnumerable<string> values)
        {
            var first = values.FirstOrDefault() ?? string.Empty;
            var space = first.IndexOf(' ');
            return space > 0 ? first.Substring(0, space) + " " + Redacted : Redacted;
        }
    }
}
