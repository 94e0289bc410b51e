using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using NomosMeters.Client.Nomos;
using NomosMeters.Client.Paging;
using NomosMeters.Models;
using NomosMeters.Session;
using NomosMeters.Session.Settings;

namespace NomosMeters.Commands
{
    /// <summary>
    /// <para type="synopsis">Gets smart-meter orders from the Nomos API: by id, or every order matching filters, streamed page by page.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "MeterOrder", DefaultParameterSetName = ListSet, SupportsPaging = true)]
    [OutputType(typeof(MeterOrder))]
    public sealed class GetMeterOrderCommand : NomosServiceCmdlet
    {
        private const string ListSet = "List";
        private const string ByIdSet = "ById";
        private const string ByEventSet = "ByEvent";

        // -Skip and -First of the lookups: they count the orders found, in input order, as they do in a list. Once -First
        // has its orders, the ids and events still coming are not looked at.
        private RangeProgress? _found;

        /// <summary>Gets or sets the ids of the meter orders to get (prefix <c>prdo_</c>); accepts pipeline input.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("MeterOrderId")]
        [AllowEmptyString]
        public string[] Id { get; set; } = new string[0];

        /// <summary>
        /// Gets or sets how many orders are looked up at once (1 to 64; default: the connection's ThrottleLimit, 5 unless
        /// Connect-Nomos or NOMOS_THROTTLE_LIMIT say otherwise). The orders still come out in input order.
        /// </summary>
        [Parameter(ParameterSetName = ByIdSet)]
        [Parameter(ParameterSetName = ByEventSet)]
        [ValidateRange(SettingLimits.ThrottleLimitMin, SettingLimits.ThrottleLimitMax)]
        public int ThrottleLimit { get; set; }

        /// <summary>
        /// Gets or sets events (from ConvertFrom-NomosWebhook or Get-NomosEvent) whose meter orders to get, in their
        /// current state; accepts pipeline input. An event without a meter order is an error for that event.
        /// </summary>
        [Parameter(Mandatory = true, ParameterSetName = ByEventSet, ValueFromPipeline = true)]
        [NomosEvent]
        public NomosEvent[] Event { get; set; } = new NomosEvent[0];

        /// <summary>Gets or sets the statuses to list; several are combined with OR.</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateSet(
            MeterOrderStatus.Created,
            MeterOrderStatus.Placed,
            MeterOrderStatus.CheckSubmitted,
            MeterOrderStatus.CheckReviewed,
            MeterOrderStatus.Scheduled,
            MeterOrderStatus.Installed,
            MeterOrderStatus.Activated,
            MeterOrderStatus.Cancelled)]
        public string[]? Status { get; set; }

        /// <summary>Gets or sets the customer ids (prefix <c>cus_</c>) whose orders to list.</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateNotNullOrEmpty]
        public string[]? Customer { get; set; }

        /// <summary>Gets or sets the subscription ids (prefix <c>sub_</c>) whose orders to list.</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateNotNullOrEmpty]
        public string[]? Subscription { get; set; }

        /// <summary>Gets or sets how many orders to request per page (1 to 100, the API maximum and the default).</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateRange(1, MeterOrderQuery.MaxPageSize)]
        public int PageSize { get; set; } = MeterOrderQuery.MaxPageSize;

        /// <summary>
        /// Gets or sets where a list that stopped goes on: the token its error showed, with the same filters. Nothing is
        /// repeated or skipped, even when orders were created in between.
        /// </summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateNotNullOrEmpty]
        public string? ResumeToken { get; set; }

        /// <inheritdoc/>
        protected override void ProcessRecord()
        {
            var nomos = RequireNomos();
            // Here, not in BeginProcessing: the parameter set of piped input is known only once it has bound.
            _found ??= ParameterSetName == ListSet ? null : new RangeProgress(RequestedRange());
            if (ParameterSetName == ByIdSet)
            {
                foreach (var id in Id.TakeWhile(_ => !_found!.IsSatisfied))
                {
                    GetById(nomos, id);
                }
            }
            else if (ParameterSetName == ByEventSet)
            {
                foreach (var nomosEvent in Event.TakeWhile(_ => !_found!.IsSatisfied))
                {
                    GetByEvent(nomos, nomosEvent);
                }
            }
            else
            {
                List(nomos);
            }
        }

        private void GetById(NomosServiceConnection nomos, string? id)
        {
            // The results written while waiting for room may be all -First wants; ForItemInFlight's own wait then has
            // nothing left to do.
            var limit = ThrottleLimitFor(nomos, ThrottleLimit);
            WaitForSlotInFlight(limit);
            if (_found!.IsSatisfied)
            {
                return;
            }

            var valid = IdOfKind(id, "prdo_", nameof(Id), "or list orders with Get-MeterOrder");
            if (valid != null)
            {
                // Several lookups in flight at once, each its own request; the rate limiter paces them.
                ForItemInFlight(valid, limit, () => nomos.MeterOrders.GetAsync(valid, Context), WriteFound);
            }
        }

        // Once -First has its orders, what is still in flight is dropped, errors included, as a list drops the rest of its page.
        private void WriteFound(MeterOrder order)
        {
            if (_found!.TrySkip())
            {
                return;
            }

            WriteObject(order);
            if (_found.CountWritten())
            {
                AbandonInFlight();
            }
        }

        // An event names its order by id only: the order is fetched, so what is written is its state now, whatever the event's age.
        private void GetByEvent(NomosServiceConnection nomos, NomosEvent? nomosEvent)
        {
            if (nomosEvent?.MeterOrder == null)
            {
                InItemOrder(() => WriteError(ErrorRecords.InvalidArgument(
                    "NomosMeters.EventWithoutMeterOrder",
                    $"The event {nomosEvent?.Id ?? "without id"} ({nomosEvent?.Topic}) is not about a meter order: its context has no meter_order.",
                    nomosEvent,
                    "Pipe only meter_order.* events to Get-MeterOrder, e.g. with Where-Object Topic -like 'meter_order.*'.")));
                return;
            }

            GetById(nomos, nomosEvent.MeterOrder);
        }

        private void List(NomosServiceConnection nomos)
        {
            var range = RequestedRange();
            var query = new MeterOrderQuery
            {
                Statuses = Status?.Select(s => s.ToLowerInvariant()).Distinct().ToList(),
                Customers = Customer?.Distinct().ToList(),
                Subscriptions = Subscription?.Distinct().ToList(),
                PageSize = PageSize,
            };
            var filters = ResumeFilters.Of(
                ("status", query.Statuses),
                ("customer", query.Customers),
                ("subscription", query.Subscriptions),
                ("limit", new[] { PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture) }));
            var cursor = ReadResumeToken(ResumeToken, filters);
            WriteStream(nomos.MeterOrders.ListAsync(query, range, Context, cursor), "meter orders", new ListResume(this, filters, cursor != null));
        }
    }
}
