using System;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NomosMeters.Sandbox;
using NomosMeters.Testing;

namespace NomosMeters.Benchmarks.Server
{
    /// <summary>
    /// The sandbox over real sockets (Kestrel on 127.0.0.1), with a latency before every API answer and optionally
    /// the API's rate limit (429 with Retry-After beyond it), as a token bucket or as a rolling window.
    /// <c>POST /_config?latency_ms=&amp;rate_limit=&amp;window_limit=</c> changes them, <c>GET /_stats</c> reports
    /// what was answered, <c>POST /_stats/reset</c> starts counting again.
    /// </summary>
    internal sealed class SandboxWebServer : IAsyncDisposable
    {
        private readonly NomosSandbox _sandbox;
        private readonly ServerStats _stats = new ServerStats();
        private WebApplication? _app;
        private volatile int _latencyMs;
        private volatile TokenBucket? _bucket;
        private volatile RollingWindow? _window;

        public SandboxWebServer(NomosSandbox sandbox) => _sandbox = sandbox;

        public Uri BaseUri { get; private set; } = null!;

        public async Task StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
            _app = builder.Build();
            _app.Run(HandleAsync);
            await _app.StartAsync();
            var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            BaseUri = new Uri(address);
        }

        public async ValueTask DisposeAsync()
        {
            if (_app != null)
            {
                await _app.StopAsync();
                await _app.DisposeAsync();
            }
        }

        private async Task HandleAsync(HttpContext context)
        {
            var path = context.Request.Path.Value ?? string.Empty;
            if (path.StartsWith("/_", StringComparison.Ordinal))
            {
                await ControlAsync(context, path);
                return;
            }

            // The token endpoint is neither delayed, limited nor counted: the measurements are about API calls.
            var api = !path.EndsWith("/oauth/token", StringComparison.Ordinal);
            if (!api)
            {
                await AnswerAsync(context, path, api);
                return;
            }

            _stats.Begin();
            try
            {
                await AnswerAsync(context, path, api);
            }
            finally
            {
                _stats.End();
            }
        }

        private async Task AnswerAsync(HttpContext context, string path, bool api)
        {
            using var request = await HttpMessageBridge.ToRequestMessageAsync(context);
            if (api)
            {
                _stats.CountRequest(path.EndsWith("/enrollments/search", StringComparison.Ordinal));
                if ((_bucket is TokenBucket bucket && !bucket.TryTake()) || (_window is RollingWindow window && !window.TryTake()))
                {
                    _stats.CountThrottled();
                    context.Response.StatusCode = 429;
                    context.Response.Headers["Retry-After"] = "1";
                    context.Response.ContentType = "application/json";
                    await context.Response.WriteAsync("{\"code\":\"TOO_MANY_REQUESTS\",\"message\":\"Wait 1 second before retrying.\"}");
                    return;
                }

                if (_latencyMs > 0)
                {
                    await Task.Delay(_latencyMs, context.RequestAborted);
                }
            }

            using var response = await _sandbox.HandleAsync(request, context.RequestAborted);
            await HttpMessageBridge.WriteResponseAsync(context, response);
        }

        private async Task ControlAsync(HttpContext context, string path)
        {
            switch (path)
            {
                case "/_config":
                    _latencyMs = (int)Number(context, "latency_ms");
                    var limit = Number(context, "rate_limit");
                    _bucket = limit > 0 ? new TokenBucket(limit) : null;
                    var windowLimit = (int)Number(context, "window_limit");
                    _window = windowLimit > 0 ? new RollingWindow(windowLimit) : null;
                    context.Response.StatusCode = 204;
                    return;
                case "/_stats/reset":
                    _stats.Reset();
                    context.Response.StatusCode = 204;
                    return;
                case "/_stats":
                    context.Response.ContentType = "application/json";
                    await context.Response.WriteAsync(JsonSerializer.Serialize(_stats.Snapshot()));
                    return;
                default:
                    context.Response.StatusCode = 404;
                    return;
            }
        }

        private static double Number(HttpContext context, string name)
            => double.TryParse(context.Request.Query[name].FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : 0;
    }
}
