using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;

namespace NomosMeters.Models
{
    /// <summary>
    /// The <c>context</c> of an event: its names (<c>meter_order</c>, <c>subscription</c>, <c>invoice</c>, ...) and
    /// values as sent, ids as strings. Keys are looked up in any case (<c>$event.Context.invoice</c>). Its
    /// <see cref="ToString"/> joins the entries with ';' (<c>meter_order=prdo_…;subscription=sub_…</c>), so Export-Csv
    /// writes a readable column.
    /// </summary>
    public sealed class EventContext : ReadOnlyDictionary<string, object?>
    {
        internal EventContext(IEnumerable<KeyValuePair<string, object?>> entries)
            : base(Index(entries))
        {
        }

        /// <summary>Gets a context without entries (the test event's).</summary>
        public static EventContext Empty { get; } = new EventContext(Array.Empty<KeyValuePair<string, object?>>());

        /// <inheritdoc/>
        public override string ToString() => string.Join(";", this.Select(entry => entry.Key + "=" + entry.Value));

        /// <summary>The value of <paramref name="key"/> when it is a string; null when absent or of another kind.</summary>
        internal string? Text(string key) => TryGetValue(key, out var value) ? value as string : null;

        // JSON names are case-sensitive, PowerShell's are not: of two names that differ in case only, the first is kept.
        private static Dictionary<string, object?> Index(IEnumerable<KeyValuePair<string, object?>> entries)
        {
            var index = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
            foreach (var entry in entries)
            {
                if (!index.ContainsKey(entry.Key))
                {
                    index.Add(entry.Key, entry.Value);
                }
            }

            return index;
        }
    }
}
