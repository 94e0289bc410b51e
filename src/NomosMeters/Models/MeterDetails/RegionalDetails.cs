using System.Text.Json.Serialization;

namespace NomosMeters.Models.MeterDetails
{
    /// <summary>What CAISO programs need (<c>Caiso</c>).</summary>
    public sealed class CaisoDetail
    {
        /// <summary>Gets or sets whether the battery receives SGIP funding (needed for batteries installed after June 30, 2023).</summary>
        [JsonPropertyName("is_receiving_sgip_funding")]
        public bool? IsReceivingSgipFunding { get; set; }

        /// <summary>Gets or sets whether the battery is under <c>NEM2</c> or <c>NEM3</c> rules.</summary>
        [JsonPropertyName("nem_type")]
        public string? NemType { get; set; }

        /// <summary>Returns the set fields as <c>Name=Value; ...</c>.</summary>
        public override string ToString() => DetailText.Fields(this);
    }

    /// <summary>What ISO-NE programs need (<c>Isone</c>).</summary>
    public sealed class IsoneDetail
    {
        /// <summary>Gets or sets whether the meter also takes part in ConnectedSolutions.</summary>
        [JsonPropertyName("in_connected_solutions")]
        public bool? InConnectedSolutions { get; set; }

        /// <summary>Returns the set fields as <c>Name=Value; ...</c>.</summary>
        public override string ToString() => DetailText.Fields(this);
    }

    /// <summary>What NYISO programs need (<c>Nyiso</c>).</summary>
    public sealed class NyisoDetail
    {
        /// <summary>Gets or sets the Customer Baseline Load method: <c>AVERAGE_DAY</c> or <c>WEATHER_ADJUSTED</c>.</summary>
        [JsonPropertyName("cbl_method")]
        public string? CblMethod { get; set; }

        /// <summary>Gets or sets the company type PSEGLI CSRP/DLRP ask for, e.g. <c>CORPORATION</c>.</summary>
        [JsonPropertyName("company_type")]
        public string? CompanyType { get; set; }

        /// <summary>Gets or sets the resource id NYISO assigned when the meter was enrolled in SCR before.</summary>
        [JsonPropertyName("existing_nyiso_resource_id")]
        public string? ExistingNyisoResourceId { get; set; }

        /// <summary>Gets or sets the resource name the partner assigned when the meter was enrolled in SCR before.</summary>
        [JsonPropertyName("partner_nyiso_resource_name")]
        public string? PartnerNyisoResourceName { get; set; }

        /// <summary>Returns the set fields as <c>Name=Value; ...</c>.</summary>
        public override string ToString() => DetailText.Fields(this);
    }
}
