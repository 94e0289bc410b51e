using System;

namespace NomosMeters.Sandbox
{
    /// <summary>An event held by the sandbox (<c>GET /events/{id}</c>), as tests read it to compute expectations.</summary>
    public sealed class SandboxEvent
    {
        internal SandboxEvent(string id, string topic, DateTimeOffset timestamp, string meterOrder, string subscription)
        {
            Id = id;
            Topic = topic;
            Timestamp = timestamp;
            MeterOrder = meterOrder;
            Subscription = subscription;
        }

        /// <summary>Gets the id, <c>evt_</c> and 24 lowercase alphanumerics, the same every day for the same order and topic.</summary>
        public string Id { get; }

        /// <summary>Gets the topic, e.g. <c>meter_order.placed</c>.</summary>
        public string Topic { get; }

        /// <summary>Gets when it happened, in UTC with millisecond precision.</summary>
        public DateTimeOffset Timestamp { get; }

        /// <summary>Gets the <c>prdo_</c> id of the meter order it is about.</summary>
        public string MeterOrder { get; }

        /// <summary>Gets the <c>sub_</c> id of the order's subscription.</summary>
        public string Subscription { get; }
    }
}
