using System.ComponentModel;
using System.Management.Automation;
using NomosMeters.Models.Enrollments;

namespace NomosMeters.Models
{
    /// <summary>
    /// The getters NomosMeters.Types.ps1xml puts in place of each date property for PowerShell (see
    /// <see cref="IsoTimestamp"/>); .NET callers keep the typed properties.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static class TimestampProperties
    {
#pragma warning disable CS1591 // one getter per property, named after it
        public static object? MeterOrderCreatedAt(PSObject o) => IsoTimestamp.Wrap(((MeterOrder)o.BaseObject).CreatedAt);

        public static object? MeterOrderInstalledAt(PSObject o) => IsoTimestamp.Wrap(((MeterOrder)o.BaseObject).InstalledAt);

        public static object? MeterOrderActivatedAt(PSObject o) => IsoTimestamp.Wrap(((MeterOrder)o.BaseObject).ActivatedAt);

        public static object? MeterOrderCancelledAt(PSObject o) => IsoTimestamp.Wrap(((MeterOrder)o.BaseObject).CancelledAt);

        public static object? MeterOrderBlockedAt(PSObject o) => IsoTimestamp.Wrap(((MeterOrder)o.BaseObject).BlockedAt);

        public static object? MeterOrderAppointmentAt(PSObject o) => IsoTimestamp.Wrap(((MeterOrder)o.BaseObject).AppointmentAt);

        public static object? MeterEnrollmentCreatedAt(PSObject o) => IsoTimestamp.Wrap(((MeterEnrollment)o.BaseObject).CreatedAt);

        public static object? MeterEnrollmentUpdatedAt(PSObject o) => IsoTimestamp.Wrap(((MeterEnrollment)o.BaseObject).UpdatedAt);

        public static object? ProgramEnrollmentDeliveryPeriodStart(PSObject o) => IsoTimestamp.Wrap(((ProgramEnrollment)o.BaseObject).DeliveryPeriodStart);

        public static object? ProgramEnrollmentDeliveryPeriodEnd(PSObject o) => IsoTimestamp.Wrap(((ProgramEnrollment)o.BaseObject).DeliveryPeriodEnd);

        public static object? EnrollmentDeadlineDeadline(PSObject o) => IsoTimestamp.Wrap(((EnrollmentDeadline)o.BaseObject).Deadline);

        public static object? EnrollmentDeadlineActivation(PSObject o) => IsoTimestamp.Wrap(((EnrollmentDeadline)o.BaseObject).Activation);

        public static object? RequiredActionDeadline(PSObject o) => IsoTimestamp.Wrap(((RequiredAction)o.BaseObject).Deadline);

        public static object? ParticipationPreferenceStartTime(PSObject o) => IsoTimestamp.Wrap(((ParticipationPreference)o.BaseObject).StartTime);

        public static object? ParticipationPreferenceEndTime(PSObject o) => IsoTimestamp.Wrap(((ParticipationPreference)o.BaseObject).EndTime);

        public static object? NomosConnectionAccessTokenExpiresAt(PSObject o) => IsoTimestamp.Wrap(((NomosConnection)o.BaseObject).AccessTokenExpiresAt);

        public static object? NomosConnectionConnectedAt(PSObject o) => IsoTimestamp.Wrap(((NomosConnection)o.BaseObject).ConnectedAt);
#pragma warning restore CS1591
    }
}
