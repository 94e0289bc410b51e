using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading.Tasks;
using NomosMeters.Tests.TestBeds;
using Xunit;

namespace NomosMeters.Tests.Sandbox
{
    /// <summary>
    /// A path the sandbox does not emulate gets the 404 of the API it was sent to, in that API's error shape: the
    /// Nomos envelope <c>{code, message, requestId, docs}</c>, the enrollment API's <c>{title, status, details}</c>.
    /// </summary>
    public sealed class UnknownPathTests
    {
        [Theory]
        [InlineData("GET", "/customers/cus_3r7t1y5u9i2o6p0a4s8d1f5g")]
        [InlineData("DELETE", "/invoices")]
        [InlineData("POST", "/v2/meters/enrollments/search")]
        public async Task AnUnknownNomosPathIsTheNomosNotFoundEnvelope(string method, string path)
        {
            using var h = TestBed.Sandbox().Http();

            using var response = await h.SendAsync(new HttpMethod(method), path, ApiBodies.Json("{}"));

            var body = await ApiAssert.ErrorAsync(response, 404, "NOT_FOUND");
            Assert.Equal("No resource at " + path, body.GetProperty("message").GetString());
        }

        [Theory]
        [InlineData("GET", "/customers")]
        [InlineData("GET", "/v2/not-a-resource")]
        [InlineData("POST", "/meter-orders")]
        public async Task AnUnknownEnrollmentPathIsTheEnrollmentNotFoundBody(string method, string path)
        {
            using var h = TestBed.Sandbox().Http();

            using var response = await h.EnrollmentHttp.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = ApiBodies.Json("{}") });

            Assert.Equal(404, (int)response.StatusCode);
            Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType!.ToString());
            var body = await ApiBodies.ReadJsonAsync(response);
            Assert.Equal("Not found", body.GetProperty("title").GetString());
            Assert.Equal(404, body.GetProperty("status").GetInt32());
            Assert.Equal(path, body.GetProperty("details").GetProperty("path").GetString());
            Assert.False(body.TryGetProperty("code", out _));
        }

        [Theory]
        [InlineData("/v1/meters/{0}")]
        [InlineData("/x/meters/{0}/enrollments")]
        public async Task AMeterPathOutsideV2IsNotFoundEvenForAKnownMeter(string template)
        {
            using var h = TestBed.Sandbox().Http();
            var path = string.Format(System.Globalization.CultureInfo.InvariantCulture, template, h.Sandbox.MeterEnrollments[0].MeterId);

            using var response = await h.EnrollmentHttp.GetAsync(path);

            Assert.Equal(404, (int)response.StatusCode);
            Assert.Equal(path, (await ApiBodies.ReadJsonAsync(response)).GetProperty("details").GetProperty("path").GetString());
        }

        [Fact]
        public async Task OneAddressForBothApisStillTellsThemApartByTheEnrollmentPaths()
        {
            using var h = TestBed.Sandbox().OverLoopback().Http();
            Assert.Equal(h.Server.NomosBaseUri, h.Server.EnrollmentBaseUri);

            using var nomos = await h.GetAsync("/customers");
            using var enrollment = await h.EnrollmentHttp.GetAsync("/v2/not-a-resource");

            await ApiAssert.ErrorAsync(nomos, 404, "NOT_FOUND");
            Assert.Equal("Not found", (await ApiBodies.ReadJsonAsync(enrollment)).GetProperty("title").GetString());
        }

        [Fact]
        public async Task AnUnknownPathStillNeedsTheApisCredentials()
        {
            using var h = TestBed.Sandbox().Http();

            using var nomos = await h.Http.GetAsync("/customers");
            using var enrollment = await h.EnrollmentHttp.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/customers") { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", "wrong") } });

            await ApiAssert.ErrorAsync(nomos, 401, "UNAUTHORIZED");
            Assert.Equal(401, (int)enrollment.StatusCode);
            Assert.Equal("Unauthorized", (await ApiBodies.ReadJsonAsync(enrollment)).GetProperty("title").GetString());
        }
    }
}
