using System;
using System.Collections.Generic;
using System.Linq;

namespace NomosMeters.Sandbox.Nomos
{
    /// <summary>One <c>filter[field][operator]=value</c> condition on the curie filterable fields.</summary>
    internal sealed class MeterOrderFilter
    {
        private static readonly string[] EnumOperators = { "eq", "ne", "in", "is_null" };
        private static readonly string[] StringOperators = { "eq", "ne", "in", "is_null", "contains", "starts_with", "ends_with" };

        // Curie filterable fields (the spec's list): status is an enum, customer and subscription are strings.
        private static readonly Dictionary<string, Func<SandboxMeterOrder, string>> Fields = new Dictionary<string, Func<SandboxMeterOrder, string>>(StringComparer.Ordinal)
        {
            ["status"] = o => o.Status,
            ["customer"] = o => o.Customer,
            ["subscription"] = o => o.Subscription,
        };

        private readonly Func<SandboxMeterOrder, bool> _test;

        private MeterOrderFilter(string field, string op, string value, Func<SandboxMeterOrder, bool> test)
        {
            Field = field;
            Operator = op;
            Value = value;
            _test = test;
        }

        public string Field { get; }

        public string Operator { get; }

        public string Value { get; }

        public bool Matches(SandboxMeterOrder order) => _test(order);

        /// <summary>
        /// Builds the condition, or null for a field the API does not filter on (it ignores those silently).
        /// <paramref name="key"/> is the decoded query key, e.g. <c>filter[status][in]</c>, that error messages name.
        /// </summary>
        public static MeterOrderFilter? Create(string key, string field, string op, string value)
        {
            if (!Fields.TryGetValue(field, out var select))
            {
                return null;
            }

            var isEnum = field == "status";
            var operators = isEnum ? EnumOperators : StringOperators;
            if (Array.IndexOf(operators, op) < 0)
            {
                throw NomosProblem.BadField("invalid_value", key, $"Invalid operator '{op}' for field '{field}'. Expected {Quoted(operators)}");
            }

            Func<SandboxMeterOrder, bool> test;
            switch (op)
            {
                case "eq":
                    RequireStatuses(key, isEnum, value);
                    test = o => string.Equals(select(o), value, StringComparison.Ordinal);
                    break;
                case "ne":
                    RequireStatuses(key, isEnum, value);
                    test = o => !string.Equals(select(o), value, StringComparison.Ordinal);
                    break;
                case "in":
                    var values = value.Split(',');
                    RequireStatuses(key, isEnum, values);
                    var set = new HashSet<string>(values, StringComparer.Ordinal);
                    test = o => set.Contains(select(o));
                    break;
                case "is_null":
                    // No filterable field of a meter order is ever null.
                    var isNull = ParseBoolean(key, value);
                    test = _ => !isNull;
                    break;
                case "contains":
                    test = o => select(o).IndexOf(value, StringComparison.OrdinalIgnoreCase) >= 0;
                    break;
                case "starts_with":
                    test = o => select(o).StartsWith(value, StringComparison.OrdinalIgnoreCase);
                    break;
                default:
                    test = o => select(o).EndsWith(value, StringComparison.OrdinalIgnoreCase);
                    break;
            }

            return new MeterOrderFilter(field, op, value, test);
        }

        private static void RequireStatuses(string key, bool isEnum, params string[] values)
        {
            if (!isEnum)
            {
                return;
            }

            foreach (var value in values)
            {
                if (Array.IndexOf(MeterOrderValues.Statuses, value) < 0)
                {
                    throw NomosProblem.BadField("invalid_value", key, $"Invalid enum value. Expected {Quoted(MeterOrderValues.Statuses)}, received '{value}'");
                }
            }
        }

        private static bool ParseBoolean(string key, string value) => value switch
        {
            "true" => true,
            "false" => false,
            _ => throw NomosProblem.BadField("invalid_type", key, $"Expected boolean ('true' or 'false'), received '{value}'"),
        };

        private static string Quoted(IEnumerable<string> values) => string.Join(" | ", values.Select(v => $"'{v}'"));
    }
}
