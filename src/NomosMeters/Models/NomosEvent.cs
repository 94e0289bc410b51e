using System;
using System.Text.Json;
using System.Text.Json.Serialization;
using NomosMeters.Client.Json;

namespace NomosMeters.Models
{
    /// <summary>
    /// An event of the Nomos API (<c>GET /events/{id}</c>, or the body of a webhook delivery): what happened
    /// (<see cref="Topic"/>), when, and the ids of what it is about (<see cref="Context"/>). Events carry ids only: fetch
    /// the object for its current state (an event piped to <c>Get-MeterOrder</c> gives its meter order). Topics this
    /// module does not know (<c>subscription.*</c>, <c>invoice.*</c>, later ones) arrive as sent, with their context.
    /// </summary>
    public sealed class NomosEvent
    {
        /// <summary>Gets or sets the event id (prefix <c>evt_</c>); null for the dashboard's test event, which has none.</summary>
        [JsonPropertyName("id")]
        public string? Id { get; set; }

        /// <summary>Gets or sets what happened, e.g. <c>meter_order.blocked</c>, <c>invoice.paid</c> or <c>test.event</c>.</summary>
        [JsonPropertyName("topic")]
        public string Topic { get; set; } = string.Empty;

        /// <summary>Gets or sets when the event was created (UTC), or null when the body has no timestamp.</summary>
        [JsonPropertyName("timestamp")]
        [JsonConverter(typeof(NullableUtcDateTimeOffsetConverter))]
        public DateTimeOffset? Timestamp { get; set; }

        /// <summary>Gets the id of the meter order the event is about (prefix <c>prdo_</c>), or null.</summary>
        [JsonIgnore]
        public string? MeterOrder => Context.Text("meter_order");

        /// <summary>Gets the id of the subscription the event is about or belongs to (prefix <c>sub_</c>), or null.</summary>
        [JsonIgnore]
        public string? Subscription => Context.Text("subscription");

        /// <summary>Gets or sets the event's whole <c>context</c> as sent: the ids it names, e.g. <c>meter_order</c>, <c>invoice</c>, <c>lead</c>.</summary>
        [JsonPropertyName("context")]
        [JsonConverter(typeof(EventContextConverter))]
        public EventContext Context { get; set; } = EventContext.Empty;

        /// <summary>
        /// The event as the API writes it (<c>id</c>, <c>topic</c>, <c>timestamp</c>, <c>context</c>): the body of a
        /// delivery, to sign with <c>New-NomosWebhookSignature</c> and replay to a receiver.
        /// </summary>
        /// <returns>The JSON text.</returns>
        public string ToJson() => JsonSerializer.Serialize(this, NomosJsonContext.Default.NomosEvent);

        /// <inheritdoc/>
        public override string ToString() => Id ?? Topic;

        /// <summary>What makes a parsed body not an event, or null when it is one: an event has a topic.</summary>
        internal static string? ProblemWith(NomosEvent? parsed)
            => parsed == null ? "it is JSON null"
                : string.IsNullOrWhiteSpace(parsed.Topic) ? "it has no \"topic\""
                : null;
    }
}
