using System.Text.Json;
using System.Text.Json.Serialization;
using NomosMeters.Client.Enrollments;
using NomosMeters.Client.Nomos;
using NomosMeters.Models;
using NomosMeters.Models.Enrollments;
using NomosMeters.Models.MeterDetails;

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
    [JsonSerializable(typeof(MeterReading))]
    [JsonSerializable(typeof(NomosListPage<MeterReading>))]
    [JsonSerializable(typeof(InsertMeterReadingBody))]
    [JsonSerializable(typeof(MeterEnrollment))]
    [JsonSerializable(typeof(MeterSearchPage<MeterEnrollment>))]
    [JsonSerializable(typeof(MeterFilterRequest))]
    [JsonSerializable(typeof(EnrollmentErrorBody))]
    [JsonSerializable(typeof(MeterDetail))]
    [JsonSerializable(typeof(MeterSearchPage<MeterDetail>))]
    [JsonSerializable(typeof(NomosEvent))]
    [JsonSerializable(typeof(JsonElement))]
    [JsonSerializable(typeof(NomosListPage<JsonElement>))]
    internal sealed partial class NomosJsonContext : JsonSerializerContext
    {
    }
}
