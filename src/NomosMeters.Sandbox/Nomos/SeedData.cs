using System.Collections.Generic;

namespace NomosMeters.Sandbox.Nomos
{
    /// <summary>What <see cref="MeterOrderSeed"/> builds: the orders and every subscription, with or without an order.</summary>
    internal sealed class SeedData
    {
        public List<SandboxMeterOrder> Orders { get; } = new List<SandboxMeterOrder>();

        public List<SandboxSubscription> Subscriptions { get; } = new List<SandboxSubscription>();
    }
}
