using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;

namespace NomosMeters.Commands
{
    /// <summary>
    /// Takes what is piped or given for a subscription id: text as it is, and from an object its Subscription or
    /// SubscriptionId property (a meter order, a CSV row) at once. Without it, an object that has neither would be
    /// turned into text by PowerShell ("@{Name=...}") and sent to the API as an id: for a list, a silent empty result.
    /// Such an object is an error that says what to pipe; the other input goes on.
    /// </summary>
    internal sealed class SubscriptionIdAttribute : ArgumentTransformationAttribute
    {
        private static readonly string[] IdProperties = { "Subscription", "SubscriptionId" };

        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            var value = PowerShellValues.BaseOf(inputData);
            if (value == null || value is string)
            {
                return value;
            }

            if (value is IEnumerable many && !(value is IDictionary))
            {
                var ids = new List<string?>();
                foreach (var item in many)
                {
                    ids.Add(IdOf(item));
                }

                return ids.ToArray();
            }

            return IdOf(inputData);
        }

        private static string? IdOf(object? item)
        {
            var value = PowerShellValues.BaseOf(item);
            if (value == null || value is string)
            {
                return (string?)value;
            }

            var properties = PSObject.AsPSObject(item).Properties;
            foreach (var name in IdProperties)
            {
                if (properties[name]?.Value is object id)
                {
                    return id is PSObject text ? text.BaseObject as string ?? text.ToString() : id as string ?? id.ToString();
                }
            }

            throw new ArgumentTransformationMetadataException(
                $"'{item}' is not a subscription id: give ids such as sub_4k2m9x7q1w8e5r3t6y0u2i4o, or objects with a Subscription or SubscriptionId property, such as meter orders.");
        }
    }
}
