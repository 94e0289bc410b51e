using System;
using System.Management.Automation;
using System.Security;
using System.Text;
using NomosMeters.Client.Auth;
using NomosMeters.Client.Nomos;

namespace NomosMeters.Commands
{
    /// <summary>
    /// <para type="synopsis">Computes the X-Nomos-Signature value for a body, a signing secret and a time, as Nomos signs its deliveries.</para>
    /// </summary>
    /// <remarks>It changes nothing anywhere; it supports -WhatIf only because its verb is New.</remarks>
    [Cmdlet(VerbsCommon.New, "NomosWebhookSignature", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.None)]
    [OutputType(typeof(string))]
    public sealed class NewNomosWebhookSignatureCommand : NomosCmdlet
    {
        /// <summary>Gets or sets the body to sign, a string (signed as its UTF-8 bytes) or bytes.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [AllowEmptyString]
        [AllowEmptyCollection]
        [RawBody]
        public object Body { get; set; } = new byte[0];

        /// <summary>Gets or sets the endpoint's signing secret.</summary>
        [Parameter(Mandatory = true)]
        [ValidateNotNull]
        public SecureString Secret { get; set; } = new SecureString();

        /// <summary>Gets or sets when the delivery is signed (default: now); sent as whole Unix seconds.</summary>
        [Parameter]
        public DateTimeOffset Timestamp { get; set; } = DateTimeOffset.UtcNow;

        /// <inheritdoc/>
        protected override void ProcessRecord()
        {
            var body = Body as byte[] ?? new byte[0];
            if (!ShouldProcess($"a body of {body.Length} bytes", "Compute its X-Nomos-Signature"))
            {
                return;
            }

            var key = Encoding.UTF8.GetBytes(SecretText.Reveal(Secret));
            try
            {
                WriteObject(WebhookSignature.HeaderValue(key, Timestamp.ToUnixTimeSeconds(), body));
            }
            finally
            {
                Array.Clear(key, 0, key.Length);
            }
        }
    }
}
