using System;
using System.Text.Json.Serialization;
using NomosMeters.Client.Json;

namespace NomosMeters.Models.MeterDetails
{
    /// <summary>
    /// The end customer of a meter (<c>Customer</c>): where the asset is (the address fields), who to contact, the
    /// partner's offering and the billing address. Personal data: names, an e-mail address, a phone number and street
    /// addresses.
    /// </summary>
    public sealed class Customer : AddressFields
    {
        /// <summary>Gets the location's address as one value (the six address fields), e.g. for one CSV column.</summary>
        [JsonIgnore]
        public PostalAddress Address => new PostalAddress
        {
            Street1 = Street1,
            Street2 = Street2,
            PostalCode = PostalCode,
            City = City,
            StateOrProvinceCode = StateOrProvinceCode,
            CountryCode = CountryCode,
        };

        /// <summary>Gets or sets the end customer's name, or the contact's.</summary>
        [JsonPropertyName("end_customer_name")]
        public string? EndCustomerName { get; set; }

        /// <summary>Gets or sets the title of the primary contact (commercial and industrial customers), e.g. <c>Mrs.</c>.</summary>
        [JsonPropertyName("end_customer_title")]
        public string? EndCustomerTitle { get; set; }

        /// <summary>Gets or sets the end customer's e-mail address.</summary>
        [JsonPropertyName("end_customer_email")]
        public string? EndCustomerEmail { get; set; }

        /// <summary>Gets or sets the end customer's phone number, ideally the one on file with the load-serving entity.</summary>
        [JsonPropertyName("end_customer_phone_number")]
        public string? EndCustomerPhoneNumber { get; set; }

        /// <summary>Gets or sets the legal company name of the site (commercial and industrial customers).</summary>
        [JsonPropertyName("end_customer_company_name")]
        public string? EndCustomerCompanyName { get; set; }

        /// <summary>Gets or sets the partner's program or offering the customer enrolled in.</summary>
        [JsonPropertyName("partner_offering_name")]
        public string? PartnerOfferingName { get; set; }

        /// <summary>Gets or sets the day the customer enrolled in the partner's offering.</summary>
        [JsonPropertyName("partner_offering_date")]
        [JsonConverter(typeof(IsoDateConverter))]
        public DateTime? PartnerOfferingDate { get; set; }

        /// <summary>Gets or sets whether the meter is in ISO-NE's Forward Capacity Market.</summary>
        [JsonPropertyName("is_in_wholesale_capacity_market")]
        public bool? IsInWholesaleCapacityMarket { get; set; }

        /// <summary>Gets or sets the ConnectedSolutions dispatch strategy: <c>DAILY</c> or <c>TARGETED</c>.</summary>
        [JsonPropertyName("dispatch_option")]
        public string? DispatchOption { get; set; }

        /// <summary>Gets or sets the billing address, when the API has one.</summary>
        [JsonPropertyName("billing")]
        public PostalAddress? Billing { get; set; }

        /// <summary>Gets or sets the partner's identifier for the customer or site (the Leap Connect refId).</summary>
        [JsonPropertyName("partner_customer_reference")]
        public string? PartnerCustomerReference { get; set; }

        /// <summary>Returns who and where on one line: the name (and company), then the location's address.</summary>
        public override string ToString()
        {
            var who = EndCustomerName != null && EndCustomerCompanyName != null
                ? $"{EndCustomerName} ({EndCustomerCompanyName})"
                : EndCustomerName ?? EndCustomerCompanyName;
            return DetailText.Join(", ", who, AddressLine());
        }
    }
}
