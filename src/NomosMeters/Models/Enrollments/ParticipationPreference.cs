using System;
using System.Text.Json.Serialization;
using NomosMeters.Client.Json;

namespace NomosMeters.Models.Enrollments
{
    /// <summary>A period in which the meter participates, idles or is disenrolled.</summary>
    public sealed class ParticipationPreference
    {
        /// <summary>Gets or sets <c>PARTICIPATE</c>, <c>IDLE</c> or <c>DISENROLL</c>.</summary>
        [JsonPropertyName("participation_preference")]
        public string? Preference { get; set; }

        /// <summary>Gets or sets when the period starts (UTC).</summary>
        [JsonPropertyName("start_time")]
        [JsonConverter(typeof(NullableUtcDateTimeOffsetConverter))]
        public DateTimeOffset? StartTime { get; set; }

        /// <summary>Gets or sets when the period ends (UTC); far-future years mean open-ended.</summary>
        [JsonPropertyName("end_time")]
        [JsonConverter(typeof(NullableUtcDateTimeOffsetConverter))]
        public DateTimeOffset? EndTime { get; set; }

        /// <summary>Gets or sets the reason, given for idle and disenroll periods.</summary>
        [JsonPropertyName("reason")]
        public string? Reason { get; set; }

        /// <summary>Returns <c>PREFERENCE start/end</c> in ISO 8601.</summary>
        public override string ToString()
            => $"{Preference} {EnrollmentDeadline.Iso(StartTime)}/{EnrollmentDeadline.Iso(EndTime)}";
    }
}
