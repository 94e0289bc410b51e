using System;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace NomosMeters.Tests.TestBeds
{
    /// <summary>Kestrel on 127.0.0.1, an ephemeral port, handing each raw request to one delegate.</summary>
    internal sealed class LoopbackListener : IDisposable
    {
        private readonly WebApplication _app;

        private LoopbackListener(WebApplication app)
        {
            _app = app;
            BaseUri = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        }

        public Uri BaseUri { get; }

        /// <summary>
        /// Starts listening before it returns, so a bed is ready when built, in a constructor as well as a test. Started
        /// on the thread pool: a test's synchronization context never waits on itself.
        /// </summary>
        public static LoopbackListener Start(RequestDelegate handle)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
            var app = builder.Build();
            app.Run(handle);
            Task.Run(() => app.StartAsync()).GetAwaiter().GetResult();
            return new LoopbackListener(app);
        }

        public void Dispose()
            => Task.Run(async () =>
            {
                using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await _app.StopAsync(stopping.Token);
                await _app.DisposeAsync();
            }).GetAwaiter().GetResult();
    }
}
