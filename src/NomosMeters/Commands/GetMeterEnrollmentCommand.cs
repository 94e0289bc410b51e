using System;
using System.Collections.Generic;
using System.Management.Automation;
using NomosMeters.Client.Enrollments;
using NomosMeters.Client.Paging;
using NomosMeters.Models.Enrollments;
using NomosMeters.Session;

namespace NomosMeters.Commands
{
    /// <summary>
    /// <para type="synopsis">Gets the enrollment of meters by id. Many ids from the pipeline are looked up in batched searches, not one request each.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "MeterEnrollment")]
    [OutputType(typeof(MeterEnrollment))]
    public sealed class GetMeterEnrollmentCommand : NomosServiceCmdlet
    {
        private readonly InputBatch<Guid> _batch = new InputBatch<Guid>(EnrollmentClient.MaxMeterIdsPerSearch);

        /// <summary>Gets or sets the meter ids; accepts pipeline input by value and by the property name MeterId.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [MeterId]
        public Guid[] MeterId { get; set; } = new Guid[0];

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

            var enrollment = RequireEnrollment();
            if (ids.Count == 1)
            {
                GetOne(enrollment, ids[0]);
            }
            else
            {
                GetMany(enrollment, ids);
            }
        }

        private void GetOne(EnrollmentServiceConnection enrollment, Guid id)
            => ForItem(id, () =>
            {
                try
                {
                    WriteObject(Await(enrollment.Enrollments.GetAsync(id, Context)));
                }
                catch (ApiRequestException ex) when (ex.StatusCode == 404)
                {
                    // Worded as for a miss in a batched lookup: one id or many, the same error.
                    WriteError(NotFound(id));
                }
            });

        // The client splits the ids into searches; results come back in input order, misses as per-id errors.
        private void GetMany(EnrollmentServiceConnection enrollment, IReadOnlyList<Guid> ids)
        {
            IReadOnlyList<KeyValuePair<Guid, MeterEnrollment?>> looked;
            try
            {
                looked = Await(enrollment.Enrollments.LookUpAsync(ids, Context));
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

        private static ErrorRecord NotFound(Guid id)
        {
            var message = $"Meter '{id}' was not found in the enrollment API.";
            return new ErrorRecord(new ItemNotFoundException(message), "NomosMeters.NotFound", ErrorCategory.ObjectNotFound, id)
            {
                ErrorDetails = new ErrorDetails(message) { RecommendedAction = "Check the meter id; find meters with Search-MeterEnrollment." },
            };
        }
    }
}
