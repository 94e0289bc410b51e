using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace NomosMeters.Sandbox.Nomos
{
    /// <summary>
    /// The body of <c>POST /meter-readings</c>, validated as the spec's <c>InsertMeterReading</c> plus <c>subscription</c>:
    /// <c>subscription</c> (string), <c>value</c> (number, kWh, greater than 0) and <c>timestamp</c> (date-time) required,
    /// <c>message</c> (string of at most 500 characters) optional, nothing else.
    /// </summary>
    internal sealed class CreateMeterReadingBody
    {
        public const int MaxMessageLength = 500;

        private static readonly string[] Fields = { "subscription", "value", "timestamp", "message" };

        private CreateMeterReadingBody(string subscription, decimal value, DateTimeOffset timestamp, string? message)
        {
            Subscription = subscription;
            Value = value;
            Timestamp = timestamp;
            Message = message;
        }

        public string Subscription { get; }

        public decimal Value { get; }

        public DateTimeOffset Timestamp { get; }

        public string? Message { get; }

        /// <summary>Reads the body, or throws a 400 listing every problem (as the API's schema validation does).</summary>
        public static async Task<CreateMeterReadingBody> ReadAsync(HttpContent? content, CancellationToken cancellationToken)
        {
            using var document = await JsonBody.ReadJsonObjectAsync(content, cancellationToken).ConfigureAwait(false);
            var root = document.RootElement;
            var errors = new List<FieldError>();
            JsonBody.RefuseUnknownKeys(root, Fields, errors);
            var subscription = JsonBody.ReadString(root, "subscription", required: true, errors);
            var value = ReadValue(root, errors);
            var timestampText = JsonBody.ReadString(root, "timestamp", required: true, errors);
            var timestamp = default(DateTimeOffset);
            if (timestampText != null && !IsoDateTime.TryParse(timestampText, out timestamp))
            {
                errors.Add(new FieldError("invalid_format", "timestamp", $"Invalid datetime: expected {IsoDateTime.Expected}"));
            }

            var message = JsonBody.ReadString(root, "message", required: false, errors);
            if (message != null && message.Length > MaxMessageLength)
            {
                errors.Add(new FieldError("too_big", "message", $"String must contain at most {MaxMessageLength} character(s)"));
            }

            if (errors.Count > 0)
            {
                throw NomosProblem.Invalid(HttpStatusCode.BadRequest, errors.ToArray());
            }

            return new CreateMeterReadingBody(subscription!, value, timestamp, message);
        }

        private static decimal ReadValue(JsonElement root, List<FieldError> errors)
        {
            if (!root.TryGetProperty("value", out var value))
            {
                errors.Add(new FieldError("invalid_type", "value", "Required"));
                return 0;
            }

            if (value.ValueKind != JsonValueKind.Number)
            {
                errors.Add(new FieldError("invalid_type", "value", $"Expected number, received {JsonBody.KindName(value.ValueKind)}"));
                return 0;
            }

            if (!value.TryGetDecimal(out var number))
            {
                errors.Add(new FieldError("too_big", "value", "Number is too large"));
                return 0;
            }

            if (number <= 0)
            {
                errors.Add(new FieldError("too_small", "value", "Number must be greater than 0"));
            }

            return number;
        }
    }
}
