using System;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace NomosMeters.Tests.TestBeds
{
    /// <summary>The Nomos API's error envelope, asserted whole.</summary>
    public static class ApiAssert
    {
        /// <summary>Asserts the error envelope: status, code, docs link, a request id equal to the X-Request-Id header.</summary>
        public static async Task<JsonElement> ErrorAsync(HttpResponseMessage response, int status, string code)
        {
            var body = await ApiBodies.ReadJsonAsync(response);
            Assert.True((int)response.StatusCode == status, $"expected {status}, got {(int)response.StatusCode}: {body}");
            Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType!.ToString());
            Assert.Equal(code, body.GetProperty("code").GetString());
            Assert.False(string.IsNullOrWhiteSpace(body.GetProperty("message").GetString()));
            Assert.Equal("https://docs.nomos.energy/api-references/errors/" + code, body.GetProperty("docs").GetString());
            var requestId = body.GetProperty("requestId").GetString();
            Assert.True(Guid.TryParse(requestId, out _));
            Assert.Equal(requestId, Assert.Single(response.Headers.GetValues("X-Request-Id")));
            return body;
        }

        /// <summary>Asserts the envelope and that its first <c>errors[]</c> entry has this code and field.</summary>
        public static async Task<JsonElement> FieldErrorAsync(HttpResponseMessage response, int status, string code, string errorCode, string field)
        {
            var body = await ErrorAsync(response, status, code);
            var error = body.GetProperty("errors").EnumerateArray().First();
            Assert.Equal(errorCode, error.GetProperty("code").GetString());
            Assert.Equal(field, error.GetProperty("field").GetString());
            Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("message").GetString()));
            return body;
        }
    }
}
