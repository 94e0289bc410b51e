namespace NomosMeters.Models
{
    /// <summary>The meter-reading types the module knows (curie). The API may add more; those are kept as sent.</summary>
    public static class MeterReadingType
    {
        /// <summary>Submitted by or for the customer (New-MeterReading): an analog meter read by hand.</summary>
        public const string CustomerReport = "customer_report";

        /// <summary>Delivered by the grid operator: daily from an activated smart meter.</summary>
        public const string GridReading = "grid_reading";

        /// <summary>Estimated by the grid operator where no reading came.</summary>
        public const string GridEstimation = "grid_estimation";

        /// <summary>Every known type.</summary>
        public static readonly string[] All = { CustomerReport, GridReading, GridEstimation };
    }
}
