using System;

namespace NomosMeters.RetryBridge
{
    /// <summary>
    /// What one call decides about its own failures: whether another attempt is worth it, how long the server
    /// asked to wait, and where to report a retry. The caller owns these rules; the pipeline only runs them.
    /// </summary>
    public interface IRetryRules
    {
        /// <summary>Returns whether <paramref name="failure"/> should be retried.</summary>
        bool ShouldRetry(Exception failure);

        /// <summary>Returns the wait the server asked for, or null for exponential backoff.</summary>
        TimeSpan? ServerDelay(Exception failure);

        /// <summary>Called before waiting for retry number <paramref name="retry"/> (1-based).</summary>
        void OnRetry(Exception failure, int retry, TimeSpan delay);
    }
}
