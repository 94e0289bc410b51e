using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace NomosMeters.Sandbox.Nomos
{
    /// <summary>The filters of a listing request, combined with AND, and a fingerprint that binds cursors to them.</summary>
    internal sealed class MeterOrderFilterSet
    {
        private static readonly Regex FilterKey = new Regex(@"^filter\[([^\[\]]+)\]\[([^\[\]]+)\]$", RegexOptions.CultureInvariant);

        private readonly IReadOnlyList<MeterOrderFilter> _filters;

        private MeterOrderFilterSet(IReadOnlyList<MeterOrderFilter> filters)
        {
            _filters = filters;
            Fingerprint = ComputeFingerprint(filters);
        }

        /// <summary>Gets a short hash of the canonical filter set: the same filters in any order give the same value.</summary>
        public string Fingerprint { get; }

        /// <summary>Reads every <c>filter[field][operator]</c> pair of the decoded query; other parameters are not its business.</summary>
        public static MeterOrderFilterSet Parse(IEnumerable<KeyValuePair<string, string>> query)
        {
            var filters = new List<MeterOrderFilter>();
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

                var filter = MeterOrderFilter.Create(pair.Key, match.Groups[1].Value, match.Groups[2].Value, pair.Value);
                if (filter != null)
                {
                    filters.Add(filter);
                }
            }

            return new MeterOrderFilterSet(filters);
        }

        public bool Matches(SandboxMeterOrder order)
        {
            foreach (var filter in _filters)
            {
                if (!filter.Matches(order))
                {
                    return false;
                }
            }

            return true;
        }

        private static string ComputeFingerprint(IEnumerable<MeterOrderFilter> filters)
        {
            // Control-character separators keep "a,b" + "c" apart from "a" + "b,c"; sorting makes the order of parameters irrelevant.
            var canonical = string.Join("\u001e", filters.Select(f => f.Field + "\u001f" + f.Operator + "\u001f" + f.Value).OrderBy(s => s, StringComparer.Ordinal));
            return ShortHash.Of(canonical);
        }
    }
}
