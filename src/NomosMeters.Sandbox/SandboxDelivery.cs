namespace NomosMeters.Sandbox
{
    /// <summary>A webhook delivery of a sandbox event: the body Nomos would POST and its <c>X-Nomos-Signature</c> value.</summary>
    public sealed class SandboxDelivery
    {
        internal SandboxDelivery(string body, string signature)
        {
            Body = body;
            Signature = signature;
        }

        /// <summary>Gets the raw body, the event as <c>GET /events/{id}</c> serves it.</summary>
        public string Body { get; }

        /// <summary>Gets the <c>X-Nomos-Signature</c> header value, signed with <see cref="SandboxOptions.WebhookSecret"/>.</summary>
        public string Signature { get; }
    }
}
