using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using NomosMeters.Client.Auth;
using Xunit;
using NomosMeters.Session;

namespace NomosMeters.Tests.Unit
{
    /// <summary>
    /// A service's transport (its HttpClient and handler) is closed when the last connection using it closes, and
    /// never while one still does.
    /// </summary>
    public sealed class ServiceOwnershipTests
    {
        private readonly List<DisposalRecorder> _handlers = new List<DisposalRecorder>();

        [Fact]
        public void EachServiceGetsATransportOfItsOwn()
        {
            using var connection = Connect(nomos: true, enrollment: true);

            Assert.Equal(2, _handlers.Count);
            Assert.NotSame(connection.Nomos!.Transport, connection.Enrollment!.Transport);
        }

        [Fact]
        public void AServiceKeptByTheNextConnectionStaysOpenWhenTheFirstCloses()
        {
            var first = Connect(nomos: true, enrollment: true);
            var merged = Connect(nomos: false, enrollment: true).KeepingServicesOf(first);
            var (firstNomos, firstEnrollment, newEnrollment) = (_handlers[0], _handlers[1], _handlers[2]);

            first.Dispose();
            Assert.False(firstNomos.Disposed);
            Assert.True(firstEnrollment.Disposed);
            Assert.False(newEnrollment.Disposed);
            Assert.Same(merged.Nomos, first.Nomos);
            Assert.True(merged.IsConnected);

            merged.Dispose();
            Assert.All(_handlers, h => Assert.True(h.Disposed));
        }

        [Fact]
        public void AMergedConnectionClosedFirstLeavesTheServicesItBorrowedOpen()
        {
            var first = Connect(nomos: true, enrollment: false);
            var merged = Connect(nomos: false, enrollment: true).KeepingServicesOf(first);

            merged.Dispose();
            Assert.False(_handlers[0].Disposed);
            Assert.True(_handlers[1].Disposed);
            Assert.True(first.IsConnected);

            first.Dispose();
            Assert.True(_handlers[0].Disposed);
        }

        [Fact]
        public void ASharedConnectionIsClosedOnItsOwnAndClosingTwiceCountsOnce()
        {
            var current = Connect(nomos: true, enrollment: false);
            var scripts = current.Share();

            current.Dispose();
            current.Dispose();
            Assert.False(current.IsConnected);
            Assert.True(scripts.IsConnected);
            Assert.False(_handlers.Single().Disposed);

            scripts.Dispose();
            Assert.True(_handlers.Single().Disposed);
        }

        private NomosConnection Connect(bool nomos, bool enrollment)
        {
            var settings = new NomosConnectionSettings
            {
                AccessToken = nomos ? SecretText.Protect("token") : null,
                EnrollmentApiKey = enrollment ? SecretText.Protect("key") : null,
            };
            return NomosConnection.Create(settings, () =>
            {
                var handler = new DisposalRecorder();
                _handlers.Add(handler);
                return handler;
            });
        }

        private sealed class DisposalRecorder : HttpMessageHandler
        {
            public bool Disposed { get; private set; }

            protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
                => throw new InvalidOperationException("No request is expected.");

            protected override void Dispose(bool disposing)
            {
                Disposed = true;
                base.Dispose(disposing);
            }
        }
    }
}
