using System;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace NomosMeters.Client.Json
{
    /// <summary>
    /// Reads RFC 3339 timestamps tolerantly and returns them in UTC. The APIs send 0 to 9 fractional digits
    /// (nanoseconds, e.g. <c>9000-12-31T23:59:59.999999999Z</c>); .NET holds 7, so extra digits are truncated.
    /// </summary>
    internal sealed class UtcDateTimeOffsetConverter : JsonConverter<DateTimeOffset>
    {
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.String)
            {
                throw new JsonException($"Expected a timestamp string, got {reader.TokenType}.");
            }

            // Most timestamps end in Z: the reader's own ISO 8601 parser takes them without allocating a string. The
            // rest (an offset-less one, which it would read as local time; escaped, split or unusual ones) go through
            // the tolerant parser below.
            if (EndsInZ(ref reader) && reader.TryGetDateTimeOffset(out var utc))
            {
                return utc.ToUniversalTime();
            }

            var text = reader.GetString()!;
            if (!TimestampParser.TryParse(text, out var value))
            {
                throw new JsonException($"'{text}' is not an ISO 8601 timestamp.");
            }

            return value;
        }

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
            => writer.WriteStringValue(TimestampParser.Format(value));

        private static bool EndsInZ(ref Utf8JsonReader reader)
            => !reader.HasValueSequence && !reader.ValueIsEscaped && reader.ValueSpan.Length > 0 && reader.ValueSpan[reader.ValueSpan.Length - 1] == (byte)'Z';
    }

    /// <summary>The nullable twin of <see cref="UtcDateTimeOffsetConverter"/>: JSON null stays null.</summary>
    internal sealed class NullableUtcDateTimeOffsetConverter : JsonConverter<DateTimeOffset?>
    {
        private static readonly UtcDateTimeOffsetConverter Inner = new UtcDateTimeOffsetConverter();

        public override bool HandleNull => true;

        public override DateTimeOffset? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
            => reader.TokenType == JsonTokenType.Null ? (DateTimeOffset?)null : Inner.Read(ref reader, typeof(DateTimeOffset), options);

        public override void Write(Utf8JsonWriter writer, DateTimeOffset? value, JsonSerializerOptions options)
        {
            if (value.HasValue)
            {
                Inner.Write(writer, value.Value, options);
            }
            else
            {
                writer.WriteNullValue();
            }
        }
    }
}
