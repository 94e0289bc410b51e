namespace NomosMeters.Models.MeterDetails
{
    /// <summary>A postal address: the customer's billing address (<c>Customer_billing</c>), or the location of <see cref="Customer.Address"/>.</summary>
    public sealed class PostalAddress : AddressFields
    {
    }
}
