using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using NomosMeters.Client.Json;
using NomosMeters.Client.Nomos;
using NomosMeters.Client.Paging;
using NomosMeters.Models;
using NomosMeters.Session;

namespace NomosMeters.Commands
{
    /// <summary>
    /// <para type="synopsis">Gets meter readings from the Nomos API, newest first, streamed page by page: of the subscriptions given or piped in (in batches), or of all.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "MeterReading", SupportsPaging = true)]
    [OutputType(typeof(MeterReading))]
    public sealed class GetMeterReadingCommand : NomosServiceCmdlet
    {
        // Many subscriptions from the pipeline go into one list request each batch, as many as a URL safely carries.
        private readonly InputBatch<string> _batch = new InputBatch<string>(
            MeterReadingQuery.MaxSubscriptionsPerRequest, MeterReadingQuery.FilterLength, MeterReadingQuery.MaxSubscriptionFilterLength);

        private readonly HashSet<string> _seen = new HashSet<string>(StringComparer.Ordinal);
        private NomosServiceConnection? _nomos;
        private RangeProgress _range = new RangeProgress(PageRange.All);
        private List<string>? _types;

        /// <summary>
        /// Gets or sets the subscription ids (prefix <c>sub_</c>) whose readings to get; accepts pipeline input by value and
        /// by the property name Subscription or SubscriptionId, such as meter orders from Get-MeterOrder.
        /// </summary>
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("SubscriptionId")]
        [AllowEmptyString]
        [SubscriptionId]
        public string[]? Subscription { get; set; }

        /// <summary>Gets or sets the reading types to get (customer_report, grid_reading, grid_estimation); several are combined with OR.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(MeterReadingTypeCompleter))]
        public string[]? Type { get; set; }

        /// <summary>Gets or sets a time: only readings recorded at or after it are returned.</summary>
        [Parameter]
        [InvariantTimestamp]
        public DateTimeOffset? CreatedAfter { get; set; }

        /// <summary>Gets or sets a time: only readings recorded at or before it are returned.</summary>
        [Parameter]
        [InvariantTimestamp]
        public DateTimeOffset? CreatedBefore { get; set; }

        /// <summary>Gets or sets how many readings to request per page (1 to 100, the API maximum and the default).</summary>
        [Parameter]
        [ValidateRange(1, MeterReadingQuery.MaxPageSize)]
        public int PageSize { get; set; } = MeterReadingQuery.MaxPageSize;

        /// <summary>
        /// Gets or sets where a list that stopped goes on: the token its error showed, with the same filters. Nothing is
        /// repeated or skipped, even when readings were recorded in between.
        /// </summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? ResumeToken { get; set; }

        /// <inheritdoc/>
        protected override void BeginProcessing()
        {
            if (CreatedAfter > CreatedBefore)
            {
                ThrowTerminatingError(ErrorRecords.InvalidArgument(
                    "NomosMeters.InvalidDateRange",
                    $"-CreatedAfter ({CreatedAfter:o}) must not be later than -CreatedBefore ({CreatedBefore:o}).",
                    null,
                    "Swap the two dates or widen the range."));
            }

            if (ResumeToken != null && MyInvocation.ExpectingInput)
            {
                ThrowTerminatingError(ErrorRecords.InvalidArgument(
                    "NomosMeters.InvalidResumeToken",
                    "-ResumeToken goes on with one list, and subscriptions from the pipeline are listed in batches, a list each.",
                    ResumeToken,
                    "Run the command again without -ResumeToken, or with -Skip as the error that stopped the list said."));
            }

            _types = KnownTypes();
            _nomos = RequireNomos();
            _range = new RangeProgress(RequestedRange());
        }

