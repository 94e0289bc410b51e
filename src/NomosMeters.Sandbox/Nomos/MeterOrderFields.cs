using System.Collections.Generic;

namespace NomosMeters.Sandbox.Nomos
{
    /// <summary>The curie filterable fields of <c>GET /meter-orders</c> (the spec's list): status is an enum, customer and subscription are strings.</summary>
    internal static class MeterOrderFields
    {
        public static readonly IReadOnlyDictionary<string, FilterField<SandboxMeterOrder>> All = new Dictionary<string, FilterField<SandboxMeterOrder>>
        {
            ["status"] = FilterField<SandboxMeterOrder>.Enum("status", MeterOrderValues.Statuses, o => o.Status),
            ["customer"] = FilterField<SandboxMeterOrder>.String("customer", o => o.Customer),
            ["subscription"] = FilterField<SandboxMeterOrder>.String("subscription", o => o.Subscription),
        };
    }
}
