using System;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace NomosMeters.Client.Json
{
    /// <summary>
    /// A calendar date (<c>format: date</c>, e.g. <c>2000-01-23</c>) as a <see cref="DateTime"/> at midnight of no time
    /// zone: an install date is a day, not an instant. A date-time sent where a date belongs keeps its day.
    /// </summary>
    internal sealed class IsoDateConverter : JsonConverter<DateTime?>
    {
        public const string Format = "yyyy-MM-dd";

        public override bool HandleNull => true;

        public override DateTime? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.Null)
            {
                return null;
            }

            if (reader.TokenType != JsonTokenType.String)
            {
                throw new JsonException($"Expected a date string, got {reader.TokenType}.");
            }

            var text = reader.GetString()!;
            if (DateTime.TryParseExact(text, Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                return day;
            }

            if (TimestampParser.TryParse(text, out var instant))
            {
                return DateTime.SpecifyKind(instant.UtcDateTime.Date, DateTimeKind.Unspecified);
            }

            throw new JsonException($"'{text}' is not an ISO 8601 date.");
        }

        public override void Write(Utf8JsonWriter writer, DateTime? value, JsonSerializerOptions options)
        {
            if (value.HasValue)
            {
                writer.WriteStringValue(value.Value.ToString(Format, CultureInfo.InvariantCulture));
            }
            else
            {
                writer.WriteNullValue();
            }
        }
    }
}
