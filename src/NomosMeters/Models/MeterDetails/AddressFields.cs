using System.Text.Json.Serialization;

namespace NomosMeters.Models.MeterDetails
{
    /// <summary>
    /// The six fields of an address, as the API writes them both in the customer (where the asset is) and in its
    /// billing address; its <see cref="ToString"/> is the address on one line.
    /// </summary>
    public abstract class AddressFields
    {
        /// <summary>Gets or sets the street and number.</summary>
        [JsonPropertyName("street_1")]
        public string? Street1 { get; set; }

        /// <summary>Gets or sets the extension, such as an apartment or unit number.</summary>
        [JsonPropertyName("street_2")]
        public string? Street2 { get; set; }

        /// <summary>Gets or sets the postal code (ZIP or ZIP+4).</summary>
        [JsonPropertyName("postal_code")]
        public string? PostalCode { get; set; }

        /// <summary>Gets or sets the city.</summary>
        [JsonPropertyName("city")]
        public string? City { get; set; }

        /// <summary>Gets or sets the two-letter state or province code, e.g. <c>CA</c>.</summary>
        [JsonPropertyName("state_or_province_code")]
        public string? StateOrProvinceCode { get; set; }

        /// <summary>Gets or sets the ISO 3166-1 alpha-2 country code (the API's default: <c>US</c>).</summary>
        [JsonPropertyName("country_code")]
        public string? CountryCode { get; set; }

        /// <summary>Returns the address on one line, e.g. <c>132 My Street, Apartment 32, New York, NY 10001, US</c>.</summary>
        public override string ToString() => AddressLine();

        /// <summary>The address on one line.</summary>
        protected string AddressLine()
            => DetailText.Join(", ", Street1, Street2, City, DetailText.Join(" ", StateOrProvinceCode, PostalCode), CountryCode);
    }
}