        /// <inheritdoc/>
        protected override void ProcessRecord()
        {
            if (Subscription == null)
            {
                return;
            }

            var batches = _batch.Add(Subscription.Select(Valid).Where(id => id != null && _seen.Add(id)).Select(id => id!)).ToList();
            if (!MyInvocation.ExpectingInput)
            {
                // Given as a parameter, all ids are here.
                var rest = _batch.TakeRest();
                if (rest.Count > 0)
                {
                    batches.Add(rest);
                }
            }

            // A list of one batch of all the ids can go on exactly where it stopped.
            var resumable = !MyInvocation.ExpectingInput && batches.Count == 1;
            foreach (var batch in batches)
            {
                List(batch, resumable);
            }
        }

        /// <inheritdoc/>
        protected override void EndProcessing()
        {
            var rest = _batch.TakeRest();
            if (rest.Count > 0)
            {
                List(rest, resumable: false);
            }
            else if (!AskedForIdsButGotNone(nameof(Subscription), _seen.Count) && _seen.Count == 0)
            {
                List(null, resumable: true);
            }

            base.EndProcessing();
        }

        // One list: the readings of these subscriptions (null: of all), newest first, within what -Skip and -First leave.
        private void List(IReadOnlyList<string>? subscriptions, bool resumable)
        {
            if (_range.IsSatisfied)
            {
                return;
            }

            var query = new MeterReadingQuery
            {
                Types = _types,
                Subscriptions = subscriptions,
                CreatedFrom = CreatedAfter?.ToUniversalTime(),
                CreatedTo = CreatedBefore?.ToUniversalTime(),
                PageSize = PageSize,
            };
            ListResume? resume = null;
            string? cursor = null;
            if (resumable)
            {
                var filters = Filters(query);
                cursor = ReadResumeToken(ResumeToken, filters);
                resume = new ListResume(this, filters, cursor != null);
            }
            else if (ResumeToken != null)
            {
                ThrowTerminatingError(ErrorRecords.InvalidArgument(
                    "NomosMeters.InvalidResumeToken",
                    $"-ResumeToken goes on with one list, and more than {MeterReadingQuery.MaxSubscriptionsPerRequest} subscriptions take several.",
                    ResumeToken,
                    "Run the command again without -ResumeToken, or with -Skip as the error that stopped the list said."));
            }

            var before = _range.Written;
            var readings = _nomos!.MeterReadings.ListAsync(query, _range.ToFetch, Context, cursor);
            WriteStream(CursorPager.Slice(readings, _range, Context.CancellationToken), "meter readings", resume, before);
        }

        // The id to look up, or null (with an error written) for one that cannot be a subscription id.
        private string? Valid(string? id)
            => IdOfKind(id, "sub_", nameof(Subscription), "or pipe in meter orders from Get-MeterOrder", "NomosMeters.InvalidSubscription");

        // The types as the API spells them. One the module does not know is sent as given, with a warning: the API may
        // have added it, and a typo would otherwise return nothing without a word.
        private List<string>? KnownTypes()
        {
            if (Type == null)
            {
                return null;
            }

            var types = new List<string>();
            foreach (var given in Type.Select(t => t.Trim()))
            {
                var known = MeterReadingType.All.FirstOrDefault(t => string.Equals(t, given, StringComparison.OrdinalIgnoreCase));
                if (known == null)
                {
                    WriteWarning(
                        $"-Type '{given}' is not a meter-reading type this module knows ({string.Join(", ", MeterReadingType.All)}). " +
                        "It is sent as given: a type the API does not have matches no reading.");
                }

                var type = known ?? given;
                if (!types.Contains(type))
                {
                    types.Add(type);
                }
            }

            return types;
        }

        private static string Filters(MeterReadingQuery query)
            => ResumeFilters.Of(
                ("type", query.Types),
                ("subscription", query.Subscriptions),
                ("created_at_gte", query.CreatedFrom.HasValue ? new[] { TimestampParser.Format(query.CreatedFrom.Value) } : null),
                ("created_at_lte", query.CreatedTo.HasValue ? new[] { TimestampParser.Format(query.CreatedTo.Value) } : null),
                ("limit", new[] { query.PageSize.ToString(CultureInfo.InvariantCulture) }));
    }
}
