using System;
using System.Buffers;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace NomosMeters.Client.Http
{
    /// <summary>
    /// A response body read whole into a pooled buffer. Deserializing a page from a complete buffer costs about two
    /// thirds of reading it from the network stream, where System.Text.Json must be ready to stop and resume at every
    /// chunk; the page's objects are built whole either way, so holding its bytes meanwhile costs no more than one page
    /// of memory. Dispose returns the buffer to the pool.
    /// </summary>
    internal sealed class ResponseBody : IDisposable
    {
        private const int FirstRead = 16 * 1024;

        // The module's own pool, a few buffers per size: the shared pool also keeps one per thread and size, which for
        // page-sized buffers held about 8 MB more for the life of the process (benchmark 2a).
        private static readonly ArrayPool<byte> Pool = ArrayPool<byte>.Create(maxArrayLength: 1024 * 1024 * 1024, maxArraysPerBucket: 4);

        private byte[] _buffer;
        private readonly int _length;

        private ResponseBody(byte[] buffer, int length)
        {
            _buffer = buffer;
            _length = length;
        }

        /// <summary>Gets the body's bytes as they came; valid until the body is disposed.</summary>
        public ArraySegment<byte> Bytes => new ArraySegment<byte>(_buffer, 0, _length);

        /// <summary>Gets the body as UTF-8 JSON: a byte order mark, which JSON tolerates, left out.</summary>
        public ReadOnlySpan<byte> Json => HasByteOrderMark ? new ReadOnlySpan<byte>(_buffer, 3, _length - 3) : new ReadOnlySpan<byte>(_buffer, 0, _length);

        /// <summary>Gets the body's length in bytes.</summary>
        public int Length => _length;

        private bool HasByteOrderMark => _length >= 3 && _buffer[0] == 0xEF && _buffer[1] == 0xBB && _buffer[2] == 0xBF;

        /// <summary>Reads the whole body with the request's cancellation (LoadIntoBufferAsync has none).</summary>
        public static async Task<ResponseBody> ReadAsync(HttpContent content, CancellationToken cancellationToken)
        {
            var expected = content.Headers.ContentLength;
            var buffer = Pool.Rent(expected > 0 && expected < int.MaxValue ? (int)expected.Value + 1 : FirstRead);
            var length = 0;
            try
            {
                using (var stream = await content.ReadAsStreamAsync().ConfigureAwait(false))
                {
                    int read;
                    while ((read = await stream.ReadAsync(buffer, length, buffer.Length - length, cancellationToken).ConfigureAwait(false)) > 0)
                    {
                        length += read;
                        if (length == buffer.Length)
                        {
                            buffer = Grow(buffer, length);
                        }
                    }
                }
            }
            catch
            {
                Pool.Return(buffer);
                throw;
            }

            return new ResponseBody(buffer, length);
        }

        public void Dispose()
        {
            var buffer = Interlocked.Exchange(ref _buffer, Array.Empty<byte>());
            if (buffer.Length > 0)
            {
                Pool.Return(buffer);
            }
        }

        private static byte[] Grow(byte[] buffer, int length)
        {
            if (buffer.Length >= int.MaxValue / 2)
            {
                throw new InvalidDataException("The response body is larger than 1 GB.");
            }

            var larger = Pool.Rent(buffer.Length * 2);
            Buffer.BlockCopy(buffer, 0, larger, 0, length);
            Pool.Return(buffer);
            return larger;
        }
    }
}
