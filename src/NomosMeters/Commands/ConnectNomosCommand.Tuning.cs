using System;
using System.Management.Automation;
using NomosMeters.Session.Settings;

namespace NomosMeters.Commands
{
    /// <summary>Connect-Nomos: the timeout, retry and rate parameters (ranges and defaults: <see cref="SettingLimits"/>).</summary>
    public sealed partial class ConnectNomosCommand
    {
        /// <summary>Gets or sets how long one HTTP request may take, in seconds (default 100; environment: NOMOS_TIMEOUT_SEC).</summary>
        [Parameter]
        [ValidateRange(SettingLimits.TimeoutMinSec, SettingLimits.TimeoutMaxSec)]
        public int TimeoutSec { get; set; }

        /// <summary>Gets or sets how often a transient failure (429, 408, 5xx, connection failure) is retried (default 4; environment: NOMOS_MAXIMUM_RETRY_COUNT).</summary>
        [Parameter]
        [ValidateRange(SettingLimits.RetryCountMin, SettingLimits.RetryCountMax)]
        public int MaximumRetryCount { get; set; }

        /// <summary>Gets or sets the total seconds one request may spend on retries and their waits (default 120; environment: NOMOS_RETRY_BUDGET_SEC).</summary>
        [Parameter]
        [ValidateRange(SettingLimits.RetryBudgetMinSec, SettingLimits.RetryBudgetMaxSec)]
        public int RetryBudgetSec { get; set; }

        /// <summary>
        /// Gets or sets the most requests per second sent to the Nomos API, shared by everything using the connection
        /// (default 10, the API's limit; 0 = no limit; the sandbox has no limit unless one is given; environment: NOMOS_RATE_LIMIT).
        /// </summary>
        [Parameter]
        [ValidateRange(SettingLimits.RateLimitMin, SettingLimits.RateLimitMax)]
        public double RateLimit { get; set; }

        /// <summary>
        /// Gets or sets how many requests a cmdlet that looks many items up keeps in flight at once (default 5;
        /// environment: NOMOS_THROTTLE_LIMIT); each such cmdlet's own -ThrottleLimit overrides it for one command.
        /// </summary>
        [Parameter]
        [ValidateRange(SettingLimits.ThrottleLimitMin, SettingLimits.ThrottleLimitMax)]
        public int ThrottleLimit { get; set; }
    }
}
