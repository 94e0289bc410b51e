using System;

namespace NomosMeters.Tests.Sandbox
{
    /// <summary>A settable clock for <c>SandboxOptions.Time</c>: tests move it, forwards or back, by hand.</summary>
    internal sealed class FakeClock : TimeProvider
    {
        public FakeClock(DateTimeOffset now) => Now = now;

        public DateTimeOffset Now { get; set; }

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
