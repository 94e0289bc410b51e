using System;
using System.Collections.Generic;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace NomosMeters.Sandbox.Nomos
{
    /// <summary>
    /// The events of an order's lifecycle so far, derived from the order itself so they always agree with it:
    /// <c>meter_order.created</c> at <c>created_at</c>, a milestone event per status reached (<c>installed</c>,
    /// <c>activated</c> and <c>cancelled</c> at their timestamps; the milestones the order has no timestamp for spread
    /// between creation and the next thing known: installation, the appointment, a block or the anchor), and
    /// <c>meter_order.blocked</c> at <c>blocked_at</c>, after the milestones, since a blocked order is still blocked.
    /// Ids are derived from the seed, the order and the topic, so they are the same every day. Nothing here draws from
    /// the seed's sequence: the orders stay what they were.
    /// </summary>
    internal sealed class MeterOrderEvents
    {
        public const string TopicPrefix = "meter_order.";

        private const string IdAlphabet = "0123456789abcdefghijklmnopqrstuvwxyz";

        // Placed to scheduled: the milestones that have no timestamp of their own on the order.
        private const int LastUntimedMilestone = 4;

        private static readonly string[] Lifecycle =
        {
            MeterOrderValues.Created, MeterOrderValues.Placed, MeterOrderValues.CheckSubmitted, MeterOrderValues.CheckReviewed,
            MeterOrderValues.Scheduled, MeterOrderValues.Installed, MeterOrderValues.Activated,
        };

        private readonly int _seed;
        private readonly DateTimeOffset _anchor;

        public MeterOrderEvents(int seed, DateTimeOffset anchor)
        {
            _seed = seed;
            _anchor = anchor;
        }

        /// <summary>The order's events, oldest first.</summary>
        public IReadOnlyList<SandboxEvent> For(SandboxMeterOrder order)
        {
            var events = new List<SandboxEvent> { New(order, MeterOrderValues.Created, order.CreatedAt) };
            if (order.Status == MeterOrderValues.Cancelled)
            {
                // How far a cancelled order had come is not on it: up to check_reviewed (it never had an appointment).
                Spread(events, order, Hash(order.Id, "reached")[0] % LastUntimedMilestone, order.CancelledAt ?? order.CreatedAt);
                events.Add(New(order, MeterOrderValues.Cancelled, order.CancelledAt ?? order.CreatedAt));
            }
            else
            {
                var reached = Array.IndexOf(Lifecycle, order.Status);
                Spread(events, order, Math.Min(reached, LastUntimedMilestone), UntimedUntil(order, reached));
                if (order.InstalledAt.HasValue)
                {
                    events.Add(New(order, MeterOrderValues.Installed, order.InstalledAt.Value));
                }

                if (order.ActivatedAt.HasValue)
                {
                    events.Add(New(order, MeterOrderValues.Activated, order.ActivatedAt.Value));
                }
            }

            if (order.BlockedAt.HasValue)
            {
                events.Add(New(order, "blocked", order.BlockedAt.Value));
            }

            return events;
        }

        // The milestones without a timestamp happened before the first thing after them that is known.
        private DateTimeOffset UntimedUntil(SandboxMeterOrder order, int reached)
        {
            var until = order.CreatedAt > _anchor ? order.CreatedAt : _anchor;
            if (order.BlockedAt.HasValue && order.BlockedAt < until)
            {
                until = order.BlockedAt.Value;
            }

            if (reached >= LastUntimedMilestone && order.AppointmentAt.HasValue && order.AppointmentAt < until)
            {
                until = order.AppointmentAt.Value;
            }

            if (order.InstalledAt.HasValue && order.InstalledAt < until)
            {
                until = order.InstalledAt.Value;
            }

            return until;
        }

        // Milestones 1..count at even steps between creation and `until`, in whole milliseconds, in lifecycle order.
        private void Spread(List<SandboxEvent> events, SandboxMeterOrder order, int count, DateTimeOffset until)
        {
            var start = order.CreatedAt.ToUnixTimeMilliseconds();
            var span = Math.Max(0, until.ToUnixTimeMilliseconds() - start);
            for (var i = 1; i <= count; i++)
            {
                events.Add(New(order, Lifecycle[i], DateTimeOffset.FromUnixTimeMilliseconds(start + (span * i / (count + 1)))));
            }
        }

        private SandboxEvent New(SandboxMeterOrder order, string what, DateTimeOffset at)
        {
            var topic = TopicPrefix + what;
            var hash = Hash(order.Id, topic);
            var id = new char[24];
            for (var i = 0; i < id.Length; i++)
            {
                id[i] = IdAlphabet[hash[i] % IdAlphabet.Length];
            }

            return new SandboxEvent("evt_" + new string(id), topic, at, order.Id, order.Subscription);
        }

        private byte[] Hash(string orderId, string purpose)
        {
            using var sha = SHA256.Create();
            return sha.ComputeHash(Encoding.UTF8.GetBytes(string.Join("/", "event", _seed.ToString(CultureInfo.InvariantCulture), orderId, purpose)));
        }
    }
}
