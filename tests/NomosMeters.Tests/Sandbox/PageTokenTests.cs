using System;
using System.Linq;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using NomosMeters.Sandbox;
using NomosMeters.Tests.Infrastructure;
using NomosMeters.Tests.TestBeds;
using Xunit;

namespace NomosMeters.Tests.Sandbox
{
    /// <summary>
    /// The sandbox's enrollment page tokens and Nomos cursors: the same seed gives the same ones, byte for byte, as it
    /// gives the same data; one altered by hand, or issued by a sandbox with another seed, is refused.
    /// </summary>
    public sealed class PageTokenTests
    {
        private const string Search = "{\"transmission_region\":\"ISONE\",\"page_size\":50";
        private static readonly DateTimeOffset Today = new DateTimeOffset(2026, 11, 20, 9, 30, 0, TimeSpan.Zero);

        private static NomosSandbox Sandbox(int seed = 20260527) => new NomosSandbox(new SandboxOptions { Seed = seed, Time = new ManualTimeProvider(Today) });

        [Fact]
        public async Task TwoSandboxesWithOneSeedGiveByteIdenticalEnrollmentPagesAndPageTokens()
        {
            var a = Sandbox();
            var b = Sandbox();

            var firstA = await SearchAsync(a, Search + "}");
            var firstB = await SearchAsync(b, Search + "}");
            Assert.Equal(firstA.Text, firstB.Text);
            var token = firstA.Json.GetProperty("next_page_token").GetString()!;

            // A token one sandbox issued pages the other one on, to the same next page and token.
            var secondA = await SearchAsync(a, WithToken(token));
            var secondB = await SearchAsync(b, WithToken(token));
            Assert.Equal(HttpStatusCode.OK, secondB.Status);
            Assert.Equal(secondA.Text, secondB.Text);
            Assert.NotEqual(token, secondB.Json.GetProperty("next_page_token").GetString());
        }

        [Fact]
        public async Task AnEnrollmentPageTokenPointedAtAnotherMeterIsRefused()
        {
            var sandbox = Sandbox();
            var token = (await SearchAsync(sandbox, Search + "}")).Json.GetProperty("next_page_token").GetString()!;

            // The same filters and signature, the last meter swapped for one further on: a client skipping ahead.
            var parts = Encoding.UTF8.GetString(Base64Url.Decode(token)).Split('|');
            Assert.Equal(3, parts.Length);
            var further = sandbox.MeterEnrollments.Where(m => m.TransmissionRegion == "ISONE").Skip(120).First().MeterId.ToString("N");
            var forged = Base64Url.Encode(Encoding.UTF8.GetBytes(further + "|" + parts[1] + "|" + parts[2]));
            var refused = await SearchAsync(sandbox, WithToken(forged));

            Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
            Assert.Equal("Invalid page token", refused.Json.GetProperty("title").GetString());
        }

        [Fact]
        public async Task AnEnrollmentPageTokenFromASandboxWithAnotherSeedIsRefused()
        {
            var token = (await SearchAsync(Sandbox(seed: 7), Search + "}")).Json.GetProperty("next_page_token").GetString()!;

            // Refused twice over: another seed's key signed it, and it names another seed's meter.
            var refused = await SearchAsync(Sandbox(), WithToken(token));

            Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
            Assert.Equal("Invalid page token", refused.Json.GetProperty("title").GetString());
        }

        [Fact]
        public async Task ANomosCursorFromASandboxWithAnotherSeedIsRefused()
        {
            // A cursor names a position (created_at, id), not a row: only its signature tells another seed's apart.
            using var other = TestBed.Sandbox(Sandbox(seed: 7)).Http();
            using var own = TestBed.Sandbox(Sandbox()).Http();
            var cursor = (await other.GetOkAsync("/meter-orders?limit=5")).GetProperty("next_page").GetString()!;

            using var response = await own.GetAsync("/meter-orders?limit=5&cursor=" + Uri.EscapeDataString(cursor));

            await ApiAssert.FieldErrorAsync(response, 400, "BAD_REQUEST", "invalid_format", "cursor");
        }

        [Fact]
        public void TheSigningKeyFollowsTheSeedAndThePurpose()
        {
            Assert.Equal(SeedKey.For("purpose", 1), SeedKey.For("purpose", 1));
            Assert.NotEqual(SeedKey.For("purpose", 1), SeedKey.For("purpose", 2));
            Assert.NotEqual(SeedKey.For("purpose", 1), SeedKey.For("other purpose", 1));
        }

        private static string WithToken(string token) => Search + ",\"page_token\":\"" + token + "\"}";

        private static async Task<(HttpStatusCode Status, string Text, JsonElement Json)> SearchAsync(NomosSandbox sandbox, string body)
        {
            using var bed = TestBed.Sandbox(sandbox).Http();
            using var response = await bed.SearchEnrollmentsAsync(body);
            var text = await response.Content.ReadAsStringAsync();
            return (response.StatusCode, text, JsonDocument.Parse(text).RootElement.Clone());
        }
    }
}
