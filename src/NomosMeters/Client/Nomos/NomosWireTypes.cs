using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text.Json.Serialization;
using NomosMeters.Client.Json;
using NomosMeters.Client.Http;
using NomosMeters.Client.Paging;

namespace NomosMeters.Client.Nomos
{
    /// <summary>The Nomos list envelope: <c>{object, items, next_page, has_more}</c>.</summary>
    internal sealed class NomosListPage<T>
    {
        [JsonPropertyName("object")]
        public string? Object { get; set; }

        // Nullable on purpose: a 200 without "items" is a broken response, not an empty page.
        [JsonPropertyName("items")]
        public List<T>? Items { get; set; }

        [JsonPropertyName("next_page")]
        public string? NextPage { get; set; }

        // The spec makes has_more optional with default false.
        [JsonPropertyName("has_more")]
        public bool HasMore { get; set; }

        /// <summary>
        /// The page's items and the cursor of the next page. A page without items, or one that says has_more but
        /// gives no cursor, is an INVALID_RESPONSE error: stopping there would silently drop the rest of the list.
        /// </summary>
        public Page<T> ToPage(ServiceRequestor requestor, ApiRequest request, HttpResponseMessage response)
        {
            if (Items == null)
            {
                throw requestor.InvalidResponse(request, response, "The list response has no \"items\"");
            }

            if (HasMore && string.IsNullOrEmpty(NextPage))
            {
                throw requestor.InvalidResponse(request, response, "The list response says has_more but gives no next_page cursor");
            }

            return new Page<T>(Items, HasMore ? NextPage : null);
        }
    }

    /// <summary>The Nomos error envelope <c>{code, message, requestId, docs, errors[]}</c>, with the legacy <c>{error:{…}}</c> wrapper.</summary>
    internal sealed class NomosErrorBody
    {
        [JsonPropertyName("code")]
        public string? Code { get; set; }

        [JsonPropertyName("message")]
        public string? Message { get; set; }

        [JsonPropertyName("requestId")]
        public string? RequestId { get; set; }

        [JsonPropertyName("docs")]
        public string? Docs { get; set; }

        [JsonPropertyName("errors")]
        public List<NomosFieldErrorBody>? Errors { get; set; }

        // Older docs pages wrap the envelope: {"error": {...}}.
        [JsonPropertyName("error")]
        public NomosErrorBody? Error { get; set; }
    }

    internal sealed class NomosFieldErrorBody
    {
        [JsonPropertyName("code")]
        public string? Code { get; set; }

        [JsonPropertyName("field")]
        public string? Field { get; set; }

        [JsonPropertyName("message")]
        public string? Message { get; set; }
    }

    /// <summary>The OAuth token response of <c>POST /oauth/token</c>.</summary>
    internal sealed class TokenResponse
    {
        [JsonPropertyName("access_token")]
        public string? AccessToken { get; set; }

        [JsonPropertyName("token_type")]
        public string? TokenType { get; set; }

        // "number" in the spec: read as double so 3600.0 works too.
        [JsonPropertyName("expires_in")]
        public double? ExpiresIn { get; set; }

        [JsonPropertyName("refresh_token")]
        public string? RefreshToken { get; set; }

        [JsonPropertyName("scope")]
        public string? Scope { get; set; }
    }

    /// <summary>The body of <c>POST /meter-orders</c>.</summary>
    internal sealed class InsertMeterOrderBody
    {
        [JsonPropertyName("subscription")]
        public string Subscription { get; set; } = string.Empty;
    }

    /// <summary>The body of <c>POST /meter-readings</c>: the spec's <c>InsertMeterReading</c> and the subscription it is for.</summary>
    internal sealed class InsertMeterReadingBody
    {
        [JsonPropertyName("subscription")]
        public string Subscription { get; set; } = string.Empty;

        // Cumulative kWh, greater than 0.
        [JsonPropertyName("value")]
        public decimal Value { get; set; }

        // The spec: "Timestamp of the reading in UTC".
        [JsonPropertyName("timestamp")]
        [JsonConverter(typeof(UtcDateTimeOffsetConverter))]
        public DateTimeOffset Timestamp { get; set; }

        // At most 500 characters; left out when there is none.
        [JsonPropertyName("message")]
        public string? Message { get; set; }
    }
}
