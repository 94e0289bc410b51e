using System;

namespace NomosMeters.Sandbox.Nomos
{
    /// <summary>A filterable field of a list endpoint, of one of the filter documentation's field types.</summary>
    internal sealed class FilterField<T>
    {
        private FilterField(string name, FilterFieldKind kind, string[]? enumValues, Func<T, string?>? text, Func<T, DateTimeOffset?>? date)
        {
            Name = name;
            Kind = kind;
            EnumValues = enumValues ?? Array.Empty<string>();
            Text = text;
            Date = date;
        }

        public string Name { get; }

        public FilterFieldKind Kind { get; }

        /// <summary>Gets the values an enum field takes; empty for the other kinds.</summary>
        public string[] EnumValues { get; }

        /// <summary>Gets the value of a string or enum field.</summary>
        public Func<T, string?>? Text { get; }

        /// <summary>Gets the value of a date field.</summary>
        public Func<T, DateTimeOffset?>? Date { get; }

        public static FilterField<T> Enum(string name, string[] values, Func<T, string?> select) => new FilterField<T>(name, FilterFieldKind.Enum, values, select, null);

        public static FilterField<T> String(string name, Func<T, string?> select) => new FilterField<T>(name, FilterFieldKind.String, null, select, null);

        public static FilterField<T> DateTime(string name, Func<T, DateTimeOffset?> select) => new FilterField<T>(name, FilterFieldKind.Date, null, null, select);
    }

    /// <summary>The field types of the filter documentation that the sandbox's endpoints use, each with its operators.</summary>
    internal enum FilterFieldKind
    {
        /// <summary><c>eq ne in is_null</c>.</summary>
        Enum,

        /// <summary><c>eq ne in is_null contains starts_with ends_with</c> (the last three case-insensitive).</summary>
        String,

        /// <summary><c>gte lte is_null</c>, ISO 8601 with a timezone.</summary>
        Date,
    }
}
