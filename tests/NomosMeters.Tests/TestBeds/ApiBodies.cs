using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;

namespace NomosMeters.Tests.TestBeds
{
    /// <summary>Request bodies as the APIs take them, and response bodies read back.</summary>
    public static class ApiBodies
    {
        public static StringContent Json(string json) => new StringContent(json, Encoding.UTF8, "application/json");

        public static FormUrlEncodedContent Form(params (string Key, string Value)[] fields)
            => new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));

        public static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response)
        {
            var text = await response.Content.ReadAsStringAsync();
            using var document = JsonDocument.Parse(text);
            return document.RootElement.Clone();
        }

        public static List<string> Ids(IEnumerable<JsonElement> items) => items.Select(i => i.GetProperty("id").GetString()!).ToList();
    }
}
