using System;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using NomosMeters.Client.Json;
using NomosMeters.Client.Nomos;
using NomosMeters.Models;

namespace NomosMeters.Commands
{
    /// <summary>
    /// <para type="synopsis">Records a meter reading for a subscription (POST /meter-readings), such as one a customer reported, and returns it.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.New, "MeterReading", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(MeterReading))]
    public sealed class NewMeterReadingCommand : NomosServiceCmdlet
    {
        /// <summary>The spec's limit on <c>message</c>.</summary>
        internal const int MaxMessageLength = 500;

        /// <summary>
        /// Gets or sets the id of the subscription (prefix <c>sub_</c>) whose active meter was read. Accepts plain ids and
        /// objects with a Subscription or SubscriptionId property from the pipeline, such as rows of Import-Csv.
        /// </summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("SubscriptionId")]
        [AllowEmptyString]
        [SubscriptionId]
        public string Subscription { get; set; } = string.Empty;

        /// <summary>Gets or sets the meter's cumulative count in kWh, greater than 0. Text is read with a dot for decimals on every machine.</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [InvariantNumber]
        [AllowNull]
        public decimal? Value { get; set; }

        /// <summary>Gets or sets when the meter was read; the API records it for the start of that day in Europe/Berlin. Text must be ISO 8601.</summary>
        [Parameter(Mandatory = true, Position = 2, ValueFromPipelineByPropertyName = true)]
        [InvariantTimestamp]
        [AllowNull]
        public DateTimeOffset? Timestamp { get; set; }

        /// <summary>Gets or sets a note to go with the reading, at most 500 characters.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [AllowNull]
        [AllowEmptyString]
        public string? Message { get; set; }

        /// <inheritdoc/>
        protected override void ProcessRecord()
        {
            var subscription = (Subscription ?? string.Empty).Trim();
            var message = string.IsNullOrEmpty(Message) ? null : Message;
            var target = Target(subscription, message);
            if (!IsValid(subscription, message, target))
            {
                return;
            }

            var nomos = RequireNomos();
            var taken = TimestampParser.Format(Timestamp!.Value);
            if (!ShouldProcess($"subscription {subscription}", $"Record a meter reading of {Value!.Value.ToString(CultureInfo.InvariantCulture)} kWh taken at {taken}"))
            {
                return;
            }

            var reading = new InsertMeterReadingBody { Subscription = subscription, Value = Value.Value, Timestamp = Timestamp.Value.ToUniversalTime(), Message = message };
            var sent = nomos.Transport.Options.Time.GetUtcNow();

            // One subscription whose reading is refused (unknown, ended, a day ahead) must not stop the others.
            ForItem(target, () => WriteObject(Await(nomos.MeterReadings.CreateAsync(reading, Context))), (record, ex) => SayWhetherRecorded(record, ex, subscription, sent));
        }

        // Everything wrong with the input, in one error per reading, before any request.
        private bool IsValid(string subscription, string? message, PSObject target)
        {
            var problems = new List<string>();
            if (subscription.Length == 0)
            {
                problems.Add("the subscription id is empty");
            }
            else if (NomosIdKind.WrongKind(subscription, "sub_") is string wrongKind)
            {
                problems.Add(wrongKind.TrimEnd('.'));
            }

            if (Value == null)
            {
                problems.Add("there is no value");
            }
            else if (Value <= 0)
            {
                problems.Add($"the value must be greater than 0 kWh, not {Value.Value.ToString(CultureInfo.InvariantCulture)}");
            }

            if (Timestamp == null)
            {
                problems.Add("there is no timestamp");
            }

            if (message != null && message.Length > MaxMessageLength)
            {
                problems.Add($"the message has {message.Length} characters, more than the {MaxMessageLength} the API takes");
            }

            if (problems.Count == 0)
            {
                return true;
            }

            var who = subscription.Length == 0 ? "A meter reading" : $"The meter reading for {subscription}";
            WriteError(ErrorRecords.InvalidArgument(
                "NomosMeters.InvalidMeterReading",
                $"{who} was not sent: {string.Join("; ", problems)}.",
                target,
                "Give -Subscription (sub_...), -Value (kWh, greater than 0, such as 1234.5) and -Timestamp (such as 2026-11-28 or 2026-11-28T08:00:00+01:00), and at most 500 characters of -Message; in a CSV file, columns of these names."));
            return false;
        }

        // The API cannot say whether a failed POST recorded the reading; the error must, since the POST is never repeated by itself.
        private static void SayWhetherRecorded(ErrorRecord record, ApiRequestException ex, string subscription, DateTimeOffset sent)
        {
            var details = record.ErrorDetails ?? new ErrorDetails(ex.Message);
            if (!ex.MayHaveActed)
            {
                record.ErrorDetails = new ErrorDetails($"{details.Message} The reading was not recorded.") { RecommendedAction = details.RecommendedAction };
                return;
            }

            var since = TimestampParser.Format(sent.AddMinutes(-2));
            record.ErrorDetails = new ErrorDetails($"{details.Message} The reading may have been recorded: the request failed after it reached the API, and it is not sent again by itself.")
            {
                RecommendedAction = $"Check before sending it again: Get-MeterReading -Subscription {subscription} -Type {MeterReadingType.CustomerReport} -CreatedAfter '{since}'",
            };
        }

        // The reading as given, as the error's target: culture-free text, so failed rows export to a CSV that imports again.
        private PSObject Target(string subscription, string? message)
        {
            var target = new PSObject();
            target.Properties.Add(new PSNoteProperty(nameof(Subscription), subscription));
            target.Properties.Add(new PSNoteProperty(nameof(Value), Value?.ToString(CultureInfo.InvariantCulture)));
            target.Properties.Add(new PSNoteProperty(nameof(Timestamp), Timestamp.HasValue ? Timestamp.Value.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture) : null));
            target.Properties.Add(new PSNoteProperty(nameof(Message), message));
            return target;
        }
    }
}
