using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading.Tasks;
using NomosMeters.Client;
using NomosMeters.Client.Nomos;
using NomosMeters.Client.Paging;
using NomosMeters.Models;
using NomosMeters.Tests.Infrastructure;
using NomosMeters.Tests.TestBeds;
using RichardSzalay.MockHttp;
using Xunit;

namespace NomosMeters.Tests.Wire
{
    /// <summary><c>GET</c> and <c>POST /meter-readings</c> on the wire: exact URLs and bodies, paging, and a POST that is never repeated once it may have acted.</summary>
    public sealed class MeterReadingWireTests
    {
        private const string Readings = MockServer.Base + "/meter-readings";

        private static readonly DateTimeOffset Start = new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);

        private static InsertMeterReadingBody Body(string? message = null)
            => new InsertMeterReadingBody { Subscription = "sub_1", Value = 14520.5m, Timestamp = new DateTimeOffset(2026, 11, 28, 8, 0, 0, TimeSpan.FromHours(1)), Message = message };

        private static void ServePosts(ConnectionBed h, params Func<HttpResponseMessage>[] answers)
        {
            var queue = new ConcurrentQueue<Func<HttpResponseMessage>>(answers);
            h.Mock.When(HttpMethod.Post, Readings).Respond(_ => queue.TryDequeue(out var next) ? next() : throw new InvalidOperationException("too many POSTs"));
        }

        [Fact]
        public async Task ListSendsEveryFilterEncodedAndFollowsCursorsUntilHasMoreIsFalse()
        {
            using var h = TestBed.Mock().Connection();
            h.Mock.ServeTokens();
            var pages = new Queue<string>(new[]
            {
                NomosSamples.ListPage(new[] { NomosSamples.Reading("mr_1"), NomosSamples.Reading("mr_2") }, "c+/=1"),
                NomosSamples.ListPage(new[] { NomosSamples.Reading("mr_3") }, null),
            });
            h.Mock.When(HttpMethod.Get, Readings).Respond(_ => MockServer.Json(HttpStatusCode.OK, pages.Dequeue()));
            var query = new MeterReadingQuery
            {
                Types = new[] { "grid_reading", "grid_estimation" },
                Subscriptions = new[] { "sub_a", "sub,b" },
                CreatedFrom = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.FromHours(1)),
                CreatedTo = new DateTimeOffset(2026, 11, 30, 12, 30, 15, 500, TimeSpan.Zero),
            };

            var ids = new List<string>();
            await foreach (var reading in h.Connection.Nomos!.MeterReadings.ListAsync(query, PageRange.All, CallContext.None))
            {
                ids.Add(reading.Id);
            }

