using System.Text.Json.Serialization;

namespace NomosMeters.Models.MeterDetails
{
    /// <summary>The meter's site (<c>Site</c>): its load zone, generation on site, and the devices on the premises.</summary>
    public sealed class Site
    {
        /// <summary>Gets or sets the sub-region of the transmission region the meter is in.</summary>
        [JsonPropertyName("load_zone")]
        public string? LoadZone { get; set; }

        /// <summary>Gets or sets how many devices behind the meter are available for dispatch.</summary>
        [JsonPropertyName("number_of_devices")]
        public int? NumberOfDevices { get; set; }

        /// <summary>Gets or sets whether a fossil-fuel generator is on site.</summary>
        [JsonPropertyName("on_site_fossil_generator")]
        public bool? OnSiteFossilGenerator { get; set; }

        /// <summary>Gets or sets whether a renewable generator is behind the meter.</summary>
        [JsonPropertyName("renewable_generator")]
        public bool? RenewableGenerator { get; set; }

        /// <summary>Gets or sets the generator's capacity in kW. Deprecated by the API: see <see cref="SiteDevices"/>.</summary>
        [JsonPropertyName("generator_capacity_kw")]
        public double? GeneratorCapacityKw { get; set; }

        /// <summary>Gets or sets the year the generator was made. Deprecated by the API: see <see cref="SiteDevices"/>.</summary>
        [JsonPropertyName("generator_model_year")]
        public int? GeneratorModelYear { get; set; }

        /// <summary>Gets or sets the generator's manufacturer. Deprecated by the API: see <see cref="SiteDevices"/>.</summary>
        [JsonPropertyName("generator_manufacturer")]
        public string? GeneratorManufacturer { get; set; }

        /// <summary>Gets or sets the generator's fuel. Deprecated by the API: see <see cref="SiteDevices"/>.</summary>
        [JsonPropertyName("generator_fuel_type")]
        public string? GeneratorFuelType { get; set; }

        /// <summary>Gets or sets the generator's serial number. Deprecated by the API: see <see cref="SiteDevices"/>.</summary>
        [JsonPropertyName("generator_serial_number")]
        public string? GeneratorSerialNumber { get; set; }

        /// <summary>Gets or sets the devices on the premises.</summary>
        [JsonPropertyName("site_devices")]
        public ValueList<SiteDevice> SiteDevices { get; set; } = new ValueList<SiteDevice>();

        /// <summary>Returns the set fields as <c>Name=Value; ...</c>, the devices as a comma-separated list.</summary>
        public override string ToString() => DetailText.Fields(this);
    }
}
