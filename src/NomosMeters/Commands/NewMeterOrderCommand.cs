using System.Management.Automation;
using NomosMeters.Models;

namespace NomosMeters.Commands
{
    /// <summary>
    /// <para type="synopsis">Orders a smart meter for a subscription (POST /meter-orders) and returns the new meter order.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.New, "MeterOrder", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(MeterOrder))]
    public sealed class NewMeterOrderCommand : NomosServiceCmdlet
    {
        /// <summary>
        /// Gets or sets the subscription id (prefix <c>sub_</c>) to order a smart meter for. Accepts plain ids and
        /// objects with a Subscription, SubscriptionId or Id property from the pipeline.
        /// </summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("SubscriptionId", "Id")]
        [AllowEmptyString]
        public string Subscription { get; set; } = string.Empty;

        /// <inheritdoc/>
        protected override void ProcessRecord()
        {
            var subscription = IdOfKind(Subscription, "sub_", nameof(Subscription), "or list them in the Nomos dashboard", "NomosMeters.InvalidSubscription");
            if (subscription == null)
            {
                return;
            }

            var nomos = RequireNomos();
            if (!ShouldProcess($"subscription {subscription}", "Order a smart meter"))
            {
                return;
            }

            // One subscription that cannot get an order (duplicate, ended, unknown) must not stop the others.
            ForItem(subscription, () => WriteObject(Await(nomos.MeterOrders.CreateAsync(subscription, Context))));
        }
    }
}
