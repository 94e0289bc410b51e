using System;

namespace NomosMeters.Client.Http
{
    /// <summary>Per-connection transport settings.</summary>
    internal sealed class TransportOptions
    {
        public static readonly TimeSpan DefaultRequestTimeout = TimeSpan.FromSeconds(100);

        /// <summary>Gets or sets how long one HTTP attempt (headers and body) may take.</summary>
        public TimeSpan RequestTimeout { get; set; } = DefaultRequestTimeout;

        /// <summary>Gets or sets the clock used for token lifetimes.</summary>
        public TimeProvider Time { get; set; } = TimeProvider.System;

        /// <summary>Gets or sets the User-Agent product token.</summary>
        public string UserAgent { get; set; } = "NomosMeters/" + typeof(TransportOptions).Assembly.GetName().Version?.ToString(3);
    }
}
