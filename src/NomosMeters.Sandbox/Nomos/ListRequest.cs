using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;

namespace NomosMeters.Sandbox.Nomos
{
    /// <summary>A validated query of a cursor-paged list endpoint: <c>limit</c>, the filters, and where to continue.</summary>
    internal sealed class ListRequest<T>
    {
        // The spec, for every list endpoint: limit is a number, minimum 1, maximum 100, default 10.
        private const int DefaultLimit = 10;
        private const int MaxLimit = 100;

        private ListRequest(int limit, ListFilterSet<T> filters, ListCursor? after)
        {
            Limit = limit;
            Filters = filters;
            After = after;
        }

        public int Limit { get; }

        public ListFilterSet<T> Filters { get; }

        /// <summary>Gets the position of the previous page's last item, or null for the first page.</summary>
        public ListCursor? After { get; }

        public static ListRequest<T> Parse(string query, CursorCodec cursors, IReadOnlyDictionary<string, FilterField<T>> fields)
        {
            var pairs = FormEncoding.Parse(query);
            var limit = ParseLimit(LastValue(pairs, "limit"));
            var filters = ListFilterSet<T>.Parse(pairs, fields);
            var cursorText = LastValue(pairs, "cursor");
            if (string.IsNullOrEmpty(cursorText))
            {
                return new ListRequest<T>(limit, filters, null);
            }

            var cursor = cursors.Decode(cursorText!);
            if (cursor.Limit != limit || cursor.Filters != filters.Fingerprint)
            {
                throw new NomosProblem(
                    HttpStatusCode.BadRequest,
                    "cursor does not match the request's filters; keep filters and limit identical while paging",
                    new FieldError("invalid_value", "cursor", $"The cursor was issued for limit={cursor.Limit} and other filters than this request's."));
            }

            return new ListRequest<T>(limit, filters, cursor);
        }

        private static int ParseLimit(string? text)
        {
            if (text == null)
            {
                return DefaultLimit;
            }

            if (!decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
            {
                throw NomosProblem.BadField("invalid_type", "limit", $"Expected number, received '{text}'");
            }

            if (value != decimal.Truncate(value))
            {
                throw NomosProblem.BadField("invalid_type", "limit", $"Expected integer, received {text}");
            }

            if (value < 1)
            {
                throw NomosProblem.BadField("too_small", "limit", "Number must be greater than or equal to 1");
            }

            if (value > MaxLimit)
            {
                throw NomosProblem.BadField("too_big", "limit", $"Number must be less than or equal to {MaxLimit}");
            }

            return (int)value;
        }

        private static string? LastValue(List<KeyValuePair<string, string>> pairs, string key)
            => pairs.LastOrDefault(p => p.Key == key).Value;
    }
}
