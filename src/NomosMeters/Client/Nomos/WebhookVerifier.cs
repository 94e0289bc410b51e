using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using NomosMeters.Client.Json;
using NomosMeters.Models;

namespace NomosMeters.Client.Nomos
{
    /// <summary>
    /// Verifies a webhook delivery the way Nomos documents it: the header's form, then the signature over the raw body
    /// under each secret, then the timestamp against the clock, and reads the event. The timestamp is checked after the
    /// signature, so "outside the tolerance" is only ever said of an authentic delivery (a replay, or a clock that is off).
    /// </summary>
    internal static class WebhookVerifier
    {
        /// <summary>How far the signing time may be from the clock: 5 minutes, as Nomos recommends.</summary>
        public const int DefaultToleranceSec = 300;

        private const string WhereTheRawBodyIs =
            "Pass the raw body exactly as received: $Request.RawBody in Azure Functions, $WebhookData.RequestBody in Azure Automation; a body parsed and serialised again does not match.";

        /// <summary>Checks <paramref name="header"/> against <paramref name="body"/>; throws <see cref="WebhookRejectedException"/> saying why not.</summary>
        public static void Verify(byte[] body, string? header, IReadOnlyCollection<byte[]> keys, int toleranceSec, DateTimeOffset now)
        {
            if (string.IsNullOrWhiteSpace(header))
            {
                throw new WebhookRejectedException(
                    WebhookFailure.SignatureMissing,
                    $"The delivery has no {WebhookSignature.HeaderName} header, so it cannot be from Nomos.",
                    $"Pass the request's headers with -Header (they are searched for {WebhookSignature.HeaderName} in any case), or the header's value with -Signature.");
            }

            var parsed = WebhookSignatureHeader.Parse(header!, out var problem)
                ?? throw new WebhookRejectedException(
                    WebhookFailure.SignatureMalformed,
                    $"The {WebhookSignature.HeaderName} header is not t=<unix seconds>,v1=<hex>: {problem}.",
                    $"Pass the {WebhookSignature.HeaderName} header's value as received; a request without a valid one is not from Nomos.");

            if (!Matches(parsed, body, keys))
            {
                throw new WebhookRejectedException(
                    WebhookFailure.SignatureMismatch,
                    $"The {WebhookSignature.HeaderName} header does not match the body under {Count(keys.Count, "signing secret")}: the body or its t= was changed, " +
                    "the body is not the raw body as received, or it was signed with another secret.",
                    WhereTheRawBodyIs + " Check that -Secret is the signing secret of this endpoint; during a rotation pass the old and the new one.");
            }

            var signedAt = DateTimeOffset.FromUnixTimeSeconds(Math.Min(parsed.Timestamp, DateTimeOffset.MaxValue.ToUnixTimeSeconds()));
            var offBy = now.ToUnixTimeSeconds() - parsed.Timestamp;
            if (offBy > toleranceSec || offBy < -toleranceSec)
            {
                var when = offBy > 0 ? $"{Count(offBy, "second")} before" : $"{Count(-offBy, "second")} after";
                throw new WebhookRejectedException(
                    WebhookFailure.TimestampOutsideTolerance,
                    $"The delivery is signed correctly but at {TimestampParser.Format(signedAt)}, {when} this computer's clock, " +
                    $"more than the tolerance of {Count(toleranceSec, "second")}: a replayed delivery, or a clock that is off.",
                    "Check the computer's clock. Where deliveries are handled late on purpose (an Azure Automation job waits in a queue), raise -ToleranceSec.");
            }
        }

        /// <summary>Reads a verified body as an event; throws <see cref="WebhookRejectedException"/> when it is not one.</summary>
        public static NomosEvent ReadEvent(byte[] body)
        {
            NomosEvent? parsed;
            try
            {
                parsed = JsonSerializer.Deserialize(body, NomosJsonContext.Default.NomosEvent);
            }
            catch (JsonException ex)
            {
                throw NotAnEvent("it is not a JSON event object (" + ex.Message + ")", ex);
            }

            var problem = NomosEvent.ProblemWith(parsed);
            return problem == null ? parsed! : throw NotAnEvent(problem, null);
        }

        private static bool Matches(WebhookSignatureHeader header, byte[] body, IReadOnlyCollection<byte[]> keys)
        {
            foreach (var key in keys)
            {
                var expected = WebhookSignature.Mac(key, header.Timestamp, body);
                try
                {
                    foreach (var signature in header.Signatures)
                    {
                        if (WebhookSignature.SameMac(expected, signature))
                        {
                            return true;
                        }
                    }
                }
                finally
                {
                    Array.Clear(expected, 0, expected.Length);
                }
            }

            return false;
        }

        private static WebhookRejectedException NotAnEvent(string problem, Exception? inner)
            => new WebhookRejectedException(
                WebhookFailure.NotAnEvent,
                $"The delivery is signed correctly, but its body is not a Nomos event: {problem}.",
                "An event is a JSON object with a topic (and id, timestamp and context). " + WhereTheRawBodyIs,
                inner);

        private static string Count(long n, string noun) => n.ToString("N0", CultureInfo.InvariantCulture) + " " + noun + (n == 1 ? string.Empty : "s");
    }
}
