using Xunit;

namespace NomosMeters.Tests.Unit
{
    public sealed class ErrorIdTests
    {
        [Theory]
        [InlineData("NOT_FOUND", "NotFound")]
        [InlineData("TOO_MANY_REQUESTS", "TooManyRequests")]
        [InlineData("INVALID_RESPONSE", "InvalidResponse")]
        [InlineData("unauthorized", "Unauthorized")]
        [InlineData("__", "Unknown")]
        public void ApiCodesBecomePascalCaseErrorIds(string code, string expected)
            => Assert.Equal(expected, ApiRequestException.ToPascalCase(code));
    }
}
