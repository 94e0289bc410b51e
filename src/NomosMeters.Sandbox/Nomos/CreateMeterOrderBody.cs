using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
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
            if (!JsonBody.IsJson(content))
            {
                var received = content?.Headers.ContentType?.MediaType ?? "none";
                throw NomosProblem.BadField("invalid_type", string.Empty, $"Expected a JSON body (Content-Type: application/json), received Content-Type '{received}'");
            }

            using var document = await JsonBody.ReadObjectAsync(content, cancellationToken).ConfigureAwait(false);
            var root = document.RootElement;
            var errors = new List<FieldError>();
            var unknown = root.EnumerateObject().Select(p => p.Name).Where(n => n != SubscriptionField).Distinct().ToList();
            if (unknown.Count > 0)
            {
                errors.Add(new FieldError("unrecognized_keys", string.Empty, "Unrecognized key(s) in object: " + string.Join(", ", unknown.Select(k => $"'{k}'"))));
            }

            string? subscription = null;
            if (!root.TryGetProperty(SubscriptionField, out var value))
            {
                errors.Add(new FieldError("invalid_type", SubscriptionField, "Required"));
            }
            else if (value.ValueKind != JsonValueKind.String)
            {
                errors.Add(new FieldError("invalid_type", SubscriptionField, $"Expected string, received {JsonBody.KindName(value.ValueKind)}"));
            }
            else
            {
                subscription = value.GetString();
            }

            if (errors.Count > 0)
            {
                throw NomosProblem.Invalid(HttpStatusCode.BadRequest, errors.ToArray());
            }

            return subscription!;
        }
    }
}
