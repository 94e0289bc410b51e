using System;

namespace NomosMeters.RetryBridge
{
    /// <summary>How often and how patiently a <see cref="RetryPipeline"/> retries; fixed per connection.</summary>
    public sealed class RetrySettings
    {
        /// <summary>Gets or sets how many retries follow the first attempt; 0 turns retrying off.</summary>
        public int MaxRetries { get; set; }

        /// <summary>Gets or sets the first backoff delay; later ones double, with jitter.</summary>
        public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

        /// <summary>Gets or sets the longest single wait, whatever the backoff or the server asks for.</summary>
        public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(60);

        /// <summary>Gets or sets the clock the waits run on (a test clock makes them instant).</summary>
        public TimeProvider Time { get; set; } = TimeProvider.System;
    }
}
