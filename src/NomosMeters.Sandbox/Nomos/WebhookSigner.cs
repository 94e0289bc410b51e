using System;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace NomosMeters.Sandbox.Nomos
{
    /// <summary>
    /// Signs deliveries as Nomos documents it, written apart from the module's verifier so that each checks the other:
    /// <c>t=&lt;unix seconds&gt;,v1=&lt;lowercase hex of HMAC-SHA256(secret as UTF-8, "{t}.{body}")&gt;</c>.
    /// </summary>
    internal static class WebhookSigner
    {
        public static string Sign(string secret, string body, DateTimeOffset at)
        {
            var t = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(secret));
            var mac = hmac.ComputeHash(Encoding.UTF8.GetBytes(t + "." + body));
            return "t=" + t + ",v1=" + BitConverter.ToString(mac).Replace("-", string.Empty).ToLowerInvariant();
        }
    }
}
