using System;
using System.Net;

namespace NomosMeters.Session.Settings
{
    /// <summary>Credentials travel only over https; plain http is allowed for loopback (local emulators, tests).</summary>
    internal static class BaseUriPolicy
    {
        public static Uri Validate(Uri uri, string parameterName)
        {
            if (!uri.IsAbsoluteUri || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            {
                throw Invalid($"-{parameterName} '{uri}' is not an absolute http(s) URI.", uri);
            }

            if (uri.Scheme == Uri.UriSchemeHttp && !IsLoopback(uri))
            {
                throw Invalid($"-{parameterName} '{uri}' uses plain http, which would send credentials unencrypted. Use https (http is accepted only for loopback addresses).", uri);
            }

            return uri;
        }

        private static bool IsLoopback(Uri uri)
            => uri.IsLoopback || (IPAddress.TryParse(uri.DnsSafeHost, out var address) && IPAddress.IsLoopback(address));

        private static SettingsException Invalid(string message, Uri uri)
            => new SettingsException("NomosMeters.InvalidBaseUri", message, uri, "Pass an https URI such as https://api.nomos.energy.");
    }
}
