using System.Text.Json;

namespace NomosMeters.Sandbox.Nomos
{
    /// <summary>Writes the curie <c>Event</c> of a <c>meter_order.*</c> topic: id, topic, timestamp and the ids in context.</summary>
    internal static class EventJson
    {
        public static void Write(Utf8JsonWriter w, SandboxEvent e)
        {
            w.WriteStartObject();
            w.WriteString("id", e.Id);
            w.WriteString("topic", e.Topic);
            w.WriteString("timestamp", MeterOrderJson.Timestamp(e.Timestamp));
            w.WriteStartObject("context");
            w.WriteString("meter_order", e.MeterOrder);
            w.WriteString("subscription", e.Subscription);
            w.WriteEndObject();
            w.WriteEndObject();
        }
    }
}
