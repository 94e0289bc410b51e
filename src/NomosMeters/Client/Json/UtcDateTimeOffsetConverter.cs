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

    /// <summary>Parses and formats the timestamps of both APIs.</summary>
    internal static class TimestampParser
    {
        private const int MaxFractionDigits = 7;

        public static bool TryParse(string text, out DateTimeOffset value)
        {
            var trimmed = TrimFraction(text);
            if (DateTimeOffset.TryParse(
                    trimmed,
                    CultureInfo.InvariantCulture,
                    DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal,
                    out value))
            {
                value = value.ToUniversalTime();
                return true;
            }

            return false;
        }

        /// <summary>ISO 8601 in UTC with as many fractional digits as needed (none for whole seconds).</summary>
        public static string Format(DateTimeOffset value)
            => value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

        // Cuts the fractional-seconds part to 7 digits so the framework parser accepts nanosecond timestamps.
        private static string TrimFraction(string text)
        {
            var dot = text.IndexOf('.');
            if (dot < 0)
            {
                return text;
            }

            var end = dot + 1;
            while (end < text.Length && text[end] >= '0' && text[end] <= '9')
            {
                end++;
            }

            var digits = end - dot - 1;
            return digits <= MaxFractionDigits ? text : text.Substring(0, dot + 1 + MaxFractionDigits) + text.Substring(end);
        }
    }
}
