using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text.Json;
using NomosMeters.Client.Auth;
using NomosMeters.Client.Http;
using NomosMeters.Client.Json;
using NomosMeters.Client.Nomos;

namespace NomosMeters.Client.Enrollments
{
    /// <summary>The meter enrollment API: a static Bearer API key and <c>{title,status,details}</c> error bodies.</summary>
    internal sealed class EnrollmentEndpoint : ServiceEndpoint
    {
        public static readonly Uri ProductionBaseUri = new Uri("https://api.leap.energy");
        public static readonly Uri StagingBaseUri = new Uri("https://api.staging.leap.energy");

        public EnrollmentEndpoint(Uri baseUri, ITokenProvider apiKey, RequestRateLimiter rateLimiter)
            : base("Enrollment", baseUri, _ => apiKey, rateLimiter)
        {
        }

        public override void AddHeaders(HttpRequestMessage request)
        {
        }

        // Both enrollment specs search with POST .../search (meter enrollments, meter details): reads only.
        public override bool PostOnlyReads(string path) => path.EndsWith("/search", StringComparison.Ordinal);

        public override ApiRequestException ParseError(int statusCode, string? mediaType, string body, string method, string path, string? requestIdHeader)
        {
            var parsed = TryParse(body);
            var message = string.IsNullOrWhiteSpace(parsed?.Title)
                ? NomosEndpoint.FallbackMessage(statusCode, mediaType, body)
                : parsed!.Title!;
            return new ApiRequestException(
                Name,
                statusCode,
                ErrorCodes.CodeFor(statusCode),
                message,
                requestIdHeader,
                fieldErrors: DetailsToFieldErrors(parsed?.Details),
                method: method,
                requestPath: path);
        }

        // "details" is free-form; its members name the fields at fault, e.g. {"meter_id": "abcdef"}.
        private static List<NomosFieldError>? DetailsToFieldErrors(JsonElement? details)
        {
            if (details is not JsonElement element || element.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            var errors = new List<NomosFieldError>();
            foreach (var property in element.EnumerateObject())
            {
                var value = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() : property.Value.GetRawText();
                errors.Add(new NomosFieldError(null, property.Name, value));
            }

            return errors;
        }

        private static EnrollmentErrorBody? TryParse(string body)
        {
            if (!body.TrimStart().StartsWith("{", StringComparison.Ordinal))
            {
                return null;
            }

            try
            {
                return JsonSerializer.Deserialize(body, NomosJsonContext.Default.EnrollmentErrorBody);
            }
            catch (JsonException)
            {
                return null;
            }
        }
    }
}
