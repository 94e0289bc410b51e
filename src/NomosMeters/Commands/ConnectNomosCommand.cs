using System;
using System.Management.Automation;
using System.Security;
using NomosMeters.Session;
using NomosMeters.Session.Settings;

namespace NomosMeters.Commands
{
    /// <summary>
    /// <para type="synopsis">Connects to the Nomos API (or the built-in sandbox) and makes the connection current.</para>
    /// </summary>
    [Cmdlet(VerbsCommunications.Connect, "Nomos", DefaultParameterSetName = EnvironmentSet)]
    [OutputType(typeof(NomosConnection))]
    public sealed partial class ConnectNomosCommand : NomosCmdlet
    {
        private const string ClientSecretSet = "ClientSecret";
        private const string CredentialSet = "Credential";
        private const string AccessTokenSet = "AccessToken";
        private const string EnvironmentSet = "EnvironmentVariable";
        private const string SandboxSet = "Sandbox";

        /// <summary>Gets or sets the OAuth client id issued by Nomos.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ClientSecretSet)]
        [ValidateNotNullOrEmpty]
        public string? ClientId { get; set; }

        /// <summary>Gets or sets the OAuth client secret, as a SecureString.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ClientSecretSet)]
        [ValidateNotNull]
        public SecureString? ClientSecret { get; set; }

        /// <summary>Gets or sets the client id (user name) and client secret (password) as one credential.</summary>
        [Parameter(Mandatory = true, ParameterSetName = CredentialSet)]
        [ValidateNotNull]
        [Credential]
        public PSCredential? Credential { get; set; }

        /// <summary>Gets or sets an access token obtained elsewhere. It cannot be renewed: connect again when it expires.</summary>
        [Parameter(Mandatory = true, ParameterSetName = AccessTokenSet)]
        [ValidateNotNull]
        public SecureString? AccessToken { get; set; }

        /// <summary>Gets or sets whether to connect to the built-in sandbox emulator; no credentials needed.</summary>
        [Parameter(Mandatory = true, ParameterSetName = SandboxSet)]
        public SwitchParameter Sandbox { get; set; }

        /// <summary>Gets or sets the API base URI (https; http only for loopback addresses).</summary>
        [Parameter(ParameterSetName = ClientSecretSet)]
        [Parameter(ParameterSetName = CredentialSet)]
        [Parameter(ParameterSetName = AccessTokenSet)]
        [Parameter(ParameterSetName = EnvironmentSet)]
        [ValidateNotNull]
        public Uri? BaseUri { get; set; }

        /// <summary>Gets or sets the API key of the meter enrollment API (Bearer), as a SecureString. Default: the environment variable NOMOS_ENROLLMENT_API_KEY.</summary>
        [Parameter(ParameterSetName = ClientSecretSet)]
        [Parameter(ParameterSetName = CredentialSet)]
        [Parameter(ParameterSetName = AccessTokenSet)]
        [Parameter(ParameterSetName = EnvironmentSet)]
        [ValidateNotNull]
        public SecureString? EnrollmentApiKey { get; set; }

        /// <summary>Gets or sets the enrollment API environment: Production (https://api.leap.energy) or Staging (https://api.staging.leap.energy).</summary>
        [Parameter(ParameterSetName = ClientSecretSet)]
        [Parameter(ParameterSetName = CredentialSet)]
        [Parameter(ParameterSetName = AccessTokenSet)]
        [Parameter(ParameterSetName = EnvironmentSet)]
        [ValidateSet("Production", "Staging")]
        public string EnrollmentEnvironment { get; set; } = "Production";

        /// <summary>Gets or sets any other enrollment API base URI (https; http only for loopback addresses).</summary>
        [Parameter(ParameterSetName = ClientSecretSet)]
        [Parameter(ParameterSetName = CredentialSet)]
        [Parameter(ParameterSetName = AccessTokenSet)]
        [Parameter(ParameterSetName = EnvironmentSet)]
        [ValidateNotNull]
        public Uri? EnrollmentBaseUri { get; set; }

        /// <summary>Gets or sets the API version sent as X-API-Version on every request.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string ApiVersion { get; set; } = Client.Nomos.NomosEndpoint.DefaultApiVersion;

        /// <summary>Gets or sets whether to return the connection object, for use with -Connection.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <inheritdoc/>
        protected override void ProcessRecord()
        {
            NomosConnection connection;
            try
            {
                var settings = ConnectionSettingsResolver.Resolve(Request(), Environment.GetEnvironmentVariable);
                connection = Sandbox
                    ? NomosConnection.CreateSandbox(settings)
                    : NomosConnection.Create(settings, NomosConnection.CreateNetworkHandler);
            }
            catch (SettingsException ex)
            {
                ThrowTerminatingError(ErrorRecords.FromSettings(ex));
                return;
            }

            ServiceCheck.Verify(connection, this);

            // Connecting one service keeps the other one of the current connection.
            connection = connection.KeepingServicesOf(NomosSession.Current);
            var previous = NomosSession.Replace(connection);
            if (previous != null && !previous.HandedOut)
            {
                // Nobody can hold it: close it (the services the new connection kept stay open for it).
                previous.Dispose();
            }

            WriteVerbose($"Connected: {connection}.");
            if (PassThru)
            {
                // The script's own connection: Disconnect-Nomos (by this script or another) closes the current one,
                // not this; Disconnect-Nomos -Connection closes this.
                WriteObject(connection.Share());
            }
        }

        private ConnectRequest Request()
        {
            var bound = MyInvocation.BoundParameters;
            double? Bound(string name, double value) => bound.ContainsKey(name) ? value : (double?)null;
            return new ConnectRequest
            {
                Sandbox = Sandbox,
                HasCredentialParameters = ParameterSetName == ClientSecretSet || ParameterSetName == CredentialSet || ParameterSetName == AccessTokenSet,
                ClientId = Credential?.UserName ?? ClientId,
                ClientSecret = Credential?.Password ?? ClientSecret,
                AccessToken = AccessToken,
                BaseUri = BaseUri,
                ApiVersion = ApiVersion,
                EnrollmentApiKey = EnrollmentApiKey,
                EnrollmentEnvironment = EnrollmentEnvironment,
                EnrollmentBaseUri = EnrollmentBaseUri,
                TimeoutSec = Bound(nameof(TimeoutSec), TimeoutSec),
                MaximumRetryCount = Bound(nameof(MaximumRetryCount), MaximumRetryCount),
                RetryBudgetSec = Bound(nameof(RetryBudgetSec), RetryBudgetSec),
                RateLimit = Bound(nameof(RateLimit), RateLimit),
                ThrottleLimit = Bound(nameof(ThrottleLimit), ThrottleLimit),
            };
        }
    }
}
