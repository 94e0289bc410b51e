using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace NomosMeters.Sandbox.Enrollment
{
    /// <summary>
    /// Builds a meter's details from its enrollment: the same ids, region, classification, type, load types, tags and
    /// timestamps (they are the enrollment's own), an address in a real city of the region with its utility and load
    /// zone, and devices that match the load types. Drawn from the seed and the meter id alone, so a meter's details
    /// are the same whatever else is seeded; dates are relative to the meter's creation, as its enrollment's are.
    /// </summary>
    internal static class MeterDetailSeed
    {
        private static readonly (string Manufacturer, string Model, double Kw, double Kwh)[] Batteries =
        {
            ("Tesla", "Powerwall 2", 5, 13.5), ("Enphase", "IQ Battery 5P", 3.84, 5), ("LG Energy Solution", "RESU 16H Prime", 7, 16),
            ("Generac", "PWRcell M6", 9, 17.1), ("FranklinWH", "aPower", 5, 13.6),
        };

        private static readonly (string Manufacturer, string Model, double Kw)[] Chargers =
        {
            ("ChargePoint", "Home Flex", 11.5), ("Wallbox", "Pulsar Plus", 11.5), ("Emporia", "Level 2 EV Charger", 9.6), ("Enel X Way", "JuiceBox 40", 9.6),
        };

        private static readonly (string Manufacturer, string Model)[] Thermostats =
        {
            ("ecobee", "Smart Thermostat Premium"), ("Google", "Nest Learning Thermostat"), ("Honeywell Home", "T9 Smart Thermostat"),
        };

        private static readonly (string Manufacturer, string Model, double Kw, string Fuel)[] Generators =
        {
            ("Generac", "Guardian 22kW", 22, "NATURAL_GAS"), ("Kohler", "20RESCL", 20, "NATURAL_GAS"), ("Cummins", "C60 D6C", 60, "DIESEL"), ("Caterpillar", "D125 GC", 125, "DIESEL"),
        };

        private static readonly string[] Installers = { "Sunrun Installation Services", "Bay Area Solar Pros", "Lone Star Electric", "Northeast Energy Installers", "Desert Sun Electric", "Acme Installations Inc." };

        public static SandboxMeterDetail Create(int seed, SandboxMeterEnrollment meter)
        {
            var random = new SeededRandom(seed ^ BitConverter.ToInt32(meter.MeterId.ToByteArray(), 0) ^ 0x0DE7A11);
            var profile = RegionProfiles.ByRegion[meter.TransmissionRegion];
            var place = random.Pick(profile.Places);
            var commercial = meter.CustomerClassification == "COMMERCIAL";
            // One install day for everything on the premises, before the meter was enrolled.
            var installed = meter.CreatedAt.AddDays(-30 - random.Next(900));
            var devices = SiteDevices(random, installed, meter, commercial);
            var detail = new SandboxMeterDetail(meter, Customer(random, meter, place, commercial))
            {
                Site = Site(random, meter, place, devices),
                Utility = Utility(random, profile, place, commercial),
            };
            detail.Device = Device(random, installed, devices);
            switch (meter.TransmissionRegion)
            {
                case "CAISO":
                    detail.Caiso = new SandboxObject()
                        .Set("is_receiving_sgip_funding", devices.Any(d => d.Text("device_type") == "BATTERY") ? random.Chance(0.4) : (bool?)null)
                        .Set("nem_type", random.Chance(0.7) ? (random.Chance(0.6) ? "NEM2" : "NEM3") : null);
                    break;
                case "ISONE":
                    detail.Isone = new SandboxObject().Set("in_connected_solutions", random.Chance(0.5));
                    break;
                case "NYISO":
                    detail.Nyiso = new SandboxObject()
                        .Set("cbl_method", random.Chance(0.7) ? "AVERAGE_DAY" : "WEATHER_ADJUSTED")
                        .Set("company_type", commercial ? random.Pick(new[] { "LIMITED_LIABILITY_COMPANY", "CORPORATION", "PARTNERSHIP", "INDIVIDUAL_OR_SOLE_PROPRIETOR" }) : null)
                        .Set("existing_nyiso_resource_id", random.Chance(0.3) ? (100000 + random.Next(900000)).ToString(CultureInfo.InvariantCulture) : null)
                        .Set("partner_nyiso_resource_name", random.Chance(0.3) ? "RES-" + meter.MeterId.ToString("N").Substring(0, 8).ToUpperInvariant() : null);
                    break;
            }

            return detail;
        }

        private static SandboxObject Customer(SeededRandom random, SandboxMeterEnrollment meter, Place place, bool commercial)
        {
            var first = random.Pick(RegionProfiles.FirstNames);
            var last = random.Pick(RegionProfiles.LastNames);
            var company = commercial ? random.Pick(RegionProfiles.Companies) + " " + random.Pick(RegionProfiles.CompanySuffixes) : null;
            var domain = random.Pick(RegionProfiles.EmailDomains);
            var street = Street(random);
            var postalCode = PostalCode(random, place);
            var customer = new SandboxObject()
                .Set("street_1", street)
                .Set("street_2", random.Chance(0.2) ? (commercial ? "Suite " + (100 + random.Next(400)) : "Apt " + (1 + random.Next(30)) + random.Pick(new[] { "A", "B", "C", "D" })) : null)
                .Set("postal_code", postalCode)
                .Set("city", place.City)
                .Set("state_or_province_code", place.State)
                .Set("country_code", "US")
                .Set("end_customer_name", first + " " + last)
                .Set("end_customer_title", commercial ? random.Pick(RegionProfiles.Titles) : null)
                .Set("end_customer_email", $"{first}.{last}{random.Next(100)}@{domain}".ToLowerInvariant())
                .Set("end_customer_phone_number", $"({place.AreaCode}) 555-01{random.Next(100):D2}")
                .Set("end_customer_company_name", company);
            if (random.Chance(0.8))
            {
                customer.Set("partner_offering_name", commercial ? "Business Demand Response" : random.Pick(RegionProfiles.Offerings))
                    .Set("partner_offering_date", Day(meter.CreatedAt.AddDays(-random.Next(21))));
            }

            if (meter.TransmissionRegion == "ISONE")
            {
                customer.Set("is_in_wholesale_capacity_market", random.Chance(0.3))
                    .Set("dispatch_option", random.Chance(0.6) ? "DAILY" : "TARGETED");
            }

            var billing = random.Next(10);
            if (billing < 3)
            {
                // The same address, or (one time in three) a PO box in the same city.
                customer.Set("billing", new SandboxObject()
                    .Set("street_1", billing == 0 ? "PO Box " + (1000 + random.Next(9000)) : street)
                    .Set("postal_code", billing == 0 ? PostalCode(random, place) : postalCode)
                    .Set("city", place.City)
                    .Set("state_or_province_code", place.State)
                    .Set("country_code", "US"));
            }

            return customer.Set("partner_customer_reference", meter.ConnectionReferences.Count > 0 ? meter.ConnectionReferences[0] : random.Chance(0.7) ? $"cust-{meter.MeterId.ToString("N").Substring(0, 10)}" : null);
        }

        private static List<SandboxObject> SiteDevices(SeededRandom random, DateTimeOffset installed, SandboxMeterEnrollment meter, bool commercial)
        {
            var devices = new List<SandboxObject>();
            foreach (var load in meter.LoadTypes)
            {
                switch (load)
                {
                    case "BATTERY_STORAGE":
                        var battery = random.Pick(Batteries);
                        var count = commercial ? 2 + random.Next(3) : 1;
                        devices.Add(new SandboxObject()
                            .Set("device_type", "BATTERY")
                            .Set("model", battery.Model)
                            .Set("manufacturer", battery.Manufacturer)
                            .Set("serial_number", Serial(random, "BT"))
                            .Set("energy_capacity_kwh", battery.Kwh * count)
                            .Set("power_capacity_kw", battery.Kw * count)
                            .Set("energy_capacity_duration_hours", (int)Math.Max(1, Math.Round(battery.Kwh / battery.Kw)))
                            .Set("model_year", installed.Year - random.Next(2))
                            .Set("max_energy_production_rate_kw", battery.Kw * count)
                            .Set("max_energy_consumption_rate_kw", battery.Kw * count)
                            .Set("battery_max_state_of_charge_percentage", random.Chance(0.5) ? 100d : 95d)
                            .Set("battery_min_state_of_charge_percentage", random.Chance(0.5) ? 10d : 20d)
                            .Set("installer", random.Pick(Installers))
                            .Set("pv_connected", random.Chance(0.6)));
                        break;
                    case "EV_CHARGING":
                        var charger = random.Pick(Chargers);
                        devices.Add(new SandboxObject()
                            .Set("device_type", "EV_CHARGER")
                            .Set("model", charger.Model)
                            .Set("manufacturer", charger.Manufacturer)
                            .Set("serial_number", Serial(random, "EV"))
                            .Set("power_capacity_kw", charger.Kw)
                            .Set("voltage_level", "EVSE_LEVEL_2")
                            .Set("model_year", installed.Year - random.Next(2))
                            .Set("installer", random.Pick(Installers)));
                        break;
                    case "HVAC":
                        var thermostat = random.Pick(Thermostats);
                        devices.Add(new SandboxObject()
                            .Set("device_type", "SMART_THERMOSTAT")
                            .Set("model", thermostat.Model)
                            .Set("manufacturer", thermostat.Manufacturer)
                            .Set("serial_number", Serial(random, "TH"))
                            .Set("model_year", installed.Year - random.Next(3)));
                        break;
                    case "WATER_HEATING":
                        devices.Add(new SandboxObject()
                            .Set("device_type", "HEAT_PUMP")
                            .Set("model", random.Pick(new[] { "ProTerra Hybrid 50", "HeatDrive 65", "AeroTherm 80" }))
                            .Set("manufacturer", random.Pick(new[] { "Rheem", "A. O. Smith", "Bradford White" }))
                            .Set("serial_number", Serial(random, "HP"))
                            .Set("model_year", installed.Year - random.Next(4))
                            .Set("installer", random.Pick(Installers)));
                        break;
                    case "GENERATION":
                        var generator = random.Pick(Generators);
                        devices.Add(new SandboxObject()
                            .Set("device_type", "GENERATOR")
                            .Set("model", generator.Model)
                            .Set("manufacturer", generator.Manufacturer)
                            .Set("serial_number", Serial(random, "GN"))
                            .Set("power_capacity_kw", generator.Kw)
                            .Set("model_year", installed.Year - random.Next(8))
                            .Set("fuel_type", generator.Fuel)
                            .Set("installer", random.Pick(Installers)));
                        break;
                }
            }

            return devices;
        }

        // The meter's main device, in the older single-device block: a battery before a charger, a generator or a thermostat.
        private static SandboxObject? Device(SeededRandom random, DateTimeOffset installed, List<SandboxObject> devices)
        {
            var main = devices.FirstOrDefault(d => d.Text("device_type") == "BATTERY") ?? devices.FirstOrDefault();
            if (main == null)
            {
                return null;
            }

            var battery = main.Text("device_type") == "BATTERY";
            return new SandboxObject()
                .Set("device_type", main.Text("device_type"))
                .Set("device_serial_number", main.Text("serial_number"))
                .Set("device_model", main.Text("model"))
                .Set("device_manufacturer", main.Text("manufacturer"))
                .Set("install_date", Day(installed))
                .Set("battery_power_capacity_kw", battery ? main["power_capacity_kw"] : null)
                .Set("battery_energy_capacity_kwh", battery ? main["energy_capacity_kwh"] : null)
                .Set("battery_duration_hours", battery ? main["energy_capacity_duration_hours"] : null)
                .Set("permission_to_operate_date", battery ? Day(installed.AddDays(14 + random.Next(45))) : null);
        }

        private static SandboxObject Site(SeededRandom random, SandboxMeterEnrollment meter, Place place, List<SandboxObject> devices)
        {
            var generator = devices.FirstOrDefault(d => d.Text("device_type") == "GENERATOR");
            var site = new SandboxObject()
                .Set("load_zone", place.LoadZone)
                .Set("number_of_devices", devices.Count)
                .Set("on_site_fossil_generator", generator != null)
                .Set("renewable_generator", meter.Tags.Contains("solar") || random.Chance(0.3));
            if (generator != null)
            {
                // Deprecated fields, still sent by the API beside site_devices.
                site.Set("generator_capacity_kw", generator["power_capacity_kw"])
                    .Set("generator_model_year", generator["model_year"])
                    .Set("generator_manufacturer", generator["manufacturer"])
                    .Set("generator_fuel_type", generator["fuel_type"])
                    .Set("generator_serial_number", generator["serial_number"]);
            }

            return site.Set("site_devices", devices);
        }

        private static SandboxObject Utility(SeededRandom random, RegionProfile profile, Place place, bool commercial)
        {
            // In ERCOT a retail provider always sells the power; elsewhere, now and then, a community choice aggregator.
            var lse = profile.LoadServingEntities.Length > 0 && (place.State == "TX" || random.Chance(0.3)) ? random.Pick(profile.LoadServingEntities) : place.Utility;
            var account = Digits(random, profile.AccountDigits);
            return new SandboxObject()
                .Set("utility_name", place.Utility)
                .Set("load_serving_entity", lse)
                .Set("electric_service_account_number", place.State == "TX" ? "10" + account : account)
                .Set("tariff", random.Pick(profile.Tariffs))
                .Set("voltage", commercial ? random.Pick(new[] { "< 600 V", ">= 600 V", "Secondary", "Primary" }) : "< 600 V")
                .Set("utility_meter_serial_number", "1" + Digits(random, 9))
                .Set("bill_service_agreement_number", random.Chance(0.6) ? account : null)
                .Set("bill_customer_account_number", random.Chance(0.6) ? Digits(random, 10) : null);
        }

        private static string Street(SeededRandom random)
            => $"{1 + random.Next(9899)} {random.Pick(RegionProfiles.Streets)} {random.Pick(RegionProfiles.StreetKinds)}";

        private static string PostalCode(SeededRandom random, Place place)
            => place.ZipPrefix + random.Next(100).ToString("D2", CultureInfo.InvariantCulture) + (random.Chance(0.1) ? "-" + random.Next(10000).ToString("D4", CultureInfo.InvariantCulture) : string.Empty);

        private static string Serial(SeededRandom random, string prefix) => prefix + Digits(random, 10);

        private static string Digits(SeededRandom random, int count)
            => new string(Enumerable.Range(0, count).Select(_ => (char)('0' + random.Next(10))).ToArray());

        private static string Day(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }
}
