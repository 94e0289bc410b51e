namespace NomosMeters.Sandbox.Nomos
{
    /// <summary>The curie enums of the <c>MeterOrder</c> schema.</summary>
    internal static class MeterOrderValues
    {
        public const string Created = "created";
        public const string Placed = "placed";
        public const string CheckSubmitted = "check_submitted";
        public const string CheckReviewed = "check_reviewed";
        public const string Scheduled = "scheduled";
        public const string Installed = "installed";
        public const string Activated = "activated";
        public const string Cancelled = "cancelled";

        /// <summary>The statuses in lifecycle order; <c>cancelled</c> is terminal and can follow any of the others.</summary>
        public static readonly string[] Statuses = { Created, Placed, CheckSubmitted, CheckReviewed, Scheduled, Installed, Activated, Cancelled };

        public static readonly string[] Providers = { "energy-metering", "metrify", "inexogy" };

        public static readonly string[] CancelledReasons = { "pre_existing", "customer_request" };

        public static readonly string[] BlockedReasons = { "check_missing", "grid_operator_registration" };

        /// <summary>Blocked is a marker on an order that is still on its way to installation, not a status of its own.</summary>
        public static bool CanBeBlocked(string status)
            => status == Created || status == Placed || status == CheckSubmitted || status == CheckReviewed || status == Scheduled;
    }
}
