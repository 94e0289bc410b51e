using System;
using System.Text.Json.Serialization;
using NomosMeters.Client.Json;

namespace NomosMeters.Models.MeterDetails
{
    /// <summary>The meter's device (<c>Device</c>), e.g. a battery with its power and energy capacity.</summary>
    public sealed class Device
    {
        /// <summary>Gets or sets the type: <c>BATTERY</c>, <c>GENERATOR</c>, <c>EV</c>, <c>EV_CHARGER</c>, <c>SMART_THERMOSTAT</c>, ...</summary>
        [JsonPropertyName("device_type")]
        public string? DeviceType { get; set; }

        /// <summary>Gets or sets the serial number.</summary>
        [JsonPropertyName("device_serial_number")]
        public string? DeviceSerialNumber { get; set; }

        /// <summary>Gets or sets the model.</summary>
        [JsonPropertyName("device_model")]
        public string? DeviceModel { get; set; }

        /// <summary>Gets or sets the manufacturer.</summary>
        [JsonPropertyName("device_manufacturer")]
        public string? DeviceManufacturer { get; set; }

        /// <summary>Gets or sets the day the device was installed (or activated).</summary>
        [JsonPropertyName("install_date")]
        [JsonConverter(typeof(IsoDateConverter))]
        public DateTime? InstallDate { get; set; }

        /// <summary>Gets or sets the battery's power capacity in kW (the lower of inverter and battery maximum output).</summary>
        [JsonPropertyName("battery_power_capacity_kw")]
        public double? BatteryPowerCapacityKw { get; set; }

        /// <summary>Gets or sets the battery's energy capacity in kWh.</summary>
        [JsonPropertyName("battery_energy_capacity_kwh")]
        public double? BatteryEnergyCapacityKwh { get; set; }

        /// <summary>Gets or sets the battery's duration in hours.</summary>
        [JsonPropertyName("battery_duration_hours")]
        public int? BatteryDurationHours { get; set; }

        /// <summary>Gets or sets the day of the utility's Permission to Operate (PTO).</summary>
        [JsonPropertyName("permission_to_operate_date")]
        [JsonConverter(typeof(IsoDateConverter))]
        public DateTime? PermissionToOperateDate { get; set; }

        /// <summary>Returns the set fields as <c>Name=Value; ...</c>.</summary>
        public override string ToString() => DetailText.Fields(this);
    }
}
