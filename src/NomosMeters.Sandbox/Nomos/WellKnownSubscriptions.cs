using System.Collections.Generic;
using System.Linq;

namespace NomosMeters.Sandbox.Nomos
{
    /// <summary>
    /// Subscriptions every sandbox holds without a meter order, the same on every day and with every seed, so that
    /// the documented <c>New-MeterOrder</c> examples work as written. The first is the one the README and help use.
    /// </summary>
    internal static class WellKnownSubscriptions
    {
        public static readonly IReadOnlyList<SandboxSubscription> All = new[]
        {
            Free("sub_4k2m9x7q1w8e5r3t6y0u2i4o", "cus_3r7t1y5u9i2o6p0a4s8d1f5g"),
            Free("sub_7h3j5l1n9b2v4c6x8z0a1s3d", "cus_6w2e8r4t0y3u7i1o5p9a2s6d"),
            Free("sub_2p8o6i4u0y9t7r5e3w1q8a6s", "cus_1z5x9c3v7b2n6m0l4k8j3h7g"),
            Free("sub_5g1f9d3s7a2z6x0c4v8b1n5m", "cus_9e5r1t7y3u6i2o8p4a0s5d1f"),
            Free("sub_8c4v2b6n0m3l7k1j5h9g2f4d", "cus_0n4m8l2k6j1h5g9f3d7s2a6p"),
        };

        public static readonly IReadOnlyList<string> Ids = All.Select(s => s.Id).ToArray();

        private static readonly HashSet<string> IdSet = new HashSet<string>(Ids);

        public static bool Contains(string subscriptionId) => IdSet.Contains(subscriptionId);

        private static SandboxSubscription Free(string id, string customer) => new SandboxSubscription(id, customer, hasMeterOrder: false, isEnded: false);
    }
}
