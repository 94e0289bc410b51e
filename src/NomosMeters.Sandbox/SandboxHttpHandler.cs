using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace NomosMeters.Sandbox
{
    /// <summary>Serves an <see cref="HttpClient"/> from a <see cref="NomosSandbox"/> without a network.</summary>
    internal sealed class SandboxHttpHandler : HttpMessageHandler
    {
        private readonly NomosSandbox _sandbox;

        public SandboxHttpHandler(NomosSandbox sandbox) => _sandbox = sandbox;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            => _sandbox.HandleAsync(request, cancellationToken);
    }
}
