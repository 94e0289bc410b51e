using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace NomosMeters.Benchmarks.Client
{
    // The baseline's own picture of the wire: plain records, every field the module reads, deserialized with
    // System.Text.Json source generation (as the module does), so the comparison is about everything else.

    internal sealed record OrderListPage(
        [property: JsonPropertyName("object")] string? Object,
        [property: JsonPropertyName("items")] List<OrderRecord> Items,
        [property: JsonPropertyName("next_page")] string? NextPage,
        [property: JsonPropertyName("has_more")] bool HasMore);

    internal sealed record OrderRecord(
        [property: JsonPropertyName("object")] string? Object,
        [property: JsonPropertyName("id")] string Id,
        [property: JsonPropertyName("subscription")] string? Subscription,
        [property: JsonPropertyName("customer")] string? Customer,
        [property: JsonPropertyName("provider")] string? Provider,
        [property: JsonPropertyName("status")] string? Status,
        [property: JsonPropertyName("created_at")] DateTimeOffset CreatedAt,
        [property: JsonPropertyName("installed_at")] DateTimeOffset? InstalledAt,
        [property: JsonPropertyName("activated_at")] DateTimeOffset? ActivatedAt,
        [property: JsonPropertyName("cancelled_at")] DateTimeOffset? CancelledAt,
        [property: JsonPropertyName("cancelled_reason")] string? CancelledReason,
        [property: JsonPropertyName("blocked_at")] DateTimeOffset? BlockedAt,
        [property: JsonPropertyName("blocked_reason")] string? BlockedReason,
        [property: JsonPropertyName("appointment_at")] DateTimeOffset? AppointmentAt);

    internal sealed record EnrollmentSearchBody(
        [property: JsonPropertyName("page_token")] string? PageToken,
        [property: JsonPropertyName("page_size")] int PageSize,
        [property: JsonPropertyName("meter_ids")] List<Guid>? MeterIds);

    internal sealed record EnrollmentPage(
        [property: JsonPropertyName("next_page_token")] string? NextPageToken,
        [property: JsonPropertyName("meters")] List<EnrollmentRecord> Meters);

    internal sealed record EnrollmentRecord(
        [property: JsonPropertyName("meter_id")] Guid MeterId,
        [property: JsonPropertyName("partner_reference")] string? PartnerReference,
        [property: JsonPropertyName("transmission_region")] string? TransmissionRegion,
        [property: JsonPropertyName("customer_classification")] string? CustomerClassification,
        [property: JsonPropertyName("load_types")] List<string>? LoadTypes,
        [property: JsonPropertyName("meter_type")] string? MeterType,
        [property: JsonPropertyName("connection_references")] List<string>? ConnectionReferences,
        [property: JsonPropertyName("customer_group")] string? CustomerGroup,
        [property: JsonPropertyName("tags")] List<string>? Tags,
        [property: JsonPropertyName("is_archived")] bool IsArchived,
        [property: JsonPropertyName("audit")] AuditRecord? Audit,
        [property: JsonPropertyName("global_enrollment_status")] string? GlobalEnrollmentStatus,
        [property: JsonPropertyName("participation_preferences")] List<PreferenceRecord>? ParticipationPreferences,
        [property: JsonPropertyName("program_enrollment")] List<ProgramRecord>? ProgramEnrollment,
        [property: JsonPropertyName("required_actions")] RequiredActionsRecord? RequiredActions);

    internal sealed record AuditRecord(
        [property: JsonPropertyName("created_by")] string? CreatedBy,
        [property: JsonPropertyName("created_at")] DateTimeOffset? CreatedAt,
        [property: JsonPropertyName("updated_at")] DateTimeOffset? UpdatedAt);

    internal sealed record PreferenceRecord(
        [property: JsonPropertyName("participation_preference")] string? Preference,
        [property: JsonPropertyName("start_time")] DateTimeOffset? StartTime,
        [property: JsonPropertyName("end_time")] DateTimeOffset? EndTime,
        [property: JsonPropertyName("reason")] string? Reason);

    internal sealed record ProgramRecord(
        [property: JsonPropertyName("program_identifier")] string? ProgramIdentifier,
        [property: JsonPropertyName("delivery_period")] string? DeliveryPeriod,
        [property: JsonPropertyName("delivery_period_start_date_time")] DateTimeOffset? DeliveryPeriodStart,
        [property: JsonPropertyName("delivery_period_end_date_time")] DateTimeOffset? DeliveryPeriodEnd,
        [property: JsonPropertyName("enrollment_status")] string? EnrollmentStatus,
        [property: JsonPropertyName("enrollment_deadlines")] List<DeadlineRecord>? EnrollmentDeadlines,
        [property: JsonPropertyName("market_group_id")] Guid? MarketGroupId,
        [property: JsonPropertyName("market_group_name")] string? MarketGroupName);

    internal sealed record DeadlineRecord(
        [property: JsonPropertyName("enrollment_deadline_date_time")] DateTimeOffset? Deadline,
        [property: JsonPropertyName("activation_date_time")] DateTimeOffset? Activation);

    internal sealed record RequiredActionsRecord(
        [property: JsonPropertyName("partner")] List<ActionRecord>? Partner,
        [property: JsonPropertyName("leap")] List<ActionRecord>? Leap);

    internal sealed record ActionRecord(
        [property: JsonPropertyName("program_identifier")] string? ProgramIdentifier,
        [property: JsonPropertyName("delivery_period")] string? DeliveryPeriod,
        [property: JsonPropertyName("enrollment_deadline_date_time")] DateTimeOffset? Deadline,
        [property: JsonPropertyName("action_type")] string? ActionType,
        [property: JsonPropertyName("action_description")] string? Description,
        [property: JsonPropertyName("action_code")] string? Code);

    internal sealed record TokenBody([property: JsonPropertyName("access_token")] string AccessToken);

    [JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
    [JsonSerializable(typeof(OrderListPage))]
    [JsonSerializable(typeof(EnrollmentSearchBody))]
    [JsonSerializable(typeof(EnrollmentPage))]
    [JsonSerializable(typeof(TokenBody))]
    internal sealed partial class WireJsonContext : JsonSerializerContext
    {
    }
}
