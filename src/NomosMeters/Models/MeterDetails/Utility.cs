using System.Text.Json.Serialization;

namespace NomosMeters.Models.MeterDetails
{
    /// <summary>The meter's utility account (<c>ReadUtility</c>): the utility, the load-serving entity, the account and the tariff.</summary>
    public sealed class Utility
    {
        /// <summary>Gets or sets the utility whose territory the customer is in, e.g. <c>PGE</c>, <c>CECONY</c>, <c>ONCOR</c>.</summary>
        [JsonPropertyName("utility_name")]
        public string? UtilityName { get; set; }

        /// <summary>Gets or sets the utility or community choice aggregator the customer buys electricity from.</summary>
        [JsonPropertyName("load_serving_entity")]
        public string? LoadServingEntity { get; set; }

        /// <summary>Gets or sets the service account number (Service Agreement ID in CAISO, ESIID in ERCOT, ...).</summary>
        [JsonPropertyName("electric_service_account_number")]
        public string? ElectricServiceAccountNumber { get; set; }

        /// <summary>Gets or sets the tariff or rate code from the electric bill.</summary>
        [JsonPropertyName("tariff")]
        public string? Tariff { get; set; }

        /// <summary>Gets or sets the service voltage level or range, e.g. <c>&gt;= 600 V</c>.</summary>
        [JsonPropertyName("voltage")]
        public string? Voltage { get; set; }

        /// <summary>Gets or sets the serial number of the electricity meter.</summary>
        [JsonPropertyName("utility_meter_serial_number")]
        public string? UtilityMeterSerialNumber { get; set; }

        /// <summary>Gets or sets the service agreement number on the customer's bill.</summary>
        [JsonPropertyName("bill_service_agreement_number")]
        public string? BillServiceAgreementNumber { get; set; }

        /// <summary>Gets or sets the customer account number on the bill (an account may hold several service agreements).</summary>
        [JsonPropertyName("bill_customer_account_number")]
        public string? BillCustomerAccountNumber { get; set; }

        /// <summary>Returns the set fields as <c>Name=Value; ...</c>.</summary>
        public override string ToString() => DetailText.Fields(this);
    }
}
