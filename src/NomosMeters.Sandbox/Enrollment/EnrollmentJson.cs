using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;

namespace NomosMeters.Sandbox.Enrollment
{
    /// <summary>Writes meters as the API's <c>MeterEnrollmentResponse</c> JSON.</summary>
    internal static class EnrollmentJson
    {
        public static void WriteMeter(Utf8JsonWriter w, SandboxMeterEnrollment m)
        {
            w.WriteStartObject();
            WriteIdentifiers(w, m);
            WriteAudit(w, m);
            w.WriteString("global_enrollment_status", m.GlobalEnrollmentStatus);
            WriteProgramData(w, m);
            w.WriteEndObject();
        }

        /// <summary>The spec's <c>MeterIdentifiers</c>: the fields a meter's enrollment and its details share.</summary>
        public static void WriteIdentifiers(Utf8JsonWriter w, SandboxMeterEnrollment m)
        {
            w.WriteString("meter_id", m.MeterId.ToString("D"));
            if (m.PartnerReference != null)
            {
                w.WriteString("partner_reference", m.PartnerReference);
            }

            w.WriteString("transmission_region", m.TransmissionRegion);
            if (m.CustomerClassification != null)
            {
                w.WriteString("customer_classification", m.CustomerClassification);
            }

            WriteStrings(w, "load_types", m.LoadTypes);
            if (m.MeterType != null)
            {
                w.WriteString("meter_type", m.MeterType);
            }

            WriteStrings(w, "connection_references", m.ConnectionReferences);
            w.WriteString("customer_group", m.CustomerGroup);
            WriteStrings(w, "tags", m.Tags);
            w.WriteBoolean("is_archived", m.IsArchived);
        }

        /// <summary>The spec's <c>AuditInfo</c>: <c>audit</c>, the same in a meter's enrollment and its details.</summary>
        public static void WriteAudit(Utf8JsonWriter w, SandboxMeterEnrollment m)
        {
            w.WriteStartObject("audit");
            w.WriteString("created_by", m.CreatedBy);
            w.WriteString("created_at", Micro(m.CreatedAt));
            w.WriteString("updated_at", Micro(m.UpdatedAt));
            w.WriteEndObject();
        }

        private static void WriteProgramData(Utf8JsonWriter w, SandboxMeterEnrollment m)
        {
            w.WriteStartArray("participation_preferences");
            foreach (var p in m.ParticipationPreferences)
            {
                w.WriteStartObject();
                w.WriteString("participation_preference", p.Preference);
                w.WriteString("start_time", EnrollmentSeed.Iso(p.StartTime));
                if (p.EndTimeText != null)
                {
                    w.WriteString("end_time", p.EndTimeText);
                }

                if (p.Reason != null)
                {
                    w.WriteString("reason", p.Reason);
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("program_enrollment");
            foreach (var p in m.ProgramEnrollments)
            {
                w.WriteStartObject();
                w.WriteString("program_identifier", p.ProgramIdentifier);
                w.WriteString("delivery_period", p.DeliveryPeriod);
                w.WriteString("delivery_period_start_date_time", EnrollmentSeed.Iso(p.DeliveryPeriodStart));
                w.WriteString("delivery_period_end_date_time", EnrollmentSeed.Iso(p.DeliveryPeriodEnd));
                w.WriteString("enrollment_status", p.EnrollmentStatus);
                w.WriteStartArray("enrollment_deadlines");
                w.WriteStartObject();
                w.WriteString("enrollment_deadline_date_time", Milli(p.EnrollmentDeadline));
                w.WriteString("activation_date_time", Milli(p.Activation));
                w.WriteEndObject();
                w.WriteEndArray();
                if (p.MarketGroupId.HasValue)
                {
                    w.WriteString("market_group_id", p.MarketGroupId.Value.ToString("D"));
                    w.WriteString("market_group_name", p.MarketGroupName);
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartObject("required_actions");
            WriteActions(w, "partner", m.PartnerActions);
            WriteActions(w, "leap", m.LeapActions);
            w.WriteEndObject();
        }

        private static void WriteActions(Utf8JsonWriter w, string name, IReadOnlyList<SandboxRequiredAction> actions)
        {
            w.WriteStartArray(name);
            foreach (var a in actions)
            {
                w.WriteStartObject();
                w.WriteString("program_identifier", a.ProgramIdentifier);
                w.WriteString("delivery_period", a.DeliveryPeriod);
                w.WriteString("enrollment_deadline_date_time", Milli(a.Deadline));
                w.WriteString("action_type", a.ActionType);
                w.WriteString("action_description", a.Description);
                w.WriteString("action_code", a.Code);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        private static void WriteStrings(Utf8JsonWriter w, string name, IReadOnlyList<string> values)
        {
            w.WriteStartArray(name);
            foreach (var value in values)
            {
                w.WriteStringValue(value);
            }

            w.WriteEndArray();
        }

        // The API mixes precisions: microseconds in audit, milliseconds in deadlines, whole seconds elsewhere.
        private static string Micro(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

        private static string Milli(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
    }
}
