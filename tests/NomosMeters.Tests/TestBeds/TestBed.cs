using NomosMeters.Sandbox;

namespace NomosMeters.Tests.TestBeds
{
    /// <summary>
    /// Every server a test needs, and the client that reaches it, from one builder: a server (a sandbox in-process, the
    /// sandbox over loopback, or MockHttp), what both sides share (the clock, the request log, the sandbox's options,
    /// each given once), and a client (raw HTTP, the module's connection, or a hosted engine).
    /// <code>
    /// using var h = TestBed.Sandbox().OnClock(clock).Http();                        // the emulator over raw HttpClients
    /// using var h = TestBed.Mock().OnClock(clock).Connection(enrollment: true);     // wire tests: h.Mock.When(...), h.Log
    /// using var s = TestBed.Sandbox().Engine();                                     // Connect-Nomos -Sandbox in a hosted engine
    /// using var b = TestBed.Sandbox(options).OverLoopback().Engine();               // real sockets: b.Loopback.Inject(...), b.Connect("-RateLimit 0")
    /// using var b = TestBed.Mock().Engine();                                        // cmdlets over MockHttp with -Connection $conn
    /// </code>
    /// A bed owns its server and client and closes both when disposed.
    /// </summary>
    public static class TestBed
    {
        /// <summary>A fresh sandbox seeded with <paramref name="options"/>, the defaults when null.</summary>
        public static TestBedBuilder Sandbox(SandboxOptions? options = null) => new TestBedBuilder(options, null, mock: false);

        /// <summary>This sandbox, for a test that compares sandboxes or reads one's data before serving it.</summary>
        public static TestBedBuilder Sandbox(NomosSandbox sandbox) => new TestBedBuilder(null, sandbox, mock: false);

        /// <summary>MockHttp where the production APIs are; it answers what the test sets up.</summary>
        public static TestBedBuilder Mock() => new TestBedBuilder(null, null, mock: true);
    }
}
