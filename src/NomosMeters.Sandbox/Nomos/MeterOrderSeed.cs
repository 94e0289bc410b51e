using System;
using System.Collections.Generic;
using System.Linq;

namespace NomosMeters.Sandbox.Nomos
{
    /// <summary>
    /// Builds the deterministic customers, subscriptions and meter orders: two years of orders up to the anchor whose
    /// status fits their age, milestone timestamps in lifecycle order, and spare subscriptions (some ended, plus the
    /// <see cref="WellKnownSubscriptions"/>) to create orders for. Every timestamp is relative to the anchor and no
    /// draw depends on it, so the ids are the same on every day.
    /// </summary>
    internal static class MeterOrderSeed
    {
        private const long Hour = 3_600_000L;
        private const long Day = 24 * Hour;
        private const long History = 730 * Day;
        private const long Youngest = 14 * Day;

        // Orders move on a scale of weeks (about 8 weeks to installation), so young orders sit early in the lifecycle.
        private static readonly (long MaxAge, (string Status, int Weight)[] Mix)[] MixByAge =
        {
            (Youngest, new[] { (MeterOrderValues.Created, 35), (MeterOrderValues.Placed, 30), (MeterOrderValues.CheckSubmitted, 20), (MeterOrderValues.CheckReviewed, 10), (MeterOrderValues.Cancelled, 5) }),
            (45 * Day, new[] { (MeterOrderValues.Created, 5), (MeterOrderValues.Placed, 10), (MeterOrderValues.CheckSubmitted, 15), (MeterOrderValues.CheckReviewed, 20), (MeterOrderValues.Scheduled, 35), (MeterOrderValues.Installed, 8), (MeterOrderValues.Cancelled, 7) }),
            (100 * Day, new[] { (MeterOrderValues.CheckSubmitted, 3), (MeterOrderValues.CheckReviewed, 7), (MeterOrderValues.Scheduled, 20), (MeterOrderValues.Installed, 35), (MeterOrderValues.Activated, 27), (MeterOrderValues.Cancelled, 8) }),
            (long.MaxValue, new[] { (MeterOrderValues.Scheduled, 1), (MeterOrderValues.Installed, 7), (MeterOrderValues.Activated, 82), (MeterOrderValues.Cancelled, 10) }),
        };

        private static readonly (string Provider, int Weight)[] ProviderMix = { (MeterOrderValues.Providers[0], 45), (MeterOrderValues.Providers[1], 35), (MeterOrderValues.Providers[2], 20) };

        private static readonly (int Count, int Weight)[] SubscriptionsPerCustomer = { (1, 55), (2, 30), (3, 15) };

        public static SeedData Create(int seed, int orderCount, DateTimeOffset anchorDay)
        {
            var random = new SeededRandom(seed);

            // Reserved, so no seeded id can ever take one (a redraw in that case, and only then, changes the draws).
            var used = new HashSet<string>(WellKnownSubscriptions.All.SelectMany(s => new[] { s.Id, s.Customer }), StringComparer.Ordinal);
            string NewId(string prefix)
            {
                string id;
                do
                {
                    id = random.NextId(prefix);
                }
                while (!used.Add(id));
                return id;
            }

            var anchor = anchorDay.ToUnixTimeMilliseconds();
            var createdTimes = CreatedTimes(random, orderCount, anchor);
            var data = new SeedData();
            var ordersLeft = orderCount;
            var spareLeft = Math.Max(300, orderCount / 8);
            var spareIndex = 0;
            while (ordersLeft + spareLeft > 0)
            {
                var customer = NewId("cus_");
                var count = Weighted(random, SubscriptionsPerCustomer);
                for (var k = 0; k < count && ordersLeft + spareLeft > 0; k++)
                {
                    var subscription = NewId("sub_");
                    if (random.Next(ordersLeft + spareLeft) < ordersLeft)
                    {
                        var order = CreateOrder(random, NewId("prdo_"), subscription, customer, createdTimes[orderCount - ordersLeft], anchor);
                        ordersLeft--;
                        data.Orders.Add(order);

                        // Some customers whose order was cancelled have since left.
                        var ended = order.Status == MeterOrderValues.Cancelled && random.Chance(0.3);
                        data.Subscriptions.Add(new SandboxSubscription(subscription, customer, hasMeterOrder: true, isEnded: ended));
                    }
                    else
                    {
                        spareLeft--;
                        data.Subscriptions.Add(new SandboxSubscription(subscription, customer, hasMeterOrder: false, isEnded: spareIndex++ % 4 == 3));
                    }
                }
            }

            // Last, so every seeded subscription keeps its place in the list.
            data.Subscriptions.AddRange(WellKnownSubscriptions.All);
            return data;
        }

