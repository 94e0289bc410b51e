using System;
using System.Management.Automation.Host;
using NomosMeters.Sandbox;
using NomosMeters.Tests.Infrastructure;

namespace NomosMeters.Tests.TestBeds
{
    /// <summary>
    /// Which server a test bed has and what it shares with its client (the clock, the request log), then which client:
    /// <see cref="Http"/>, <see cref="Connection"/> or <see cref="Engine"/>. See <see cref="TestBed"/>.
    /// </summary>
    public sealed class TestBedBuilder
    {
        private readonly SandboxOptions? _options;
        private readonly NomosSandbox? _sandbox;
        private readonly bool _mock;
        private bool _loopback;
        private ManualTimeProvider? _clock;

        internal TestBedBuilder(SandboxOptions? options, NomosSandbox? sandbox, bool mock)
        {
            _options = options;
            _sandbox = sandbox;
            _mock = mock;
        }

        /// <summary>Runs the sandbox (its token expiry, its "today") and the module's transport on <paramref name="clock"/>.</summary>
        public TestBedBuilder OnClock(ManualTimeProvider clock)
        {
            _clock = clock;
            return this;
        }

        /// <summary>Serves the sandbox over real sockets on 127.0.0.1, where faults, latency and a rate limit can be set.</summary>
        public TestBedBuilder OverLoopback()
        {
            if (_mock)
            {
                throw new InvalidOperationException("MockHttp has no sockets: only a sandbox is served over loopback.");
            }

            _loopback = true;
            return this;
        }

        /// <summary>Raw HTTP clients of both APIs, for tests of the emulator itself.</summary>
        public HttpBed Http() => new HttpBed(Server());

        /// <summary>The module's connection to the Nomos API, and to the enrollment API too if <paramref name="enrollment"/>.</summary>
        public ConnectionBed Connection(bool enrollment = false) => new ConnectionBed(Server(), _clock, enrollment);

        /// <summary>A hosted engine with the module imported, under <paramref name="host"/> if given, reaching the server.</summary>
        public EngineBed Engine(PSHost? host = null)
        {
            if (_mock || _loopback)
            {
                return EngineBed.Over(Server(), host, _clock);
            }

            if (_options != null || _sandbox != null || _clock != null)
            {
                throw new InvalidOperationException(
                    "Connect-Nomos -Sandbox seeds its own sandbox, with the defaults on the real clock: serve one with options, a clock or a given sandbox OverLoopback().");
            }

            return EngineBed.ConnectedToItsOwnSandbox(host, new RequestLog());
        }

        private BedServer Server()
        {
            var log = new RequestLog();
            if (_mock)
            {
                return new MockServer(log);
            }

            var sandbox = Sandbox();
            return _loopback ? new LoopbackSandbox(sandbox, log) : new InProcessSandbox(sandbox, log);
        }

        private NomosSandbox Sandbox()
        {
            if (_sandbox != null)
            {
                if (_clock != null && !ReferenceEquals(_sandbox.Options.Time, _clock))
                {
                    throw new InvalidOperationException("The given sandbox runs on another clock than OnClock's.");
                }

                return _sandbox;
            }

            var options = _options ?? new SandboxOptions();
            if (_clock != null)
            {
                if (!ReferenceEquals(options.Time, TimeProvider.System) && !ReferenceEquals(options.Time, _clock))
                {
                    throw new InvalidOperationException("The clock is given twice: in SandboxOptions.Time and to OnClock.");
                }

                options.Time = _clock;
            }

            return new NomosSandbox(options);
        }
    }
}
