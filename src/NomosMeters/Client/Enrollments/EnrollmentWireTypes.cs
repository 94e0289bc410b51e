using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using NomosMeters.Client.Json;

namespace NomosMeters.Client.Enrollments
{
    /// <summary>
    /// The body of both meter searches, <c>POST /v2/meters/enrollments/search</c> and <c>POST /v2/meters/search</c>
    /// (<c>MeterFilterRequest</c>). Unset filters are left out (null is not written): the API rejects empty arrays.
    /// </summary>
    internal sealed class MeterFilterRequest
    {
        /// <summary>The API maximum page size, and our default.</summary>
        public const int MaxPageSize = 500;

        /// <summary>The API's limit on <c>meter_ids</c> per search.</summary>
        public const int MaxMeterIds = 1000;

        [JsonPropertyName("page_token")]
        public string? PageToken { get; set; }

        [JsonPropertyName("page_size")]
        public int? PageSize { get; set; }

        [JsonPropertyName("transmission_region")]
        public string? TransmissionRegion { get; set; }

        [JsonPropertyName("customer_classification")]
        public string? CustomerClassification { get; set; }

        [JsonPropertyName("meter_ids")]
        public List<Guid>? MeterIds { get; set; }

        [JsonPropertyName("partner_references")]
        public List<string>? PartnerReferences { get; set; }

        [JsonPropertyName("global_enrollment_statuses")]
        public List<string>? GlobalEnrollmentStatuses { get; set; }

        [JsonPropertyName("meter_types")]
        public List<string>? MeterTypes { get; set; }

        [JsonPropertyName("load_types")]
        public List<string>? LoadTypes { get; set; }

        [JsonPropertyName("customer_groups")]
        public List<string>? CustomerGroups { get; set; }

        [JsonPropertyName("tags")]
        public List<string>? Tags { get; set; }

        [JsonPropertyName("last_modified_date_time")]
        [JsonConverter(typeof(NullableUtcDateTimeOffsetConverter))]
        public DateTimeOffset? LastModifiedDateTime { get; set; }

        [JsonPropertyName("created_after_date_time")]
        [JsonConverter(typeof(NullableUtcDateTimeOffsetConverter))]
        public DateTimeOffset? CreatedAfterDateTime { get; set; }

        [JsonPropertyName("created_before_date_time")]
        [JsonConverter(typeof(NullableUtcDateTimeOffsetConverter))]
        public DateTimeOffset? CreatedBeforeDateTime { get; set; }

        [JsonPropertyName("partner_action_required")]
        public bool? PartnerActionRequired { get; set; }

        [JsonPropertyName("exclude_archived")]
        public bool? ExcludeArchived { get; set; }

        [JsonPropertyName("connection_reference_ids")]
        public List<string>? ConnectionReferenceIds { get; set; }

        // Singular in the spec, although it is an array.
        [JsonPropertyName("action_type")]
        public List<string>? ActionType { get; set; }

        /// <summary>The same filters with another page token: the API expects them resent on every page.</summary>
        public MeterFilterRequest WithPageToken(string? pageToken)
        {
            var copy = (MeterFilterRequest)MemberwiseClone();
            copy.PageToken = pageToken;
            return copy;
        }
    }

    /// <summary>A search response, <c>{next_page_token, meters}</c>, of enrollments or of details.</summary>
    internal sealed class MeterSearchPage<T>
    {
        [JsonPropertyName("next_page_token")]
        public string? NextPageToken { get; set; }

        // Nullable on purpose: a 200 without "meters" is a broken response, not an empty page.
        [JsonPropertyName("meters")]
        public List<T>? Meters { get; set; }
    }

    /// <summary>The enrollment API's error body <c>{title, status, details}</c>.</summary>
    internal sealed class EnrollmentErrorBody
    {
        [JsonPropertyName("title")]
        public string? Title { get; set; }

        [JsonPropertyName("status")]
        public int? Status { get; set; }

        [JsonPropertyName("details")]
        public JsonElement? Details { get; set; }
    }
}
