using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using NomosMeters.Client.Enrollments;
using NomosMeters.Models.Enrollments;
using NomosMeters.Session;
using NomosMeters.Session.Settings;

namespace NomosMeters.Commands
{
    /// <summary>
    /// Gets meter records of the enrollment API by meter id, whatever the record (enrollments, details): one id is one
    /// GET; many ids from the pipeline are looked up in batched searches of up to 1,000, not one request each, and
    /// every id the API does not know is a non-terminating error of its own, worded the same however it was asked
    /// for. Get-MeterEnrollment and Get-MeterDetail derive from it.
    /// </summary>
    /// <typeparam name="T">The record the cmdlet gets.</typeparam>
    public abstract class MeterLookupCmdlet<T> : NomosServiceCmdlet
        where T : MeterRecord
    {
        private readonly InputBatch<Guid> _batch = new InputBatch<Guid>(MeterFilterRequest.MaxMeterIds);

        /// <summary>Gets or sets the meter ids; accepts pipeline input by value and by the property name MeterId.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [MeterId]
        public Guid[] MeterId { get; set; } = new Guid[0];

        /// <summary>
        /// Gets or sets how many requests (searches of up to 1,000 ids, or single lookups) run at once (1 to 64; default:
        /// the connection's ThrottleLimit). The records still come out in input order.
        /// </summary>
        [Parameter]
        [ValidateRange(SettingLimits.ThrottleLimitMin, SettingLimits.ThrottleLimitMax)]
        public int ThrottleLimit { get; set; }

        /// <summary>Gets the cmdlet that finds meters when an id is unknown, for the error's advice.</summary>
        internal abstract string SearchCommand { get; }

        /// <summary>The client of the records this cmdlet gets.</summary>
        internal abstract MeterRecordClient<T> ClientOf(EnrollmentServiceConnection enrollment);

        /// <inheritdoc/>
        protected override void ProcessRecord()
        {
            // Ids wait until one search's worth has come (or the input ends).
            foreach (var ids in _batch.Add(MeterId))
            {
                Send(ids);
            }
        }

        /// <inheritdoc/>
        protected override void EndProcessing()
        {
            Send(_batch.TakeRest());
            base.EndProcessing();
        }

        private void Send(IReadOnlyList<Guid> ids)
        {
            if (ids.Count == 0)
            {
                return;
            }

            // Each batch is one search (one GET for a lone id), several in flight at once; they do not depend on each other.
            var enrollment = RequireEnrollment();
            var client = ClientOf(enrollment);
            var limit = ThrottleLimitFor(enrollment, ThrottleLimit);
            if (ids.Count == 1)
            {
                var id = ids[0];
                ForItemInFlight(id, limit, () => GetOneAsync(client, id), record =>
                {
                    if (record != null)
                    {
                        WriteObject(record);
                    }
                    else
                    {
                        // Worded as for a miss in a batched lookup: one id or many, the same error.
                        WriteError(NotFound(id));
                    }
                });
            }
            else
            {
                ForItemInFlight(ids.ToArray(), limit, () => client.LookUpAsync(ids, Context), WriteLooked, (record, _) => DescribeFailedSearch(record, ids.Count));
            }
        }

        private async Task<T?> GetOneAsync(MeterRecordClient<T> client, Guid id)
        {
            try
            {
                return await client.GetAsync(id, Context).ConfigureAwait(false);
            }
            catch (ApiRequestException ex) when (ex.StatusCode == 404)
            {
                return null;
            }
        }

        // A failed search says nothing about which of its ids exist: none is written, and the error holds them all, so
        // they can be tried again; the other searches go on.
        private void DescribeFailedSearch(ErrorRecord record, int count)
        {
            var details = record.ErrorDetails;
            record.ErrorDetails = new ErrorDetails($"{details?.Message ?? record.Exception.Message} The search for {count} meter ids failed: none of them was written.")
            {
                RecommendedAction = $"The error's TargetObject holds the ids: $Error[0].TargetObject | {MyInvocation.MyCommand.Name} tries them again.",
            };
        }

        // Results come back in input order, misses as per-id errors.
        private void WriteLooked(IReadOnlyList<KeyValuePair<Guid, T?>> looked)
        {
            foreach (var pair in looked)
            {
                if (pair.Value != null)
                {
                    WriteObject(pair.Value);
                }
                else
                {
                    WriteError(NotFound(pair.Key));
                }
            }
        }

        private ErrorRecord NotFound(Guid id)
        {
            var message = $"Meter '{id}' was not found in the enrollment API.";
            return new ErrorRecord(new ItemNotFoundException(message), "NomosMeters.NotFound", ErrorCategory.ObjectNotFound, id)
            {
                ErrorDetails = new ErrorDetails(message) { RecommendedAction = $"Check the meter id; find meters with {SearchCommand}." },
            };
        }
    }
}
