using System.Collections.Generic;

namespace NomosMeters.Sandbox.Nomos
{
    /// <summary>
    /// The curie filterable fields of <c>GET /meter-readings</c> (the spec's list): <c>type</c> and <c>subscription</c>
    /// are strings (so a type the API does not know matches nothing rather than failing), <c>created_at</c> a date.
    /// </summary>
    internal static class MeterReadingFields
    {
        public const string Type = "type";
        public const string Subscription = "subscription";
        public const string CreatedAt = "created_at";

        public static readonly IReadOnlyDictionary<string, FilterField<SandboxMeterReading>> All = new Dictionary<string, FilterField<SandboxMeterReading>>
        {
            [Type] = FilterField<SandboxMeterReading>.String(Type, r => r.Type),
            [Subscription] = FilterField<SandboxMeterReading>.String(Subscription, r => r.Subscription),
            [CreatedAt] = FilterField<SandboxMeterReading>.DateTime(CreatedAt, r => r.CreatedAt),
        };
    }
}
