using System;
using System.Security;
using NomosMeters.Client.Enrollments;
using NomosMeters.Client.Http;
using NomosMeters.Client.Nomos;

namespace NomosMeters.Session
{
    /// <summary>What <c>Connect-Nomos</c> collected from its parameters or the environment.</summary>
    internal sealed class NomosConnectionSettings
    {
        public Uri BaseUri { get; set; } = NomosEndpoint.DefaultBaseUri;

        public string ApiVersion { get; set; } = NomosEndpoint.DefaultApiVersion;

        public string? ClientId { get; set; }

        public SecureString? ClientSecret { get; set; }

        public SecureString? AccessToken { get; set; }

        public bool HasNomosCredentials => AccessToken != null || (ClientId != null && ClientSecret != null);

        public Uri EnrollmentBaseUri { get; set; } = EnrollmentEndpoint.ProductionBaseUri;

        /// <summary>Gets or sets <c>Production</c>, <c>Staging</c> or <c>Custom</c> (an explicit base URI).</summary>
        public string EnrollmentEnvironment { get; set; } = "Production";

        public SecureString? EnrollmentApiKey { get; set; }

        public TransportOptions Transport { get; set; } = new TransportOptions();

        /// <summary>Gets or sets the most requests per second sent to the Nomos API; 0 for no limit.</summary>
        public double RateLimit { get; set; }
    }
}
