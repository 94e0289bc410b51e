using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Text.Json;
using NomosMeters.Client.Enrollments;
using NomosMeters.Client.Json;
using NomosMeters.Models.Enrollments;
using NomosMeters.Session;

namespace NomosMeters.Commands
{
    /// <summary>
    /// A search of the enrollment API's meters, whatever record it returns (enrollments, details): both searches take
    /// the same <c>MeterFilterRequest</c>, so every filter is a parameter here, with its validation, the request built
    /// from them, paging and the resume token bound to them. Search-MeterEnrollment and Search-MeterDetail derive from it.
    /// </summary>
    /// <typeparam name="T">The record the search returns.</typeparam>
    public abstract class MeterSearchCmdlet<T> : NomosServiceCmdlet
        where T : MeterRecord
    {
        private readonly List<Guid> _pipedMeterIds = new List<Guid>();

        /// <summary>Gets or sets the transmission region to search in.</summary>
        [Parameter]
        [ValidateSet("CAISO", "ERCOT", "NYISO", "ISONE", "PJM", "SERC", "WECC_SW", "WECC_PC")]
        public string? TransmissionRegion { get; set; }

        /// <summary>Gets or sets RESIDENTIAL (home) or COMMERCIAL (business).</summary>
        [Parameter]
        [ValidateSet("RESIDENTIAL", "COMMERCIAL")]
        public string? CustomerClassification { get; set; }

        /// <summary>Gets or sets the meter ids to search for; accepts pipeline input. More than 1000 are split into several searches.</summary>
        [Parameter(ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [MeterId]
        public Guid[]? MeterId { get; set; }

        /// <summary>Gets or sets the partner references to search for (up to 1000).</summary>
        [Parameter]
        [ValidateCount(1, 1000)]
        [PartnerReference]
        public string[]? PartnerReference { get; set; }

        /// <summary>Gets or sets the global enrollment statuses to search for (up to 5).</summary>
        [Parameter]
        [ValidateCount(1, 5)]
        [ValidateSet("ACTIVE", "ELIGIBLE", "INELIGIBLE", "NOT_PARTICIPATING", "PENDING")]
        public string[]? GlobalEnrollmentStatus { get; set; }

        /// <summary>Gets or sets the meter types to search for.</summary>
        [Parameter]
        [ValidateCount(1, 20)]
        [ValidateSet("UTILITY_METER", "SUBMETER", "DEVICE")]
        public string[]? MeterType { get; set; }

        /// <summary>Gets or sets the load types to search for (up to 20).</summary>
        [Parameter]
        [ValidateCount(1, 20)]
        [ValidateSet("HVAC", "EV_CHARGING", "BATTERY_STORAGE", "COLD_STORAGE", "PUMPING", "WATER_HEATING", "BUILDING_AUTOMATION", "GENERATION", "MANUFACTURING", "LIGHTING", "OTHER")]
        public string[]? LoadType { get; set; }

        /// <summary>Gets or sets the customer groups to search for (up to 20).</summary>
        [Parameter]
        [ValidateCount(1, 20)]
        [ValidateNotNullOrEmpty]
        public string[]? CustomerGroup { get; set; }

        /// <summary>Gets or sets the tags to search for (up to 20).</summary>
        [Parameter]
        [ValidateCount(1, 20)]
        [ValidateNotNullOrEmpty]
        public string[]? Tag { get; set; }

        /// <summary>Gets or sets a time: only meters modified after it are returned (for incremental sync).</summary>
        [Parameter]
        public DateTimeOffset? ModifiedAfter { get; set; }

        /// <summary>Gets or sets a time: only meters created after it are returned.</summary>
        [Parameter]
        public DateTimeOffset? CreatedAfter { get; set; }

        /// <summary>Gets or sets a time: only meters created before it are returned.</summary>
        [Parameter]
        public DateTimeOffset? CreatedBefore { get; set; }

        /// <summary>Gets or sets whether to return only meters that need an action from the partner.</summary>
        [Parameter]
        public SwitchParameter PartnerActionRequired { get; set; }

        /// <summary>Gets or sets whether to leave archived meters out (they are included by default).</summary>
        [Parameter]
        public SwitchParameter ExcludeArchived { get; set; }

        /// <summary>Gets or sets the connection reference ids (completed authorizations) to search for (up to 100).</summary>
        [Parameter]
        [ValidateCount(1, 100)]
        [PartnerReference]
        public string[]? ConnectionReferenceId { get; set; }

        /// <summary>Gets or sets the required-action types to search for (up to 20).</summary>
        [Parameter]
        [ValidateCount(1, 20)]
        [ValidateSet("IS_AUTHORIZED", "DOCUMENTS_SIGNED", "HAS_AMI", "NOT_ENROLLED_IN_CONFLICTING_PROGRAM", "PARTICIPATING", "HAS_MARKET_REGISTRATION", "NO_MISSING_FIELDS", "GENERATOR", "ADDRESS", "HAS_NOMINATIONS", "HAS_BIDDING_STRATEGY", "IS_ELIGIBLE", "IS_ASSIGNED_TO_A_RESOURCE", "MEETS_EXTRA_PROGRAM_REQUIREMENTS")]
        public string[]? ActionType { get; set; }

        /// <summary>Gets or sets how many meters to request per page (1 to 500, the API maximum and the default).</summary>
        [Parameter]
        [ValidateRange(1, MeterFilterRequest.MaxPageSize)]
        public int PageSize { get; set; } = MeterFilterRequest.MaxPageSize;

        /// <summary>
        /// Gets or sets where a search that stopped goes on: the token its error showed, with the same filters (and the
        /// same meter ids, when they were piped in).
        /// </summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? ResumeToken { get; set; }

        /// <summary>Gets what the search lists, for messages, e.g. <c>meter enrollments</c>.</summary>
        internal abstract string NounPlural { get; }

        /// <summary>The client of the records this cmdlet searches.</summary>
        internal abstract MeterRecordClient<T> ClientOf(EnrollmentServiceConnection enrollment);

        /// <inheritdoc/>
        protected override void BeginProcessing()
        {
            if (CreatedAfter.HasValue && CreatedBefore.HasValue && CreatedAfter >= CreatedBefore)
            {
                ThrowTerminatingError(ErrorRecords.InvalidArgument(
                    "NomosMeters.InvalidDateRange",
                    $"-CreatedAfter ({CreatedAfter:o}) must be earlier than -CreatedBefore ({CreatedBefore:o}).",
                    null,
                    "Swap the two dates or widen the range."));
            }
        }

        /// <inheritdoc/>
        protected override void ProcessRecord()
        {
            if (MeterId != null)
            {
                _pipedMeterIds.AddRange(MeterId);
            }
        }

        /// <inheritdoc/>
        protected override void EndProcessing()
        {
            var enrollment = RequireEnrollment();
            if (AskedForIdsButGotNone(nameof(MeterId), _pipedMeterIds.Count))
            {
                base.EndProcessing();
                return;
            }

            var range = RequestedRange();
            var filter = BuildFilter();
            // The API binds its page tokens to the filters; so is ours, to the filters and the page size as sent.
            var filters = JsonSerializer.Serialize(filter, NomosJsonContext.Default.MeterFilterRequest);
            var cursor = ReadResumeToken(ResumeToken, filters);
            if (cursor != null && filter.MeterIds?.Count > MeterFilterRequest.MaxMeterIds)
            {
                ThrowTerminatingError(ErrorRecords.InvalidArgument(
                    "NomosMeters.InvalidResumeToken",
                    "-ResumeToken goes on with one search, and more than 1,000 meter ids take several.",
                    ResumeToken,
                    "Run the command again without -ResumeToken."));
            }

            // A page token goes on with one search: more than 1,000 ids take several, and their failure advises -Skip.
            var resume = filter.MeterIds?.Count > MeterFilterRequest.MaxMeterIds
                ? null
                : new ListResume(this, filters, cursor != null, MyInvocation.ExpectingInput ? nameof(MeterId) : null);
            WriteStream(ClientOf(enrollment).SearchAsync(filter, range, Context, cursor), NounPlural, resume);
            base.EndProcessing();
        }

        private MeterFilterRequest BuildFilter() => new MeterFilterRequest
        {
            PageSize = PageSize,
            TransmissionRegion = TransmissionRegion?.ToUpperInvariant(),
            CustomerClassification = CustomerClassification?.ToUpperInvariant(),
            MeterIds = _pipedMeterIds.Count == 0 ? null : _pipedMeterIds.Distinct().ToList(),
            PartnerReferences = Distinct(PartnerReference, upper: false),
            GlobalEnrollmentStatuses = Distinct(GlobalEnrollmentStatus, upper: true),
            MeterTypes = Distinct(MeterType, upper: true),
            LoadTypes = Distinct(LoadType, upper: true),
            CustomerGroups = Distinct(CustomerGroup, upper: false),
            Tags = Distinct(Tag, upper: false),
            LastModifiedDateTime = ModifiedAfter?.ToUniversalTime(),
            CreatedAfterDateTime = CreatedAfter?.ToUniversalTime(),
            CreatedBeforeDateTime = CreatedBefore?.ToUniversalTime(),
            PartnerActionRequired = PartnerActionRequired ? true : (bool?)null,
            ExcludeArchived = ExcludeArchived ? true : (bool?)null,
            ConnectionReferenceIds = Distinct(ConnectionReferenceId, upper: false),
            ActionType = Distinct(ActionType, upper: true),
        };

        // The API wants unique items and its enum spellings (upper case); ValidateSet already accepted any case.
        private static List<string>? Distinct(string[]? values, bool upper)
            => values == null || values.Length == 0 ? null : values.Select(v => upper ? v.ToUpperInvariant() : v).Distinct(StringComparer.Ordinal).ToList();
    }
}
