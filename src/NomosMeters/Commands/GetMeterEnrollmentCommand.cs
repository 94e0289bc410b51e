using System.Management.Automation;
using NomosMeters.Client.Enrollments;
using NomosMeters.Models.Enrollments;
using NomosMeters.Session;

namespace NomosMeters.Commands
{
    /// <summary>
    /// <para type="synopsis">Gets the enrollment of meters by id. Many ids from the pipeline are looked up in batched searches, not one request each.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "MeterEnrollment")]
    [OutputType(typeof(MeterEnrollment))]
    public sealed class GetMeterEnrollmentCommand : MeterLookupCmdlet<MeterEnrollment>
    {
        internal override string SearchCommand => "Search-MeterEnrollment";

        internal override MeterRecordClient<MeterEnrollment> ClientOf(EnrollmentServiceConnection enrollment) => enrollment.Enrollments;
    }
}
