using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using NomosMeters.Sandbox;
using NomosMeters.Tests.Infrastructure;
using NomosMeters.Tests.TestBeds;
using Xunit;

namespace NomosMeters.Tests.Sandbox
{
    /// <summary><c>POST /meter-readings</c>: the spec's body validation, the business rules, and the timestamp moved to the Berlin day.</summary>
    public sealed class MeterReadingCreateTests : IDisposable
    {
        private static readonly DateTimeOffset Now = new DateTimeOffset(2026, 11, 20, 9, 30, 15, 123, TimeSpan.Zero);

        private readonly HttpBed _h = TestBed.Sandbox(new SandboxOptions { MeterOrderCount = 200 }).OnClock(new ManualTimeProvider(Now.AddTicks(4567))).Http();

        public void Dispose() => _h.Dispose();

        private Task<HttpResponseMessage> Post(string json) => _h.SendAsync(HttpMethod.Post, "/meter-readings", ApiBodies.Json(json));

        private string Running => _h.Sandbox.Subscriptions.First(s => !s.IsEnded && !s.HasMeterOrder).Id;

        [Theory]
        [InlineData("2026-11-20T06:45:00Z", "2026-11-19T23:00:00.000Z")]
        [InlineData("2026-11-19T23:30:00Z", "2026-11-19T23:00:00.000Z")]
        [InlineData("2026-11-19T22:59:59Z", "2026-11-18T23:00:00.000Z")]
        [InlineData("2026-07-01T12:00:00+02:00", "2026-06-30T22:00:00.000Z")]
        [InlineData("2026-03-29T23:30:00+02:00", "2026-03-28T23:00:00.000Z")]
        public async Task AReadingIsRecordedWithItsTimestampMovedToTheStartOfItsBerlinDay(string timestamp, string expected)
        {
            var subscription = _h.Sandbox.Subscriptions.First(s => s.Id == Running);

            using var response = await Post($"{{\"subscription\":\"{subscription.Id}\",\"value\":1234.5,\"timestamp\":\"{timestamp}\",\"message\":\"Read by the tenant\"}}");

            var body = await ApiBodies.ReadJsonAsync(response);
            Assert.True(response.StatusCode == HttpStatusCode.OK, body.ToString());
            Assert.Matches("^mr_[0-9a-z]{24}$", body.GetProperty("id").GetString());
            Assert.Equal("meter_reading", body.GetProperty("object").GetString());
            Assert.Equal(subscription.Id, body.GetProperty("subscription").GetString());
            Assert.Equal(subscription.Customer, body.GetProperty("customer").GetString());
            Assert.Equal(1234.5m, body.GetProperty("value").GetDecimal());
            Assert.Equal(expected, body.GetProperty("timestamp").GetString());
            Assert.Equal("customer_report", body.GetProperty("type").GetString());
            Assert.Equal("2026-11-20T09:30:15.123Z", body.GetProperty("created_at").GetString());
            Assert.Equal(_h.Sandbox.MeterReadingsOf(subscription.Id).Last().Meter, body.GetProperty("meter").GetString());
        }

        [Fact]
        public async Task ARecordedReadingIsListedFirst()
        {
            using var response = await Post($"{{\"subscription\":\"{Running}\",\"value\":7,\"timestamp\":\"2026-11-20T08:00:00Z\"}}");
            var id = (await ApiBodies.ReadJsonAsync(response)).GetProperty("id").GetString();

            var all = await _h.GetOkAsync("/meter-readings?limit=1");
            var own = await _h.GetOkAsync($"/meter-readings?limit=1&{Uri.EscapeDataString("filter[subscription][eq]")}={Running}&{Uri.EscapeDataString("filter[type][eq]")}=customer_report");

            Assert.Equal(id, all.GetProperty("items")[0].GetProperty("id").GetString());
            Assert.Equal(id, own.GetProperty("items")[0].GetProperty("id").GetString());
            Assert.Equal(id, _h.Sandbox.MeterReadingsOf(Running)[0].Id);
        }

