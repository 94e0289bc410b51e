using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using NomosMeters.Client.Nomos;
using Xunit;

namespace NomosMeters.Tests.Unit
{
    /// <summary>
    /// Webhook verification as Nomos documents it. Every expected signature is computed here, with HMACSHA256 over
    /// "{t}.{raw body}" keyed with the secret's UTF-8 bytes, never with the module's own signing code.
    /// </summary>
    public sealed class WebhookVerifierTests
    {
        private const string Secret = "whsec_9f8e7d6c5b4a";
        private const string Body = "{\"id\":\"evt_0k2j4h6g8f0d2s4a6p8o0i2u\",\"topic\":\"meter_order.blocked\",\"timestamp\":\"2026-05-27T10:15:00.000Z\",\"context\":{\"meter_order\":\"prdo_manot0rspfyzgcxkuduawmf1\",\"subscription\":\"sub_y4vr1cypzlh34n89cri3ha8s\"}}";
        private static readonly DateTimeOffset Now = new DateTimeOffset(2026, 5, 27, 10, 15, 30, TimeSpan.Zero);
        private static readonly long T = Now.ToUnixTimeSeconds();

        /// <summary>The documented recipe, written out: lowercase hex of HMAC-SHA256(secret, "{t}.{body}").</summary>
        internal static string V1(string secret, long t, byte[] body)
        {
            using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(secret));
            var signed = Encoding.UTF8.GetBytes(t.ToString(CultureInfo.InvariantCulture) + ".").Concat(body).ToArray();
            return string.Concat(hmac.ComputeHash(signed).Select(b => b.ToString("x2", CultureInfo.InvariantCulture)));
        }

        private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

        private static string Header(long t, string secret = Secret, string body = Body) => $"t={t},v1={V1(secret, t, Utf8(body))}";

        private static void Verify(string? header, string body = Body, int tolerance = 300, params string[] secrets)
            => WebhookVerifier.Verify(Utf8(body), header, (secrets.Length == 0 ? new[] { Secret } : secrets).Select(Utf8).ToList(), tolerance, Now);

        private static WebhookRejectedException Refused(string? header, string body = Body, int tolerance = 300, params string[] secrets)
            => Assert.Throws<WebhookRejectedException>(() => Verify(header, body, tolerance, secrets));

        [Fact]
        public void AKnownVectorVerifies()
        {
            // Fixed inputs and the value another HMAC tool computed for them (Python's hmac with hashlib.sha256).
            const string Expected = "5b41482becc755e115c693ef17c860d471e128d9096f3836f458d01aafe76946";
            Assert.Equal(Expected, V1(Secret, 1779876930, Utf8(Body)));
            var header = "t=1779876930,v1=" + Expected;

            Verify(header);
            Assert.Equal(1779876930, T);
        }

        [Fact]
        public void TheModulesSignatureIsTheDocumentedOne()
            => Assert.Equal(Header(T), WebhookSignature.HeaderValue(Utf8(Secret), T, Utf8(Body)));

        [Fact]
        public void ATamperedBodyIsAMismatch()
        {
            var refused = Refused(Header(T), Body.Replace("blocked", "placed"));

            Assert.Equal(WebhookFailure.SignatureMismatch, refused.Failure);
        }

        [Fact]
        public void ABodyParsedAndSerialisedAgainIsAMismatch()
        {
            var reserialised = System.Text.Json.JsonSerializer.Serialize(System.Text.Json.JsonDocument.Parse(Body).RootElement, new System.Text.Json.JsonSerializerOptions { WriteIndented = true });

            Assert.Equal(WebhookFailure.SignatureMismatch, Refused(Header(T), reserialised).Failure);
        }

        [Fact]
        public void ATamperedTimestampIsAMismatchNotATimestampError()
        {
            // A replay whose t is moved to now to pass the tolerance no longer matches its v1.
            var old = Header(T - 3600);
            var moved = old.Replace($"t={T - 3600}", $"t={T}");

            Assert.Equal(WebhookFailure.SignatureMismatch, Refused(moved).Failure);
        }

        [Theory]
        [InlineData(-300)]
        [InlineData(300)]
        [InlineData(0)]
        public void ATimestampUpToTheToleranceAwayIsAccepted(int offset) => Verify(Header(T + offset));

