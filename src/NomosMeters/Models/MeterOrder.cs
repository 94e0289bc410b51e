using System;
using System.Text.Json.Serialization;
using NomosMeters.Client.Json;

namespace NomosMeters.Models
{
    /// <summary>
    /// A smart-meter order of the Nomos API (<c>object: meter_order</c>, API version 2026-05-27.curie).
    /// Enum-valued fields are strings so that values the API adds later arrive intact.
    /// </summary>
    public sealed class MeterOrder
    {
        /// <summary>Gets or sets the meter order id (prefix <c>prdo_</c>).</summary>
        [JsonPropertyName("id")]
        public string Id { get; set; } = string.Empty;

        /// <summary>Gets or sets the object type; always <c>meter_order</c>.</summary>
        [JsonPropertyName("object")]
        public string? Object { get; set; }

        /// <summary>Gets or sets the id of the subscription the order belongs to (prefix <c>sub_</c>).</summary>
        [JsonPropertyName("subscription")]
        public string? Subscription { get; set; }

        /// <summary>Gets or sets the id of the customer (prefix <c>cus_</c>).</summary>
        [JsonPropertyName("customer")]
        public string? Customer { get; set; }

        /// <summary>Gets or sets the smart-meter provider: <c>energy-metering</c>, <c>metrify</c> or <c>inexogy</c> (others arrive as sent).</summary>
        [JsonPropertyName("provider")]
        public string? Provider { get; set; }

        /// <summary>Gets or sets the lifecycle milestone, see <see cref="MeterOrderStatus"/>.</summary>
        [JsonPropertyName("status")]
        public string? Status { get; set; }

        /// <summary>Gets or sets when the order was created (UTC).</summary>
        [JsonPropertyName("created_at")]
        [JsonConverter(typeof(UtcDateTimeOffsetConverter))]
        public DateTimeOffset CreatedAt { get; set; }

        /// <summary>Gets or sets when the meter was installed (UTC), or null.</summary>
        [JsonPropertyName("installed_at")]
        [JsonConverter(typeof(NullableUtcDateTimeOffsetConverter))]
        public DateTimeOffset? InstalledAt { get; set; }

        /// <summary>Gets or sets when the meter began delivering readings (UTC), or null.</summary>
        [JsonPropertyName("activated_at")]
        [JsonConverter(typeof(NullableUtcDateTimeOffsetConverter))]
        public DateTimeOffset? ActivatedAt { get; set; }

        /// <summary>Gets or sets when the order was cancelled (UTC), or null.</summary>
        [JsonPropertyName("cancelled_at")]
        [JsonConverter(typeof(NullableUtcDateTimeOffsetConverter))]
        public DateTimeOffset? CancelledAt { get; set; }

        /// <summary>Gets or sets why the order was cancelled (<c>pre_existing</c>, <c>customer_request</c>), or null.</summary>
        [JsonPropertyName("cancelled_reason")]
        public string? CancelledReason { get; set; }

        /// <summary>Gets or sets when the order was blocked (UTC), or null.</summary>
        [JsonPropertyName("blocked_at")]
        [JsonConverter(typeof(NullableUtcDateTimeOffsetConverter))]
        public DateTimeOffset? BlockedAt { get; set; }

        /// <summary>Gets or sets why the order is blocked (<c>check_missing</c>, <c>grid_operator_registration</c>), or null.</summary>
        [JsonPropertyName("blocked_reason")]
        public string? BlockedReason { get; set; }

        /// <summary>Gets or sets the installation appointment (UTC), or null.</summary>
        [JsonPropertyName("appointment_at")]
        [JsonConverter(typeof(NullableUtcDateTimeOffsetConverter))]
        public DateTimeOffset? AppointmentAt { get; set; }

        /// <summary>
        /// Gets whether the order is blocked. Blocked is not a status: it is a marker on top of the current
        /// status, shown by <see cref="BlockedAt"/> and <see cref="BlockedReason"/>.
        /// </summary>
        [JsonIgnore]
        public bool IsBlocked => BlockedAt.HasValue || BlockedReason != null;

        /// <inheritdoc/>
        public override string ToString() => Id;
    }
}
