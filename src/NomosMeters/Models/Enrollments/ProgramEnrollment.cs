using System;
using System.Text.Json.Serialization;
using NomosMeters.Client.Json;

namespace NomosMeters.Models.Enrollments
{
    /// <summary>A meter's enrollment in one program for one delivery period.</summary>
    public sealed class ProgramEnrollment
    {
        /// <summary>Gets or sets the program, e.g. <c>NYISO-SCR</c>, <c>CONED-DLRP</c>.</summary>
        [JsonPropertyName("program_identifier")]
        public string? ProgramIdentifier { get; set; }

        /// <summary>Gets or sets the delivery period, e.g. <c>NYISO-SCR_2024_MAY_OCT</c>.</summary>
        [JsonPropertyName("delivery_period")]
        public string? DeliveryPeriod { get; set; }

        /// <summary>Gets or sets when the delivery period starts (UTC).</summary>
        [JsonPropertyName("delivery_period_start_date_time")]
        [JsonConverter(typeof(NullableUtcDateTimeOffsetConverter))]
        public DateTimeOffset? DeliveryPeriodStart { get; set; }

        /// <summary>Gets or sets when the delivery period ends (UTC).</summary>
        [JsonPropertyName("delivery_period_end_date_time")]
        [JsonConverter(typeof(NullableUtcDateTimeOffsetConverter))]
        public DateTimeOffset? DeliveryPeriodEnd { get; set; }

        /// <summary>Gets or sets the status in this program: <c>ACTIVE</c>, <c>ELIGIBLE</c>, <c>INELIGIBLE</c>, ...</summary>
        [JsonPropertyName("enrollment_status")]
        public string? EnrollmentStatus { get; set; }

        /// <summary>Gets or sets the enrollment deadlines with their expected activation dates.</summary>
        [JsonPropertyName("enrollment_deadlines")]
        public ValueList<EnrollmentDeadline> EnrollmentDeadlines { get; set; } = new ValueList<EnrollmentDeadline>();

        /// <summary>Gets or sets the market group id, when the program has one.</summary>
        [JsonPropertyName("market_group_id")]
        public Guid? MarketGroupId { get; set; }

        /// <summary>Gets or sets the market group name.</summary>
        [JsonPropertyName("market_group_name")]
        public string? MarketGroupName { get; set; }

        /// <summary>Returns <c>PROGRAM:STATUS</c>, e.g. <c>NYISO-SCR:ELIGIBLE</c>.</summary>
        public override string ToString() => $"{ProgramIdentifier}:{EnrollmentStatus}";
    }

    /// <summary>A deadline to complete all actions, and the activation date that follows when the meter is eligible by then.</summary>
    public sealed class EnrollmentDeadline
    {
        /// <summary>Gets or sets the deadline (UTC).</summary>
        [JsonPropertyName("enrollment_deadline_date_time")]
        [JsonConverter(typeof(NullableUtcDateTimeOffsetConverter))]
        public DateTimeOffset? Deadline { get; set; }

        /// <summary>Gets or sets the expected activation (UTC).</summary>
        [JsonPropertyName("activation_date_time")]
        [JsonConverter(typeof(NullableUtcDateTimeOffsetConverter))]
        public DateTimeOffset? Activation { get; set; }

        /// <summary>Returns <c>deadline&gt;activation</c> in ISO 8601.</summary>
        public override string ToString() => $"{Iso(Deadline)}>{Iso(Activation)}";

        internal static string Iso(DateTimeOffset? value) => value.HasValue ? TimestampParser.Format(value.Value) : string.Empty;
    }
}
