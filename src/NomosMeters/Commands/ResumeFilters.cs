using System;
using System.Collections.Generic;
using System.Linq;

namespace NomosMeters.Commands
{
    /// <summary>
    /// The filters a Nomos list's -ResumeToken is bound to, as the API sees them: each name with its values sorted, so
    /// the same values in any order are the same list, and a token is refused for any other list.
    /// </summary>
    internal static class ResumeFilters
    {
        public static string Of(params (string Name, IEnumerable<string>? Values)[] filters)
            => string.Join(";", filters.Select(f => f.Name + "=" + string.Join(",", (f.Values ?? Enumerable.Empty<string>()).OrderBy(v => v, StringComparer.Ordinal))));
    }
}
