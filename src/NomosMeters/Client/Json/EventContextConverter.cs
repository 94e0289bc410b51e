using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using NomosMeters.Models;

namespace NomosMeters.Client.Json
{
    /// <summary>
    /// Reads an event's <c>context</c> object whatever its topic: strings, numbers and booleans as .NET values, nested
    /// objects and arrays as <see cref="JsonElement"/>s, so nothing a new topic sends is lost. A missing or null context
    /// is empty; any other non-object is not an event.
    /// </summary>
    internal sealed class EventContextConverter : JsonConverter<EventContext>
    {
        public override bool HandleNull => true;

        public override EventContext Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.Null)
            {
                return EventContext.Empty;
            }

            if (reader.TokenType != JsonTokenType.StartObject)
            {
                throw new JsonException($"The event's \"context\" is {reader.TokenType}, not an object.");
            }

            var entries = new List<KeyValuePair<string, object?>>();
            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
            {
                var name = reader.GetString()!;
                reader.Read();
                entries.Add(new KeyValuePair<string, object?>(name, ReadValue(ref reader)));
            }

            return new EventContext(entries);
        }

        public override void Write(Utf8JsonWriter writer, EventContext value, JsonSerializerOptions options)
        {
            writer.WriteStartObject();
            foreach (var entry in value)
            {
                writer.WritePropertyName(entry.Key);
                switch (entry.Value)
                {
                    case null: writer.WriteNullValue(); break;
                    case string text: writer.WriteStringValue(text); break;
                    case bool flag: writer.WriteBooleanValue(flag); break;
                    case long whole: writer.WriteNumberValue(whole); break;
                    case double number: writer.WriteNumberValue(number); break;
                    case JsonElement element: element.WriteTo(writer); break;
                    default: writer.WriteStringValue(entry.Value.ToString()); break;
                }
            }

            writer.WriteEndObject();
        }

        private static object? ReadValue(ref Utf8JsonReader reader)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.String: return reader.GetString();
                case JsonTokenType.True: return true;
                case JsonTokenType.False: return false;
                case JsonTokenType.Null: return null;
                case JsonTokenType.Number: return reader.TryGetInt64(out var whole) ? whole : (object)reader.GetDouble();
                default:
                    using (var document = JsonDocument.ParseValue(ref reader))
                    {
                        return document.RootElement.Clone();
                    }
            }
        }
    }
}