        [Theory]
        [InlineData(-301, "301 seconds before")]
        [InlineData(301, "301 seconds after")]
        [InlineData(-86400, "86,400 seconds before")]
        public void ATimestampJustPastTheToleranceIsRefusedAndSaysHowFarOff(int offset, string says)
        {
            var refused = Refused(Header(T + offset));

            Assert.Equal(WebhookFailure.TimestampOutsideTolerance, refused.Failure);
            Assert.Contains(says, refused.Message);
            Assert.Contains("300 seconds", refused.Message);
            Assert.Contains("-ToleranceSec", refused.RecommendedAction);
        }

        [Fact]
        public void AWiderToleranceAcceptsALateDeliveryAndStopsAtItsOwnEdge()
        {
            Verify(Header(T - 1800), tolerance: 1800);
            Assert.Equal(WebhookFailure.TimestampOutsideTolerance, Refused(Header(T - 1801), tolerance: 1800).Failure);
        }

        [Fact]
        public void AForgedSignatureOnAStaleTimestampIsAMismatch()
            => Assert.Equal(WebhookFailure.SignatureMismatch, Refused($"t={T - 3600},v1={new string('a', 64)}").Failure);

        [Fact]
        public void DuringARotationEitherSecretVerifies()
        {
            const string previous = "whsec_old_0123";
            Verify(Header(T, previous), secrets: new[] { Secret, previous });
            Verify(Header(T, Secret), secrets: new[] { previous, Secret });
            var refused = Refused(Header(T, "whsec_someone_else"), secrets: new[] { Secret, previous });
            Assert.Equal(WebhookFailure.SignatureMismatch, refused.Failure);
            Assert.Contains("2 signing secrets", refused.Message);
        }

        [Fact]
        public void OneOfSeveralV1SignaturesMatchingIsEnough()
        {
            var header = $"t={T},v1={V1("whsec_other", T, Utf8(Body))},v1={V1(Secret, T, Utf8(Body))}";

            Verify(header);
        }

        [Theory]
        [InlineData("t={T},v1={V1}")]
        [InlineData("v1={V1},t={T}")]
        [InlineData(" t = {T} ,  v1 = {V1} ")]
        [InlineData("t={T},v0=00ff,v1={V1},v2=abc")]
        [InlineData("T={T},V1={V1}")]
        [InlineData("t={T},v1={V1UPPER}")]
        [InlineData("t={T},v1={V1},")]
        [InlineData("t={T},v1=not-hex,v1={V1}")]
        public void HeaderVariantsVerify(string template)
        {
            var v1 = V1(Secret, T, Utf8(Body));
            Verify(template.Replace("{T}", T.ToString(CultureInfo.InvariantCulture)).Replace("{V1UPPER}", v1.ToUpperInvariant()).Replace("{V1}", v1));
        }

        [Theory]
        [InlineData(null)]
        [InlineData("")]
        [InlineData("   ")]
        public void NoHeaderIsMissing(string? header)
            => Assert.Equal(WebhookFailure.SignatureMissing, Refused(header).Failure);

        [Theory]
        [InlineData("v1={V1}", "no t= timestamp")]
        [InlineData("t={T}", "no v1= signature")]
        [InlineData("t={T},v0={V1}", "no v1= signature")]
        [InlineData("t=soon,v1={V1}", "not a Unix time")]
        [InlineData("t=-5,v1={V1}", "not a Unix time")]
        [InlineData("t=1.5,v1={V1}", "not a Unix time")]
        [InlineData("t={T},t=1,v1={V1}", "more than one t=")]
        [InlineData("t={T},v1=abc123", "not 64 hex digits")]
        [InlineData("t={T},{V1}", "not name=value")]
        [InlineData("sha256={V1}", "no t= timestamp")]
        public void MalformedHeadersSayWhatIsWrong(string template, string says)
        {
            var refused = Refused(template.Replace("{T}", T.ToString(CultureInfo.InvariantCulture)).Replace("{V1}", V1(Secret, T, Utf8(Body))));

            Assert.Equal(WebhookFailure.SignatureMalformed, refused.Failure);
            Assert.Contains(says, refused.Message);
        }

        [Fact]
        public void NonAsciiBodiesAreSignedAsTheirUtf8Bytes()
        {
            var body = "{\"topic\":\"test.event\",\"note\":\"Zählerwechsel in Köln – ✓ 電表\"}";
            var header = $"t={T},v1={V1(Secret, T, Utf8(body))}";

            Verify(header, body);
            var latin1 = Encoding.GetEncoding("ISO-8859-1").GetBytes(body);
            Assert.Throws<WebhookRejectedException>(() => WebhookVerifier.Verify(latin1, header, new List<byte[]> { Utf8(Secret) }, 300, Now));
        }

