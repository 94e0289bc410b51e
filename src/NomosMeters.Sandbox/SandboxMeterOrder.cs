using System;

namespace NomosMeters.Sandbox
{
    /// <summary>A meter order held by the sandbox, as tests read it to compute expectations independently of the API.</summary>
    public sealed class SandboxMeterOrder : Nomos.IListItem
    {
        internal SandboxMeterOrder(
            string id,
            string subscription,
            string customer,
            string provider,
            string status,
            DateTimeOffset createdAt,
            DateTimeOffset? installedAt = null,
            DateTimeOffset? activatedAt = null,
            DateTimeOffset? cancelledAt = null,
            string? cancelledReason = null,
            DateTimeOffset? blockedAt = null,
            string? blockedReason = null,
            DateTimeOffset? appointmentAt = null)
        {
            Id = id;
            Subscription = subscription;
            Customer = customer;
            Provider = provider;
            Status = status;
            CreatedAt = createdAt;
            InstalledAt = installedAt;
            ActivatedAt = activatedAt;
            CancelledAt = cancelledAt;
            CancelledReason = cancelledReason;
            BlockedAt = blockedAt;
            BlockedReason = blockedReason;
            AppointmentAt = appointmentAt;
        }

        /// <summary>Gets the id, <c>prdo_</c> and 24 lowercase alphanumerics.</summary>
        public string Id { get; }

        /// <summary>Gets the <c>sub_</c> id of the subscription the order is for.</summary>
        public string Subscription { get; }

        /// <summary>Gets the <c>cus_</c> id of the subscription's customer.</summary>
        public string Customer { get; }

        /// <summary>Gets <c>energy-metering</c>, <c>metrify</c> or <c>inexogy</c>.</summary>
        public string Provider { get; }

        /// <summary>Gets the lifecycle status, e.g. <c>scheduled</c>.</summary>
        public string Status { get; }

        /// <summary>Gets when the order was created, in UTC with millisecond precision (as the API writes it).</summary>
        public DateTimeOffset CreatedAt { get; }

        /// <summary>Gets when the meter was installed (installed and activated orders only).</summary>
        public DateTimeOffset? InstalledAt { get; }

        /// <summary>Gets when the meter was activated (activated orders only).</summary>
        public DateTimeOffset? ActivatedAt { get; }

        /// <summary>Gets when the order was cancelled (cancelled orders only).</summary>
        public DateTimeOffset? CancelledAt { get; }

        /// <summary>Gets <c>pre_existing</c> or <c>customer_request</c> (cancelled orders only).</summary>
        public string? CancelledReason { get; }

        /// <summary>Gets when the order was blocked; blocked is a marker on top of the status, not a status.</summary>
        public DateTimeOffset? BlockedAt { get; }

        /// <summary>Gets <c>check_missing</c> or <c>grid_operator_registration</c> (blocked orders only).</summary>
        public string? BlockedReason { get; }

        /// <summary>Gets the installation appointment, once one is known.</summary>
        public DateTimeOffset? AppointmentAt { get; }
    }
}
