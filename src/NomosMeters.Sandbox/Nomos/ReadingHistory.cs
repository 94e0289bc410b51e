using System;
using System.Collections.Generic;

namespace NomosMeters.Sandbox.Nomos
{
    /// <summary>
    /// What one subscription's meters read, on which days: its analog meter until a smart meter is installed, then the
    /// smart meter, which sends a grid reading every day from its activation (an estimation where the grid operator
    /// had none), unless it falls silent; an ended subscription reads nothing after its end. Only these few facts are
    /// kept: any day's readings are drawn again from the subscription's key and the day's distance to the anchor, so a
    /// sandbox with years of daily readings holds none of them.
    /// </summary>
    internal sealed class ReadingHistory
    {
        private const double CustomerReportsPerDay = 1.0 / 40;
        private const double EstimatedShare = 0.03;
        private const double SilentShare = 0.025;
        private const double AnnualEstimatedShare = 0.25;
        private const int DaysPerYear = 365;

        // Draw salts: each kind of draw gets numbers of its own from the same key and day.
        private const ulong GridDraw = 0x1;
        private const ulong AnnualDraw = 0x2;
        private const ulong CustomerDraw = 0x3;
        private const ulong JitterDraw = 0x4;

        private readonly ulong _key;
        private readonly DateTime _anchorDate;
        private readonly double _dailyUse;
        private readonly double _analogStart;
        private readonly double _smartStart;
        private readonly int _annualPhase;

        public ReadingHistory(SandboxSubscription subscription, SandboxMeterOrder? order, int seed, DateTime anchorDate, int historyDays)
        {
            Subscription = subscription.Id;
            Customer = subscription.Customer;
            _anchorDate = anchorDate;
            _key = SeededRandom.Mix(StableHash(subscription.Id) ^ SeededRandom.Mix((ulong)(uint)seed));
            var random = SeededRandom.For(_key);
            AnalogMeter = random.NextId("mtr_");
            _dailyUse = 5 + (random.NextDouble() * 11);
            _analogStart = 2000 + (random.NextDouble() * 40000);
            _smartStart = random.NextDouble() * 3;
            _annualPhase = random.Next(DaysPerYear);

            if (order?.InstalledAt is DateTimeOffset installed)
            {
                SmartMeter = random.NextId("mtr_");
                SmartFrom = BerlinTime.DateOf(installed);
            }

            if (order?.ActivatedAt is DateTimeOffset activated)
            {
                // The first day that starts after the activation: its start is the meter's first daily count.
                var day = BerlinTime.DateOf(activated);
                FirstGridDay = BerlinTime.StartOf(day) < activated ? day.AddDays(1) : day;
                if (random.Chance(SilentShare))
                {
                    var silent = anchorDate.AddDays(-(3 + random.Next(40)));
                    SilentFrom = silent > FirstGridDay ? silent : (DateTime?)null;
                }
            }

            if (subscription.IsEnded)
            {
                var end = order?.CancelledAt is DateTimeOffset cancelled
                    ? BerlinTime.DateOf(cancelled).AddDays(1 + random.Next(60))
                    : anchorDate.AddDays(-(20 + random.Next(historyDays / 2)));
                LastDay = end < anchorDate.AddDays(-2) ? end : anchorDate.AddDays(-2);
            }
        }

        public string Subscription { get; }

        public string Customer { get; }

        public string AnalogMeter { get; }

        /// <summary>Gets the smart meter, once one was installed.</summary>
        public string? SmartMeter { get; }

        /// <summary>Gets the Berlin date from which the smart meter is the subscription's meter.</summary>
        public DateTime? SmartFrom { get; }

        /// <summary>Gets the first day with a daily grid reading: the first one to start after the activation.</summary>
        public DateTime? FirstGridDay { get; }

        /// <summary>Gets the day from which the smart meter sends nothing more, for the few that fall silent.</summary>
        public DateTime? SilentFrom { get; }