        [Theory]
        [InlineData("{\"value\":1,\"timestamp\":\"2026-11-20T08:00:00Z\"}", "invalid_type", "subscription")]
        [InlineData("{\"subscription\":\"SUB\",\"timestamp\":\"2026-11-20T08:00:00Z\"}", "invalid_type", "value")]
        [InlineData("{\"subscription\":\"SUB\",\"value\":\"12\",\"timestamp\":\"2026-11-20T08:00:00Z\"}", "invalid_type", "value")]
        [InlineData("{\"subscription\":\"SUB\",\"value\":0,\"timestamp\":\"2026-11-20T08:00:00Z\"}", "too_small", "value")]
        [InlineData("{\"subscription\":\"SUB\",\"value\":-3.5,\"timestamp\":\"2026-11-20T08:00:00Z\"}", "too_small", "value")]
        [InlineData("{\"subscription\":\"SUB\",\"value\":1}", "invalid_type", "timestamp")]
        [InlineData("{\"subscription\":\"SUB\",\"value\":1,\"timestamp\":\"20.11.2026\"}", "invalid_format", "timestamp")]
        [InlineData("{\"subscription\":\"SUB\",\"value\":1,\"timestamp\":\"2026-11-20T08:00:00\"}", "invalid_format", "timestamp")]
        [InlineData("{\"subscription\":\"SUB\",\"value\":1,\"timestamp\":\"2026-11-20T08:00:00Z\",\"message\":42}", "invalid_type", "message")]
        [InlineData("{\"subscription\":\"SUB\",\"value\":1,\"timestamp\":\"2026-11-20T08:00:00Z\",\"meter\":\"mtr_x\"}", "unrecognized_keys", "")]
        public async Task ABodyTheSchemaRefusesIsA400NamingTheField(string json, string code, string field)
        {
            using var response = await Post(json.Replace("SUB", Running));

            await ApiAssert.FieldErrorAsync(response, 400, "BAD_REQUEST", code, field);
            Assert.DoesNotContain(_h.Sandbox.MeterReadingsOf(Running), r => r.CreatedAt >= _h.Sandbox.Anchor);
        }

        [Fact]
        public async Task AMessageOfMoreThan500CharactersIsTooBigAndEveryProblemIsListed()
        {
            using var response = await Post($"{{\"subscription\":\"{Running}\",\"value\":0,\"message\":\"{new string('x', 501)}\"}}");

            var body = await ApiAssert.ErrorAsync(response, 400, "BAD_REQUEST");
            var errors = body.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("code").GetString()!, e.GetProperty("field").GetString()!)).ToList();
            Assert.Equal(new[] { ("too_small", "value"), ("invalid_type", "timestamp"), ("too_big", "message") }, errors);
        }

        [Fact]
        public async Task AMessageOfExactly500CharactersIsAccepted()
        {
            using var response = await Post($"{{\"subscription\":\"{Running}\",\"value\":1,\"timestamp\":\"2026-11-20T08:00:00Z\",\"message\":\"{new string('x', 500)}\"}}");

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        [Fact]
        public async Task AnUnknownSubscriptionIsNotFound()
        {
            using var response = await Post("{\"subscription\":\"sub_unknown\",\"value\":1,\"timestamp\":\"2026-11-20T08:00:00Z\"}");

            var body = await ApiAssert.ErrorAsync(response, 404, "NOT_FOUND");
            Assert.Contains("sub_unknown", body.GetProperty("message").GetString());
        }

        [Fact]
        public async Task AnEndedSubscriptionHasNoActiveMeterToReadAndIsUnprocessable()
        {
            var ended = _h.Sandbox.Subscriptions.First(s => s.IsEnded).Id;

            using var response = await Post($"{{\"subscription\":\"{ended}\",\"value\":1,\"timestamp\":\"2026-11-20T08:00:00Z\"}}");

            var body = await ApiAssert.FieldErrorAsync(response, 422, "UNPROCESSABLE_ENTITY", "unsupported_meter_reading", "subscription");
            Assert.Contains("no active meter", body.GetProperty("message").GetString());
        }

        [Fact]
        public async Task ADayThatHasNotBegunInBerlinIsOutOfPeriod()
        {
            using var today = await Post($"{{\"subscription\":\"{Running}\",\"value\":1,\"timestamp\":\"2026-11-20T22:59:59Z\"}}");
            using var tomorrow = await Post($"{{\"subscription\":\"{Running}\",\"value\":1,\"timestamp\":\"2026-11-20T23:00:00Z\"}}");

            Assert.Equal(HttpStatusCode.OK, today.StatusCode);
            await ApiAssert.FieldErrorAsync(tomorrow, 422, "UNPROCESSABLE_ENTITY", "out_of_period_meter_reading", "timestamp");
        }

        [Fact]
        public async Task OtherMethodsAreNotAllowed()
        {
            using var response = await _h.SendAsync(HttpMethod.Delete, "/meter-readings");

            await ApiAssert.ErrorAsync(response, 405, "METHOD_NOT_ALLOWED");
            Assert.Equal("GET, POST", string.Join(", ", response.Content.Headers.Allow));
        }
    }
}
