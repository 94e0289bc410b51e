using System;
using System.Globalization;
using System.Text.Json.Serialization;
using NomosMeters.Client.Json;

namespace NomosMeters.Models
{
    /// <summary>
    /// A meter reading of the Nomos API (<c>object: meter_reading</c>, API version 2026-05-27.curie): the cumulative
    /// count of a subscription's meter at the start of a day. The type is a string so that types the API adds later
    /// arrive intact.
    /// </summary>
    public sealed class MeterReading
    {
        /// <summary>Gets or sets the meter reading id (prefix <c>mr_</c>).</summary>
        [JsonPropertyName("id")]
        public string Id { get; set; } = string.Empty;

        /// <summary>Gets or sets the id of the subscription the reading belongs to (prefix <c>sub_</c>).</summary>
        [JsonPropertyName("subscription")]
        public string? Subscription { get; set; }

        /// <summary>Gets or sets the id of the customer (prefix <c>cus_</c>).</summary>
        [JsonPropertyName("customer")]
        public string? Customer { get; set; }

        /// <summary>Gets or sets the id of the meter that was read (prefix <c>mtr_</c>).</summary>
        [JsonPropertyName("meter")]
        public string? Meter { get; set; }

        /// <summary>Gets or sets the cumulative meter value in kWh.</summary>
        [JsonPropertyName("value")]
        public decimal Value { get; set; }

        /// <summary>Gets or sets the start of the day (in Europe/Berlin) the reading is for, in UTC: the API moves every reading's timestamp there.</summary>
        [JsonPropertyName("timestamp")]
        [JsonConverter(typeof(UtcDateTimeOffsetConverter))]
        public DateTimeOffset Timestamp { get; set; }

        /// <summary>
        /// Gets the day the reading is for, as yyyy-MM-dd: the Berlin date on which <see cref="Timestamp"/> begins. A Berlin
        /// day starts at 22:00 or 23:00 UTC the evening before, so that date is the UTC date two hours after it.
        /// </summary>
        [JsonIgnore]
        public string Day => Timestamp.UtcDateTime.AddHours(2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        /// <summary>Gets or sets how the reading came: <c>customer_report</c>, <c>grid_reading</c> or <c>grid_estimation</c> (see <see cref="MeterReadingType"/>).</summary>
        [JsonPropertyName("type")]
        public string? Type { get; set; }

        /// <summary>Gets or sets when the reading was recorded (UTC).</summary>
        [JsonPropertyName("created_at")]
        [JsonConverter(typeof(UtcDateTimeOffsetConverter))]
        public DateTimeOffset CreatedAt { get; set; }

        /// <summary>Gets or sets the object type; always <c>meter_reading</c>.</summary>
        [JsonPropertyName("object")]
        public string? Object { get; set; }

        /// <inheritdoc/>
        public override string ToString() => Id;
    }
}
