using System;
using NomosMeters.Client.Auth;
using NomosMeters.Client.Http;
using NomosMeters.Client.Nomos;
using Xunit;

namespace NomosMeters.Tests.Unit
{
    /// <summary>
    /// A typed path stays under the service's base URI, also when that has a path of its own (a proxy or gateway
    /// in front of the API): what <see cref="ServiceEndpoint.Resolve"/> makes of it is checked, not the text alone.
    /// </summary>
    public sealed class RelativePathTests
    {
        private static ServiceEndpoint Endpoint(string baseUri)
            => new NomosEndpoint(new Uri(baseUri), NomosEndpoint.DefaultApiVersion, _ => new StaticTokenProvider(SecretText.Protect("t"), "AccessToken"), new RequestRateLimiter(0, TimeProvider.System));

        [Theory]
        [InlineData("https://gateway.example/nomos", "/customers/cus_1?a=b", "https://gateway.example/nomos/customers/cus_1?a=b")]
        [InlineData("https://gateway.example/nomos/", "customers", "https://gateway.example/nomos/customers")]
        [InlineData("https://gateway.example/nomos", "/nomos2/x", "https://gateway.example/nomos/nomos2/x")]
        [InlineData("https://api.nomos.energy", "/x?q=a b&r=%2C", "https://api.nomos.energy/x?q=a%20b&r=%2C")]
        [InlineData("https://api.nomos.energy", "/x?next=/y?z", "https://api.nomos.energy/x?next=/y?z")]
        public void APathIsResolvedUnderTheBaseUri(string baseUri, string path, string expected)
        {
            var endpoint = Endpoint(baseUri);

            var checkedPath = RelativePath.Parse(path, endpoint);

            Assert.Equal(expected, endpoint.Resolve(checkedPath.ToString()).AbsoluteUri);
        }

        [Theory]
        [InlineData("/../other/x")]
        [InlineData("/%2E%2E/other")]
        [InlineData("/x/..")]
        [InlineData("/x/%2e")]
        public void ADotSegmentCannotClimbOutOfTheBasePath(string path)
        {
            var error = Assert.Throws<ArgumentException>(() => RelativePath.Parse(path, Endpoint("https://gateway.example/nomos")));

            Assert.Contains("'..' segment", error.Message);
            Assert.Contains("https://gateway.example/nomos", error.Message);
        }

        [Fact]
        public void TheQueryIsKeptApartFromThePath()
        {
            var checkedPath = RelativePath.Parse("/invoices?limit=5&filter[status][eq]=open", Endpoint("https://api.nomos.energy"));

            Assert.Equal("/invoices", checkedPath.Path);
            Assert.Equal("limit=5&filter%5Bstatus%5D%5Beq%5D=open", checkedPath.Query);
        }
    }
}
