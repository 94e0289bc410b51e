using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using NomosMeters.Models;
using NomosMeters.Tests.Infrastructure;
using NomosMeters.Tests.TestBeds;
using NomosMeters.Tests.Wire;
using RichardSzalay.MockHttp;
using Xunit;

namespace NomosMeters.Tests.Hosted
{
    /// <summary>Get-NomosEvent and an event piped to Get-MeterOrder, as a user types them, asserting the requests on the wire.</summary>
    [Collection(HostedEngineCollection.Name)]
    public sealed class EventCmdletWireTests : IDisposable
    {
        private readonly EngineBed _h = TestBed.Mock().Engine();

        public EventCmdletWireTests()
        {
            _h.Mock.ServeTokens();
            _h.Mock.When(HttpMethod.Get, MockServer.Base + "/events/evt_invoice").Respond(_ => MockServer.Json(HttpStatusCode.OK,
                "{\"id\":\"evt_invoice\",\"topic\":\"invoice.paid\",\"timestamp\":\"2026-06-30T12:00:00.000Z\",\"context\":{\"invoice\":\"inv_1\",\"subscription\":\"sub_1\"}}"));
            _h.Mock.When(HttpMethod.Get, MockServer.Base + "/events/evt_missing").Respond(_ => MockServer.Json(HttpStatusCode.NotFound,
                "{\"code\":\"NOT_FOUND\",\"message\":\"Event 'evt_missing' was not found\",\"requestId\":\"r-1\",\"docs\":\"https://docs.nomos.energy/api-references/errors/NOT_FOUND\"}"));
            _h.Mock.When(HttpMethod.Get, MockServer.Base + "/events/*").Respond(req => MockServer.Json(HttpStatusCode.OK, NomosSamples.Event(req.RequestUri!.Segments.Last(), "meter_order.blocked")));
            _h.Mock.When(HttpMethod.Get, MockServer.Base + "/meter-orders/*").Respond(req => MockServer.Json(HttpStatusCode.OK, NomosSamples.Order(req.RequestUri!.Segments.Last(), blockedReason: "check_missing")));
        }

        public void Dispose() => _h.Dispose();

        [Fact]
        public void IdsComeByValueAndByPropertyNameAndEachIsOneRequest()
        {
            var result = _h.Engine.Run(
                "'evt_a', ' evt_b ' | Get-NomosEvent -Connection $conn; [pscustomobject]@{ EventId = 'evt_c' } | Get-NomosEvent -Connection $conn; " +
                "Get-NomosEvent evt_d -Connection $conn | Get-NomosEvent -Connection $conn");

            result.AssertNoErrors();
            Assert.Equal(new[] { "evt_a", "evt_b", "evt_c", "evt_d" }, result.Objects<NomosEvent>().Select(e => e.Id));
            Assert.Equal(
                new[] { "evt_a", "evt_b", "evt_c", "evt_d", "evt_d" }.Select(id => MockServer.Base + "/events/" + id),
                _h.Log.Api.Select(r => r.Wire));
        }

        [Fact]
        public void AnUnknownTopicIsWrittenAsAnEventWithItsContext()
        {
            var result = _h.Engine.Run("Get-NomosEvent evt_invoice -Connection $conn | ForEach-Object { $_.Topic; $_.Context.invoice; $null -eq $_.MeterOrder }");

            result.AssertNoErrors();
            Assert.Equal(new object[] { "invoice.paid", "inv_1", true }, result.Output.Select(o => o.BaseObject));
        }

        [Fact]
        public void AnUnknownIdEmptyIdAndAnIdOfAnotherKindAreErrorsForThemAloneAndTheRestGoOn()
        {
            var result = _h.Engine.Run("'evt_missing', '', 'prdo_1', 'evt_ok' | Get-NomosEvent -Connection $conn");

            Assert.Equal("evt_ok", Assert.Single(result.Objects<NomosEvent>()).Id);
            Assert.Equal(
                new[] { "NomosMeters.NotFound", "NomosMeters.InvalidId", "NomosMeters.WrongIdKind" },
                result.Errors.Select(e => e.FullyQualifiedErrorId.Split(',')[0]));
            Assert.Equal(new object[] { "evt_missing", string.Empty, "prdo_1" }, result.Errors.Select(e => e.TargetObject));
            Assert.Contains("a meter order id (prdo_), not an event id (evt_)", result.Errors[2].ToString());
            Assert.Equal(2, _h.Log.Api.Count);
        }

        [Fact]
        public void AnEventPipedToGetMeterOrderGetsItsOrderAndAnEventWithoutOneIsAnErrorForIt()
        {
            var result = _h.Engine.Run("Get-NomosEvent evt_1, evt_invoice, evt_2 -Connection $conn | Get-MeterOrder -Connection $conn");

            Assert.Equal(new[] { "prdo_evt_1", "prdo_evt_2" }, result.Objects<MeterOrder>().Select(o => o.Id));
            var error = Assert.Single(result.Errors);
            Assert.Equal("NomosMeters.EventWithoutMeterOrder,NomosMeters.Commands.GetMeterOrderCommand", error.FullyQualifiedErrorId);
            Assert.Equal("evt_invoice", ((NomosEvent)error.TargetObject).Id);
            Assert.Equal(
                new[] { "/events/evt_1", "/events/evt_invoice", "/events/evt_2", "/meter-orders/prdo_evt_1", "/meter-orders/prdo_evt_2" }.OrderBy(p => p),
                _h.Log.Api.Select(r => r.Uri.AbsolutePath).OrderBy(p => p));
        }
    }
}
