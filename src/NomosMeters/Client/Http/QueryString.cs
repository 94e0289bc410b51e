using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace NomosMeters.Client.Http
{
    /// <summary>
    /// Builds a query string with every key and value percent-encoded (<c>filter[status][in]</c> goes on the wire
    /// as <c>filter%5Bstatus%5D%5Bin%5D</c>). List values are joined with a literal comma, so a comma inside a
    /// value stays distinguishable as <c>%2C</c>.
    /// </summary>
    internal sealed class QueryString
    {
        private readonly StringBuilder _text = new StringBuilder();

        public QueryString Add(string key, string? value)
        {
            if (value == null)
            {
                return this;
            }

            _text.Append(_text.Length == 0 ? '?' : '&')
                 .Append(Uri.EscapeDataString(key))
                 .Append('=')
                 .Append(Uri.EscapeDataString(value));
            return this;
        }

        /// <summary>Adds <c>filter[field][eq]=v</c> for one value, <c>filter[field][in]=a,b</c> for several, nothing for none.</summary>
        public QueryString AddFilter(string field, IReadOnlyCollection<string>? values)
        {
            if (values == null || values.Count == 0)
            {
                return this;
            }

            var op = values.Count == 1 ? "eq" : "in";
            _text.Append(_text.Length == 0 ? '?' : '&')
                 .Append(Uri.EscapeDataString($"filter[{field}][{op}]"))
                 .Append('=')
                 .Append(string.Join(",", values.Select(Uri.EscapeDataString)));
            return this;
        }

        public override string ToString() => _text.ToString();
    }
}
