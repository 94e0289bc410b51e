using System;
using System.Collections.Generic;
using System.Linq;

namespace NomosMeters.Tests.Wire
{
    /// <summary>Meter-details bodies shaped like the spec's <c>MeterDetailsResponse</c> example.</summary>
    internal static class MeterDetailSamples
    {
        public const string Name = "Customer Name";
        public const string Email = "email@address.com";
        public const string Phone = "(123) 123-4567";
        public const string Street = "132 My Street";

        /// <summary>
        /// The spec's example, verbatim but for the id, an enum value the spec does not list (<c>device_type</c>
        /// <c>FLYWHEEL</c>) and a field it does not define: both come later, as the API adds them.
        /// </summary>
        public static string Meter(Guid id) => @"{
  ""meter_id"": """ + id + @""",
  ""partner_reference"": ""unique-reference-id-12345"",
  ""transmission_region"": ""CAISO"",
  ""customer_classification"": ""RESIDENTIAL"",
  ""load_types"": [""HVAC""],
  ""meter_type"": ""UTILITY_METER"",
  ""connection_references"": [""connection-reference-id-1"", ""connection-reference-id-1""],
  ""customer_group"": ""customer_group"",
  ""tags"": [""tags"", ""tags""],
  ""is_archived"": true,
  ""customer"": {
    ""street_1"": """ + Street + @""", ""street_2"": ""Apartment 32"", ""postal_code"": ""10001"", ""city"": ""New York"",
    ""state_or_province_code"": ""NY"", ""country_code"": ""US"",
    ""end_customer_name"": """ + Name + @""", ""end_customer_title"": ""Mrs."", ""end_customer_email"": """ + Email + @""",
    ""end_customer_phone_number"": """ + Phone + @""", ""end_customer_company_name"": ""Company Name Inc."",
    ""partner_offering_name"": ""Offering Name"", ""partner_offering_date"": ""2000-01-23"",
    ""is_in_wholesale_capacity_market"": true, ""dispatch_option"": ""DAILY"",
    ""billing"": {""street_1"": ""132 My Billing Street"", ""street_2"": ""Apartment 32"", ""postal_code"": ""90210"",
                ""city"": ""Los Angeles"", ""state_or_province_code"": ""CA"", ""country_code"": ""US""},
    ""partner_customer_reference"": ""partner-customer-reference-1""
  },
  ""device"": {
    ""device_type"": ""BATTERY"", ""device_serial_number"": ""device-serial-number"", ""device_model"": ""device-model"",
    ""device_manufacturer"": ""device-manufacturer"", ""install_date"": ""2000-01-23"", ""battery_power_capacity_kw"": 1.233,
    ""battery_energy_capacity_kwh"": 9.876, ""battery_duration_hours"": 4, ""permission_to_operate_date"": ""2000-01-23""
  },
  ""site"": {
    ""load_zone"": ""load-zone"", ""number_of_devices"": 1, ""on_site_fossil_generator"": true, ""renewable_generator"": true,
    ""generator_capacity_kw"": 1.234, ""generator_model_year"": 2020, ""generator_manufacturer"": ""Manufacturer of the generator"",
    ""generator_fuel_type"": """", ""generator_serial_number"": ""generator-serial-number"",
    ""site_devices"": [
      {""device_type"": ""BATTERY"", ""model"": ""device-model"", ""manufacturer"": ""device-manufacturer"",
       ""serial_number"": ""device-serial-number"", ""energy_capacity_kwh"": 39.504, ""power_capacity_kw"": 9.876,
       ""energy_capacity_duration_hours"": 4, ""voltage_level"": ""EVSE_LEVEL_1"", ""model_year"": 2020, ""fuel_type"": ""DIESEL"",
       ""max_energy_production_rate_kw"": 7.5, ""max_energy_consumption_rate_kw"": 7.5,
       ""battery_max_state_of_charge_percentage"": 95, ""battery_min_state_of_charge_percentage"": 10,
       ""installer"": ""Acme Installations Inc."", ""pv_connected"": true},
      {""device_type"": ""FLYWHEEL"", ""model"": ""fw-1"", ""manufacturer"": ""Spin Inc."", ""brand_new_field"": 1}
    ]
  },
  ""caiso"": {""is_receiving_sgip_funding"": true, ""nem_type"": ""NEM2""},
  ""isone"": {""in_connected_solutions"": true},
  ""nyiso"": {""cbl_method"": ""AVERAGE_DAY"", ""company_type"": ""INDIVIDUAL_OR_SOLE_PROPRIETOR"",
            ""existing_nyiso_resource_id"": ""666266"", ""partner_nyiso_resource_name"": ""666266""},
  ""utility"": {
    ""utility_name"": ""PGE"", ""load_serving_entity"": ""PGE"", ""electric_service_account_number"": ""12243243-121"",
    ""tariff"": ""tariff code"", ""voltage"": "">= 600 V"", ""utility_meter_serial_number"": ""utility-meter-serial-number"",
    ""bill_service_agreement_number"": ""bill_service_agreement_number"", ""bill_customer_account_number"": ""bill_customer_account_number""
  },
  ""audit"": {""created_by"": ""PARTNER"", ""created_at"": ""2000-01-23T04:56:07.000+00:00"", ""updated_at"": ""2000-01-23T04:56:07.000+00:00""}
}";

        public static string Page(IEnumerable<Guid> ids, string? nextPageTokenJson)
            => "{" + (nextPageTokenJson == null ? string.Empty : "\"next_page_token\":" + nextPageTokenJson + ",") +
               "\"meters\":[" + string.Join(",", ids.Select(Meter)) + "]}";
    }
}