        /// <summary>Gets the last day anything is read, for an ended subscription (it has no active meter any more).</summary>
        public DateTime? LastDay { get; }

        /// <summary>Gets whether a reading can still be recorded for the subscription: it has not ended.</summary>
        public bool HasActiveMeter => LastDay == null;

        /// <summary>The meter that is the subscription's on <paramref name="day"/>.</summary>
        public string MeterOn(DateTime day) => SmartMeter != null && day >= SmartFrom ? SmartMeter : AnalogMeter;

        /// <summary>Adds the readings recorded on the Berlin date <paramref name="day"/> (they are all for that day) whose type is wanted.</summary>
        public void AddRecordedOn(DateTime day, Func<string, bool> wantType, List<SandboxMeterReading> into)
        {
            if (day > LastDay)
            {
                return;
            }

            var age = (_anchorDate - day).Days;
            var smart = SmartMeter != null && day >= SmartFrom;
            if (smart && day >= FirstGridDay && !(day >= SilentFrom))
            {
                // Sent within the hour after midnight, for the count at midnight (so today's is there before the anchor);
                // an estimation stands in where the count was missing.
                var draw = Draws(age, GridDraw);
                var estimated = draw.NextDouble() < EstimatedShare;
                Add(into, wantType, draw, estimated ? MeterReadingValues.GridEstimation : MeterReadingValues.GridReading, estimated ? 0 : 3, day, age, 5, 50);
            }

            if (!smart)
            {
                if ((age + _annualPhase) % DaysPerYear == 0)
                {
                    // The grid operator's yearly reading of an analog meter, or its estimate of it.
                    var draw = Draws(age, AnnualDraw);
                    Add(into, wantType, draw, draw.NextDouble() < AnnualEstimatedShare ? MeterReadingValues.GridEstimation : MeterReadingValues.GridReading, 0, day, age, 60, 300);
                }

                var report = Draws(age, CustomerDraw);
                if (report.NextDouble() < CustomerReportsPerDay)
                {
                    // Customers read their meter in waking hours and round to the kWh.
                    Add(into, wantType, report, MeterReadingValues.CustomerReport, 0, day, age, 7 * 60, 15 * 60);
                }
            }
        }

        // The count on the day: a steady daily use plus a jitter below one day's use, so it never goes down.
        private decimal CountOn(int age, bool smart, int decimals)
        {
            var days = smart ? (_anchorDate - SmartFrom!.Value).Days - age : (2 * 365) + 70 - age;
            var jitter = Draws(age, JitterDraw).NextDouble() * 0.9 * _dailyUse;
            var count = (decimal)((smart ? _smartStart : _analogStart) + (days * _dailyUse) + jitter);
            return decimals == 0 ? decimal.Floor(count) : decimal.Round(count, decimals);
        }

        // A reading of the day, recorded between fromMinute and fromMinute + minutes after the day's start (Berlin).
        private void Add(List<SandboxMeterReading> into, Func<string, bool> wantType, SeededRandom draw, string type, int decimals, DateTime day, int age, int fromMinute, int minutes)
        {
            if (!wantType(type))
            {
                return;
            }

            var start = BerlinTime.StartOf(day);
            var created = start.AddMilliseconds((fromMinute * 60_000L) + draw.NextInt64(0, minutes * 60_000L));
            var meter = MeterOn(day);
            into.Add(new SandboxMeterReading(draw.NextId("mr_"), Subscription, Customer, meter, CountOn(age, meter == SmartMeter, decimals), start, type, created));
        }

        private SeededRandom Draws(int age, ulong salt) => SeededRandom.For(_key ^ ((ulong)age * 0x9E3779B97F4A7C15UL) ^ (salt << 56));

        // FNV-1a, 64 bits: string.GetHashCode differs between processes, and the data must not.
        private static ulong StableHash(string text)
        {
            var hash = 14695981039346656037UL;
            foreach (var c in text)
            {
                hash = (hash ^ c) * 1099511628211UL;
            }

            return hash;
        }
    }
}
