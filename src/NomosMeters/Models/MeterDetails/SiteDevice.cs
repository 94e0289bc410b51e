using System.Text.Json.Serialization;

namespace NomosMeters.Models.MeterDetails
{
    /// <summary>One device on the premises (<c>DeviceInfo</c> in <c>site_devices</c>): a battery, generator, charger, ...</summary>
    public sealed class SiteDevice
    {
        /// <summary>Gets or sets the type: <c>BATTERY</c>, <c>GENERATOR</c>, <c>EV</c>, <c>EV_CHARGER</c>, <c>HEAT_PUMP</c>, ...</summary>
        [JsonPropertyName("device_type")]
        public string? DeviceType { get; set; }

        /// <summary>Gets or sets the model.</summary>
        [JsonPropertyName("model")]
        public string? Model { get; set; }

        /// <summary>Gets or sets the manufacturer.</summary>
        [JsonPropertyName("manufacturer")]
        public string? Manufacturer { get; set; }

        /// <summary>Gets or sets the serial number.</summary>
        [JsonPropertyName("serial_number")]
        public string? SerialNumber { get; set; }

        /// <summary>Gets or sets the energy capacity in kWh.</summary>
        [JsonPropertyName("energy_capacity_kwh")]
        public double? EnergyCapacityKwh { get; set; }

        /// <summary>Gets or sets the power capacity in kW.</summary>
        [JsonPropertyName("power_capacity_kw")]
        public double? PowerCapacityKw { get; set; }

        /// <summary>Gets or sets the duration in hours.</summary>
        [JsonPropertyName("energy_capacity_duration_hours")]
        public int? EnergyCapacityDurationHours { get; set; }

        /// <summary>Gets or sets the voltage level of a charger: <c>EVSE_LEVEL_1</c> or <c>EVSE_LEVEL_2</c>.</summary>
        [JsonPropertyName("voltage_level")]
        public string? VoltageLevel { get; set; }

        /// <summary>Gets or sets the year the device was made.</summary>
        [JsonPropertyName("model_year")]
        public int? ModelYear { get; set; }

        /// <summary>Gets or sets a generator's fuel: <c>DIESEL</c>, <c>NATURAL_GAS</c>, <c>DUAL_FUEL</c>, <c>CO_GEN</c>, ...</summary>
        [JsonPropertyName("fuel_type")]
        public string? FuelType { get; set; }

        /// <summary>Gets or sets the maximum energy production rate in kW, as configured on the device.</summary>
        [JsonPropertyName("max_energy_production_rate_kw")]
        public double? MaxEnergyProductionRateKw { get; set; }

        /// <summary>Gets or sets the maximum energy consumption rate in kW, as configured on the device.</summary>
        [JsonPropertyName("max_energy_consumption_rate_kw")]
        public double? MaxEnergyConsumptionRateKw { get; set; }

        /// <summary>Gets or sets the battery's maximum state of charge, in percent (2 to 100).</summary>
        [JsonPropertyName("battery_max_state_of_charge_percentage")]
        public double? BatteryMaxStateOfChargePercentage { get; set; }

        /// <summary>Gets or sets the battery's minimum state of charge, in percent (0 to 100).</summary>
        [JsonPropertyName("battery_min_state_of_charge_percentage")]
        public double? BatteryMinStateOfChargePercentage { get; set; }

        /// <summary>Gets or sets who installed the device.</summary>
        [JsonPropertyName("installer")]
        public string? Installer { get; set; }

        /// <summary>Gets or sets whether solar panels are connected to the device.</summary>
        [JsonPropertyName("pv_connected")]
        public bool? PvConnected { get; set; }

        /// <summary>Returns the type, make and model, and the capacity, e.g. <c>BATTERY Tesla Powerwall 2 (5 kW, 13.5 kWh)</c>.</summary>
        public override string ToString()
        {
            var capacity = DetailText.Join(", ", PowerCapacityKw.HasValue ? DetailText.Number(PowerCapacityKw) + " kW" : null, EnergyCapacityKwh.HasValue ? DetailText.Number(EnergyCapacityKwh) + " kWh" : null);
            return DetailText.Join(" ", DeviceType, Manufacturer, Model, capacity.Length == 0 ? null : "(" + capacity + ")");
        }
    }
}
