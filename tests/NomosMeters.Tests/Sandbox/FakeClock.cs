using System;

namespace NomosMeters.Tests.Sandbox
{
    /// <summary>A settable clock for <c>SandboxOptions.Clock</c>.</summary>
    internal sealed class FakeClock
    {
        public FakeClock(DateTimeOffset now) => Now = now;

        public DateTimeOffset Now { get; set; }

        public DateTimeOffset Read() => Now;
    }
}
