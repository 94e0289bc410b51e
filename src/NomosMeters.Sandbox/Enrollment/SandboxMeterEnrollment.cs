using System;
using System.Collections.Generic;

namespace NomosMeters.Sandbox
{
    /// <summary>A seeded meter of the enrollment emulator, as tests read it to compute expectations.</summary>
    public sealed class SandboxMeterEnrollment
    {
        public Guid MeterId { get; internal set; }

        public string? PartnerReference { get; internal set; }

        public string TransmissionRegion { get; internal set; } = string.Empty;

        public string? CustomerClassification { get; internal set; }

        public IReadOnlyList<string> LoadTypes { get; internal set; } = Array.Empty<string>();

        public string? MeterType { get; internal set; }

        public IReadOnlyList<string> ConnectionReferences { get; internal set; } = Array.Empty<string>();

        public string CustomerGroup { get; internal set; } = string.Empty;

        public IReadOnlyList<string> Tags { get; internal set; } = Array.Empty<string>();

        public bool IsArchived { get; internal set; }

        public string CreatedBy { get; internal set; } = "PARTNER";

        public DateTimeOffset CreatedAt { get; internal set; }

        public DateTimeOffset UpdatedAt { get; internal set; }

        public string GlobalEnrollmentStatus { get; internal set; } = "PENDING";

        public IReadOnlyList<SandboxParticipation> ParticipationPreferences { get; internal set; } = Array.Empty<SandboxParticipation>();

        public IReadOnlyList<SandboxProgramEnrollment> ProgramEnrollments { get; internal set; } = Array.Empty<SandboxProgramEnrollment>();

        public IReadOnlyList<SandboxRequiredAction> PartnerActions { get; internal set; } = Array.Empty<SandboxRequiredAction>();

        public IReadOnlyList<SandboxRequiredAction> LeapActions { get; internal set; } = Array.Empty<SandboxRequiredAction>();
    }

    public sealed class SandboxParticipation
    {
        public string Preference { get; internal set; } = "PARTICIPATE";

        public DateTimeOffset StartTime { get; internal set; }

        /// <summary>Gets the end as the API writes it (open-ended ones use nanosecond precision in year 9000).</summary>
        public string? EndTimeText { get; internal set; }

        public string? Reason { get; internal set; }
    }

    public sealed class SandboxProgramEnrollment
    {
        public string ProgramIdentifier { get; internal set; } = string.Empty;

        public string DeliveryPeriod { get; internal set; } = string.Empty;

        public DateTimeOffset DeliveryPeriodStart { get; internal set; }

        public DateTimeOffset DeliveryPeriodEnd { get; internal set; }

        public string EnrollmentStatus { get; internal set; } = "PENDING";

        public DateTimeOffset EnrollmentDeadline { get; internal set; }

        public DateTimeOffset Activation { get; internal set; }

        public Guid? MarketGroupId { get; internal set; }

        public string? MarketGroupName { get; internal set; }
    }

    public sealed class SandboxRequiredAction
    {
        public string ProgramIdentifier { get; internal set; } = string.Empty;

        public string DeliveryPeriod { get; internal set; } = string.Empty;

        public DateTimeOffset Deadline { get; internal set; }

        public string ActionType { get; internal set; } = string.Empty;

        public string Description { get; internal set; } = string.Empty;

        public string Code { get; internal set; } = string.Empty;
    }
}
