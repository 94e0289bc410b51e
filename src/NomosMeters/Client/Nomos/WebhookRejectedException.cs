using System;

namespace NomosMeters.Client.Nomos
{
    /// <summary>Why a webhook delivery was refused; one value per way it can fail, each its own ErrorId.</summary>
    internal enum WebhookFailure
    {
        /// <summary>No <c>X-Nomos-Signature</c> header, or an empty one.</summary>
        SignatureMissing,

        /// <summary>The header is not <c>t=&lt;unix seconds&gt;,v1=&lt;hex&gt;</c>.</summary>
        SignatureMalformed,

        /// <summary>The signature matches, but it was made longer ago (or further ahead) than the tolerance allows.</summary>
        TimestampOutsideTolerance,

        /// <summary>No v1 signature matches the body under any of the secrets.</summary>
        SignatureMismatch,

        /// <summary>The body is authentic but is not an event (not a JSON object with a topic).</summary>
        NotAnEvent,
    }

    /// <summary>
    /// A webhook delivery that failed verification. Its message says what is wrong and never holds a secret or a
    /// signature that would have matched.
    /// </summary>
    internal sealed class WebhookRejectedException : Exception
    {
        public WebhookRejectedException(WebhookFailure failure, string message, string recommendedAction, Exception? inner = null)
            : base(message, inner)
        {
            Failure = failure;
            RecommendedAction = recommendedAction;
        }

        public WebhookFailure Failure { get; }

        public string RecommendedAction { get; }
    }
}
