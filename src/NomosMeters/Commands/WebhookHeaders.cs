using System;
using System.Collections;
using System.Linq;
using System.Management.Automation;

namespace NomosMeters.Commands
{
    /// <summary>
    /// Finds one header in a request's header collection, whatever shape the host gives it and in any case: a
    /// hashtable or any IDictionary (Azure Functions' <c>$Request.Headers</c>), an object with a property per header
    /// (Azure Automation's <c>RequestHeader</c> after ConvertFrom-Json), or pairs with Key and Value (HttpHeaders,
    /// ASP.NET's IHeaderDictionary). A header sent several times is its values joined with ','. A string is taken as
    /// the header's value itself.
    /// </summary>
    internal static class WebhookHeaders
    {
        public static string? Find(object? headers, string name)
        {
            var value = PowerShellValues.BaseOf(headers);
            switch (value)
            {
                case null:
                    return null;
                case string text:
                    return text;
                case IDictionary dictionary:
                    foreach (DictionaryEntry entry in dictionary)
                    {
                        if (string.Equals(Text(entry.Key), name, StringComparison.OrdinalIgnoreCase))
                        {
                            return Text(entry.Value);
                        }
                    }

                    return null;
                case PSCustomObject _:
                    return Text(PSObject.AsPSObject(headers).Properties[name]?.Value);
                case IEnumerable pairs:
                    foreach (var pair in pairs)
                    {
                        var item = PSObject.AsPSObject(pair);
                        if (string.Equals(Text(item.Properties["Key"]?.Value), name, StringComparison.OrdinalIgnoreCase))
                        {
                            return Text(item.Properties["Value"]?.Value);
                        }
                    }

                    return null;
                default:
                    return Text(PSObject.AsPSObject(value).Properties[name]?.Value);
            }
        }

        private static string? Text(object? value)
        {
            var inner = PowerShellValues.BaseOf(value);
            return inner switch
            {
                null => null,
                string text => text,
                IEnumerable many => string.Join(",", many.Cast<object?>().Select(Text)),
                _ => inner.ToString(),
            };
        }
    }
}
