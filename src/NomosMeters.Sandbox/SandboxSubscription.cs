namespace NomosMeters.Sandbox
{
    /// <summary>A subscription held by the sandbox: what <c>POST /meter-orders</c> checks a request against.</summary>
    public sealed class SandboxSubscription
    {
        internal SandboxSubscription(string id, string customer, bool hasMeterOrder, bool isEnded)
        {
            Id = id;
            Customer = customer;
            HasMeterOrder = hasMeterOrder;
            IsEnded = isEnded;
        }

        /// <summary>Gets the id, <c>sub_</c> and 24 lowercase alphanumerics.</summary>
        public string Id { get; }

        /// <summary>Gets the <c>cus_</c> id of the customer who owns the subscription.</summary>
        public string Customer { get; }

        /// <summary>Gets a value indicating whether the subscription has (ever had) a meter order: it can have only one.</summary>
        public bool HasMeterOrder { get; }

        /// <summary>Gets a value indicating whether the subscription has ended, so no order can be created for it.</summary>
        public bool IsEnded { get; }

        internal SandboxSubscription WithMeterOrder() => new SandboxSubscription(Id, Customer, true, IsEnded);
    }
}
