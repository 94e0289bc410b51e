using System;

namespace NomosMeters.Sandbox
{
    /// <summary>A meter reading held by the sandbox, as tests read it to compute expectations independently of the API.</summary>
    public sealed class SandboxMeterReading : Nomos.IListItem
    {
        internal SandboxMeterReading(string id, string subscription, string customer, string meter, decimal value, DateTimeOffset timestamp, string type, DateTimeOffset createdAt)
        {
            Id = id;
            Subscription = subscription;
            Customer = customer;
            Meter = meter;
            Value = value;
            Timestamp = timestamp;
            Type = type;
            CreatedAt = createdAt;
        }

        /// <summary>Gets the id, <c>mr_</c> and 24 lowercase alphanumerics.</summary>
        public string Id { get; }

        /// <summary>Gets the <c>sub_</c> id of the subscription the reading belongs to.</summary>
        public string Subscription { get; }

        /// <summary>Gets the <c>cus_</c> id of the subscription's customer.</summary>
        public string Customer { get; }

        /// <summary>Gets the <c>mtr_</c> id of the meter that was read: the analog meter, or the smart meter once installed.</summary>
        public string Meter { get; }

        /// <summary>Gets the cumulative meter value in kWh.</summary>
        public decimal Value { get; }

        /// <summary>Gets the start of the day in Europe/Berlin that the reading is for.</summary>
        public DateTimeOffset Timestamp { get; }

        /// <summary>Gets <c>customer_report</c>, <c>grid_reading</c> or <c>grid_estimation</c>.</summary>
        public string Type { get; }

        /// <summary>Gets when the reading was recorded, in UTC with millisecond precision (as the API writes it).</summary>
        public DateTimeOffset CreatedAt { get; }
    }
}
