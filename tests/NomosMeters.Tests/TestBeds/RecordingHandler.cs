using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace NomosMeters.Tests.TestBeds
{
    /// <summary>Writes each request, body read out, to the log before the in-process server answers it.</summary>
    internal sealed class RecordingHandler : DelegatingHandler
    {
        private readonly RequestLog _log;

        public RecordingHandler(RequestLog log, HttpMessageHandler server)
            : base(server) => _log = log;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content == null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
            var recorded = new RecordedRequest(request, body);
            _log.Add(recorded);
            var response = await base.SendAsync(request, cancellationToken);

            // Only the token endpoint's body is read here: other bodies may be streams a test breaks on purpose.
            var tokenResponse = recorded.IsToken ? await response.Content.ReadAsStringAsync(cancellationToken) : null;
            recorded.Answered((int)response.StatusCode, tokenResponse);
            return response;
        }
    }
}
