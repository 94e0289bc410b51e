using System;

namespace NomosMeters.Session.Settings
{
    /// <summary>Settings that cannot make a connection: what is wrong, what to do, and which ErrorId says so.</summary>
    internal sealed class SettingsException : ArgumentException
    {
        public SettingsException(string errorId, string message, object? target, string recommendedAction, bool isMissingCredentials = false)
            : base(message)
        {
            ErrorId = errorId;
            Target = target;
            RecommendedAction = recommendedAction;
            IsMissingCredentials = isMissingCredentials;
        }

        public string ErrorId { get; }

        public object? Target { get; }

        public string RecommendedAction { get; }

        /// <summary>Gets whether credentials are missing (an authentication error) rather than a value being wrong.</summary>
        public bool IsMissingCredentials { get; }
    }
}
