using System;
using System.Management.Automation;
using System.Net;
using System.Security;
using NomosMeters.Client.Auth;
using NomosMeters.Client.Enrollments;
using NomosMeters.Client.Paging;

namespace NomosMeters.Commands
{
    /// <summary>
    /// <para type="synopsis">Connects to the Nomos API (or the built-in sandbox) and makes the connection current.</para>
    /// </summary>
    [Cmdlet(VerbsCommunications.Connect, "Nomos", DefaultParameterSetName = EnvironmentSet)]
    [OutputType(typeof(NomosConnection))]
    public sealed partial class ConnectNomosCommand : NomosCmdlet
    {
        internal const string ClientIdVariable = "NOMOS_CLIENT_ID";
        internal const string ClientSecretVariable = "NOMOS_CLIENT_SECRET";
        internal const string EnrollmentApiKeyVariable = "NOMOS_ENROLLMENT_API_KEY";

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
            var settings = new NomosConnectionSettings { ApiVersion = ApiVersion };
            ReadTuning(settings, ParameterSetName == SandboxSet);
            if (BaseUri != null)
            {
                settings.BaseUri = BaseUriPolicy.Validate(BaseUri, "BaseUri", this);
            }

            NomosConnection connection;
            if (ParameterSetName == SandboxSet)
            {
                connection = NomosConnection.CreateSandbox(settings);
            }
            else
            {
                ReadCredentials(settings);
                ReadEnrollment(settings);
                if (!settings.HasNomosCredentials && settings.EnrollmentApiKey == null)
                {
                    ThrowNoCredentials();
                }

                connection = NomosConnection.Create(settings, NomosConnection.CreateNetworkHandler);
            }

            Verify(connection);
            VerifyEnrollment(connection);

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

        private void ReadCredentials(NomosConnectionSettings settings)
        {
            switch (ParameterSetName)
            {
                case ClientSecretSet:
                    settings.ClientId = ClientId;
                    settings.ClientSecret = ClientSecret;
                    break;
                case CredentialSet:
                    settings.ClientId = Credential!.UserName;
                    settings.ClientSecret = Credential.Password;
                    break;
                case AccessTokenSet:
                    settings.AccessToken = AccessToken;
                    break;
                default:
                    ReadEnvironment(settings);
                    break;
            }

            if (settings.ClientSecret != null && string.IsNullOrWhiteSpace(settings.ClientId))
            {
                ThrowTerminatingError(ErrorRecords.InvalidArgument("NomosMeters.InvalidClientId", "The client id is empty.", null, "Pass the client id from the Nomos dashboard (Developer section)."));
            }
        }

        private void ReadEnvironment(NomosConnectionSettings settings)
        {
            var id = Environment.GetEnvironmentVariable(ClientIdVariable);
            var secret = Environment.GetEnvironmentVariable(ClientSecretVariable);
            if (string.IsNullOrEmpty(id) && string.IsNullOrEmpty(secret))
            {
                // Nothing for the Nomos API: fine when an enrollment key is given (checked by the caller).
                return;
            }

            if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(secret))
            {
                ThrowNoCredentials((string.IsNullOrEmpty(id) ? ClientIdVariable : ClientSecretVariable) + " is");
            }

            settings.ClientId = id;
            settings.ClientSecret = SecretText.Protect(secret!);
        }

        private void ReadEnrollment(NomosConnectionSettings settings)
        {
            settings.EnrollmentApiKey = EnrollmentApiKey;
            if (settings.EnrollmentApiKey == null)
            {
                var key = Environment.GetEnvironmentVariable(EnrollmentApiKeyVariable);
                settings.EnrollmentApiKey = string.IsNullOrEmpty(key) ? null : SecretText.Protect(key!);
            }

            if (EnrollmentBaseUri != null)
            {
                settings.EnrollmentBaseUri = BaseUriPolicy.Validate(EnrollmentBaseUri, "EnrollmentBaseUri", this);
                settings.EnrollmentEnvironment = "Custom";
            }
            else
            {
                var staging = string.Equals(EnrollmentEnvironment, "Staging", StringComparison.OrdinalIgnoreCase);
                settings.EnrollmentBaseUri = staging ? EnrollmentEndpoint.StagingBaseUri : EnrollmentEndpoint.ProductionBaseUri;
                settings.EnrollmentEnvironment = staging ? "Staging" : "Production";
            }
        }

        private void ThrowNoCredentials(string missing = ClientIdVariable + " and " + ClientSecretVariable + " are")
        {
            var message = $"No credentials: no credential parameter was given and the environment variable {missing} not set.";
            ThrowTerminatingError(new ErrorRecord(new PSArgumentException(message), "NomosMeters.NoCredentials", ErrorCategory.AuthenticationError, null)
            {
                ErrorDetails = new ErrorDetails(message)
                {
                    RecommendedAction =
                        $"For the Nomos API pass -ClientId and -ClientSecret, -Credential or -AccessToken, or set both {ClientIdVariable} and {ClientSecretVariable}; " +
                        $"for the enrollment API pass -EnrollmentApiKey or set {EnrollmentApiKeyVariable}; or use -Sandbox to try the module.",
                },
            });
        }

        // Signing in now, not at the first cmdlet, so wrong credentials fail where they were given.
        private void Verify(NomosConnection connection)
        {
            if (connection.Nomos == null || !connection.CanRenewToken)
            {
                return;
            }

            try
            {
                Await(connection.Nomos.Endpoint.Tokens!.GetTokenAsync(Context));
            }
            catch (NomosApiException ex)
            {
                connection.Dispose();
                var record = ErrorRecords.From(ex, connection.BaseUri);
                var baseUri = connection.BaseUri!.AbsoluteUri.TrimEnd('/');
                if (ex.StatusCode == 401 || ex.StatusCode == 400 || ex.StatusCode == 403)
                {
                    var message = $"Connect-Nomos could not sign in to {baseUri} with client id '{connection.ClientId}': {ex.ApiMessage}";
                    record.ErrorDetails = new ErrorDetails(message)
                    {
                        RecommendedAction = "Check the client id and secret (Nomos dashboard, Developer section) and connect again.",
                    };
                }

                ThrowTerminatingError(record);
            }
        }

        // One smallest search proves the key works in this environment; keys are scoped per environment.
        private void VerifyEnrollment(NomosConnection connection)
        {
            if (connection.Enrollment == null)
            {
                return;
            }

            try
            {
                ForEach(
                    connection.Enrollment.Enrollments.SearchAsync(new MeterFilterRequest { PageSize = 1 }, new PageRange(0, 1), Context),
                    _ => { });
            }
            catch (NomosApiException ex)
            {
                connection.Dispose();
                var record = ErrorRecords.From(ex, connection.EnrollmentBaseUri);
                if (ex.StatusCode == 401 || ex.StatusCode == 403)
                {
                    var message = $"Connect-Nomos could not use the enrollment API key at {connection.EnrollmentBaseUri!.AbsoluteUri.TrimEnd('/')} ({connection.EnrollmentEnvironment}): {ex.ApiMessage}";
                    record.ErrorDetails = new ErrorDetails(message)
                    {
                        RecommendedAction = "Check the key. Keys belong to one environment: a production key is refused by staging and the reverse; pick the matching -EnrollmentEnvironment.",
                    };
                }

                ThrowTerminatingError(record);
            }
        }
    }
}
