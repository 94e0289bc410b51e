using System.Collections.Generic;
using System.Text.Json;

namespace NomosMeters.Sandbox.Enrollment
{
    /// <summary>Writes meters as the API's <c>MeterDetailsResponse</c> JSON: the identifiers and audit of the enrollment, then the detail blocks.</summary>
    internal static class MeterDetailJson
    {
        public static void WriteMeter(Utf8JsonWriter w, SandboxMeterDetail d)
        {
            w.WriteStartObject();
            EnrollmentJson.WriteIdentifiers(w, d.Enrollment);
            WriteBlock(w, "customer", d.Customer);
            WriteBlock(w, "device", d.Device);
            WriteBlock(w, "site", d.Site);
            WriteBlock(w, "caiso", d.Caiso);
            WriteBlock(w, "isone", d.Isone);
            WriteBlock(w, "nyiso", d.Nyiso);
            WriteBlock(w, "utility", d.Utility);
            EnrollmentJson.WriteAudit(w, d.Enrollment);
            w.WriteEndObject();
        }

        private static void WriteBlock(Utf8JsonWriter w, string name, SandboxObject? block)
        {
            if (block != null)
            {
                w.WritePropertyName(name);
                WriteObject(w, block);
            }
        }

        private static void WriteObject(Utf8JsonWriter w, SandboxObject block)
        {
            w.WriteStartObject();
            foreach (var field in block)
            {
                w.WritePropertyName(field.Key);
                WriteValue(w, field.Value);
            }

            w.WriteEndObject();
        }

        private static void WriteValue(Utf8JsonWriter w, object value)
        {
            switch (value)
            {
                case string text:
                    w.WriteStringValue(text);
                    break;
                case bool flag:
                    w.WriteBooleanValue(flag);
                    break;
                case int number:
                    w.WriteNumberValue(number);
                    break;
                case double number:
                    w.WriteNumberValue(number);
                    break;
                case SandboxObject nested:
                    WriteObject(w, nested);
                    break;
                case IEnumerable<SandboxObject> list:
                    w.WriteStartArray();
                    foreach (var item in list)
                    {
                        WriteObject(w, item);
                    }

                    w.WriteEndArray();
                    break;
                default:
                    throw new System.ArgumentException("Not a JSON value of the sandbox: " + value.GetType().Name, nameof(value));
            }
        }
    }
}
