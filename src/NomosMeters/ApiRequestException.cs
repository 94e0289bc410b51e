using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace NomosMeters
{
    /// <summary>
    /// A request to the Nomos API or the enrollment API that failed: answered with an error, not answered at all
    /// (connection failure, timeout), or answered with something that could not be used. Carries everything needed
    /// to act on it: the service, the status, the API's error code and message, the request id to quote to support.
    /// </summary>
    public sealed class ApiRequestException : Exception
    {
        internal ApiRequestException(
            string service,
            int statusCode,
            string code,
            string apiMessage,
            string? requestId = null,
            string? docs = null,
            IReadOnlyList<NomosFieldError>? fieldErrors = null,
            string? method = null,
            string? requestPath = null,
            Exception? innerException = null)
            : base(Compose(service, statusCode, code, apiMessage, requestId, fieldErrors, method, requestPath), innerException)
        {
            Service = service;
            StatusCode = statusCode;
            Code = code;
            ApiMessage = apiMessage;
            RequestId = requestId;
            Docs = docs;
            FieldErrors = fieldErrors ?? Array.Empty<NomosFieldError>();
            Method = method;
            RequestPath = requestPath;
        }

        /// <summary>Gets which API answered: <c>Nomos</c> or <c>Enrollment</c>.</summary>
        public string Service { get; }

        /// <summary>Gets the HTTP status code (0 when no response arrived).</summary>
        public int StatusCode { get; }

        /// <summary>Gets the API's error code, e.g. <c>NOT_FOUND</c>; <c>INVALID_RESPONSE</c> for an unusable answer.</summary>
        public string Code { get; }

        /// <summary>Gets the API's own message.</summary>
        public string ApiMessage { get; }

        /// <summary>Gets the request id the API assigned, to quote to its support.</summary>
        public string? RequestId { get; }

        /// <summary>Gets the documentation link the API sent for this error.</summary>
        public string? Docs { get; }

        /// <summary>Gets the per-field problems the API listed.</summary>
        public IReadOnlyList<NomosFieldError> FieldErrors { get; }

        /// <summary>Gets the HTTP method of the failed request.</summary>
        public string? Method { get; }

        /// <summary>Gets the path and query of the failed request.</summary>
        public string? RequestPath { get; }

        /// <summary>Gets how long the server asked to wait before a retry (Retry-After or ratelimit-reset), when it said.</summary>
        public TimeSpan? RetryAfter { get; internal set; }

        /// <summary>Gets how many attempts were made before this error was reported.</summary>
        public int Attempts { get; internal set; } = 1;

        /// <summary>Gets whether the request provably never reached the server (no connection could be made), so repeating it is safe.</summary>
        internal bool NotSent { get; set; }

        /// <summary>
        /// Gets whether the server may have carried the request out although it failed: it was sent, and then no answer
        /// came (a timeout, a broken connection), the server failed (5xx), or its success answer could not be read. A 4xx
        /// is a refusal, and a request that never left cannot have acted. For a POST, whether what it creates may exist.
        /// </summary>
        internal bool MayHaveActed => !NotSent && (StatusCode == 0 || StatusCode >= 500 || (StatusCode >= 200 && StatusCode < 300));

        /// <summary>
        /// Gets, when a page of a list failed, the cursor (Nomos) or page token (enrollments) that asks for that page
        /// again: a list resumed there neither repeats nor skips an object. Null when its first page failed.
        /// </summary>
        internal string? ResumeCursor { get; set; }

        /// <summary>
        /// Gets, for a 401, how the refused credential was given when it cannot be renewed: <c>AccessToken</c> (from
        /// -AccessToken) or <c>ApiKey</c> (the enrollment key); null when it renews itself or the error is another.
        /// </summary>
        internal string? RefusedFixedCredential { get; set; }

        /// <summary>
        /// Gets the stable PowerShell error id for this error, e.g. <c>NomosMeters.NotFound</c>; a business rule the
        /// API names (e.g. <c>duplicate_meter_order</c>) is more telling than its status, so it wins:
        /// <c>NomosMeters.DuplicateMeterOrder</c>.
        /// </summary>
        public string ErrorId => "NomosMeters." + ToPascalCase(BusinessCode ?? Code);

        /// <summary>Gets the business rule the API reports as broken (a field error code from the spec's business list), or null.</summary>
        public string? BusinessCode => FieldErrors.Select(e => e.Code).FirstOrDefault(c => c != null && BusinessCodes.Contains(c));

        // The business error codes of the Nomos API spec; validation codes (invalid_type, too_small, ...) stay under the status.
        private static readonly HashSet<string> BusinessCodes = new HashSet<string>(StringComparer.Ordinal)
        {
            "unserviceable_zip", "ended_subscription", "duplicate_grid_reduction", "missing_smart_meter", "missing_module_1",
            "unsupported_product", "unsupported_meter_order", "duplicate_meter_order", "unsupported_meter",
            "out_of_period_meter_reading", "unsupported_meter_reading", "duplicate_meter_reading", "implausible_meter_reading",
            "duplicate_customer_email", "invalid_iban", "upgrade_api_version", "withdrawal_not_allowed",
            "invalid_termination_date", "subscription_not_started",
        };

        internal static string ToPascalCase(string code)
        {
            var builder = new StringBuilder(code.Length);
            foreach (var part in code.Split(new[] { '_', '-', ' ', '.' }, StringSplitOptions.RemoveEmptyEntries))
            {
                builder.Append(char.ToUpperInvariant(part[0]));
                builder.Append(part.Substring(1).ToLowerInvariant());
            }

            return builder.Length == 0 ? "Unknown" : builder.ToString();
        }

        private static string Compose(
            string service,
            int statusCode,
            string code,
            string apiMessage,
            string? requestId,
            IReadOnlyList<NomosFieldError>? fieldErrors,
            string? method,
            string? requestPath)
        {
            var text = new StringBuilder(apiMessage.TrimEnd('.'));

            // Said once: a field error the API's message already contains is not repeated after it.
            var extra = fieldErrors?.Where(e => string.IsNullOrEmpty(e.Message) || apiMessage.IndexOf(e.Message.TrimEnd('.'), StringComparison.Ordinal) < 0).ToList();
            if (extra != null && extra.Count > 0)
            {
                text.Append(": ").Append(string.Join("; ", extra.Select(e => e.ToString())));
            }

            text.Append(". (").Append(service).Append(" API");
            if (statusCode > 0)
            {
                text.Append(", HTTP ").Append(statusCode);
            }

            text.Append(' ').Append(code);
            if (method != null && requestPath != null)
            {
                text.Append(", ").Append(method).Append(' ').Append(requestPath);
            }

            if (!string.IsNullOrEmpty(requestId))
            {
                text.Append(", request id ").Append(requestId);
            }

            return text.Append(')').ToString();
        }
    }

    /// <summary>One per-field problem of an API error (<c>errors[]</c>).</summary>
    public sealed class NomosFieldError
    {
        internal NomosFieldError(string? code, string? field, string? message)
        {
            Code = code ?? string.Empty;
            Field = field ?? string.Empty;
            Message = message ?? string.Empty;
        }

        /// <summary>Gets the machine-readable code, e.g. <c>duplicate_meter_order</c>.</summary>
        public string Code { get; }

        /// <summary>Gets the dotted path of the field at fault (empty for the request as a whole).</summary>
        public string Field { get; }

        /// <summary>Gets the API's message.</summary>
        public string Message { get; }

        /// <inheritdoc/>
        public override string ToString()
        {
            var text = string.IsNullOrEmpty(Field) ? Message : $"{Field}: {Message}";
            return string.IsNullOrEmpty(Code) ? text : $"{text} [{Code}]";
        }
    }
}
