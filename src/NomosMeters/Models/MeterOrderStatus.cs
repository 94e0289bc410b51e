namespace NomosMeters.Models
{
    /// <summary>The meter-order statuses the module knows (curie). The API may add more; those are kept as sent.</summary>
    public static class MeterOrderStatus
    {
        public const string Created = "created";
        public const string Placed = "placed";
        public const string CheckSubmitted = "check_submitted";
        public const string CheckReviewed = "check_reviewed";
        public const string Scheduled = "scheduled";
        public const string Installed = "installed";
        public const string Activated = "activated";
        public const string Cancelled = "cancelled";

        /// <summary>Every known status, in lifecycle order.</summary>
        public static readonly string[] All =
        {
            Created, Placed, CheckSubmitted, CheckReviewed, Scheduled, Installed, Activated, Cancelled,
        };
    }
}
