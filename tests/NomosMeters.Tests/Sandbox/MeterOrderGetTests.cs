using System;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using NomosMeters.Tests.TestBeds;
using Xunit;

namespace NomosMeters.Tests.Sandbox
{
    public sealed class MeterOrderGetTests : IDisposable
    {
        private readonly HttpBed _h = TestBed.Sandbox().Http();

        public void Dispose() => _h.Dispose();

        [Fact]
        public async Task KnownIdReturnsTheSameObjectAsTheListing()
        {
            var listed = (await _h.GetOkAsync("/meter-orders?limit=20")).GetProperty("items")[17];
            var id = listed.GetProperty("id").GetString()!;

            var order = await _h.GetOkAsync("/meter-orders/" + id);

            Assert.Equal(listed.GetRawText(), order.GetRawText());
            Assert.Equal(_h.Sandbox.MeterOrders[17].Id, id);
        }

        [Fact]
        public async Task CancelledOrderCarriesItsReason()
        {
            var cancelled = _h.Sandbox.MeterOrders.First(o => o.Status == "cancelled");

            var order = await _h.GetOkAsync("/meter-orders/" + cancelled.Id);

            Assert.Equal("cancelled", order.GetProperty("status").GetString());
            Assert.Equal(cancelled.CancelledReason, order.GetProperty("cancelled_reason").GetString());
            Assert.Equal(cancelled.CancelledAt, order.GetProperty("cancelled_at").GetDateTimeOffset());
        }

        [Fact]
        public async Task UnknownIdIsNotFound()
        {
            using var response = await _h.GetAsync("/meter-orders/prdo_000000000000000000000000");

            var error = await ApiAssert.ErrorAsync(response, 404, "NOT_FOUND");
            Assert.Contains("prdo_000000000000000000000000", error.GetProperty("message").GetString());
        }

        [Fact]
        public async Task EncodedSlashInTheIdIsDecodedAndNotFound()
        {
            var id = _h.Sandbox.MeterOrders[0].Id;

            using var response = await _h.GetAsync($"/meter-orders/{id}%2Fextra");

            var error = await ApiAssert.ErrorAsync(response, 404, "NOT_FOUND");
            Assert.Contains(id + "/extra", error.GetProperty("message").GetString());
        }

        [Fact]
        public async Task PercentEncodedIdIsDecoded()
        {
            var id = _h.Sandbox.MeterOrders[3].Id;
            var encoded = "%" + ((int)id[0]).ToString("X2") + id.Substring(1);

            var order = await _h.GetOkAsync("/meter-orders/" + encoded);

            Assert.Equal(id, order.GetProperty("id").GetString());
        }

        [Theory]
        [InlineData("/meter-orders/")]
        [InlineData("/meter-orders/prdo_x/extra")]
        [InlineData("/customers")]
        [InlineData("/")]
        public async Task UnknownPathIsNotFound(string path)
        {
            using var response = await _h.GetAsync(path);

            await ApiAssert.ErrorAsync(response, 404, "NOT_FOUND");
        }

        [Fact]
        public async Task WrongMethodOnAKnownPathIsMethodNotAllowed()
        {
            using var delete = await _h.SendAsync(System.Net.Http.HttpMethod.Delete, "/meter-orders/" + _h.Sandbox.MeterOrders[0].Id);
            using var put = await _h.SendAsync(System.Net.Http.HttpMethod.Put, "/meter-orders", ApiBodies.Json("{}"));

            await ApiAssert.ErrorAsync(delete, 405, "METHOD_NOT_ALLOWED");
            Assert.Equal(new[] { "GET" }, delete.Content.Headers.Allow);
            await ApiAssert.ErrorAsync(put, 405, "METHOD_NOT_ALLOWED");
            Assert.Equal(new[] { "GET", "POST" }, put.Content.Headers.Allow);
        }

        [Fact]
        public async Task RequestLogKeepsTheRawPathAndQueryInOrder()
        {
            await _h.AccessTokenAsync();
            var before = _h.Sandbox.RequestCount;

            await _h.GetOkAsync("/meter-orders?limit=3&filter%5Bstatus%5D%5Bin%5D=placed,created");
            using var missing = await _h.GetAsync("/meter-orders/nope");

            Assert.Equal(before + 2, _h.Sandbox.RequestCount);
            Assert.Equal(
                new[] { "GET /meter-orders?limit=3&filter%5Bstatus%5D%5Bin%5D=placed,created", "GET /meter-orders/nope" },
                _h.Sandbox.RequestLog.Skip(before));
            Assert.Equal("POST /oauth/token", _h.Sandbox.RequestLog[0]);
        }
    }
}
