using System.Management.Automation;

namespace NomosMeters.Commands
{
    /// <summary>
    /// <para type="synopsis">Closes the current Nomos connection and forgets its tokens.</para>
    /// </summary>
    [Cmdlet(VerbsCommunications.Disconnect, "Nomos")]
    [OutputType(typeof(void))]
    public sealed class DisconnectNomosCommand : NomosCmdlet
    {
        /// <inheritdoc/>
        protected override void ProcessRecord()
        {
            var previous = NomosSession.Replace(null);
            if (previous != null)
            {
                previous.Dispose();
                WriteVerbose($"Disconnected: {previous}.");
            }
        }
    }
}
