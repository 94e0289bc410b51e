using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;

namespace NomosMeters.Sandbox.Nomos
{
    /// <summary>The orders and subscriptions behind the meter-order endpoints; one lock keeps concurrent requests consistent.</summary>
    internal sealed class MeterOrderStore
    {
        // netstandard2.0's HttpStatusCode has no name for 422.

        private readonly object _gate = new object();
        private readonly List<SandboxMeterOrder> _newestFirst;
        private readonly Dictionary<string, SandboxMeterOrder> _byId;
        private readonly List<SandboxSubscription> _subscriptions;
        private readonly Dictionary<string, int> _subscriptionIndex;

        // Ids and providers of orders created through the API: seeded too, so a test run can be replayed.
        private readonly SeededRandom _random;

        private readonly MeterOrderEvents _events;

        // Every order's events by id: built on the first lookup (most sessions never ask for one), then kept by Create.
        private Dictionary<string, SandboxEvent>? _eventsById;

        public MeterOrderStore(SeedData data, int seed, DateTimeOffset anchor)
        {
            _events = new MeterOrderEvents(seed, anchor);
            _newestFirst = data.Orders.OrderBy(o => o, NewestFirst.Instance).ToList();
            _byId = _newestFirst.ToDictionary(o => o.Id, StringComparer.Ordinal);
            _subscriptions = data.Subscriptions.ToList();
            _subscriptionIndex = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < _subscriptions.Count; i++)
            {
                _subscriptionIndex.Add(_subscriptions[i].Id, i);
            }

            _random = new SeededRandom(~seed);
        }

        public IReadOnlyList<SandboxMeterOrder> MeterOrders()
        {
            lock (_gate)
            {
                return _newestFirst.ToArray();
            }
        }

        public IReadOnlyList<SandboxSubscription> Subscriptions()
        {
            lock (_gate)
            {
                return _subscriptions.ToArray();
            }
        }

        public SandboxMeterOrder? Find(string id)
        {
            lock (_gate)
            {
                return _byId.TryGetValue(id, out var order) ? order : null;
            }
        }

        /// <summary>The events of an order's lifecycle so far, oldest first; none for an unknown order.</summary>
        public IReadOnlyList<SandboxEvent> EventsOf(string orderId)
        {
            lock (_gate)
            {
                return _byId.TryGetValue(orderId, out var order) ? _events.For(order) : Array.Empty<SandboxEvent>();
            }
        }

        public SandboxEvent? FindEvent(string id)
        {
            lock (_gate)
            {
                if (_eventsById == null)
                {
                    _eventsById = new Dictionary<string, SandboxEvent>(StringComparer.Ordinal);
                    foreach (var order in _newestFirst)
                    {
                        IndexEvents(order);
                    }
                }

                return _eventsById.TryGetValue(id, out var found) ? found : null;
            }
        }

        /// <summary>Up to <paramref name="limit"/> matching orders after <paramref name="after"/> (keyset), and whether more match.</summary>
        public ListPage<SandboxMeterOrder> Page(ListFilterSet<SandboxMeterOrder> filters, int limit, ListCursor? after)
        {
            lock (_gate)
            {
                var index = after.HasValue ? FirstIndexAfter(after.Value.LastCreatedAt, after.Value.LastId) : 0;
                var items = new List<SandboxMeterOrder>(limit);
                for (; index < _newestFirst.Count && items.Count < limit; index++)
                {
                    if (filters.Matches(_newestFirst[index]))
                    {
                        items.Add(_newestFirst[index]);
                    }
                }

                var hasMore = false;
                for (; index < _newestFirst.Count && !hasMore; index++)
                {
                    hasMore = filters.Matches(_newestFirst[index]);
                }

                return new ListPage<SandboxMeterOrder>(items, hasMore);
            }
        }

        /// <summary>Creates the order for a subscription, enforcing the API's rules: it must exist, have no order yet, and not have ended.</summary>
        public SandboxMeterOrder Create(string subscriptionId, DateTimeOffset createdAt)
        {
            lock (_gate)
            {
                if (!_subscriptionIndex.TryGetValue(subscriptionId, out var index))
                {
                    throw NomosProblem.NotFound($"Subscription '{subscriptionId}' was not found");
                }

                var subscription = _subscriptions[index];

                // Checked before "ended": a subscription can have one order ever, so an existing one answers the request best.
                if (subscription.HasMeterOrder)
                {
                    var existing = _newestFirst.First(o => o.Subscription == subscriptionId);
                    throw NomosProblem.ForField(
                        HttpStatusCode.Conflict,
                        "duplicate_meter_order",
                        "subscription",
                        $"Subscription '{subscriptionId}' already has meter order '{existing.Id}'; a subscription can have at most one meter order ever.");
                }

                if (subscription.IsEnded)
                {
                    throw NomosProblem.ForField(
                        NomosProblem.UnprocessableEntity,
                        "ended_subscription",
                        "subscription",
                        $"Subscription '{subscriptionId}' has ended; a meter order needs a subscription that has not ended.");
                }

                string id;
                do
                {
                    id = _random.NextId("prdo_");
                }
                while (_byId.ContainsKey(id));

                var order = new SandboxMeterOrder(id, subscription.Id, subscription.Customer, _random.Pick(MeterOrderValues.Providers), MeterOrderValues.Created, createdAt);
                _newestFirst.Insert(FirstIndexAfter(order.CreatedAt, order.Id), order);
                _byId.Add(id, order);
                _subscriptions[index] = subscription.WithMeterOrder();
                if (_eventsById != null)
                {
                    // A new order emits meter_order.created.
                    IndexEvents(order);
                }

                return order;
            }
        }

        private void IndexEvents(SandboxMeterOrder order)
        {
            foreach (var e in _events.For(order))
            {
                _eventsById![e.Id] = e;
            }
        }

        // Binary search for the first order that the list puts after (createdAt, id).
        private int FirstIndexAfter(DateTimeOffset createdAt, string id)
        {
            int low = 0, high = _newestFirst.Count;
            while (low < high)
            {
                var middle = low + ((high - low) / 2);
                var order = _newestFirst[middle];
                if (NewestFirst.Compare(order.CreatedAt, order.Id, createdAt, id) <= 0)
                {
                    low = middle + 1;
                }
                else
                {
                    high = middle;
                }
            }

            return low;
        }
    }
}
