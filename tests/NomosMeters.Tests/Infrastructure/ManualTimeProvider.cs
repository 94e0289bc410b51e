using System;

namespace NomosMeters.Tests.Infrastructure
{
    /// <summary>A clock the test moves by hand, so token-expiry tests never sleep.</summary>
    public sealed class ManualTimeProvider : TimeProvider
    {
        private DateTimeOffset _now;

        public ManualTimeProvider(DateTimeOffset start) => _now = start;

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
