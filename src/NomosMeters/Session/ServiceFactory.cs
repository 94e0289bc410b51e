using System;
using System.Net.Http;
using NomosMeters.Client.Auth;
using NomosMeters.Client.Enrollments;
using NomosMeters.Client.Http;
using NomosMeters.Client.Nomos;
using NomosMeters.Sandbox;

namespace NomosMeters.Session
{
    /// <summary>
    /// Builds each service whole: endpoint, credentials, rate limiter and a transport of its own over a new handler
    /// (each transport disposes its handler), with the clock of the settings. A service built here has no owner yet; the connection that takes it
    /// becomes the first.
    /// </summary>
    internal static class ServiceFactory
    {
        /// <summary>The Nomos API, or null when the settings hold no Nomos credentials.</summary>
        public static NomosServiceConnection? Nomos(NomosConnectionSettings settings, Func<HttpMessageHandler> newHandler, NomosSandbox? sandbox)
        {
            if (!settings.HasNomosCredentials)
            {
                return null;
            }

            var transport = new ApiTransport(newHandler(), settings.Transport);
            var rateLimiter = new RequestRateLimiter(settings.RateLimit, settings.Transport.Time);
            var endpoint = new NomosEndpoint(
                settings.BaseUri,
                settings.ApiVersion,
                self => settings.AccessToken != null
                    ? (ITokenProvider)new StaticTokenProvider(settings.AccessToken, "AccessToken")
                    : new ClientCredentialsTokenProvider(settings.ClientId!, settings.ClientSecret!, self, transport),
                rateLimiter);
            return new NomosServiceConnection(endpoint, transport, NomosEnvironment(settings.BaseUri, sandbox), sandbox);
        }

        /// <summary>The enrollment API, or null when the settings hold no enrollment API key.</summary>
        public static EnrollmentServiceConnection? Enrollment(NomosConnectionSettings settings, Func<HttpMessageHandler> newHandler, NomosSandbox? sandbox)
        {
            if (settings.EnrollmentApiKey == null)
            {
                return null;
            }

            // No documented rate for the enrollment API: nothing is spaced, but the server's holds (429) still apply.
            var endpoint = new EnrollmentEndpoint(
                settings.EnrollmentBaseUri,
                new StaticTokenProvider(settings.EnrollmentApiKey, "ApiKey"),
                new RequestRateLimiter(0, settings.Transport.Time));
            var environment = sandbox != null ? "Sandbox" : settings.EnrollmentEnvironment;
            return new EnrollmentServiceConnection(endpoint, new ApiTransport(newHandler(), settings.Transport), environment, sandbox);
        }

        private static string NomosEnvironment(Uri baseUri, NomosSandbox? sandbox)
        {
            if (sandbox != null)
            {
                return "Sandbox";
            }

            return Uri.Compare(baseUri, NomosEndpoint.DefaultBaseUri, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0
                ? "Production"
                : "Custom";
        }
    }
}
