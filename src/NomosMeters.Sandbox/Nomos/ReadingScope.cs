using System;
using System.Collections.Generic;
using System.Linq;

namespace NomosMeters.Sandbox.Nomos
{
    /// <summary>
    /// What a filter set lets the reading store leave out before it draws a single reading: subscriptions outside an
    /// <c>eq</c> or <c>in</c> filter, days outside the <c>created_at</c> bounds, types outside an <c>eq</c> or <c>in</c>.
    /// Only a narrowing: every reading is still tested against the filters themselves.
    /// </summary>
    internal sealed class ReadingScope
    {
        private readonly HashSet<string>? _types;

        private ReadingScope(HashSet<string>? subscriptions, HashSet<string>? types, DateTimeOffset? from, DateTimeOffset? to)
        {
            Subscriptions = subscriptions;
            _types = types;
            CreatedFrom = from;
            CreatedTo = to;
        }

        /// <summary>Gets the only subscriptions that can match, or null when any can.</summary>
        public HashSet<string>? Subscriptions { get; }

        public DateTimeOffset? CreatedFrom { get; }

        public DateTimeOffset? CreatedTo { get; }

        /// <summary>Gets a scope of every reading.</summary>
        public static ReadingScope All { get; } = new ReadingScope(null, null, null, null);

        /// <summary>A scope of the readings of these subscriptions.</summary>
        public static ReadingScope Of(IEnumerable<string> subscriptions) => new ReadingScope(new HashSet<string>(subscriptions, StringComparer.Ordinal), null, null, null);

        public bool WantsType(string type) => _types == null || _types.Contains(type);

        public static ReadingScope Of(ListFilterSet<SandboxMeterReading> filters)
        {
            HashSet<string>? subscriptions = null, types = null;
            DateTimeOffset? from = null, to = null;
            foreach (var filter in filters.Filters)
            {
                switch (filter.Field, filter.Operator)
                {
                    case (MeterReadingFields.Subscription, "eq"):
                    case (MeterReadingFields.Subscription, "in"):
                        subscriptions = Narrow(subscriptions, filter);
                        break;
                    case (MeterReadingFields.Type, "eq"):
                    case (MeterReadingFields.Type, "in"):
                        types = Narrow(types, filter);
                        break;
                    case (MeterReadingFields.CreatedAt, "gte"):
                        var after = ListFilter<SandboxMeterReading>.ParseDate(filter.Field, filter.Value);
                        from = from > after ? from : after;
                        break;
                    case (MeterReadingFields.CreatedAt, "lte"):
                        var before = ListFilter<SandboxMeterReading>.ParseDate(filter.Field, filter.Value);
                        to = to < before ? to : before;
                        break;
                }
            }

            return new ReadingScope(subscriptions, types, from, to);
        }

        private static HashSet<string> Narrow(HashSet<string>? current, ListFilter<SandboxMeterReading> filter)
        {
            var values = filter.Operator == "in" ? filter.Value.Split(',') : new[] { filter.Value };
            var set = new HashSet<string>(values, StringComparer.Ordinal);
            if (current != null)
            {
                set.IntersectWith(current);
            }

            return set;
        }
    }
}
