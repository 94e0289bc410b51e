using System;
using System.Globalization;
using System.Linq;

namespace NomosMeters.Benchmarks
{
    /// <summary>The command line: a verb first (or none), then <c>--flag</c> and <c>--name value</c> options.</summary>
    internal sealed class Arguments
    {
        private readonly string[] _args;

        public Arguments(string[] args) => _args = args;

        public string? Verb => _args.Length > 0 && !_args[0].StartsWith("--", StringComparison.Ordinal) ? _args[0] : null;

        public bool Has(string flag) => _args.Contains(flag, StringComparer.OrdinalIgnoreCase);

        public string? Value(string name)
        {
            var at = Array.FindIndex(_args, a => string.Equals(a, name, StringComparison.OrdinalIgnoreCase));
            return at >= 0 && at + 1 < _args.Length ? _args[at + 1] : null;
        }

        public int Int(string name, int fallback) => Value(name) is string text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;
    }
}
