using System;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http;
using System.Net.Http.Json;
using System.Threading;
using System.Threading.Tasks;

namespace NomosMeters.Benchmarks.Server
{
    /// <summary>The sandbox server running in a child process (see <see cref="ServeVerb"/>), and its control endpoints.</summary>
    internal sealed class ServerProcess : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly HttpClient _control = new HttpClient();

        private ServerProcess(Process process, Uri baseUri)
        {
            _process = process;
            BaseUri = baseUri;
        }

        public Uri BaseUri { get; }

        public int ProcessId => _process.Id;

        public static async Task<ServerProcess> StartAsync(int orders, int enrollments)
        {
            var process = Process.Start(SelfProcess.StartInfo(
                "serve", "--orders", orders.ToString(CultureInfo.InvariantCulture), "--enrollments", enrollments.ToString(CultureInfo.InvariantCulture)))!;
            try
            {
                _ = process.StandardError.ReadToEndAsync();
                var line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromMinutes(3));
                if (line == null || !line.StartsWith("listening ", StringComparison.Ordinal))
                {
                    throw new InvalidOperationException("The sandbox server did not start: " + line);
                }

                return new ServerProcess(process, new Uri(line.Substring("listening ".Length)));
            }
            catch
            {
                // Whatever went wrong (no answer in time, a bad line), the child does not outlive the harness.
                process.Kill(entireProcessTree: true);
                process.Dispose();
                throw;
            }
        }

        /// <summary>Sets the delay before every API answer and the rate limit the server enforces (0 = none).</summary>
        public async Task ConfigureAsync(int latencyMs, double rateLimit = 0)
        {
            var uri = new Uri(BaseUri, FormattableString.Invariant($"/_config?latency_ms={latencyMs}&rate_limit={rateLimit}"));
            (await _control.PostAsync(uri, null)).EnsureSuccessStatusCode();
        }

        public async Task ResetStatsAsync() => (await _control.PostAsync(new Uri(BaseUri, "/_stats/reset"), null)).EnsureSuccessStatusCode();

        public async Task<StatsSnapshot> StatsAsync() => (await _control.GetFromJsonAsync<StatsSnapshot>(new Uri(BaseUri, "/_stats")))!;

        public async ValueTask DisposeAsync()
        {
            _control.Dispose();
            try
            {
                try
                {
                    // Closing its input is the server's signal to stop; a server that already died makes this throw.
                    _process.StandardInput.Close();
                    using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                    await _process.WaitForExitAsync(patience.Token);
                }
                catch (Exception)
                {
                    // Not stopped on its own (or could not be told to): killed below. The harness's own error, if
                    // any, is the one that matters.
                }

                if (!_process.HasExited)
                {
                    _process.Kill(entireProcessTree: true);
                }
            }
            finally
            {
                _process.Dispose();
            }
        }
    }
}
