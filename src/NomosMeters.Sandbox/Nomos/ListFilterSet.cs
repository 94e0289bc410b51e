using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace NomosMeters.Sandbox.Nomos
{
    /// <summary>The filters of a listing request, combined with AND, and a fingerprint that binds cursors to them.</summary>
    internal sealed class ListFilterSet<T>
    {
        private static readonly Regex FilterKey = new Regex(@"^filter\[([^\[\]]+)\]\[([^\[\]]+)\]$", RegexOptions.CultureInvariant);

        private ListFilterSet(IReadOnlyList<ListFilter<T>> filters)
        {
            Filters = filters;
            Fingerprint = ComputeFingerprint(filters);
        }

        /// <summary>Gets the conditions, for a store that narrows what it has to look at before testing each item.</summary>
        public IReadOnlyList<ListFilter<T>> Filters { get; }

        /// <summary>Gets a short hash of the canonical filter set: the same filters in any order give the same value.</summary>
        public string Fingerprint { get; }

        /// <summary>Reads every <c>filter[field][operator]</c> pair of the decoded query; other parameters are not its business.</summary>
        public static ListFilterSet<T> Parse(IEnumerable<KeyValuePair<string, string>> query, IReadOnlyDictionary<string, FilterField<T>> fields)
        {
            var filters = new List<ListFilter<T>>();
            foreach (var pair in query)
            {
                if (pair.Key != "filter" && !pair.Key.StartsWith("filter[", StringComparison.Ordinal))
                {
                    continue;
                }

                var match = FilterKey.Match(pair.Key);
                if (!match.Success)
                {
                    throw NomosProblem.BadField("invalid_format", pair.Key, "Malformed filter; expected filter[field][operator]=value, e.g. filter[status][in]=scheduled,installed");
                }

                var filter = ListFilter<T>.Create(fields, pair.Key, match.Groups[1].Value, match.Groups[2].Value, pair.Value);
                if (filter != null)
                {
                    filters.Add(filter);
                }
            }

            return new ListFilterSet<T>(filters);
        }

        public bool Matches(T item)
        {
            foreach (var filter in Filters)
            {
                if (!filter.Matches(item))
                {
                    return false;
                }
            }

            return true;
        }

        private static string ComputeFingerprint(IEnumerable<ListFilter<T>> filters)
        {
            // Control-character separators keep "a,b" + "c" apart from "a" + "b,c"; sorting makes the order of parameters irrelevant.
            var canonical = string.Join("\u001e", filters.Select(f => f.Field + "\u001f" + f.Operator + "\u001f" + f.Value).OrderBy(s => s, StringComparer.Ordinal));
            return ShortHash.Of(canonical);
        }
    }
}
