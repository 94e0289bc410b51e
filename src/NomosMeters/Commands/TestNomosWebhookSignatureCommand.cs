using System.Management.Automation;
using NomosMeters.Client.Nomos;

namespace NomosMeters.Commands
{
    /// <summary>
    /// <para type="synopsis">Checks a webhook delivery's X-Nomos-Signature and returns $true or $false, for scripts that branch.</para>
    /// </summary>
    [Cmdlet(VerbsDiagnostic.Test, "NomosWebhookSignature")]
    [OutputType(typeof(bool))]
    public sealed class TestNomosWebhookSignatureCommand : WebhookCmdlet
    {
        /// <inheritdoc/>
        protected override void ProcessRecord()
        {
            try
            {
                Verify();
                WriteObject(true);
            }
            catch (WebhookRejectedException ex)
            {
                WriteVerbose($"{ErrorRecords.WebhookErrorId(ex.Failure)}: {ex.Message}");
                WriteObject(false);
            }
        }
    }
}
