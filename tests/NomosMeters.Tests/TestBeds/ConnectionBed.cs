using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using NomosMeters.Client.Auth;
using NomosMeters.Client.Http;
using NomosMeters.Session;
using NomosMeters.Tests.Infrastructure;

namespace NomosMeters.Tests.TestBeds
{
    /// <summary>The module's own <see cref="NomosConnection"/> to the bed's server, its whole client stack in play.</summary>
    public sealed class ConnectionBed : Bed
    {
        // Long enough for a busy machine; only a call that never ends on the manual clock runs into it.
        private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

        internal ConnectionBed(BedServer server, ManualTimeProvider? clock, bool enrollment)
            : base(server)
        {
            Clock = clock;
            Connection = Open(server, clock, enrollment);
        }

        public NomosConnection Connection { get; }

        /// <summary>Gets the manual clock the connection runs on, or null on the real clock.</summary>
        public ManualTimeProvider? Clock { get; }

        /// <summary>Gets every retry wait <see cref="SkippingRetryWaitsAsync"/> moved the clock past, in order.</summary>
        public List<TimeSpan> RetryWaits { get; } = new List<TimeSpan>();

        /// <summary>
        /// Runs <paramref name="call"/> on the manual clock, moving time to the end of each retry wait as soon as the
        /// wait begins: the call takes every wait it would take on a real clock, the test none of them.
        /// </summary>
        public async Task<T> SkippingRetryWaitsAsync<T>(Func<NomosConnection, Task<T>> call)
        {
            var clock = Clock ?? throw new InvalidOperationException("SkippingRetryWaitsAsync needs a bed on a ManualTimeProvider.");
            var running = call(Connection);
            while (true)
            {
                var waiting = clock.WhenWaitingAsync(IsRetryWait);
                if (await Task.WhenAny(running, waiting).WaitAsync(Patience) == running)
                {
                    return await running;
                }

                var wait = await waiting;
                RetryWaits.Add(wait);
                clock.Advance(wait);
            }
        }

        /// <summary>Tells a retry wait from the other timer the transport sets, an attempt's timeout: no wait is as long.</summary>
        public bool IsRetryWait(TimeSpan dueTime) => dueTime < Connection.RequestTimeout;

        /// <summary>
        /// A connection over new handlers to <paramref name="server"/>, signed in with what it accepts. The transport keeps
        /// its own settings: a test that retries runs on a manual clock, where the waits can be passed, rather than on
        /// backoff cut short on the real clock.
        /// </summary>
        internal static NomosConnection Open(BedServer server, ManualTimeProvider? clock, bool enrollment)
        {
            var credentials = server.Credentials;
            var settings = new NomosConnectionSettings
            {
                BaseUri = server.NomosBaseUri,
                ClientId = credentials.ClientId,
                ClientSecret = SecretText.Protect(credentials.ClientSecret),
                EnrollmentBaseUri = server.EnrollmentBaseUri,
                EnrollmentApiKey = enrollment ? SecretText.Protect(credentials.EnrollmentApiKey) : null,
                Transport = new TransportOptions { Time = (TimeProvider?)clock ?? TimeProvider.System },
            };

            // In process, the connection knows its sandbox, as one from Connect-Nomos -Sandbox does.
            return NomosConnection.Create(settings, server.NewHandler, (server as InProcessSandbox)?.Sandbox);
        }

        protected override void CloseClient() => Connection.Dispose();
    }
}
