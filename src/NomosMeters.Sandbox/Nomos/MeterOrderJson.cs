using System;
using System.Globalization;
using System.Text.Json;

namespace NomosMeters.Sandbox.Nomos
{
    /// <summary>Writes the curie <c>MeterOrder</c> object: all 14 fields, always present, null where not set.</summary>
    internal static class MeterOrderJson
    {
        /// <summary>ISO 8601 in UTC with milliseconds, as the API writes timestamps (e.g. <c>2026-01-15T10:30:00.000Z</c>).</summary>
        public const string TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

        public static string Timestamp(DateTimeOffset value) => value.UtcDateTime.ToString(TimestampFormat, CultureInfo.InvariantCulture);

        public static void Write(Utf8JsonWriter w, SandboxMeterOrder order)
        {
            w.WriteStartObject();
            w.WriteString("object", "meter_order");
            w.WriteString("id", order.Id);
            w.WriteString("subscription", order.Subscription);
            w.WriteString("customer", order.Customer);
            w.WriteString("provider", order.Provider);
            w.WriteString("status", order.Status);
            w.WriteString("created_at", Timestamp(order.CreatedAt));
            WriteTimestamp(w, "installed_at", order.InstalledAt);
            WriteTimestamp(w, "activated_at", order.ActivatedAt);
            WriteTimestamp(w, "cancelled_at", order.CancelledAt);
            WriteText(w, "cancelled_reason", order.CancelledReason);
            WriteTimestamp(w, "blocked_at", order.BlockedAt);
            WriteText(w, "blocked_reason", order.BlockedReason);
            WriteTimestamp(w, "appointment_at", order.AppointmentAt);
            w.WriteEndObject();
        }

        private static void WriteTimestamp(Utf8JsonWriter w, string name, DateTimeOffset? value) => WriteText(w, name, value.HasValue ? Timestamp(value.Value) : null);

        private static void WriteText(Utf8JsonWriter w, string name, string? value)
        {
            if (value == null)
            {
                w.WriteNull(name);
            }
            else
            {
                w.WriteString(name, value);
            }
        }
    }
}
