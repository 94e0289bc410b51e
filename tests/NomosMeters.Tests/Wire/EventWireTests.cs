using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using NomosMeters.Client;
using NomosMeters.Tests.Infrastructure;
using NomosMeters.Tests.TestBeds;
using RichardSzalay.MockHttp;
using Xunit;

namespace NomosMeters.Tests.Wire
{
    public sealed class EventWireTests
    {
        [Fact]
        public async Task GetByIdSendsBearerAndVersionToTheExactUrlAndReadsTheEvent()
        {
            using var h = TestBed.Mock().Connection();
            h.Mock.ServeTokens();
            h.Mock.When(HttpMethod.Get, MockServer.Base + "/events/evt_abc").Respond(_ => MockServer.Json(HttpStatusCode.OK, NomosSamples.Event("evt_abc", "meter_order.scheduled")));

            var found = await h.Connection.Nomos!.Events.GetAsync("evt_abc", CallContext.None);

            Assert.Equal("evt_abc", found.Id);
            Assert.Equal("meter_order.scheduled", found.Topic);
            Assert.Equal("prdo_evt_abc", found.MeterOrder);
            Assert.Equal("sub_evt_abc", found.Subscription);
            var sent = Assert.Single(h.Log.Api);
            Assert.Equal("GET", sent.Method);
            Assert.Equal("https://api.nomos.energy/events/evt_abc", sent.Wire);
            Assert.Equal("Bearer at1", sent.Header("Authorization"));
            Assert.Equal("2026-05-27.curie", sent.Header("X-API-Version"));
        }

        [Fact]
        public async Task AnIdWithSlashAndQuestionMarkIsEscapedAndCannotChangeThePath()
        {
            using var h = TestBed.Mock().Connection();
            h.Mock.ServeTokens();
            h.Mock.When(HttpMethod.Get, "*").Respond(_ => MockServer.Json(HttpStatusCode.NotFound,
                "{\"code\":\"NOT_FOUND\",\"message\":\"Resource not found\",\"requestId\":\"r-1\",\"docs\":\"https://docs.nomos.energy/api-references/errors/NOT_FOUND\"}"));

            var error = await Assert.ThrowsAsync<ApiRequestException>(() => h.Connection.Nomos!.Events.GetAsync("../meter-orders?x", CallContext.None));

            Assert.Equal("NomosMeters.NotFound", error.ErrorId);
            Assert.Equal("/events/..%2Fmeter-orders%3Fx", Assert.Single(h.Log.Api).Uri.AbsolutePath);
        }

        [Fact]
        public async Task AnUnknownTopicIsKeptWithItsContext()
        {
            using var h = TestBed.Mock().Connection();
            h.Mock.ServeTokens();
            h.Mock.When(HttpMethod.Get, MockServer.Base + "/events/evt_new").Respond(_ => MockServer.Json(HttpStatusCode.OK,
                "{\"id\":\"evt_new\",\"topic\":\"grid_fee_reduction.activated\",\"timestamp\":\"2026-05-27T10:15:00.000Z\",\"context\":{\"grid_fee_reduction\":\"gfr_1\",\"subscription\":\"sub_1\"}}"));

            var found = await h.Connection.Nomos!.Events.GetAsync("evt_new", CallContext.None);

            Assert.Equal("grid_fee_reduction.activated", found.Topic);
            Assert.Null(found.MeterOrder);
            Assert.Equal("gfr_1", found.Context["grid_fee_reduction"]);
        }

        [Fact]
        public async Task ASuccessAnswerThatIsNotAnEventIsRetriedAsAnInvalidResponse()
        {
            using var h = TestBed.Mock().OnClock(new ManualTimeProvider(new DateTimeOffset(2026, 5, 27, 10, 0, 0, TimeSpan.Zero))).Connection();
            h.Mock.ServeTokens();
            var answers = new Queue<string>(new[] { "{\"id\":\"evt_x\"}", NomosSamples.Event("evt_x", "meter_order.placed") });
            h.Mock.When(HttpMethod.Get, MockServer.Base + "/events/evt_x").Respond(_ => MockServer.Json(HttpStatusCode.OK, answers.Dequeue()));

            var call = h.Connection.Nomos!.Events.GetAsync("evt_x", CallContext.None);
            h.Clock!.Advance(await h.Clock.WhenWaitingAsync(h.IsRetryWait).WaitAsync(TimeSpan.FromSeconds(10)));
            var found = await call.WaitAsync(TimeSpan.FromSeconds(10));

            Assert.Equal("meter_order.placed", found.Topic);
            Assert.Equal(2, h.Log.Api.Count);
        }
    }
}
