using System.Text.Json.Serialization;
using NomosMeters.Models.Enrollments;

namespace NomosMeters.Models.MeterDetails
{
    /// <summary>
    /// What and where a meter is (<c>MeterDetailsResponse</c>): the meter's record (<see cref="MeterRecord"/>, the same
    /// as its enrollment's), the end customer and addresses, the device and site, the regional market data and the
    /// utility account. Holds personal data: names, an e-mail address, a phone number and street addresses.
    /// </summary>
    public sealed class MeterDetail : MeterRecord
    {
        /// <summary>Gets or sets the end customer: location, contact, offering and billing address.</summary>
        [JsonPropertyName("customer")]
        public Customer? Customer { get; set; }

        /// <summary>Gets or sets the device, e.g. a battery.</summary>
        [JsonPropertyName("device")]
        public Device? Device { get; set; }

        /// <summary>Gets or sets the site: load zone, generation, the devices on the premises.</summary>
        [JsonPropertyName("site")]
        public Site? Site { get; set; }

        /// <summary>Gets or sets the CAISO data (for CAISO meters).</summary>
        [JsonPropertyName("caiso")]
        public CaisoDetail? Caiso { get; set; }

        /// <summary>Gets or sets the ISO-NE data (for ISONE meters).</summary>
        [JsonPropertyName("isone")]
        public IsoneDetail? Isone { get; set; }

        /// <summary>Gets or sets the NYISO data (for NYISO meters).</summary>
        [JsonPropertyName("nyiso")]
        public NyisoDetail? Nyiso { get; set; }

        /// <summary>Gets or sets the utility account and tariff.</summary>
        [JsonPropertyName("utility")]
        public Utility? Utility { get; set; }
    }
}
