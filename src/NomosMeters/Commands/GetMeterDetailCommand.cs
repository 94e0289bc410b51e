using System.Management.Automation;
using NomosMeters.Client.Enrollments;
using NomosMeters.Models.MeterDetails;
using NomosMeters.Session;

namespace NomosMeters.Commands
{
    /// <summary>
    /// <para type="synopsis">Gets the details of meters (customer, site, device, utility) by id. Many ids from the pipeline are looked up in batched searches, not one request each.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "MeterDetail")]
    [OutputType(typeof(MeterDetail))]
    public sealed class GetMeterDetailCommand : MeterLookupCmdlet<MeterDetail>
    {
        /// <summary>
        /// Gets or sets whether -Debug traces show the response bodies, which hold personal data (names, e-mail
        /// addresses, phone numbers, street addresses). Without it they are left out.
        /// </summary>
        [Parameter]
        public SwitchParameter TracePersonalData { get; set; }

        internal override string SearchCommand => "Search-MeterDetail";

        internal override bool TracesPersonalData => TracePersonalData;

        internal override MeterRecordClient<MeterDetail> ClientOf(EnrollmentServiceConnection enrollment) => enrollment.MeterDetails;
    }
}
