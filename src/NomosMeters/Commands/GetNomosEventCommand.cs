using System.Management.Automation;
using NomosMeters.Models;
using NomosMeters.Session.Settings;

namespace NomosMeters.Commands
{
    /// <summary>
    /// <para type="synopsis">Gets events of the Nomos API by id (GET /events/{id}): what happened, when, and the ids it is about.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "NomosEvent")]
    [OutputType(typeof(NomosEvent))]
    public sealed class GetNomosEventCommand : NomosServiceCmdlet
    {
        /// <summary>Gets or sets the ids of the events to get (prefix <c>evt_</c>); accepts pipeline input.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("EventId")]
        [AllowEmptyString]
        public string[] Id { get; set; } = new string[0];

        /// <summary>
        /// Gets or sets how many events are looked up at once (1 to 64; default: the connection's ThrottleLimit). The
        /// events still come out in input order.
        /// </summary>
        [Parameter]
        [ValidateRange(SettingLimits.ThrottleLimitMin, SettingLimits.ThrottleLimitMax)]
        public int ThrottleLimit { get; set; }

        /// <inheritdoc/>
        protected override void ProcessRecord()
        {
            var nomos = RequireNomos();
            foreach (var id in Id)
            {
                var valid = IdOfKind(id, "evt_", nameof(Id), "the Id of a webhook delivery (ConvertFrom-NomosWebhook)");
                if (valid != null)
                {
                    ForItemInFlight(valid, ThrottleLimitFor(nomos, ThrottleLimit), () => nomos.Events.GetAsync(valid, Context), WriteObject);
                }
            }
        }
    }
}