        [Fact]
        public void NoMessageHoldsTheSecretOrTheSignatureThatWouldHaveMatched()
        {
            var expected = V1(Secret, T, Utf8(Body));
            var failures = new[]
            {
                Refused(null), Refused("t=x,v1=1"), Refused(Header(T - 999)), Refused($"t={T},v1={new string('0', 64)}"),
                Assert.Throws<WebhookRejectedException>(() => WebhookVerifier.ReadEvent(Utf8("[\"" + Secret + "\"]"))),
            };

            Assert.Equal(Enum.GetValues(typeof(WebhookFailure)).Length, failures.Select(f => f.Failure).Distinct().Count());
            foreach (var failure in failures)
            {
                var text = failure.Message + failure.RecommendedAction;
                Assert.DoesNotContain(Secret, text);
                Assert.DoesNotContain(expected, text, StringComparison.OrdinalIgnoreCase);
            }
        }

        [Fact]
        public void TheTestEventIsAnEventWithoutIdOrContext()
        {
            var read = WebhookVerifier.ReadEvent(Utf8("{\"topic\":\"test.event\"}"));

            Assert.Equal("test.event", read.Topic);
            Assert.Null(read.Id);
            Assert.Null(read.Timestamp);
            Assert.Null(read.MeterOrder);
            Assert.Empty(read.Context);
        }

        [Fact]
        public void AMeterOrderEventNamesItsOrderAndSubscription()
        {
            var read = WebhookVerifier.ReadEvent(Utf8(Body));

            Assert.Equal("evt_0k2j4h6g8f0d2s4a6p8o0i2u", read.Id);
            Assert.Equal("meter_order.blocked", read.Topic);
            Assert.Equal(new DateTimeOffset(2026, 5, 27, 10, 15, 0, TimeSpan.Zero), read.Timestamp);
            Assert.Equal("prdo_manot0rspfyzgcxkuduawmf1", read.MeterOrder);
            Assert.Equal("sub_y4vr1cypzlh34n89cri3ha8s", read.Subscription);
        }

        [Fact]
        public void OtherTopicsKeepTheirWholeContextAsSent()
        {
            var read = WebhookVerifier.ReadEvent(Utf8(
                "{\"id\":\"evt_1\",\"topic\":\"invoice.payment_failed\",\"timestamp\":\"2026-05-27T10:15:00Z\",\"context\":{\"invoice\":\"inv_1\",\"subscription\":\"sub_1\",\"attempt\":3,\"final\":false,\"details\":{\"code\":\"card_declined\"}}}"));

            Assert.Equal("invoice.payment_failed", read.Topic);
            Assert.Null(read.MeterOrder);
            Assert.Equal("sub_1", read.Subscription);
            Assert.Equal("inv_1", read.Context["INVOICE"]);
            Assert.Equal(3L, read.Context["attempt"]);
            Assert.Equal(false, read.Context["final"]);
            Assert.Equal("{\"code\":\"card_declined\"}", read.Context["details"]!.ToString());
            Assert.Equal("invoice=inv_1;subscription=sub_1;attempt=3;final=False;details={\"code\":\"card_declined\"}", read.Context.ToString());
            Assert.Equal(
                "{\"id\":\"evt_1\",\"topic\":\"invoice.payment_failed\",\"timestamp\":\"2026-05-27T10:15:00Z\",\"context\":{\"invoice\":\"inv_1\",\"subscription\":\"sub_1\",\"attempt\":3,\"final\":false,\"details\":{\"code\":\"card_declined\"}}}",
                read.ToJson());
        }

        [Theory]
        [InlineData("", "not a JSON event object")]
        [InlineData("<html>hi</html>", "not a JSON event object")]
        [InlineData("[]", "not a JSON event object")]
        [InlineData("null", "JSON null")]
        [InlineData("{}", "no \"topic\"")]
        [InlineData("{\"topic\":\"\"}", "no \"topic\"")]
        [InlineData("{\"topic\":\"meter_order.placed\",\"context\":\"prdo_1\"}", "not a JSON event object")]
        [InlineData("{\"topic\":\"meter_order.placed\",\"timestamp\":\"yesterday\"}", "not a JSON event object")]
        public void ABodyThatIsNotAnEventSaysSo(string body, string says)
        {
            var refused = Assert.Throws<WebhookRejectedException>(() => WebhookVerifier.ReadEvent(Utf8(body)));

            Assert.Equal(WebhookFailure.NotAnEvent, refused.Failure);
            Assert.Contains(says, refused.Message);
        }
    }
}
