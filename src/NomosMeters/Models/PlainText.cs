using System.Management.Automation;
using System.Reflection;

namespace NomosMeters.Models
{
    /// <summary>A value wrapped so that its plain <c>ToString()</c>, which Export-Csv and string expansion use, is the one given.</summary>
    internal static class PlainText
    {
        public static PSObject With(object value, MethodInfo toString)
        {
            var wrapped = new PSObject(value);
            wrapped.Members.Add(new PSCodeMethod("ToString", toString));
            return wrapped;
        }
    }
}
