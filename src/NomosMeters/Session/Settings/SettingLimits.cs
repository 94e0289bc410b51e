namespace NomosMeters.Session.Settings
{
    /// <summary>
    /// The one place for the ranges and defaults of a connection's numeric settings: Connect-Nomos's ValidateRange
    /// attributes, the environment variables and the transport's defaults all read them.
    /// </summary>
    internal static class SettingLimits
    {
        public const int TimeoutMinSec = 1;
        public const int TimeoutMaxSec = 3600;
        public const int TimeoutDefaultSec = 100;

        public const int RetryCountMin = 0;
        public const int RetryCountMax = 10;
        public const int RetryCountDefault = 4;

        public const int RetryBudgetMinSec = 0;
        public const int RetryBudgetMaxSec = 3600;
        public const int RetryBudgetDefaultSec = 120;

        public const double RateLimitMin = 0;
        public const double RateLimitMax = 1000;

        /// <summary>The Nomos API's documented limit: 10 requests per second per user.</summary>
        public const double RateLimitDefault = 10;

        public const int ThrottleLimitMin = 1;
        public const int ThrottleLimitMax = 64;

        /// <summary>As ForEach-Object -Parallel: enough in flight to fill the rate limit at 300 ms per request.</summary>
        public const int ThrottleLimitDefault = 5;
    }
}
