using System.Net.Http;
using NomosMeters.Client;
using NomosMeters.Client.Http;
using Xunit;

namespace NomosMeters.Tests.Unit
{
    /// <summary>Which failures are sent again: an unusable success body only when repeating cannot act twice.</summary>
    public sealed class RetryRulesTests
    {
        [Theory]
        [InlineData("GET", false, true)]
        [InlineData("POST", true, true)]
        [InlineData("POST", false, false)]
        public void AnUnusableSuccessBodyIsRetriedOnlyWhereRepeatingCannotActTwice(string method, bool safeToRepeat, bool retried)
        {
            var rules = Rules(new ApiRequest(new HttpMethod(method), "/meter-orders") { SafeToRepeat = safeToRepeat });

            Assert.Equal(retried, rules.ShouldRetry(Failure(200, "INVALID_RESPONSE")));
        }

        [Fact]
        public void APostThatMayHaveActedIsNotRepeatedEvenWhenItsAnswerWasCutOffOrNeverConnected()
        {
            var post = Rules(new ApiRequest(HttpMethod.Post, "/meter-orders"));

            // The server answered 200: it acted, whatever became of the body.
            Assert.False(post.ShouldRetry(Failure(200, "INVALID_RESPONSE", notSent: true)));
            Assert.False(post.ShouldRetry(Failure(500, "INTERNAL_SERVER_ERROR")));
            Assert.True(post.ShouldRetry(Failure(429, "TOO_MANY_REQUESTS")));
            Assert.True(post.ShouldRetry(Failure(0, "CONNECTION_FAILED", notSent: true)));
        }

        [Theory]
        [InlineData(400, "BAD_REQUEST")]
        [InlineData(404, "NOT_FOUND")]
        [InlineData(409, "CONFLICT")]
        [InlineData(422, "UNPROCESSABLE_ENTITY")]
        public void ClientErrorsAreNeverRetried(int status, string code)
            => Assert.False(Rules(new ApiRequest(HttpMethod.Get, "/meter-orders")).ShouldRetry(Failure(status, code)));

        private static RetryBridge.IRetryRules Rules(ApiRequest request) => RetryPolicy.ForCall(request, CallContext.None, new TransportOptions());

        private static ApiRequestException Failure(int status, string code, bool notSent = false)
            => new ApiRequestException("Nomos", status, code, "test failure") { NotSent = notSent };
    }
}
