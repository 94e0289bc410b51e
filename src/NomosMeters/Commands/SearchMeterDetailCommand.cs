using System.Management.Automation;
using NomosMeters.Client.Enrollments;
using NomosMeters.Models.MeterDetails;
using NomosMeters.Session;

namespace NomosMeters.Commands
{
    /// <summary>
    /// <para type="synopsis">Searches meter details (customer, site, device, utility) with the enrollment API's filters and streams every matching meter.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Search, "MeterDetail", SupportsPaging = true)]
    [OutputType(typeof(MeterDetail))]
    public sealed class SearchMeterDetailCommand : MeterSearchCmdlet<MeterDetail>
    {
        /// <summary>
        /// Gets or sets whether -Debug traces show the response bodies, which hold personal data (names, e-mail
        /// addresses, phone numbers, street addresses). Without it they are left out.
        /// </summary>
        [Parameter]
        public SwitchParameter TracePersonalData { get; set; }

        internal override string NounPlural => "meter details";

        internal override bool TracesPersonalData => TracePersonalData;

        internal override MeterRecordClient<MeterDetail> ClientOf(EnrollmentServiceConnection enrollment) => enrollment.MeterDetails;
    }
}
