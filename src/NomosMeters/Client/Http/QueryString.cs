using System;
using System.Collections.Generic;
using System.Linq;

namespace NomosMeters.Client.Http
{
    /// <summary>
    /// Builds a query string with every key and value percent-encoded (<c>filter[status][in]</c> goes on the wire
    /// as <c>filter%5Bstatus%5D%5Bin%5D</c>). List values are joined with a literal comma, so a comma inside a
    /// value stays distinguishable as <c>%2C</c>. A query that arrived encoded already (the query part of a path a
    /// user typed) is kept as it is, and its parameters can still be found and taken out by name.
    /// </summary>
    internal sealed class QueryString
    {
        // Each parameter as it goes on the wire ("key=value", encoded), with its decoded key to find it by.
        private readonly List<KeyValuePair<string, string>> _parameters = new List<KeyValuePair<string, string>>();

        public QueryString()
        {
        }

        /// <summary>A copy, to add to without changing the original (each page of a list adds its own cursor).</summary>
        public QueryString(QueryString other) => _parameters.AddRange(other._parameters);

        public QueryString Add(string key, string? value)
        {
            if (value == null)
            {
                return this;
            }

            return Append(key, Uri.EscapeDataString(key) + "=" + Uri.EscapeDataString(value));
        }

        /// <summary>Adds <c>filter[field][eq]=v</c> for one value, <c>filter[field][in]=a,b</c> for several, nothing for none.</summary>
        public QueryString AddFilter(string field, IReadOnlyCollection<string>? values)
        {
            if (values == null || values.Count == 0)
            {
                return this;
            }

            var key = $"filter[{field}][{(values.Count == 1 ? "eq" : "in")}]";
            return Append(key, Uri.EscapeDataString(key) + "=" + string.Join(",", values.Select(Uri.EscapeDataString)));
        }

        /// <summary>Adds the parameters of a query that is percent-encoded already (without its <c>?</c>), exactly as written.</summary>
        public QueryString AddEncoded(string? query)
        {
            foreach (var parameter in (query ?? string.Empty).Split('&'))
            {
                if (parameter.Length > 0)
                {
                    var equals = parameter.IndexOf('=');
                    Append(Uri.UnescapeDataString(equals < 0 ? parameter : parameter.Substring(0, equals)), parameter);
                }
            }

            return this;
        }

        /// <summary>The decoded value of the last parameter named <paramref name="key"/> (empty for one without <c>=</c>), or null when there is none.</summary>
        public string? Find(string key)
        {
            var found = _parameters.LastOrDefault(p => p.Key == key).Value;
            if (found == null)
            {
                return null;
            }

            var equals = found.IndexOf('=');
            return equals < 0 ? string.Empty : Uri.UnescapeDataString(found.Substring(equals + 1));
        }

        /// <summary>Takes every parameter named <paramref name="key"/> out and returns the last one's decoded value, or null when there was none.</summary>
        public string? Remove(string key)
        {
            var value = Find(key);
            _parameters.RemoveAll(p => p.Key == key);
            return value;
        }

        public override string ToString() => _parameters.Count == 0 ? string.Empty : "?" + string.Join("&", _parameters.Select(p => p.Value));

        private QueryString Append(string decodedKey, string encoded)
        {
            _parameters.Add(new KeyValuePair<string, string>(decodedKey, encoded));
            return this;
        }
    }
}
