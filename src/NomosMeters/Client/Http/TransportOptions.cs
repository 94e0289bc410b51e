using System;
using NomosMeters.Session.Settings;

namespace NomosMeters.Client.Http
{
    /// <summary>Per-connection transport settings.</summary>
    internal sealed class TransportOptions
    {
        public static readonly TimeSpan DefaultRequestTimeout = TimeSpan.FromSeconds(SettingLimits.TimeoutDefaultSec);

        /// <summary>Gets or sets how long one HTTP attempt (headers and body) may take.</summary>
        public TimeSpan RequestTimeout { get; set; } = DefaultRequestTimeout;

        /// <summary>Gets or sets how many times a transient failure (429, 408, 5xx, connection failure) is retried.</summary>
        public int MaxRetries { get; set; } = SettingLimits.RetryCountDefault;

        /// <summary>Gets or sets the first backoff delay; later ones double, with jitter, unless the server says how long to wait.</summary>
        public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

        /// <summary>Gets or sets the total time one call may spend retrying; no retry starts after it.</summary>
        public TimeSpan RetryBudget { get; set; } = TimeSpan.FromSeconds(SettingLimits.RetryBudgetDefaultSec);

        /// <summary>
        /// Gets or sets how many requests a cmdlet that looks items up one request each (or one search per batch) keeps
        /// in flight at once on this service; the rate limiter still paces them.
        /// </summary>
        public int ThrottleLimit { get; set; } = SettingLimits.ThrottleLimitDefault;

        /// <summary>Gets or sets the clock used for token lifetimes, request timeouts, retry waits and the retry budget.</summary>
        public TimeProvider Time { get; set; } = TimeProvider.System;

        /// <summary>Gets or sets the User-Agent product token.</summary>
        public string UserAgent { get; set; } = "NomosMeters/" + typeof(TransportOptions).Assembly.GetName().Version?.ToString(3);
    }
}
