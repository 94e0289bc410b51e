using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace NomosMeters.Sandbox.Nomos
{
    /// <summary>Validates the <c>InsertMeterOrder</c> body <c>{"subscription":"sub_…"}</c>: one required string, nothing else.</summary>
    internal static class CreateMeterOrderBody
    {
        private const string SubscriptionField = "subscription";

        /// <summary>Returns the subscription id, or throws a 400 listing every problem (as the API's schema validation does).</summary>
        public static async Task<string> ReadSubscriptionAsync(HttpContent? content, CancellationToken cancellationToken)
        {
            using var document = await JsonBody.ReadJsonObjectAsync(content, cancellationToken).ConfigureAwait(false);
            var root = document.RootElement;
            var errors = new List<FieldError>();
            JsonBody.RefuseUnknownKeys(root, new[] { SubscriptionField }, errors);
            var subscription = JsonBody.ReadString(root, SubscriptionField, required: true, errors);
            if (errors.Count > 0)
            {
                throw NomosProblem.Invalid(HttpStatusCode.BadRequest, errors.ToArray());
            }

            return subscription!;
        }
    }
}
