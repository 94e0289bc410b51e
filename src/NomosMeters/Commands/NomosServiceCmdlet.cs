using System.Management.Automation;
using NomosMeters.Session;

namespace NomosMeters.Commands
{
    /// <summary>A cmdlet that calls an API: takes <c>-Connection</c>, else uses the session's current connection.</summary>
    public abstract class NomosServiceCmdlet : NomosCmdlet
    {
        /// <summary>
        /// Gets or sets the connection to use instead of the session's current one (from
        /// <c>Connect-Nomos -PassThru</c>), so that scripts sharing a process never switch each other's context.
        /// </summary>
        [Parameter]
        [ValidateNotNull]
        public NomosConnection? Connection { get; set; }

        /// <summary>Returns the connection to use, or stops with an error that says how to connect.</summary>
        internal NomosConnection RequireConnection()
        {
            var connection = Connection ?? NomosSession.Current;
            if (connection == null)
            {
                ThrowTerminatingError(ErrorRecords.NotConnected(
                    "Not connected to the Nomos API. Run Connect-Nomos first, or pass -Connection."));
            }

            if (!connection!.IsConnected)
            {
                ThrowTerminatingError(ErrorRecords.NotConnected(
                    "This connection was closed by Disconnect-Nomos. Run Connect-Nomos again."));
            }

            return connection;
        }

        /// <summary>Returns the Nomos API of the connection, or stops with an error naming the parameters that connect it.</summary>
        internal NomosServiceConnection RequireNomos()
        {
            var nomos = RequireConnection().Nomos;
            if (nomos == null)
            {
                ThrowTerminatingError(ErrorRecords.NotConnected(
                    "The Nomos API is not connected. Run Connect-Nomos with -ClientId and -ClientSecret, -Credential or -AccessToken " +
                    "(or set NOMOS_CLIENT_ID and NOMOS_CLIENT_SECRET), or Connect-Nomos -Sandbox."));
            }

            return nomos!;
        }

        /// <summary>Returns the enrollment API of the connection, or stops with an error naming the parameters that connect it.</summary>
        internal EnrollmentServiceConnection RequireEnrollment()
        {
            var enrollment = RequireConnection().Enrollment;
            if (enrollment == null)
            {
                ThrowTerminatingError(ErrorRecords.NotConnected(
                    "The meter enrollment API is not connected. Run Connect-Nomos -EnrollmentApiKey <SecureString> " +
                    "(or set NOMOS_ENROLLMENT_API_KEY), with -EnrollmentEnvironment Staging for staging, or Connect-Nomos -Sandbox."));
            }

            return enrollment!;
        }
    }
}
