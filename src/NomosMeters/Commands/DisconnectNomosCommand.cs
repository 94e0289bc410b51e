using System.Management.Automation;
using NomosMeters.Session;

namespace NomosMeters.Commands
{
    /// <summary>
    /// <para type="synopsis">Closes the current Nomos connection, or the one given, and forgets its tokens.</para>
    /// </summary>
    [Cmdlet(VerbsCommunications.Disconnect, "Nomos")]
    [OutputType(typeof(void))]
    public sealed class DisconnectNomosCommand : NomosCmdlet
    {
        /// <summary>
        /// Gets or sets the connection to close (from <c>Connect-Nomos -PassThru</c>) instead of the current one. A
        /// service it shares with another open connection stays open for that one.
        /// </summary>
        [Parameter(Position = 0, ValueFromPipeline = true)]
        [ValidateNotNull]
        public NomosConnection? Connection { get; set; }

        /// <inheritdoc/>
        protected override void ProcessRecord()
        {
            var closing = Connection;
            if (closing != null)
            {
                NomosSession.Forget(closing);
            }
            else
            {
                closing = NomosSession.Replace(null);
            }

            if (closing != null && closing.IsConnected)
            {
                closing.Dispose();
                WriteVerbose($"Disconnected: {closing}.");
            }
        }
    }
}
