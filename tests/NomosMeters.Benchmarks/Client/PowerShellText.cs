using System;

namespace NomosMeters.Benchmarks.Client
{
    /// <summary>Text as PowerShell reads it back.</summary>
    internal static class PowerShellText
    {
        /// <summary>A single-quoted string literal: quotes doubled, nothing expanded.</summary>
        public static string Quote(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";
    }
}
