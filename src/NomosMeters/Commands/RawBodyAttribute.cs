using System;
using System.Linq;
using System.Management.Automation;
using System.Text;

namespace NomosMeters.Commands
{
    /// <summary>
    /// Turns a webhook body as the hosts hand it over into its bytes at binding time: a string (Azure Functions'
    /// <c>$Request.RawBody</c>, Azure Automation's <c>RequestBody</c>) as UTF-8, bytes as they are. Anything else, such as
    /// the parsed <c>$Request.Body</c>, is refused with a message that says where the raw body is: a parsed and
    /// re-serialised body never matches its signature.
    /// </summary>
    internal sealed class RawBodyAttribute : ArgumentTransformationAttribute
    {
        public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
        {
            var value = PowerShellValues.BaseOf(inputData);
            switch (value)
            {
                case null:
                    return new byte[0];
                case byte[] bytes:
                    return bytes;
                case string text:
                    return Encoding.UTF8.GetBytes(text);
                case object[] items when items.All(i => PowerShellValues.BaseOf(i) is byte):
                    // A byte[] that went through @() or the pipeline arrives as object[].
                    return items.Select(i => (byte)PowerShellValues.BaseOf(i)!).ToArray();
                default:
                    throw new ArgumentTransformationMetadataException(
                        $"The body must be the raw body as received, a string or bytes, not a {value.GetType().Name}: $Request.RawBody in Azure Functions, " +
                        "$WebhookData.RequestBody in Azure Automation. A parsed body (such as $Request.Body) does not match its signature.");
            }
        }
    }
}
