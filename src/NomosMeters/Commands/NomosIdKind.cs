using System;
using System.Collections.Generic;
using System.Linq;

namespace NomosMeters.Commands
{
    /// <summary>
    /// What kind of Nomos object an id names, by its prefix (<c>prdo_</c> meter order, <c>sub_</c> subscription, ...).
    /// Ids are passed to the API verbatim: only an id whose prefix says it is another kind is refused, so that an
    /// object piped in by property name (its Id) never sends a customer id where a subscription id belongs.
    /// </summary>
    internal static class NomosIdKind
    {
        private static readonly KeyValuePair<string, string>[] Known =
        {
            new KeyValuePair<string, string>("prdo_", "meter order"),
            new KeyValuePair<string, string>("sub_", "subscription"),
            new KeyValuePair<string, string>("cus_", "customer"),
            new KeyValuePair<string, string>("pln_", "plan"),
            new KeyValuePair<string, string>("lead_", "lead"),
            new KeyValuePair<string, string>("inv_", "invoice"),
            new KeyValuePair<string, string>("mp_", "market partner"),
            new KeyValuePair<string, string>("evt_", "event"),
            new KeyValuePair<string, string>("gfr_", "grid-fee reduction"),
            new KeyValuePair<string, string>("mtr_", "meter"),
            new KeyValuePair<string, string>("mr_", "meter reading"),
            new KeyValuePair<string, string>("adr_", "address"),
            new KeyValuePair<string, string>("pm_", "payment method"),
        };

        /// <summary>
        /// A message when <paramref name="id"/> has a known prefix other than <paramref name="expectedPrefix"/>; null when
        /// it may be the expected kind (its prefix, or one this module does not know).
        /// </summary>
        public static string? WrongKind(string id, string expectedPrefix)
        {
            var expected = NameOf(expectedPrefix);
            foreach (var kind in Known)
            {
                if (kind.Key != expectedPrefix && id.StartsWith(kind.Key, StringComparison.Ordinal))
                {
                    return $"'{id}' is {Article(kind.Value)} {kind.Value} id ({kind.Key}), not {Article(expected)} {expected} id ({expectedPrefix}).";
                }
            }

            return null;
        }

        /// <summary>What an id of <paramref name="prefix"/> names, e.g. "meter order" for <c>prdo_</c>.</summary>
        public static string NameOf(string prefix) => Known.First(k => k.Key == prefix).Value;

        internal static string Article(string noun) => "aeiou".IndexOf(noun[0]) >= 0 ? "an" : "a";
    }
}
