using System.Collections.Generic;

namespace NomosMeters.Tests.Wire
{
    /// <summary>Nomos API bodies shaped like the API's own: a meter order, an event, a meter reading, a list page.</summary>
    internal static class NomosSamples
    {
        public static string Order(string id, string status = "scheduled", string? blockedReason = null)
            => $"{{\"object\":\"meter_order\",\"id\":\"{id}\",\"subscription\":\"sub_{id}\",\"customer\":\"cus_1\",\"provider\":\"metrify\",\"status\":\"{status}\"," +
               "\"created_at\":\"2026-06-30T12:00:00Z\",\"installed_at\":null,\"activated_at\":null,\"cancelled_at\":null,\"cancelled_reason\":null," +
               $"\"blocked_at\":{(blockedReason == null ? "null" : "\"2026-07-01T08:00:00.123Z\"")},\"blocked_reason\":{(blockedReason == null ? "null" : "\"" + blockedReason + "\"")}," +
               "\"appointment_at\":\"2026-08-01T07:30:00.000+02:00\"}";

        public static string Event(string id, string topic)
            => $"{{\"id\":\"{id}\",\"topic\":\"{topic}\",\"timestamp\":\"2026-06-30T12:00:00.000Z\",\"context\":{{\"meter_order\":\"prdo_{id}\",\"subscription\":\"sub_{id}\"}}}}";
        public static string Reading(string id, string subscription = "sub_1", string type = "grid_reading", string value = "1234.567")
            => $"{{\"object\":\"meter_reading\",\"id\":\"{id}\",\"customer\":\"cus_1\",\"subscription\":\"{subscription}\",\"meter\":\"mtr_1\"," +
               $"\"value\":{value},\"timestamp\":\"2026-11-27T23:00:00.000Z\",\"type\":\"{type}\",\"created_at\":\"2026-11-28T04:12:09.345Z\"}}";

        public static string ListPage(IEnumerable<string> orders, string? nextPage)
            => $"{{\"object\":\"list\",\"items\":[{string.Join(",", orders)}],\"has_more\":{(nextPage != null ? "true" : "false")},\"next_page\":{(nextPage == null ? "null" : "\"" + nextPage + "\"")}}}";
    }
}
