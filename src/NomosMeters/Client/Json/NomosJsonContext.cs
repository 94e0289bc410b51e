using System.Text.Json;
using System.Text.Json.Serialization;
using NomosMeters.Client.Enrollments;
using NomosMeters.Client.Nomos;
using NomosMeters.Models;
using NomosMeters.Models.Enrollments;

namespace NomosMeters.Client.Json
{
    /// <summary>Source-generated serializers: no reflection at run time, fast first call.</summary>
    [JsonSourceGenerationOptions(
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        GenerationMode = JsonSourceGenerationMode.Metadata)]
    [JsonSerializable(typeof(MeterOrder))]
    [JsonSerializable(typeof(NomosListPage<MeterOrder>))]
    [JsonSerializable(typeof(NomosErrorBody))]
    [JsonSerializable(typeof(TokenResponse))]
    [JsonSerializable(typeof(InsertMeterOrderBody))]
    [JsonSerializable(typeof(MeterEnrollment))]
    [JsonSerializable(typeof(EnrollmentSearchPage))]
    [JsonSerializable(typeof(MeterFilterRequest))]
    [JsonSerializable(typeof(EnrollmentErrorBody))]
    [JsonSerializable(typeof(JsonElement))]
    [JsonSerializable(typeof(NomosListPage<JsonElement>))]
    internal sealed partial class NomosJsonContext : JsonSerializerContext
    {
    }
}
