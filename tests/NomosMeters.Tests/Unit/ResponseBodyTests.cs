using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using NomosMeters.Client.Http;
using Xunit;

namespace NomosMeters.Tests.Unit
{
    /// <summary>A response body read whole into a pooled buffer before it is deserialized.</summary>
    public sealed class ResponseBodyTests
    {
        private static readonly byte[] Bom = { 0xEF, 0xBB, 0xBF };

        [Theory]
        [InlineData(0)]
        [InlineData(1)]
        [InlineData(16 * 1024)]
        [InlineData(16 * 1024 + 1)]
        [InlineData(900_000)]
        public async Task ABodyWithoutALengthIsReadWholeHoweverLong(int length)
        {
            var bytes = Bytes(length);

            using var body = await ResponseBody.ReadAsync(new StreamContent(new TrickleStream(bytes, 1000)), CancellationToken.None);

            Assert.Equal(length, body.Length);
            Assert.Equal(bytes, body.Bytes.ToArray());
        }

        [Fact]
        public async Task ABodyWithItsLengthIsReadWhole()
        {
            var bytes = Bytes(70_000);
            var content = new ByteArrayContent(bytes);
            Assert.Equal(70_000, content.Headers.ContentLength);

            using var body = await ResponseBody.ReadAsync(content, CancellationToken.None);

            Assert.Equal(bytes, body.Bytes.ToArray());
        }

        [Fact]
        public async Task JsonLeavesOutAByteOrderMarkAndBytesKeepIt()
        {
            var json = System.Text.Encoding.UTF8.GetBytes("{\"id\":\"prdo_1\"}");

            using var body = await ResponseBody.ReadAsync(new ByteArrayContent(Bom.Concat(json).ToArray()), CancellationToken.None);

            Assert.Equal(json, body.Json.ToArray());
            Assert.Equal(Bom.Concat(json).ToArray(), body.Bytes.ToArray());
        }

        [Fact]
        public async Task ABodyThatStopsComingIsGivenUpWhenTheRequestIsCancelled()
        {
            using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

            await Assert.ThrowsAnyAsync<OperationCanceledException>(
                () => ResponseBody.ReadAsync(new StreamContent(new StalledStream()), cancel.Token));
        }

        private static byte[] Bytes(int length)
        {
            var bytes = new byte[length];
            new Random(length).NextBytes(bytes);
            return bytes;
        }

        // A network stream hands out a body in pieces of its own size, and has no length.
        private sealed class TrickleStream : MemoryStream
        {
            private readonly int _piece;

            public TrickleStream(byte[] bytes, int piece)
                : base(bytes) => _piece = piece;

            public override bool CanSeek => false;

            public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, _piece));

            public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
                => base.ReadAsync(buffer, offset, Math.Min(count, _piece), cancellationToken);

            public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
                => base.ReadAsync(buffer.Slice(0, Math.Min(buffer.Length, _piece)), cancellationToken);
        }

        // Sends the first bytes, then nothing more until the reader gives up.
        private sealed class StalledStream : MemoryStream
        {
            private bool _sent;

            public override bool CanSeek => false;

            public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
                => ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

            public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
            {
                if (!_sent)
                {
                    _sent = true;
                    buffer.Span[0] = (byte)'{';
                    return 1;
                }

                await Task.Delay(Timeout.Infinite, cancellationToken);
                return 0;
            }
        }
    }
}
