using System;
using System.Collections.Generic;
using System.Management.Automation;
using NomosMeters.Client.Enrollments;
using NomosMeters.Models.Enrollments;
using NomosMeters.Session;

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

            var client = ClientOf(RequireEnrollment());
            if (ids.Count == 1)
            {
                GetOne(client, ids[0]);
            }
            else
            {
                GetMany(client, ids);
            }
        }

        private void GetOne(MeterRecordClient<T> client, Guid id)
            => ForItem(id, () =>
            {
                try
                {
                    WriteObject(Await(client.GetAsync(id, Context)));
                }
                catch (ApiRequestException ex) when (ex.StatusCode == 404)
                {
                    // Worded as for a miss in a batched lookup: one id or many, the same error.
                    WriteError(NotFound(id));
                }
            });

        // The client splits the ids into searches; results come back in input order, misses as per-id errors.
        private void GetMany(MeterRecordClient<T> client, IReadOnlyList<Guid> ids)
        {
            IReadOnlyList<KeyValuePair<Guid, T?>> looked;
            try
            {
                looked = Await(client.LookUpAsync(ids, Context));
            }
            catch (ApiRequestException ex)
            {
                // A failed search says nothing about which of its ids exist: nothing can be written for any of them.
                ThrowTerminatingError(ErrorRecords.From(ex, null));
                return;
            }

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
