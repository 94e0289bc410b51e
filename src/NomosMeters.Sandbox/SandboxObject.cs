using System.Collections;
using System.Collections.Generic;
using System.Linq;

namespace NomosMeters.Sandbox
{
    /// <summary>
    /// A JSON object of the sandbox's seeded data, field by field in the order the API writes them: what the emulator
    /// sends, and what tests read their expectations from (<c>detail.Customer["city"]</c>). A value is a string, a bool,
    /// an int, a double, a <see cref="SandboxObject"/> or a list of them; a field that is not set is absent.
    /// </summary>
    public sealed class SandboxObject : IReadOnlyDictionary<string, object>
    {
        private readonly List<KeyValuePair<string, object>> _fields = new List<KeyValuePair<string, object>>();

        /// <inheritdoc/>
        public int Count => _fields.Count;

        /// <inheritdoc/>
        public IEnumerable<string> Keys => _fields.Select(f => f.Key);

        /// <inheritdoc/>
        public IEnumerable<object> Values => _fields.Select(f => f.Value);

        /// <inheritdoc/>
        public object this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException(key);

        /// <summary>The text of a string field, or null when it is absent.</summary>
        public string? Text(string key) => TryGetValue(key, out var value) ? value as string : null;

        /// <inheritdoc/>
        public bool ContainsKey(string key) => _fields.Any(f => f.Key == key);

        /// <inheritdoc/>
        public bool TryGetValue(string key, out object value)
        {
            foreach (var field in _fields)
            {
                if (field.Key == key)
                {
                    value = field.Value;
                    return true;
                }
            }

            value = null!;
            return false;
        }

        /// <inheritdoc/>
        public IEnumerator<KeyValuePair<string, object>> GetEnumerator() => _fields.GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        /// <summary>Sets <paramref name="key"/>, unless <paramref name="value"/> is null (the field stays absent).</summary>
        internal SandboxObject Set(string key, object? value)
        {
            if (value != null)
            {
                _fields.Add(new KeyValuePair<string, object>(key, value));
            }

            return this;
        }
    }
}
