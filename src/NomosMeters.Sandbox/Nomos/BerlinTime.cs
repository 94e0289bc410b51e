using System;

namespace NomosMeters.Sandbox.Nomos
{
    /// <summary>
    /// Days in Europe/Berlin, where the API starts every meter reading's day. Computed from the EU rule (CET, UTC+1; CEST,
    /// UTC+2 from the last Sunday of March to the last Sunday of October, switching at 01:00 UTC) rather than looked up:
    /// the zone is "Europe/Berlin" on Linux and macOS but "W. Europe Standard Time" on Windows under .NET Framework, and a
    /// container without tzdata has neither.
    /// </summary>
    internal static class BerlinTime
    {
        /// <summary>The Berlin calendar date of an instant.</summary>
        public static DateTime DateOf(DateTimeOffset instant)
        {
            var utc = instant.UtcDateTime;
            return utc.AddHours(IsSummerTime(utc) ? 2 : 1).Date;
        }

        /// <summary>The instant a Berlin calendar date starts (its 00:00 local time).</summary>
        public static DateTimeOffset StartOf(DateTime date)
        {
            // Clocks change at 02:00 or 03:00 local time, never at midnight: midnight has the offset of the day before's evening.
            var day = date.Date;
            var summer = day > LastSunday(day.Year, 3) && day <= LastSunday(day.Year, 10);
            return new DateTimeOffset(day.AddHours(summer ? -2 : -1), TimeSpan.Zero);
        }

        /// <summary>The start of the Berlin day an instant falls on: what the API moves a reading's timestamp to.</summary>
        public static DateTimeOffset StartOfDay(DateTimeOffset instant) => StartOf(DateOf(instant));

        private static bool IsSummerTime(DateTime utc)
        {
            var begins = LastSunday(utc.Year, 3).AddHours(1);
            var ends = LastSunday(utc.Year, 10).AddHours(1);
            return utc >= begins && utc < ends;
        }

        private static DateTime LastSunday(int year, int month)
        {
            var last = new DateTime(year, month, DateTime.DaysInMonth(year, month), 0, 0, 0, DateTimeKind.Utc);
            return last.AddDays(-(int)last.DayOfWeek);
        }
    }
}
