using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NomosMeters.Testing;

namespace NomosMeters.Tests.Infrastructure
{
    /// <summary>
    /// A real HTTP server (Kestrel) on 127.0.0.1 with an ephemeral port that hands each request to a
    /// HttpRequestMessage-based handler, e.g. the sandbox, so the module runs over real sockets.
    /// </summary>
    public sealed class LoopbackServer : IAsyncDisposable
    {
        private readonly WebApplication _app;

        private LoopbackServer(WebApplication app, Uri baseUri)
        {
            _app = app;
            BaseUri = baseUri;
        }

        public Uri BaseUri { get; }

        public static Task<LoopbackServer> StartAsync(Func<HttpRequestMessage, HttpContext, CancellationToken, Task<HttpResponseMessage>> handle)
            => StartAsync(async context =>
            {
                using var request = await HttpMessageBridge.ToRequestMessageAsync(context);
                using var response = await handle(request, context, context.RequestAborted);
                await HttpMessageBridge.WriteResponseAsync(context, response);
            });

        /// <summary>Starts a server that hands each raw request to <paramref name="app"/> (to write or break responses by hand).</summary>
        public static async Task<LoopbackServer> StartAsync(RequestDelegate app)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
            var web = builder.Build();
            web.Run(app);
            await web.StartAsync();
            return new LoopbackServer(web, AddressOf(web));
        }

        private static Uri AddressOf(WebApplication app)
        {
            var address = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
                .Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new Uri(address);
        }

        public async ValueTask DisposeAsync()
        {
            using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await _app.StopAsync(stopping.Token);
            await _app.DisposeAsync();
        }
    }
}
