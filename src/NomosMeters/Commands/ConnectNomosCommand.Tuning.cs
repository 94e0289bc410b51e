using System;
using System.Management.Automation;

namespace NomosMeters.Commands
{
    /// <summary>Connect-Nomos: the timeout, retry and rate settings of the connection (parameter, else environment, else default).</summary>
    public sealed partial class ConnectNomosCommand
    {
        internal static readonly EnvironmentSetting TimeoutSetting = new EnvironmentSetting("NOMOS_TIMEOUT_SEC", nameof(TimeoutSec), 1, 3600, wholeNumber: true);
        internal static readonly EnvironmentSetting RetryCountSetting = new EnvironmentSetting("NOMOS_MAXIMUM_RETRY_COUNT", nameof(MaximumRetryCount), 0, 10, wholeNumber: true);
        internal static readonly EnvironmentSetting RetryBudgetSetting = new EnvironmentSetting("NOMOS_RETRY_BUDGET_SEC", nameof(RetryBudgetSec), 0, 3600, wholeNumber: true);
        internal static readonly EnvironmentSetting RateLimitSetting = new EnvironmentSetting("NOMOS_RATE_LIMIT", nameof(RateLimit), 0, 1000, wholeNumber: false);

        /// <summary>The Nomos API's documented limit: 10 requests per second per user.</summary>
        internal const double DefaultRateLimit = 10;

        /// <summary>Gets or sets how long one HTTP request may take, in seconds (default 100; environment: NOMOS_TIMEOUT_SEC).</summary>
        [Parameter]
        [ValidateRange(1, 3600)]
        public int TimeoutSec { get; set; }

        /// <summary>Gets or sets how often a transient failure (429, 408, 5xx, connection failure) is retried (default 4; environment: NOMOS_MAXIMUM_RETRY_COUNT).</summary>
        [Parameter]
        [ValidateRange(0, 10)]
        public int MaximumRetryCount { get; set; }

        /// <summary>Gets or sets the total seconds one request may spend on retries and their waits (default 120; environment: NOMOS_RETRY_BUDGET_SEC).</summary>
        [Parameter]
        [ValidateRange(0, 3600)]
        public int RetryBudgetSec { get; set; }

        /// <summary>
        /// Gets or sets the most requests per second sent to the Nomos API, shared by everything using the connection
        /// (default 10, the API's limit; 0 = no limit; the sandbox has no limit unless one is given; environment: NOMOS_RATE_LIMIT).
        /// </summary>
        [Parameter]
        [ValidateRange(0.0, 1000.0)]
        public double RateLimit { get; set; }

        private void ReadTuning(NomosConnectionSettings settings, bool sandbox)
        {
            var transport = settings.Transport;
            var timeout = Resolve(nameof(TimeoutSec), TimeoutSec, TimeoutSetting);
            if (timeout.HasValue)
            {
                transport.RequestTimeout = TimeSpan.FromSeconds(timeout.Value);
            }

            var retries = Resolve(nameof(MaximumRetryCount), MaximumRetryCount, RetryCountSetting);
            if (retries.HasValue)
            {
                transport.MaxRetries = (int)retries.Value;
            }

            var budget = Resolve(nameof(RetryBudgetSec), RetryBudgetSec, RetryBudgetSetting);
            if (budget.HasValue)
            {
                transport.RetryBudget = TimeSpan.FromSeconds(budget.Value);
            }

            // The sandbox answers in-process and never throttles; limiting it would only slow trying the module out.
            settings.RateLimit = Resolve(nameof(RateLimit), RateLimit, RateLimitSetting) ?? (sandbox ? 0 : DefaultRateLimit);
        }

        private double? Resolve(string parameter, double value, EnvironmentSetting setting)
            => MyInvocation.BoundParameters.ContainsKey(parameter) ? value : setting.Read(this);
    }
}
