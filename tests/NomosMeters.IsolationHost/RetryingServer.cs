using System;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace NomosMeters.IsolationHost
{
    /// <summary>
    /// A loopback API that answers the first request 503 (Retry-After: 0) and every later one 404, so one call
    /// goes through a real retry of the module's retry pipeline without waiting.
    /// </summary>
    internal sealed class RetryingServer : IDisposable
    {
        private readonly HttpListener _listener = new HttpListener();
        private int _requests;

        public RetryingServer()
        {
            BaseUri = new Uri($"http://127.0.0.1:{FreePort()}/");
            _listener.Prefixes.Add(BaseUri.AbsoluteUri);
            _listener.Start();
            _ = Task.Run(ServeAsync);
        }

        public Uri BaseUri { get; }

        public int Requests => Volatile.Read(ref _requests);

        public void Dispose() => _listener.Close();

        private async Task ServeAsync()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync().ConfigureAwait(false);
                }
                catch (Exception) when (!_listener.IsListening)
                {
                    return;
                }

                var first = Interlocked.Increment(ref _requests) == 1;
                var response = context.Response;
                response.StatusCode = first ? 503 : 404;
                response.ContentType = "application/json";
                if (first)
                {
                    response.Headers["Retry-After"] = "0";
                }

                var body = first
                    ? "{\"code\":\"SERVICE_UNAVAILABLE\",\"message\":\"Try again.\",\"requestId\":\"req_1\"}"
                    : "{\"code\":\"NOT_FOUND\",\"message\":\"No such meter order.\",\"requestId\":\"req_2\"}";
                var bytes = Encoding.UTF8.GetBytes(body);
                await response.OutputStream.WriteAsync(bytes).ConfigureAwait(false);
                response.Close();
            }
        }

        private static int FreePort()
        {
            using var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            return ((IPEndPoint)probe.LocalEndpoint).Port;
        }
    }
}
