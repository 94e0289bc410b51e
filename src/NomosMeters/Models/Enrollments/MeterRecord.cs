using System;
using System.Text.Json.Serialization;
using NomosMeters.Client.Json;

namespace NomosMeters.Models.Enrollments
{
    /// <summary>
    /// What every meter record of the enrollment API starts with, its enrollment and its details alike: the spec's
    /// <c>MeterIdentifiers</c> and <c>AuditInfo</c>. The nested <c>audit</c> object is flattened into properties;
    /// enum-valued fields are strings so that values the API adds later arrive intact.
    /// </summary>
    public abstract class MeterRecord
    {
        /// <summary>Gets or sets the API's unique meter id.</summary>
        [JsonPropertyName("meter_id")]
        public Guid MeterId { get; set; }

        /// <summary>Gets or sets the partner's own reference for the meter (3 to 256 characters).</summary>
        [JsonPropertyName("partner_reference")]
        public string? PartnerReference { get; set; }

        /// <summary>Gets or sets the transmission region, e.g. <c>CAISO</c>, <c>NYISO</c>.</summary>
        [JsonPropertyName("transmission_region")]
        public string? TransmissionRegion { get; set; }

        /// <summary>Gets or sets <c>RESIDENTIAL</c> or <c>COMMERCIAL</c>.</summary>
        [JsonPropertyName("customer_classification")]
        public string? CustomerClassification { get; set; }

        /// <summary>Gets or sets the load types behind the meter, e.g. <c>HVAC</c>, <c>EV_CHARGING</c>.</summary>
        [JsonPropertyName("load_types")]
        public ValueList<string> LoadTypes { get; set; } = new ValueList<string>();

        /// <summary>Gets or sets <c>UTILITY_METER</c>, <c>SUBMETER</c> or <c>DEVICE</c>.</summary>
        [JsonPropertyName("meter_type")]
        public string? MeterType { get; set; }

        /// <summary>Gets or sets the connection reference ids of completed authorizations.</summary>
        [JsonPropertyName("connection_references")]
        public ValueList<string> ConnectionReferences { get; set; } = new ValueList<string>();

        /// <summary>Gets or sets the customer group (may be empty).</summary>
        [JsonPropertyName("customer_group")]
        public string? CustomerGroup { get; set; }

        /// <summary>Gets or sets the tags set by the partner or the API provider.</summary>
        [JsonPropertyName("tags")]
        public ValueList<string> Tags { get; set; } = new ValueList<string>();

        /// <summary>Gets or sets whether the meter is archived.</summary>
        [JsonPropertyName("is_archived")]
        public bool IsArchived { get; set; }

        /// <summary>Gets or sets who created the meter: <c>PARTNER</c>, <c>LEAP</c> or <c>UTILITY</c>.</summary>
        [JsonIgnore]
        public string? CreatedBy { get; set; }

        /// <summary>Gets or sets when the meter was created (UTC).</summary>
        [JsonIgnore]
        public DateTimeOffset? CreatedAt { get; set; }

        /// <summary>Gets or sets when the meter was last updated (UTC).</summary>
        [JsonIgnore]
        public DateTimeOffset? UpdatedAt { get; set; }

        // The wire nests these; the object flattens them so every column is a plain value.
        [JsonInclude]
        [JsonPropertyName("audit")]
        internal AuditInfo? Audit
        {
            get => new AuditInfo { CreatedBy = CreatedBy, CreatedAt = CreatedAt, UpdatedAt = UpdatedAt };
            set
            {
                CreatedBy = value?.CreatedBy;
                CreatedAt = value?.CreatedAt;
                UpdatedAt = value?.UpdatedAt;
            }
        }

        /// <inheritdoc/>
        public override string ToString() => MeterId.ToString();

        internal sealed class AuditInfo
        {
            [JsonPropertyName("created_by")]
            public string? CreatedBy { get; set; }

            [JsonPropertyName("created_at")]
            [JsonConverter(typeof(NullableUtcDateTimeOffsetConverter))]
            public DateTimeOffset? CreatedAt { get; set; }

            [JsonPropertyName("updated_at")]
            [JsonConverter(typeof(NullableUtcDateTimeOffsetConverter))]
            public DateTimeOffset? UpdatedAt { get; set; }
        }
    }
}
