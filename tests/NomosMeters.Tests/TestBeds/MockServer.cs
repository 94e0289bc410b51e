using System;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using RichardSzalay.MockHttp;

namespace NomosMeters.Tests.TestBeds
{
    /// <summary>
    /// MockHttp where the production APIs are, answering only what a test sets up with <see cref="When"/>; any other
    /// request fails the call that sent it.
    /// </summary>
    public sealed class MockServer : BedServer
    {
        public const string ClientId = "client-1";
        public const string ClientSecret = "s3cr3t-value";
        public const string Base = "https://api.nomos.energy";

        public const string EnrollmentBase = "https://api.leap.energy";
        public const string EnrollmentApiKey = "leap-key-123:secret";

        private readonly MockHttpMessageHandler _mock = new MockHttpMessageHandler();

        internal MockServer(RequestLog log)
            : base(log)
            => _mock.Fallback.Respond(req => throw new InvalidOperationException("Unexpected request " + req.Method + " " + req.RequestUri));

        public override Uri NomosBaseUri { get; } = new Uri(Base);

        public override Uri EnrollmentBaseUri { get; } = new Uri(EnrollmentBase);

        public override ServerCredentials Credentials { get; } = new ServerCredentials(ClientId, ClientSecret, EnrollmentApiKey);

        public static HttpResponseMessage Json(HttpStatusCode status, string body, string mediaType = "application/json")
            => new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, mediaType) };

        /// <summary>Sets up an answer for <paramref name="method"/> on <paramref name="url"/> (<c>*</c> for any), to finish with Respond.</summary>
        public MockedRequest When(HttpMethod method, string url) => _mock.When(method, url);

        /// <summary>Answers the token endpoint with access tokens at1, at2, ... and refresh tokens rt1, rt2, ...</summary>
        public void ServeTokens(int expiresIn = 3600)
        {
            var issued = 0;
            _mock.When(HttpMethod.Post, Base + "/oauth/token").Respond(_ =>
            {
                var n = Interlocked.Increment(ref issued);
                return Json(HttpStatusCode.OK, $"{{\"access_token\":\"at{n}\",\"token_type\":\"Bearer\",\"expires_in\":{expiresIn},\"refresh_token\":\"rt{n}\",\"scope\":\"read:* write:*\"}}");
            });
        }

        public override HttpMessageHandler NewHandler() => new RecordingHandler(Log, _mock);
    }
}
