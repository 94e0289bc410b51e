using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using NomosMeters.Sandbox;
using NomosMeters.Tests.Infrastructure;
using NomosMeters.Tests.TestBeds;
using NomosMeters.Tests.Unit;
using Xunit;

namespace NomosMeters.Tests.Sandbox
{
    /// <summary>The sandbox's events: every order's lifecycle so far, consistent with the order, served by GET /events/{id}.</summary>
    public sealed class EventTests : IDisposable
    {
        private static readonly DateTimeOffset Now = new DateTimeOffset(2026, 11, 20, 9, 30, 15, 123, TimeSpan.Zero);

        private static readonly string[] Lifecycle = { "created", "placed", "check_submitted", "check_reviewed", "scheduled", "installed", "activated" };

        private readonly HttpBed _h = TestBed.Sandbox().OnClock(new ManualTimeProvider(Now)).Http();

        public void Dispose() => _h.Dispose();

        [Fact]
        public void EveryOrderHasTheEventsOfItsLifecycleSoFarAtItsOwnTimestamps()
        {
            var problems = new List<string>();
            foreach (var order in _h.Sandbox.MeterOrders)
            {
                var events = _h.Sandbox.EventsOf(order.Id);
                var topics = events.Select(e => e.Topic.Substring("meter_order.".Length)).ToList();
                var milestones = topics.Where(t => t != "blocked" && t != "cancelled").ToList();
                void Check(bool ok, string what)
                {
                    if (!ok)
                    {
                        problems.Add($"{order.Id} ({order.Status}): {what}: {string.Join(", ", events.Select(e => e.Topic + "@" + e.Timestamp.ToString("O")))}");
                    }
                }

                Check(milestones.SequenceEqual(Lifecycle.Take(milestones.Count)), "milestones are not a prefix of the lifecycle");
                Check(order.Status == "cancelled" ? milestones.Count <= 4 && topics.Last() == "cancelled" : milestones.Last() == order.Status, "the last milestone is not the status");
                Check(events.Zip(events.Skip(1), (a, b) => a.Timestamp <= b.Timestamp).All(x => x), "timestamps go back");
                Check(events.All(e => e.Timestamp <= _h.Sandbox.Anchor), "an event after the anchor");
                Check(At(events, "created") == order.CreatedAt, "created is not at created_at");
                Check(At(events, "installed") == order.InstalledAt, "installed is not at installed_at");
                Check(At(events, "activated") == order.ActivatedAt, "activated is not at activated_at");
                Check(At(events, "cancelled") == order.CancelledAt, "cancelled is not at cancelled_at");
                Check(At(events, "blocked") == order.BlockedAt && (order.BlockedAt == null || topics.Last() == "blocked"), "blocked is not last, at blocked_at");
                Check(At(events, "scheduled") == null || At(events, "scheduled") <= order.AppointmentAt, "scheduled after its appointment");
                Check(events.All(e => e.MeterOrder == order.Id && e.Subscription == order.Subscription), "context is another order's");
                Check(events.All(e => System.Text.RegularExpressions.Regex.IsMatch(e.Id, "^evt_[0-9a-z]{24}$")), "an id is not evt_ and 24 characters");
            }

            Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems.Take(10)));
            var all = _h.Sandbox.MeterOrders.SelectMany(o => _h.Sandbox.EventsOf(o.Id)).ToList();
            Assert.Equal(all.Count, all.Select(e => e.Id).Distinct().Count());
            Assert.Equal(
                Lifecycle.Select(s => "meter_order." + s).Concat(new[] { "meter_order.blocked", "meter_order.cancelled" }).OrderBy(t => t),
                all.Select(e => e.Topic).Distinct().OrderBy(t => t));
        }

        private static DateTimeOffset? At(IReadOnlyList<SandboxEvent> events, string topic)
            => events.FirstOrDefault(e => e.Topic == "meter_order." + topic)?.Timestamp;

        [Fact]
        public async Task GetEventServesEachEventOfAnOrderAsTheSpecShapesIt()
        {
            var order = _h.Sandbox.MeterOrders.First(o => o.Status == "activated");

            foreach (var expected in _h.Sandbox.EventsOf(order.Id))
            {
                var body = await _h.GetOkAsync("/events/" + expected.Id);

                Assert.Equal(new[] { "id", "topic", "timestamp", "context" }, body.EnumerateObject().Select(p => p.Name));
                Assert.Equal(expected.Id, body.GetProperty("id").GetString());
                Assert.Equal(expected.Topic, body.GetProperty("topic").GetString());
                Assert.Equal(expected.Timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'"), body.GetProperty("timestamp").GetString());
                Assert.Equal($"{{\"meter_order\":\"{order.Id}\",\"subscription\":\"{order.Subscription}\"}}", body.GetProperty("context").GetRawText());
            }
        }

        [Fact]
        public async Task AnUnknownEventIsNotFoundAndOtherMethodsAreNotAllowed()
        {
            using var missing = await _h.GetAsync("/events/evt_000000000000000000000000");
            var error = await ApiAssert.ErrorAsync(missing, 404, "NOT_FOUND");
            Assert.Contains("evt_000000000000000000000000", error.GetProperty("message").GetString());

            using var posted = await _h.SendAsync(HttpMethod.Post, "/events/evt_000000000000000000000000", ApiBodies.Json("{}"));
            await ApiAssert.ErrorAsync(posted, 405, "METHOD_NOT_ALLOWED");

            using var list = await _h.GetAsync("/events");
            await ApiAssert.ErrorAsync(list, 404, "NOT_FOUND");
        }

        [Fact]
        public async Task ANewOrderEmitsMeterOrderCreatedServedByGetEvent()
        {
            // The index of events exists before the order does: the new order's event must join it.
            var known = _h.Sandbox.EventsOf(_h.Sandbox.MeterOrders[0].Id)[0];
            await _h.GetOkAsync("/events/" + known.Id);
            var subscription = _h.Sandbox.FreeSubscriptions[0];

            using var created = await _h.SendAsync(HttpMethod.Post, "/meter-orders", ApiBodies.Json($"{{\"subscription\":\"{subscription}\"}}"));
            var order = (await ApiBodies.ReadJsonAsync(created)).GetProperty("id").GetString()!;

            var emitted = Assert.Single(_h.Sandbox.EventsOf(order));
            Assert.Equal("meter_order.created", emitted.Topic);
            Assert.Equal(Now, emitted.Timestamp);
            var body = await _h.GetOkAsync("/events/" + emitted.Id);
            Assert.Equal("2026-11-20T09:30:15.123Z", body.GetProperty("timestamp").GetString());
            Assert.Equal(subscription, body.GetProperty("context").GetProperty("subscription").GetString());
        }

        [Fact]
        public void EventIdsAreTheSameOnEveryDayAndDifferWithTheSeed()
        {
            var today = new NomosSandbox(new SandboxOptions { Time = new ManualTimeProvider(Now) });
            var later = new NomosSandbox(new SandboxOptions { Time = new ManualTimeProvider(Now.AddDays(40)) });
            var other = new NomosSandbox(new SandboxOptions { Time = new ManualTimeProvider(Now), Seed = 7, MeterOrderCount = 50 });
            var order = today.MeterOrders[0].Id;

            Assert.Equal(today.EventsOf(order).Select(e => e.Id), later.EventsOf(order).Select(e => e.Id));
            Assert.Equal(today.EventsOf(order).Select(e => e.Timestamp.AddDays(40)), later.EventsOf(order).Select(e => e.Timestamp));
            Assert.DoesNotContain(other.MeterOrders.SelectMany(o => other.EventsOf(o.Id)).Select(e => e.Id), today.EventsOf(order).Select(e => e.Id).Contains);
        }

        [Fact]
        public void ADeliveryIsSignedWithTheDocumentedSecretAsNomosDocumentsIt()
        {
            var blocked = _h.Sandbox.MeterOrders.First(o => o.BlockedAt != null);
            var e = _h.Sandbox.EventsOf(blocked.Id).Last();
            var signedAt = Now.AddSeconds(-5);

            var delivery = _h.Sandbox.Deliver(e.Id, signedAt);

            Assert.Equal("sandbox-webhook-secret", SandboxOptions.DefaultWebhookSecret);
            var t = signedAt.ToUnixTimeSeconds();
            Assert.Equal($"t={t},v1={WebhookVerifierTests.V1(SandboxOptions.DefaultWebhookSecret, t, Encoding.UTF8.GetBytes(delivery.Body))}", delivery.Signature);
            Assert.Contains($"\"id\":\"{e.Id}\",\"topic\":\"meter_order.blocked\"", delivery.Body);
        }
    }
}
