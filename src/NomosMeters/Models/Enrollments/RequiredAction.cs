using System;
using System.Text.Json.Serialization;
using NomosMeters.Client.Json;

namespace NomosMeters.Models.Enrollments
{
    /// <summary>An action the partner or the API provider must take before a program deadline.</summary>
    public sealed class RequiredAction
    {
        /// <summary>Gets or sets the program the action is for.</summary>
        [JsonPropertyName("program_identifier")]
        public string? ProgramIdentifier { get; set; }

        /// <summary>Gets or sets the delivery period the action is for.</summary>
        [JsonPropertyName("delivery_period")]
        public string? DeliveryPeriod { get; set; }

        /// <summary>Gets or sets the deadline for the action (UTC).</summary>
        [JsonPropertyName("enrollment_deadline_date_time")]
        [JsonConverter(typeof(NullableUtcDateTimeOffsetConverter))]
        public DateTimeOffset? Deadline { get; set; }

        /// <summary>Gets or sets the kind of action, e.g. <c>IS_AUTHORIZED</c>, <c>NO_MISSING_FIELDS</c>.</summary>
        [JsonPropertyName("action_type")]
        public string? ActionType { get; set; }

        /// <summary>Gets or sets what has to be done.</summary>
        [JsonPropertyName("action_description")]
        public string? Description { get; set; }

        /// <summary>Gets or sets the action code, e.g. <c>AUTH_0001</c>.</summary>
        [JsonPropertyName("action_code")]
        public string? Code { get; set; }

        /// <summary>Returns <c>PROGRAM:ACTION_TYPE</c>, e.g. <c>NYISO-SCR:NO_MISSING_FIELDS</c>.</summary>
        public override string ToString() => $"{ProgramIdentifier}:{ActionType}";
    }
}
