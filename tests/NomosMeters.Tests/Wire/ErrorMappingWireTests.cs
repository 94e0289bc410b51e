using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using NomosMeters.Client;
using NomosMeters.Tests.Infrastructure;
using RichardSzalay.MockHttp;
using NomosMeters.Tests.TestBeds;
using Xunit;

namespace NomosMeters.Tests.Wire
{
    public sealed class ErrorMappingWireTests
    {
        [Fact]
        public async Task ErrorEnvelopeBecomesExceptionWithCodeMessageRequestIdAndFieldErrors()
        {
            using var h = TestBed.Mock().Connection();
            h.Mock.ServeTokens();
            h.Mock.When(HttpMethod.Post, MockServer.Base + "/meter-orders").Respond(_ => MockServer.Json(HttpStatusCode.Conflict,
                "{\"code\":\"CONFLICT\",\"message\":\"Unique value already used\",\"requestId\":\"req-77\",\"docs\":\"https://docs.nomos.energy/api-references/errors/CONFLICT\"," +
                "\"errors\":[{\"code\":\"duplicate_meter_order\",\"field\":\"subscription\",\"message\":\"The subscription already has a meter order.\"}]}"));

            var error = await Assert.ThrowsAsync<ApiRequestException>(() => h.Connection.Nomos!.MeterOrders.CreateAsync("sub_1", CallContext.None));

            Assert.Equal(409, error.StatusCode);
            Assert.Equal("CONFLICT", error.Code);
            Assert.Equal("NomosMeters.DuplicateMeterOrder", error.ErrorId);
            Assert.Equal("duplicate_meter_order", error.BusinessCode);
            Assert.Equal("req-77", error.RequestId);
            Assert.Equal("https://docs.nomos.energy/api-references/errors/CONFLICT", error.Docs);
            var field = Assert.Single(error.FieldErrors);
            Assert.Equal("duplicate_meter_order", field.Code);
            Assert.Equal("subscription", field.Field);
            Assert.Contains("Unique value already used", error.Message);
            Assert.Contains("subscription: The subscription already has a meter order. [duplicate_meter_order]", error.Message);
            Assert.Contains("request id req-77", error.Message);
            Assert.Contains("POST /meter-orders", error.Message);
            var sent = h.Log.Api.Single();
            Assert.Equal("{\"subscription\":\"sub_1\"}", sent.Body);
            Assert.StartsWith("application/json", sent.ContentType);
        }

        [Fact]
        public async Task LegacyWrappedEnvelopeIsRead()
        {
            using var h = TestBed.Mock().Connection();
            h.Mock.ServeTokens();
            h.Mock.When(HttpMethod.Get, MockServer.Base + "/meter-orders/x").Respond(_ => MockServer.Json(HttpStatusCode.Forbidden,
                "{\"error\":{\"code\":\"FORBIDDEN\",\"message\":\"Missing scope read:*\",\"requestId\":\"r9\",\"docs\":\"d\"}}"));

            var error = await Assert.ThrowsAsync<ApiRequestException>(() => h.Connection.Nomos!.MeterOrders.GetAsync("x", CallContext.None));

            Assert.Equal("NomosMeters.Forbidden", error.ErrorId);
            Assert.Equal("Missing scope read:*", error.ApiMessage);
            Assert.Equal("r9", error.RequestId);
        }

        [Theory]
        [InlineData("text/plain", "An error happened whilst processing your request", "An error happened whilst processing your request")]
        [InlineData("text/html", "<html><h1>502 Bad Gateway</h1></html>", "HTML page instead of an API error")]
        public async Task NonJsonErrorBodiesStillGiveAReadableMessage(string mediaType, string body, string expected)
        {
            // A 502 is retried first: the manual clock passes the waits.
            using var h = TestBed.Mock().OnClock(new ManualTimeProvider(DateTimeOffset.UnixEpoch)).Connection();
            h.Mock.ServeTokens();
            h.Mock.When(HttpMethod.Get, MockServer.Base + "/meter-orders/x").Respond(_ => MockServer.Json(HttpStatusCode.BadGateway, body, mediaType));

            var error = await Assert.ThrowsAsync<ApiRequestException>(() => h.SkippingRetryWaitsAsync(c => c.Nomos!.MeterOrders.GetAsync("x", CallContext.None)));

            Assert.Equal(502, error.StatusCode);
            Assert.Equal("NomosMeters.BadGateway", error.ErrorId);
            Assert.Contains(expected, error.ApiMessage);
        }
    }
}
