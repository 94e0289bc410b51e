namespace NomosMeters.Sandbox.Nomos
{
    /// <summary>The curie enum of the <c>MeterReading</c> schema's <c>type</c>.</summary>
    internal static class MeterReadingValues
    {
        /// <summary>Submitted through <c>POST /meter-readings</c>: a customer read an analog meter.</summary>
        public const string CustomerReport = "customer_report";

        /// <summary>Delivered by the grid operator: daily from a smart meter, yearly from an analog one.</summary>
        public const string GridReading = "grid_reading";

        /// <summary>Estimated by the grid operator where a reading is missing.</summary>
        public const string GridEstimation = "grid_estimation";

        public static readonly string[] Types = { CustomerReport, GridReading, GridEstimation };
    }
}
