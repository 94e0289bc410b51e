using System;
using System.Linq;
using System.Management.Automation;
using System.Security;
using System.Text;
using NomosMeters.Client.Auth;
using NomosMeters.Client.Nomos;

namespace NomosMeters.Commands
{
    /// <summary>
    /// What ConvertFrom-NomosWebhook and Test-NomosWebhookSignature share: a delivery (its raw body and its headers),
    /// the endpoint's signing secrets and the tolerance, and the one check of them. Both work without a connection: a
    /// delivery is verified before anything else.
    /// </summary>
    public abstract class WebhookCmdlet : NomosCmdlet
    {
        /// <summary>
        /// Gets or sets the raw body as received: a string or bytes (<c>$Request.RawBody</c> in Azure Functions,
        /// <c>$WebhookData.RequestBody</c> in Azure Automation). A string is signed as its UTF-8 bytes. Named RawBody so
        /// that <c>$Request</c> piped in binds its RawBody, not the parsed Body it also has.
        /// </summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Body", "RequestBody")]
        [AllowNull]
        [AllowEmptyString]
        [AllowEmptyCollection]
        [RawBody]
        public object? RawBody { get; set; }

        /// <summary>
        /// Gets or sets the request's headers, in which <c>X-Nomos-Signature</c> is looked up in any case (a hashtable,
        /// <c>$Request.Headers</c>, <c>$WebhookData.RequestHeader</c>), or the <c>X-Nomos-Signature</c> value itself.
        /// </summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("Headers", "RequestHeader", "Signature")]
        [AllowNull]
        [AllowEmptyString]
        public object? Header { get; set; }

        /// <summary>Gets or sets the endpoint's signing secrets; during a rotation pass the new and the old one.</summary>
        [Parameter(Mandatory = true)]
        [ValidateNotNullOrEmpty]
        public SecureString[] Secret { get; set; } = new SecureString[0];

        /// <summary>Gets or sets how many seconds the signing time may be from this computer's clock (default 300).</summary>
        [Parameter]
        [ValidateRange(1, 86400)]
        public int ToleranceSec { get; set; } = WebhookVerifier.DefaultToleranceSec;

        /// <summary>Gets the body's bytes, as <see cref="RawBodyAttribute"/> made them.</summary>
        internal byte[] BodyBytes => RawBody as byte[] ?? new byte[0];

        /// <summary>Checks the delivery; throws <see cref="WebhookRejectedException"/> saying why it is refused.</summary>
        internal void Verify()
        {
            var header = WebhookHeaders.Find(Header, WebhookSignature.HeaderName);

            // The keys exist for the length of the check only.
            var keys = Secret.Select(secret => Encoding.UTF8.GetBytes(SecretText.Reveal(secret))).ToList();
            try
            {
                WebhookVerifier.Verify(BodyBytes, header, keys, ToleranceSec, DateTimeOffset.UtcNow);
            }
            finally
            {
                keys.ForEach(key => Array.Clear(key, 0, key.Length));
            }
        }
    }
}
