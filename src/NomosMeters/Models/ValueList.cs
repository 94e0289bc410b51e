using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;

namespace NomosMeters.Models
{
    /// <summary>
    /// A list property that stays readable where PowerShell turns values into text: its <see cref="ToString"/>
    /// joins the items with ';' (<c>HVAC;EV_CHARGING</c>), so <c>Export-Csv</c> never writes <c>System.Object[]</c>.
    /// It is still a real list for <c>-contains</c>, <c>ForEach-Object</c> and indexing.
    /// </summary>
    public sealed class ValueList<T> : Collection<T>
    {
        /// <summary>Creates an empty list.</summary>
        public ValueList()
        {
        }

        /// <summary>Creates a list holding <paramref name="items"/>.</summary>
        public ValueList(IEnumerable<T> items)
            : base(items.ToList())
        {
        }

        /// <inheritdoc/>
        public override string ToString() => string.Join(";", this.Select(item => item?.ToString()));
    }
}