            Assert.Equal(new[] { "mr_1", "mr_2", "mr_3" }, ids);
            const string filters = "filter%5Btype%5D%5Bin%5D=grid_reading,grid_estimation&filter%5Bsubscription%5D%5Bin%5D=sub_a,sub%2Cb" +
                                   "&filter%5Bcreated_at%5D%5Bgte%5D=2026-10-31T23%3A00%3A00Z&filter%5Bcreated_at%5D%5Blte%5D=2026-11-30T12%3A30%3A15.5Z&limit=100";
            Assert.Equal(new[] { Readings + "?" + filters, Readings + "?" + filters + "&cursor=c%2B%2F%3D1" }, h.Log.Api.Select(r => r.Wire));
            Assert.All(h.Log.Api, r => Assert.Equal("2026-05-27.curie", r.Header("X-API-Version")));
        }

        [Fact]
        public async Task OneValueOfAFilterIsSentWithEqAndFirstShrinksThePage()
        {
            using var h = TestBed.Mock().Connection();
            h.Mock.ServeTokens();
            h.Mock.When(HttpMethod.Get, Readings).Respond(_ => MockServer.Json(HttpStatusCode.OK, NomosSamples.ListPage(Enumerable.Range(1, 3).Select(i => NomosSamples.Reading("mr_" + i)), "more")));

            var ids = new List<string>();
            var query = new MeterReadingQuery { Types = new[] { "customer_report" }, Subscriptions = new[] { "sub_a" } };
            await foreach (var reading in h.Connection.Nomos!.MeterReadings.ListAsync(query, new PageRange(0, 3), CallContext.None))
            {
                ids.Add(reading.Id);
            }

            Assert.Equal(3, ids.Count);
            Assert.Equal(Readings + "?filter%5Btype%5D%5Beq%5D=customer_report&filter%5Bsubscription%5D%5Beq%5D=sub_a&limit=3", Assert.Single(h.Log.Api).Wire);
        }

        [Fact]
        public async Task AReadingIsReadWithADecimalValueAndUtcTimesAndAnUnknownTypeIntact()
        {
            using var h = TestBed.Mock().Connection();
            h.Mock.ServeTokens();
            h.Mock.When(HttpMethod.Get, Readings).Respond(_ => MockServer.Json(HttpStatusCode.OK, NomosSamples.ListPage(new[] { NomosSamples.Reading("mr_1", type: "smart_estimate", value: "0.1") }, null)));

            var reading = Assert.Single(await ToListAsync(h.Connection.Nomos!.MeterReadings.ListAsync(new MeterReadingQuery(), PageRange.All, CallContext.None)));

            Assert.Equal(0.1m, reading.Value);
            Assert.Equal("smart_estimate", reading.Type);
            Assert.Equal(new DateTimeOffset(2026, 11, 27, 23, 0, 0, TimeSpan.Zero), reading.Timestamp);
            Assert.Equal("2026-11-28", reading.Day);
            Assert.Equal(TimeSpan.Zero, reading.CreatedAt.Offset);
            Assert.Equal("meter_reading", reading.Object);
            Assert.Equal("mtr_1", reading.Meter);
        }

        [Fact]
        public async Task APostSendsTheSpecsFieldsInUtcAndLeavesOutAMissingMessage()
        {
            using var h = TestBed.Mock().Connection();
            h.Mock.ServeTokens();
            ServePosts(h, () => MockServer.Json(HttpStatusCode.OK, NomosSamples.Reading("mr_new", type: "customer_report")), () => MockServer.Json(HttpStatusCode.OK, NomosSamples.Reading("mr_two", type: "customer_report")));

            var reading = await h.Connection.Nomos!.MeterReadings.CreateAsync(Body("Read by the tenant"), CallContext.None);
            await h.Connection.Nomos!.MeterReadings.CreateAsync(Body(), CallContext.None);

            Assert.Equal("mr_new", reading.Id);
            Assert.Equal(
                new[]
                {
                    "{\"subscription\":\"sub_1\",\"value\":14520.5,\"timestamp\":\"2026-11-28T07:00:00Z\",\"message\":\"Read by the tenant\"}",
                    "{\"subscription\":\"sub_1\",\"value\":14520.5,\"timestamp\":\"2026-11-28T07:00:00Z\"}",
                },
                h.Log.Api.Select(r => r.Body));
            Assert.All(h.Log.Api, r => Assert.Equal(Readings, r.Wire));
            Assert.All(h.Log.Api, r => Assert.StartsWith("application/json", r.ContentType));
        }

        [Theory]
        [InlineData(HttpStatusCode.InternalServerError)]
        [InlineData(HttpStatusCode.BadGateway)]
        [InlineData(HttpStatusCode.ServiceUnavailable)]
        public async Task APostIsNotRepeatedAfterTheServerFailedAndMayHaveRecordedIt(HttpStatusCode status)
        {
            using var h = TestBed.Mock().OnClock(new ManualTimeProvider(Start)).Connection();
            h.Mock.ServeTokens();
            ServePosts(h, () => MockServer.Json(status, "{\"code\":\"INTERNAL_SERVER_ERROR\",\"message\":\"boom\",\"requestId\":\"r-1\",\"docs\":\"d\"}"));

            var error = await Assert.ThrowsAsync<ApiRequestException>(() => h.SkippingRetryWaitsAsync(c => c.Nomos!.MeterReadings.CreateAsync(Body(), CallContext.None)));

            Assert.Equal((int)status, error.StatusCode);
            Assert.Equal(1, error.Attempts);
            Assert.Single(h.Log.Api);
            Assert.True(error.MayHaveActed);
        }

        [Fact]
        public async Task APostIsNotRepeatedWhenTheConnectionBrokeAfterSendingNorWhenItsAnswerCannotBeRead()
        {
            using var h = TestBed.Mock().OnClock(new ManualTimeProvider(Start)).Connection();
            h.Mock.ServeTokens();
            ServePosts(
                h,
                () => throw new HttpRequestException("reset", new IOException("reset", new SocketException((int)SocketError.ConnectionReset))),
                () => MockServer.Json(HttpStatusCode.OK, "<html>proxy</html>", "text/html"));

            var reset = await Assert.ThrowsAsync<ApiRequestException>(() => h.SkippingRetryWaitsAsync(c => c.Nomos!.MeterReadings.CreateAsync(Body(), CallContext.None)));
            var unreadable = await Assert.ThrowsAsync<ApiRequestException>(() => h.SkippingRetryWaitsAsync(c => c.Nomos!.MeterReadings.CreateAsync(Body(), CallContext.None)));

            Assert.Equal("CONNECTION_FAILED", reset.Code);
            Assert.Equal("INVALID_RESPONSE", unreadable.Code);
            Assert.True(reset.MayHaveActed);
            Assert.True(unreadable.MayHaveActed);
            Assert.Equal(2, h.Log.Api.Count);
        }

        [Fact]
        public async Task APostIsRepeatedOnlyWhenTheServerProvablyDidNotActOnIt()
        {
            using var h = TestBed.Mock().OnClock(new ManualTimeProvider(Start)).Connection();
            h.Mock.ServeTokens();
            ServePosts(
                h,
                () => MockServer.Json(HttpStatusCode.TooManyRequests, "{\"code\":\"TOO_MANY_REQUESTS\",\"message\":\"slow down\",\"requestId\":\"r-1\",\"docs\":\"d\"}"),
                () => throw new HttpRequestException("refused", new SocketException((int)SocketError.ConnectionRefused)),
                () => MockServer.Json(HttpStatusCode.OK, NomosSamples.Reading("mr_new", type: "customer_report")));

            var reading = await h.SkippingRetryWaitsAsync(c => c.Nomos!.MeterReadings.CreateAsync(Body(), CallContext.None));

            Assert.Equal("mr_new", reading.Id);
            Assert.Equal(3, h.Log.Api.Count);
        }

        [Fact]
        public async Task ARefusalIsReportedAsNotActedOn()
        {
            using var h = TestBed.Mock().Connection();
            h.Mock.ServeTokens();
            ServePosts(h, () => MockServer.Json((HttpStatusCode)422,
                "{\"code\":\"UNPROCESSABLE_ENTITY\",\"message\":\"no active meter\",\"requestId\":\"r-2\",\"docs\":\"d\",\"errors\":[{\"code\":\"unsupported_meter_reading\",\"field\":\"subscription\",\"message\":\"no active meter\"}]}"));

            var error = await Assert.ThrowsAsync<ApiRequestException>(() => h.Connection.Nomos!.MeterReadings.CreateAsync(Body(), CallContext.None));

            Assert.Equal("NomosMeters.UnsupportedMeterReading", error.ErrorId);
            Assert.False(error.MayHaveActed);
            Assert.Single(h.Log.Api);
        }

        private static async Task<List<MeterReading>> ToListAsync(IAsyncEnumerable<MeterReading> stream)
        {
            var list = new List<MeterReading>();
            await foreach (var item in stream)
            {
                list.Add(item);
            }

            return list;
        }
    }
}
