using System;
using System.Collections.Generic;
using System.Linq;
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
        private readonly List<Guid> _batch = new List<Guid>();

        /// <summary>Gets or sets the meter ids; accepts pipeline input by value and by the property name MeterId.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        public Guid[] MeterId { get; set; } = new Guid[0];

        /// <inheritdoc/>
        protected override void ProcessRecord()
        {
            _batch.AddRange(MeterId);
            if (_batch.Count >= EnrollmentClient.MaxMeterIdsPerSearch)
            {
                Flush();
            }
        }

        /// <inheritdoc/>
        protected override void EndProcessing()
        {
            Flush();
            base.EndProcessing();
        }

        private void Flush()
        {
            if (_batch.Count == 0)
            {
                return;
            }

            var ids = _batch.ToList();
            _batch.Clear();
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
        {
            try
            {
                WriteObject(Await(enrollment.Enrollments.GetAsync(id, Context)));
            }
            catch (ApiRequestException ex) when (!IsFatal(ex))
            {
                WriteError(ErrorRecords.From(ex, id));
            }
            catch (ApiRequestException ex)
            {
                ThrowTerminatingError(ErrorRecords.From(ex, id));
            }
        }

        // One search per (up to) 1000 ids; results come back in input order, misses as per-id errors.
        private void GetMany(EnrollmentServiceConnection enrollment, List<Guid> ids)
        {
            var filter = new MeterFilterRequest { MeterIds = ids.Distinct().ToList(), PageSize = EnrollmentClient.MaxPageSize };
            var found = new Dictionary<Guid, MeterEnrollment>();
            try
            {
                ForEach(enrollment.Enrollments.SearchAsync(filter, PageRange.All, Context), meter => found[meter.MeterId] = meter);
            }
            catch (ApiRequestException ex)
            {
                ThrowTerminatingError(ErrorRecords.From(ex, null));
            }

            foreach (var id in ids)
            {
                if (found.TryGetValue(id, out var meter))
                {
                    WriteObject(meter);
                }
                else
                {
                    WriteError(NotFound(id));
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

        private static bool IsFatal(ApiRequestException ex) => ex.StatusCode == 401 || ex.StatusCode == 403;
    }
}
