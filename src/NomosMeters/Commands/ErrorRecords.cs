using System;
using System.Management.Automation;
using NomosMeters.Client.Paging;
using NomosMeters.Session.Settings;

namespace NomosMeters.Commands
{
    /// <summary>Turns client exceptions into ErrorRecords with stable ids, categories, targets and advice.</summary>
    internal static class ErrorRecords
    {
        public static ErrorRecord From(Exception exception, object? target)
        {
            switch (exception)
            {
                case ApiRequestException api:
                    return FromApi(api, target);
                case PagingException paging:
                    return new ErrorRecord(paging, "NomosMeters.PagingFailed", ErrorCategory.InvalidResult, target);
                default:
                    return new ErrorRecord(exception, "NomosMeters.UnexpectedError", ErrorCategory.NotSpecified, target);
            }
        }

        /// <summary>Credentials and permissions fail the same way for every item of a pipeline: stop instead of repeating the error.</summary>
        public static bool StopsEveryItem(ApiRequestException ex) => ex.StatusCode == 401 || ex.StatusCode == 402 || ex.StatusCode == 403;

        public static ErrorRecord InvalidArgument(string errorId, string message, object? target, string? recommendedAction = null)
        {
            var record = new ErrorRecord(new ArgumentException(message), errorId, ErrorCategory.InvalidArgument, target);
            if (recommendedAction != null)
            {
                record.ErrorDetails = new ErrorDetails(message) { RecommendedAction = recommendedAction };
            }

            return record;
        }

        /// <summary>Settings Connect-Nomos cannot connect with: missing credentials are an authentication error, the rest invalid arguments.</summary>
        public static ErrorRecord FromSettings(SettingsException ex)
            => new ErrorRecord(ex, ex.ErrorId, ex.IsMissingCredentials ? ErrorCategory.AuthenticationError : ErrorCategory.InvalidArgument, ex.Target)
            {
                ErrorDetails = new ErrorDetails(ex.Message) { RecommendedAction = ex.RecommendedAction },
            };

        /// <summary>No usable connection for the service a cmdlet needs: what is missing, and exactly how to connect it.</summary>
        public static ErrorRecord NotConnected(string problem, string howToConnect)
            => new ErrorRecord(new InvalidOperationException(problem + " " + howToConnect), "NomosMeters.NotConnected", ErrorCategory.ConnectionError, null)
            {
                ErrorDetails = new ErrorDetails(problem) { RecommendedAction = howToConnect },
            };

        /// <summary>A refused webhook delivery: its own ErrorId per way it fails; a security error unless it is authentic.</summary>
        public static ErrorRecord FromWebhook(Client.Nomos.WebhookRejectedException ex)
            => new ErrorRecord(
                ex,
                WebhookErrorId(ex.Failure),
                ex.Failure == Client.Nomos.WebhookFailure.NotAnEvent ? ErrorCategory.InvalidData : ErrorCategory.SecurityError,
                null)
            {
                ErrorDetails = new ErrorDetails(ex.Message) { RecommendedAction = ex.RecommendedAction },
            };

        /// <summary><c>NomosMeters.WebhookSignatureMismatch</c> and the like.</summary>
        public static string WebhookErrorId(Client.Nomos.WebhookFailure failure) => "NomosMeters.Webhook" + failure;

        private static ErrorRecord FromApi(ApiRequestException api, object? target)
        {
            // Retries happen out of sight; an error after several attempts says so.
            var message = api.Attempts > 1 ? $"{api.Message} Gave up after {api.Attempts} attempts." : api.Message;
            var record = new ErrorRecord(api, api.ErrorId, CategoryFor(api), target)
            {
                ErrorDetails = new ErrorDetails(message) { RecommendedAction = AdviceFor(api) },
            };
            return record;
        }

        internal static ErrorCategory CategoryFor(ApiRequestException api)
        {
            switch (api.StatusCode)
            {
                case 400: return ErrorCategory.InvalidArgument;
                case 401: return ErrorCategory.AuthenticationError;
                case 402:
                case 403: return ErrorCategory.PermissionDenied;
                case 404: return ErrorCategory.ObjectNotFound;
                case 405: return ErrorCategory.InvalidOperation;
                case 408: return ErrorCategory.OperationTimeout;
                case 409: return ErrorCategory.ResourceExists;
                case 422: return ErrorCategory.InvalidData;
                case 429: return ErrorCategory.LimitsExceeded;
            }

            if (api.Code == "TIMEOUT")
            {
                return ErrorCategory.OperationTimeout;
            }

            if (api.Code == "INVALID_RESPONSE")
            {
                return ErrorCategory.InvalidResult;
            }

            if (api.Code == "NOT_A_LIST")
            {
                return ErrorCategory.InvalidOperation;
            }

            return api.StatusCode >= 500 || api.StatusCode == 0 ? ErrorCategory.ConnectionError : ErrorCategory.NotSpecified;
        }

        private static string AdviceFor(ApiRequestException api)
        {
            switch (api.BusinessCode)
            {
                case "duplicate_meter_order": return "A subscription can have one meter order ever; see it with Get-MeterOrder -Subscription <id>.";
                case "ended_subscription": return "The subscription has ended; a meter order needs a subscription that is still running.";
            }

            switch (api.RefusedFixedCredential)
            {
                case "AccessToken":
                    return "The token given with -AccessToken has expired or was revoked, and it cannot be renewed. Run Connect-Nomos again with a new " +
                           "-AccessToken, or with client credentials (-ClientId and -ClientSecret, -Credential, or NOMOS_CLIENT_ID and NOMOS_CLIENT_SECRET), which renew themselves.";
                case "ApiKey":
                    return "The enrollment API key was refused (revoked, or a key of another environment). Run Connect-Nomos -EnrollmentApiKey with a valid key " +
                           "(or set NOMOS_ENROLLMENT_API_KEY), with -EnrollmentEnvironment matching the key.";
            }

            switch (api.StatusCode)
            {
                case 401: return "Check the credentials and run Connect-Nomos again.";
                case 402: return "The API plan does not include this operation; contact the API provider.";
                case 403: return "The credentials lack the permission (scope) for this operation; ask for a key with it.";
                case 404: return "Check the id; list what exists with the matching Get- or Search- cmdlet.";
                case 429: return "The API is throttling requests; wait and retry, or send fewer requests at once.";
            }

            if (api.StatusCode >= 500 || api.StatusCode == 0)
            {
                return api.RequestId == null
                    ? "The service or the network failed; retry later."
                    : "The service or the network failed; retry later. Quote the request id if you contact support.";
            }

            return "Correct the request as the message says and try again.";
        }
    }
}
