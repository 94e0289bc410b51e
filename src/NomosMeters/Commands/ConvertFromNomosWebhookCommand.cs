using System.Management.Automation;
using NomosMeters.Client.Nomos;
using NomosMeters.Models;

namespace NomosMeters.Commands
{
    /// <summary>
    /// <para type="synopsis">Verifies a webhook delivery from Nomos (its X-Nomos-Signature) and returns its event.</para>
    /// </summary>
    [Cmdlet(VerbsData.ConvertFrom, "NomosWebhook")]
    [OutputType(typeof(NomosEvent))]
    public sealed class ConvertFromNomosWebhookCommand : WebhookCmdlet
    {
        /// <inheritdoc/>
        protected override void ProcessRecord()
        {
            try
            {
                Verify();
                WriteObject(WebhookVerifier.ReadEvent(BodyBytes));
            }
            catch (WebhookRejectedException ex)
            {
                // Nothing of an unverified delivery may be acted on: the error ends the command.
                ThrowTerminatingError(ErrorRecords.FromWebhook(ex));
            }
        }
    }
}
