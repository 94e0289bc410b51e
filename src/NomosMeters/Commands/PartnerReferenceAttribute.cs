using System.Management.Automation;
using System.Text.RegularExpressions;

namespace NomosMeters.Commands
{
    /// <summary>
    /// Checks partner references and connection reference ids against the API's <c>PartnerReference</c> pattern
    /// at binding time, with a message that says what is wrong (ValidatePattern only quotes the regex).
    /// </summary>
    internal sealed class PartnerReferenceAttribute : ValidateEnumeratedArgumentsAttribute
    {
        private static readonly Regex Pattern = new Regex(@"^[^\/\\?\]\[{}!#$%^&*()<>|]{3,256}$", RegexOptions.CultureInvariant);

        protected override void ValidateElement(object element)
        {
            var text = element as string ?? (element as PSObject)?.BaseObject as string;
            if (text == null || !Pattern.IsMatch(text))
            {
                throw new ValidationMetadataException(
                    $"'{text}' is not a valid reference: it must be 3 to 256 characters long and must not contain any of / \\ ? [ ] {{ }} ! # $ % ^ & * ( ) < > |.");
            }
        }
    }
}
