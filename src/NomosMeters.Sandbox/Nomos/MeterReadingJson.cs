using System.Text.Json;

namespace NomosMeters.Sandbox.Nomos
{
    /// <summary>Writes the curie <c>MeterReading</c> object: its nine fields, all required, timestamps in UTC with milliseconds.</summary>
    internal static class MeterReadingJson
    {
        public static void Write(Utf8JsonWriter w, SandboxMeterReading reading)
        {
            w.WriteStartObject();
            w.WriteString("object", "meter_reading");
            w.WriteString("id", reading.Id);
            w.WriteString("customer", reading.Customer);
            w.WriteString("subscription", reading.Subscription);
            w.WriteString("meter", reading.Meter);
            w.WriteNumber("value", reading.Value);
            w.WriteString("timestamp", MeterOrderJson.Timestamp(reading.Timestamp));
            w.WriteString("type", reading.Type);
            w.WriteString("created_at", MeterOrderJson.Timestamp(reading.CreatedAt));
            w.WriteEndObject();
        }
    }
}
