using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;

namespace NomosMeters.Sandbox.Nomos
{
    /// <summary>
    /// The meter readings behind <c>GET</c> and <c>POST /meter-readings</c>. Seeded readings are drawn a day at a time
    /// from each subscription's <see cref="ReadingHistory"/> when a request needs that day, never held: a page costs
    /// the days it spans. Readings created through the API are kept; one lock guards them.
    /// </summary>
    internal sealed class MeterReadingStore
    {
        /// <summary>How far back the seeded readings go, as the seeded orders do.</summary>
        public const int HistoryDays = 730;

        // netstandard2.0's HttpStatusCode has no name for 422.

        private readonly object _gate = new object();
        private readonly IReadOnlyList<ReadingHistory> _histories;
        private readonly Dictionary<string, ReadingHistory> _bySubscription;
        private readonly DateTimeOffset _anchor;
        private readonly DateTime _firstDay;
        private readonly TimeProvider _time;
        private readonly SeededRandom _random;
        private readonly Dictionary<DateTime, List<SandboxMeterReading>> _createdByDay = new Dictionary<DateTime, List<SandboxMeterReading>>();
        private DateTime _lastCreatedDay;

        public MeterReadingStore(SeedData data, int seed, DateTimeOffset anchor, TimeProvider time)
        {
            var orders = data.Orders.ToDictionary(o => o.Subscription, StringComparer.Ordinal);
            var anchorDay = BerlinTime.DateOf(anchor);
            _histories = data.Subscriptions
                .Select(s => new ReadingHistory(s, orders.TryGetValue(s.Id, out var order) ? order : null, seed, anchorDay, HistoryDays))
                .ToList();
            _bySubscription = _histories.ToDictionary(h => h.Subscription, StringComparer.Ordinal);
            _anchor = anchor;
            _firstDay = anchorDay.AddDays(-HistoryDays);
            _lastCreatedDay = anchorDay;
            _time = time;
            _random = new SeededRandom(seed ^ 0x6d72);
        }

        public IReadOnlyList<ReadingHistory> Histories => _histories;

        /// <summary>Up to <paramref name="limit"/> matching readings after <paramref name="after"/> (keyset), and whether more match.</summary>
        public ListPage<SandboxMeterReading> Page(ListFilterSet<SandboxMeterReading> filters, int limit, ListCursor? after)
        {
            var scope = ReadingScope.Of(filters);
            var items = new List<SandboxMeterReading>(limit);
            foreach (var reading in Readings(scope, after?.LastCreatedAt))
            {
                if (!NewestFirst.IsAfter(reading, after) || !filters.Matches(reading))
                {
                    continue;
                }

                if (items.Count == limit)
                {
                    return new ListPage<SandboxMeterReading>(items, true);
                }

                items.Add(reading);
            }

            return new ListPage<SandboxMeterReading>(items, false);
        }

        /// <summary>Every reading in scope, newest first, from the day of <paramref name="newest"/> (or the last day with any) back.</summary>
        public IEnumerable<SandboxMeterReading> Readings(ReadingScope scope, DateTimeOffset? newest = null)
        {
            var histories = scope.Subscriptions == null
                ? _histories
                : scope.Subscriptions.Where(_bySubscription.ContainsKey).Select(s => _bySubscription[s]).ToList();
            DateTime last;
            lock (_gate)
            {
                last = _lastCreatedDay;
            }

            foreach (var bound in new[] { newest, scope.CreatedTo })
            {
                if (bound.HasValue && BerlinTime.DateOf(bound.Value) < last)
                {
                    last = BerlinTime.DateOf(bound.Value);
                }
            }

            var first = scope.CreatedFrom.HasValue && BerlinTime.DateOf(scope.CreatedFrom.Value) > _firstDay ? BerlinTime.DateOf(scope.CreatedFrom.Value) : _firstDay;
            for (var day = last; day >= first; day = day.AddDays(-1))
            {
                foreach (var reading in RecordedOn(day, histories, scope))
                {
                    yield return reading;
                }
            }
        }

        /// <summary>
        /// Records a customer report, enforcing the API's rules: the subscription must exist and still have its meter,
        /// and the day cannot lie ahead. The timestamp moves to the start of its day in Europe/Berlin.
        /// </summary>
        public SandboxMeterReading Create(string subscriptionId, decimal value, DateTimeOffset timestamp)
        {
            if (!_bySubscription.TryGetValue(subscriptionId, out var history))
            {
                throw NomosProblem.NotFound($"Subscription '{subscriptionId}' was not found");
            }

            if (!history.HasActiveMeter)
            {
                throw NomosProblem.ForField(
                    NomosProblem.UnprocessableEntity,
                    "unsupported_meter_reading",
                    "subscription",
                    $"Subscription '{subscriptionId}' has no active meter: it has ended, so no reading can be recorded for it.");
            }

            // Whole milliseconds: the API's timestamps carry no more, and cursors must round-trip created_at exactly.
            var now = DateTimeOffset.FromUnixTimeMilliseconds(_time.GetUtcNow().ToUnixTimeMilliseconds());
            var day = BerlinTime.DateOf(timestamp);
            if (day > BerlinTime.DateOf(now))
            {
                throw NomosProblem.ForField(
                    NomosProblem.UnprocessableEntity,
                    "out_of_period_meter_reading",
                    "timestamp",
                    $"The reading is for {day:yyyy-MM-dd}, a day that has not begun in Europe/Berlin; a reading can be recorded for today or an earlier day.");
            }

            lock (_gate)
            {
                var reading = new SandboxMeterReading(
                    _random.NextId("mr_"), history.Subscription, history.Customer, history.MeterOn(day), value, BerlinTime.StartOf(day), MeterReadingValues.CustomerReport, now);
                var recordedOn = BerlinTime.DateOf(now);
                if (!_createdByDay.TryGetValue(recordedOn, out var list))
                {
                    _createdByDay[recordedOn] = list = new List<SandboxMeterReading>();
                }

                list.Add(reading);
                if (recordedOn > _lastCreatedDay)
                {
                    _lastCreatedDay = recordedOn;
                }

                return reading;
            }
        }

        // The readings recorded on one Berlin date, newest first: the seeded ones (all before the anchor) and those created.
        private List<SandboxMeterReading> RecordedOn(DateTime day, IReadOnlyList<ReadingHistory> histories, ReadingScope scope)
        {
            var readings = new List<SandboxMeterReading>();
            foreach (var history in histories)
            {
                history.AddRecordedOn(day, scope.WantsType, readings);
            }

            readings.RemoveAll(r => r.CreatedAt >= _anchor);
            lock (_gate)
            {
                if (_createdByDay.TryGetValue(day, out var created))
                {
                    readings.AddRange(created.Where(r => scope.Subscriptions == null || scope.Subscriptions.Contains(r.Subscription)));
                }
            }

            readings.Sort(NewestFirst.Instance);
            return readings;
        }
    }
}
