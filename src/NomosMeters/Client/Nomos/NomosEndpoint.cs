using System;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using NomosMeters.Client.Auth;
using NomosMeters.Client.Http;
using NomosMeters.Client.Json;

namespace NomosMeters.Client.Nomos
{
    /// <summary>The Nomos API: <c>X-API-Version</c> on every call and the <c>{code,message,requestId,docs,errors[]}</c> error envelope.</summary>
    internal sealed class NomosEndpoint : ServiceEndpoint
    {
        public const string DefaultApiVersion = "2026-05-27.curie";
        public static readonly Uri DefaultBaseUri = new Uri("https://api.nomos.energy");

        public NomosEndpoint(Uri baseUri, string apiVersion, Func<ServiceEndpoint, ITokenProvider> tokens, RequestRateLimiter rateLimiter)
            : base("Nomos", baseUri, tokens, rateLimiter)
        {
            ApiVersion = apiVersion;
        }

        public string ApiVersion { get; }

        public override void AddHeaders(HttpRequestMessage request)
            => request.Headers.TryAddWithoutValidation("X-API-Version", ApiVersion);

        public override ApiRequestException ParseError(int statusCode, string? mediaType, string body, string method, string path, string? requestIdHeader)
        {
            var envelope = TryParse(body);
            if (envelope?.Error != null && envelope.Code == null)
            {
                envelope = envelope.Error;
            }

            var code = envelope?.Code ?? ErrorCodes.CodeFor(statusCode);
            var message = envelope?.Message;
            if (string.IsNullOrWhiteSpace(message))
            {
                message = FallbackMessage(statusCode, mediaType, body);
            }

            var fieldErrors = envelope?.Errors?.Select(e => new NomosFieldError(e.Code, e.Field, e.Message)).ToList();
            return new ApiRequestException(
                Name,
                statusCode,
                code,
                message!,
                envelope?.RequestId ?? requestIdHeader,
                envelope?.Docs,
                fieldErrors,
                method,
                path);
        }

        internal static string FallbackMessage(int statusCode, string? mediaType, string body)
        {
            var isText = mediaType == null || mediaType.StartsWith("text/plain", StringComparison.OrdinalIgnoreCase);
            var trimmed = body.Trim();
            if (isText && trimmed.Length > 0 && trimmed.Length <= 500)
            {
                return trimmed;
            }

            return mediaType != null && mediaType.IndexOf("html", StringComparison.OrdinalIgnoreCase) >= 0
                ? $"The server answered HTTP {statusCode} with an HTML page instead of an API error (a proxy or gateway in between?)"
                : $"The server answered HTTP {statusCode} without an error message";
        }

        private static NomosErrorBody? TryParse(string body)
        {
            if (!body.TrimStart().StartsWith("{", StringComparison.Ordinal))
            {
                return null;
            }

            try
            {
                return JsonSerializer.Deserialize(body, NomosJsonContext.Default.NomosErrorBody);
            }
            catch (JsonException)
            {
                return null;
            }
        }
    }
}
