using System;
using System.Collections.Generic;
using System.Linq;

namespace NomosMeters.Sandbox.Nomos
{
    /// <summary>One <c>filter[field][operator]=value</c> condition on a filterable field of a list endpoint.</summary>
    internal sealed class ListFilter<T>
    {
        private static readonly string[] EnumOperators = { "eq", "ne", "in", "is_null" };
        private static readonly string[] StringOperators = { "eq", "ne", "in", "is_null", "contains", "starts_with", "ends_with" };
        private static readonly string[] DateOperators = { "gte", "lte", "is_null" };

        private readonly Func<T, bool> _test;

        private ListFilter(string field, string op, string value, Func<T, bool> test)
        {
            Field = field;
            Operator = op;
            Value = value;
            _test = test;
        }

        public string Field { get; }

        public string Operator { get; }

        public string Value { get; }

        public bool Matches(T item) => _test(item);

        /// <summary>
        /// Builds the condition, or null for a field the API does not filter on (it ignores those silently).
        /// <paramref name="key"/> is the decoded query key, e.g. <c>filter[status][in]</c>, that error messages name.
        /// </summary>
        public static ListFilter<T>? Create(IReadOnlyDictionary<string, FilterField<T>> fields, string key, string field, string op, string value)
        {
            if (!fields.TryGetValue(field, out var definition))
            {
                return null;
            }

            var operators = definition.Kind switch
            {
                FilterFieldKind.Enum => EnumOperators,
                FilterFieldKind.String => StringOperators,
                _ => DateOperators,
            };
            if (Array.IndexOf(operators, op) < 0)
            {
                throw NomosProblem.BadField("invalid_value", key, $"Invalid operator '{op}' for field '{field}'. Expected {Quoted(operators)}");
            }

            var test = op == "is_null" ? IsNull(definition, ParseBoolean(key, value))
                : definition.Kind == FilterFieldKind.Date ? DateTest(definition.Date!, key, op, value)
                : TextTest(definition, key, op, value);
            return new ListFilter<T>(field, op, value, test);
        }

        private static Func<T, bool> IsNull(FilterField<T> field, bool isNull)
            => field.Kind == FilterFieldKind.Date
                ? item => field.Date!(item).HasValue != isNull
                : item => field.Text!(item) != null != isNull;

        private static Func<T, bool> TextTest(FilterField<T> field, string key, string op, string value)
        {
            var select = field.Text!;
            switch (op)
            {
                case "eq":
                    RequireEnumValues(field, key, value);
                    return item => string.Equals(select(item), value, StringComparison.Ordinal);
                case "ne":
                    RequireEnumValues(field, key, value);
                    return item => !string.Equals(select(item), value, StringComparison.Ordinal);
                case "in":
                    var values = value.Split(',');
                    RequireEnumValues(field, key, values);
                    var set = new HashSet<string>(values, StringComparer.Ordinal);
                    return item => select(item) is string text && set.Contains(text);
                case "contains":
                    return item => select(item)?.IndexOf(value, StringComparison.OrdinalIgnoreCase) >= 0;
                case "starts_with":
                    return item => select(item)?.StartsWith(value, StringComparison.OrdinalIgnoreCase) == true;
                default:
                    return item => select(item)?.EndsWith(value, StringComparison.OrdinalIgnoreCase) == true;
            }
        }

        private static Func<T, bool> DateTest(Func<T, DateTimeOffset?> select, string key, string op, string value)
        {
            var bound = ParseDate(key, value);
            return op == "gte"
                ? item => select(item) >= bound
                : item => select(item) <= bound;
        }

        /// <summary>Reads a date filter's value: ISO 8601 with a timezone, as the filter documentation asks.</summary>
        public static DateTimeOffset ParseDate(string key, string value)
            => IsoDateTime.TryParse(value, out var date)
                ? date
                : throw NomosProblem.BadField("invalid_format", key, $"Invalid datetime: expected {IsoDateTime.Expected}; received '{value}'");

        private static void RequireEnumValues(FilterField<T> field, string key, params string[] values)
        {
            if (field.Kind != FilterFieldKind.Enum)
            {
                return;
            }

            foreach (var value in values)
            {
                if (Array.IndexOf(field.EnumValues, value) < 0)
                {
                    throw NomosProblem.BadField("invalid_value", key, $"Invalid enum value. Expected {Quoted(field.EnumValues)}, received '{value}'");
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
