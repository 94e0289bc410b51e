using System.Management.Automation;
using NomosMeters.Client.Enrollments;
using NomosMeters.Models.Enrollments;
using NomosMeters.Session;

namespace NomosMeters.Commands
{
    /// <summary>
    /// <para type="synopsis">Searches meter enrollments with the enrollment API's filters and streams every matching meter.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Search, "MeterEnrollment", SupportsPaging = true)]
    [OutputType(typeof(MeterEnrollment))]
    public sealed class SearchMeterEnrollmentCommand : MeterSearchCmdlet<MeterEnrollment>
    {
        internal override string NounPlural => "meter enrollments";

        internal override MeterRecordClient<MeterEnrollment> ClientOf(EnrollmentServiceConnection enrollment) => enrollment.Enrollments;
    }
}
