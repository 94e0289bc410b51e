using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace NomosMeters.Sandbox
{
    /// <summary>Builds <c>application/json; charset=utf-8</c> responses written with a <see cref="Utf8JsonWriter"/>.</summary>
    internal static class JsonResponse
    {
        // Relaxed escaping writes quotes and '+' as themselves, as JSON APIs do; these bodies never land in HTML.
        private static readonly JsonWriterOptions WriterOptions = new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

        public static HttpResponseMessage Create(HttpStatusCode status, Action<Utf8JsonWriter> write)
        {
            var content = new ByteArrayContent(Bytes(write));
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            return new HttpResponseMessage(status) { Content = content };
        }

        /// <summary>The bytes a response of <paramref name="write"/> carries.</summary>
        public static byte[] Bytes(Action<Utf8JsonWriter> write)
        {
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
            {
                write(writer);
            }

            return buffer.ToArray();
        }
    }
}
