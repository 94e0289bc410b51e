using System.Management.Automation;
using NomosMeters.Session;

namespace NomosMeters.Commands
{
    /// <summary>
    /// <para type="synopsis">Shows the current connection: services, base URI, API version, token expiry. Never a secret.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "NomosContext")]
    [OutputType(typeof(NomosConnection))]
    public sealed class GetNomosContextCommand : NomosCmdlet
    {
        /// <inheritdoc/>
        protected override void ProcessRecord()
        {
            var current = NomosSession.Current;
            if (current != null)
            {
                // Once written, a script may hold it: a later Connect-Nomos leaves it open instead of closing it.
                current.HandedOut = true;
                WriteObject(current);
            }
        }
    }
}
