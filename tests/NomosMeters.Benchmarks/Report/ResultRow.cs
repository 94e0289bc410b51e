namespace NomosMeters.Benchmarks.Report
{
    /// <summary>One line of the report: what was measured, against what goal, whether it held and, if not, why.</summary>
    internal sealed record ResultRow(
        string Id,
        string Measurement,
        string Goal,
        string Measured,
        string Reference,
        string Ratio,
        bool Passed,
        string Notes,
        string? WhyNotMet = null)
    {
        /// <summary>Gets what the result means for a user, in a sentence, or null.</summary>
        public string? Meaning { get; init; }
    }
}
