using System.Text.Json;

namespace NomosMeters.Client.Requests
{
    /// <summary>What a successful answer to a <see cref="RawRequest"/> carried: nothing, JSON, text, or other bytes.</summary>
    internal sealed class RawResponse
    {
        public static readonly RawResponse Empty = new RawResponse(null, null, null, null);

        private RawResponse(string? mediaType, JsonElement? json, string? text, byte[]? bytes)
        {
            MediaType = mediaType;
            Json = json;
            Text = text;
            Bytes = bytes;
        }

        public string? MediaType { get; }

        /// <summary>Gets the parsed body when it is JSON.</summary>
        public JsonElement? Json { get; }

        /// <summary>Gets the body as text when it is JSON (as received) or text.</summary>
        public string? Text { get; }

        /// <summary>Gets the body when it is neither JSON nor text (a PDF, an image).</summary>
        public byte[]? Bytes { get; }

        public static RawResponse ForJson(JsonElement json, string text, string? mediaType) => new RawResponse(mediaType, json, text, null);

        public static RawResponse ForText(string text, string? mediaType) => new RawResponse(mediaType, null, text, null);

        public static RawResponse ForBytes(byte[] bytes, string? mediaType) => new RawResponse(mediaType, null, null, bytes);
    }
}
