using System;
using System.Collections.Generic;
using System.Linq;

namespace NomosMeters.Tests.Wire
{
    /// <summary>Enrollment API bodies shaped like the spec's examples.</summary>
    internal static class EnrollmentSamples
    {
        /// <summary>The spec's "enrollment-search" example meter, verbatim apart from the id.</summary>
        public static string Meter(Guid id) => @"{
    ""meter_id"": """ + id + @""",
    ""is_archived"": false,
    ""customer_group"": """",
    ""global_enrollment_status"": ""ELIGIBLE"",
    ""participation_preferences"": [
      {""participation_preference"": ""PARTICIPATE"", ""start_time"": ""2024-04-24T16:03:06Z"",
       ""end_time"": ""9000-12-31T23:59:59.999999999Z""}],
    ""program_enrollment"": [
      {""program_identifier"": ""CONED-DLRP"", ""delivery_period"": ""CONED-DLRP_2025_MAY_SEP"",
       ""delivery_period_start_date_time"": ""2025-05-01T04:00:00Z"",
       ""delivery_period_end_date_time"": ""2025-09-30T04:00:00Z"",
       ""enrollment_status"": ""ELIGIBLE"",
       ""enrollment_deadlines"": [{""enrollment_deadline_date_time"": ""2025-03-15T04:00:00Z"",
                                 ""activation_date_time"": ""2025-05-01T04:00:00Z""}],
       ""market_group_id"": ""891b8c8b-6315-4ea3-8675-5337963c5757"",
       ""market_group_name"": ""PGSB_1_PDRP93""},
      {""program_identifier"": ""NYISO-SCR"", ""delivery_period"": ""NYISO-SCR_2024_MAY_OCT"",
       ""delivery_period_start_date_time"": ""2024-05-01T04:00:00Z"",
       ""delivery_period_end_date_time"": ""2024-10-31T04:00:00Z"",
       ""enrollment_status"": ""INELIGIBLE"",
       ""enrollment_deadlines"": [{""enrollment_deadline_date_time"": ""2024-04-29T04:00:00Z"",
                                 ""activation_date_time"": ""2024-05-01T04:00:00Z""}]}],
    ""required_actions"": {
      ""partner"": [{""program_identifier"": ""NYISO-SCR"", ""delivery_period"": ""NYISO-SCR_2024_MAY_OCT"",
                   ""enrollment_deadline_date_time"": ""2024-05-01T04:00:00Z"",
                   ""action_type"": ""NO_MISSING_FIELDS"",
                   ""action_description"": ""Partner needs configuration for fields: Voltage Group, CBL Method, Load Zone."",
                   ""action_code"": ""SERV_0005""}],
      ""leap"": [{""program_identifier"": ""NYISO-SCR"", ""delivery_period"": ""NYISO-SCR_2024_MAY_OCT"",
                ""enrollment_deadline_date_time"": ""2024-05-01T04:00:00Z"",
                ""action_type"": ""HAS_NOMINATIONS"",
                ""action_description"": ""This meter does not have nominations set"",
                ""action_code"": ""LEAP_0001""}]},
    ""connection_references"": [""test_jae""],
    ""tags"": [],
    ""partner_reference"": ""test_meter"",
    ""transmission_region"": ""NYISO"",
    ""customer_classification"": ""RESIDENTIAL"",
    ""load_types"": [""HVAC"", ""EV_CHARGING""],
    ""meter_type"": ""UTILITY_METER"",
    ""brand_new_field"": {""x"": 1},
    ""audit"": {""created_by"": ""UTILITY"", ""created_at"": ""2024-04-24T16:03:06.785318Z"",
              ""updated_at"": ""2024-10-10T12:08:13.538427Z""}
}";

        public static string Page(IEnumerable<Guid> ids, string? nextPageTokenJson)
            => "{" + (nextPageTokenJson == null ? string.Empty : "\"next_page_token\":" + nextPageTokenJson + ",") +
               "\"meters\":[" + string.Join(",", ids.Select(Meter)) + "]}";

        public static Guid Id(int n) => new Guid($"00000000-0000-0000-0000-{n:D12}");
    }
}
