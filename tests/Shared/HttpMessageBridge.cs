using System;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace NomosMeters.Testing
{
    /// <summary>
    /// Turns a Kestrel request into the HttpRequestMessage the sandbox answers, and its answer back. Compiled into
    /// the test project and the benchmark harness (a loopback server each), which do not reference each other.
    /// </summary>
    internal static class HttpMessageBridge
    {
        public static async Task<HttpRequestMessage> ToRequestMessageAsync(HttpContext context)
        {
            // RawTarget keeps the percent-encoding exactly as the client sent it.
            var raw = context.Features.Get<IHttpRequestFeature>()!.RawTarget;
            var message = new HttpRequestMessage(new HttpMethod(context.Request.Method), new Uri($"{context.Request.Scheme}://{context.Request.Host}{raw}"));
            var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body, context.RequestAborted);
            if (body.Length > 0 || context.Request.ContentType != null)
            {
                message.Content = new ByteArrayContent(body.ToArray());
            }

            foreach (var header in context.Request.Headers)
            {
                if (!message.Headers.TryAddWithoutValidation(header.Key, header.Value.ToArray()))
                {
                    message.Content?.Headers.TryAddWithoutValidation(header.Key, header.Value.ToArray());
                }
            }

            return message;
        }

        public static async Task WriteResponseAsync(HttpContext context, HttpResponseMessage response)
        {
            context.Response.StatusCode = (int)response.StatusCode;
            foreach (var header in response.Headers.Concat(response.Content.Headers))
            {
                if (!string.Equals(header.Key, "Transfer-Encoding", StringComparison.OrdinalIgnoreCase) &&
                    !string.Equals(header.Key, "Content-Length", StringComparison.OrdinalIgnoreCase))
                {
                    context.Response.Headers[header.Key] = header.Value.ToArray();
                }
            }

            await response.Content.CopyToAsync(context.Response.Body);
        }
    }
}
