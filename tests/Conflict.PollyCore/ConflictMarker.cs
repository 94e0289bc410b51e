namespace Conflict.PollyCore
{
    /// <summary>The only type in this Polly.Core: code compiled against the real one finds none of its types here.</summary>
    public static class ConflictMarker
    {
        public const string Description = "Conflicting Polly.Core 99.0.0.0 (no Polly types)";
    }
}
