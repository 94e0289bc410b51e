using System;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http;
using System.Net.Http.Json;
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

        public static async Task<ServerProcess> StartAsync(int orders, int enrollments)
        {
            var process = Process.Start(SelfProcess.StartInfo(
                "serve", "--orders", orders.ToString(CultureInfo.InvariantCulture), "--enrollments", enrollments.ToString(CultureInfo.InvariantCulture)))!;
            _ = process.StandardError.ReadToEndAsync();
            var line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromMinutes(3));
            if (line == null || !line.StartsWith("listening ", StringComparison.Ordinal))
            {
                process.Kill(entireProcessTree: true);
                throw new InvalidOperationException("The sandbox server did not start: " + line);
            }

            return new ServerProcess(process, new Uri(line.Substring("listening ".Length)));
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
                // Closing its input is the server's signal to stop.
                _process.StandardInput.Close();
                if (!_process.WaitForExit(TimeSpan.FromSeconds(5)))
                {
                    _process.Kill(entireProcessTree: true);
                }
            }
            finally
            {
                _process.Dispose();
            }

            await Task.CompletedTask;
        }
    }
}
