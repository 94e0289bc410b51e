using System.Text.Json.Serialization;

namespace NomosMeters.Models.Enrollments
{
    /// <summary>
    /// A meter's enrollment state in the enrollment API (<c>MeterEnrollmentResponse</c>): the meter's record
    /// (<see cref="MeterRecord"/>), its statuses, program enrollments and required actions. The nested
    /// <c>required_actions</c> object is flattened into two properties.
    /// </summary>
    public sealed class MeterEnrollment : MeterRecord
    {
        /// <summary>Gets or sets the overall status: <c>ACTIVE</c>, <c>ELIGIBLE</c>, <c>INELIGIBLE</c>, <c>NOT_PARTICIPATING</c>, <c>PENDING</c>.</summary>
        [JsonPropertyName("global_enrollment_status")]
        public string? GlobalEnrollmentStatus { get; set; }

        /// <summary>Gets or sets the participation preferences over time (participate, idle, disenroll).</summary>
        [JsonPropertyName("participation_preferences")]
        public ValueList<ParticipationPreference> ParticipationPreferences { get; set; } = new ValueList<ParticipationPreference>();

        /// <summary>Gets or sets one entry per program and delivery period.</summary>
        [JsonPropertyName("program_enrollment")]
        public ValueList<ProgramEnrollment> ProgramEnrollments { get; set; } = new ValueList<ProgramEnrollment>();

        /// <summary>Gets or sets the actions the partner must take.</summary>
        [JsonIgnore]
        public ValueList<RequiredAction> PartnerActions { get; set; } = new ValueList<RequiredAction>();

        /// <summary>Gets or sets the actions the API provider must take.</summary>
        [JsonIgnore]
        public ValueList<RequiredAction> LeapActions { get; set; } = new ValueList<RequiredAction>();

        // The wire nests these; the object flattens them so every column is a plain value.
        [JsonInclude]
        [JsonPropertyName("required_actions")]
        internal RequiredActions? Actions
        {
            get => new RequiredActions { Partner = PartnerActions, Leap = LeapActions };
            set
            {
                PartnerActions = value?.Partner ?? new ValueList<RequiredAction>();
                LeapActions = value?.Leap ?? new ValueList<RequiredAction>();
            }
        }

        internal sealed class RequiredActions
        {
            [JsonPropertyName("partner")]
            public ValueList<RequiredAction>? Partner { get; set; }

            [JsonPropertyName("leap")]
            public ValueList<RequiredAction>? Leap { get; set; }
        }
    }
}