        // Distinct creation instants spread over the history (one per time slot, so no two are equal), in random order.
        private static long[] CreatedTimes(SeededRandom random, int count, long anchor)
        {
            var times = new long[count];
            var start = anchor - History;
            var step = Math.Max(1, (History - Day) / Math.Max(1, count));
            for (var i = 0; i < count; i++)
            {
                times[i] = start + (i * step) + random.NextInt64(0, step);
            }

            // Newest first, a tie (from rounding) moves the older order a millisecond back.
            for (var i = count - 1; i >= 0; i--)
            {
                times[i] = anchor - YoungAge(anchor - times[i]);
                if (i < count - 1 && times[i] >= times[i + 1])
                {
                    times[i] = times[i + 1] - 1;
                }
            }

            for (var i = count - 1; i > 0; i--)
            {
                var j = random.Next(i + 1);
                (times[i], times[j]) = (times[j], times[i]);
            }

            return times;
        }

        // The slots end a day before the anchor. The youngest bucket's ages (1 to 14 days) are spread over 0 to 14 days,
        // crowding towards the anchor, so orders were created in the last day, the newest within seconds of it.
        // Within that bucket no draw depends on the age, so every id and status stays what it was. At least 2 ms:
        // a cancellation or block still fits between creation and the anchor.
        private static long YoungAge(long age)
        {
            if (age > Youngest)
            {
                return age;
            }

            var spread = Timeline.Closer(Math.Max(0, age - Day) * (double)Youngest / (Youngest - Day), Youngest);
            return Math.Max(2, (long)Math.Round(spread));
        }

        private static SandboxMeterOrder CreateOrder(SeededRandom random, string id, string subscription, string customer, long created, long anchor)
        {
            var age = anchor - created;
            var status = StatusFor(random, age);
            var provider = Weighted(random, ProviderMix);
            long? installed = null, activated = null, cancelled = null, appointment = null, blocked = null;
            string? cancelledReason = null, blockedReason = null;

            // Each milestone falls between its predecessor and the anchor (installed orders are at least 14 days old).
            switch (status)
            {
                case MeterOrderValues.Installed:
                case MeterOrderValues.Activated:
                    appointment = WorkingHourOn(random, created + Math.Min(random.NextInt64(30 * Day, 80 * Day), Percent(random, age, 50, 85)));
                    installed = appointment + random.NextInt64(Hour / 2, 4 * Hour);
                    if (status == MeterOrderValues.Activated)
                    {
                        activated = installed + Math.Max(1, Math.Min(random.NextInt64(Day, 21 * Day), Percent(random, anchor - installed.Value, 30, 90)));
                    }

                    break;
                case MeterOrderValues.Scheduled:
                    // The appointment can lie after the anchor: a scheduled order waits for it.
                    appointment = WorkingHourOn(random, created + random.NextInt64(20 * Day, 70 * Day));
                    break;
                case MeterOrderValues.Cancelled:
                    cancelled = created + Math.Max(1, Math.Min(random.NextInt64(Day, 60 * Day), Percent(random, age, 20, 90)));
                    cancelledReason = random.Chance(0.4) ? MeterOrderValues.CancelledReasons[0] : MeterOrderValues.CancelledReasons[1];
                    break;
            }

            if (MeterOrderValues.CanBeBlocked(status) && random.Chance(0.10))
            {
                blocked = created + Math.Max(1, Percent(random, age, 10, 90));
                blockedReason = random.Pick(MeterOrderValues.BlockedReasons);
            }

            return new SandboxMeterOrder(
                id,
                subscription,
                customer,
                provider,
                status,
                At(created),
                installedAt: At(installed),
                activatedAt: At(activated),
                cancelledAt: At(cancelled),
                cancelledReason: cancelledReason,
                blockedAt: At(blocked),
                blockedReason: blockedReason,
                appointmentAt: At(appointment));
        }

        private static string StatusFor(SeededRandom random, long age)
        {
            foreach (var (maxAge, mix) in MixByAge)
            {
                if (age <= maxAge)
                {
                    return Weighted(random, mix);
                }
            }

            throw new InvalidOperationException("The last age bucket is unbounded.");
        }

        private static T Weighted<T>(SeededRandom random, (T Value, int Weight)[] choices)
        {
            var total = 0;
            foreach (var choice in choices)
            {
                total += choice.Weight;
            }

            var roll = random.Next(total);
            foreach (var choice in choices)
            {
                roll -= choice.Weight;
                if (roll < 0)
                {
                    return choice.Value;
                }
            }

            throw new InvalidOperationException("Weights must be positive.");
        }

        private static long Percent(SeededRandom random, long span, int minPercent, int maxPercent) => span * random.NextInt64(minPercent, maxPercent) / 100;

        // Installers come during working hours: 06:00-15:00 UTC is 07:00/08:00-16:00/17:00 in Germany.
        private static long WorkingHourOn(SeededRandom random, long milliseconds) => milliseconds - (milliseconds % Day) + (random.NextInt64(6, 16) * Hour);

        private static DateTimeOffset At(long milliseconds) => DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);

        private static DateTimeOffset? At(long? milliseconds) => milliseconds.HasValue ? At(milliseconds.Value) : (DateTimeOffset?)null;
    }
}
