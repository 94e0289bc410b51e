using System;
using System.ComponentModel;
using System.Globalization;
using System.Management.Automation;

namespace NomosMeters.Models
{
    /// <summary>
    /// How PowerShell sees a decimal property of an output object (a meter reading's kWh): the same decimal (add, compare,
    /// sum it with Measure-Object), wrapped so that its plain <c>ToString()</c> is culture-free. Export-Csv writes a bare
    /// decimal in the culture's format, "1234,5" on de-DE, which a machine with a dot for decimals reads as 12345.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static class InvariantNumber
    {
        private static readonly System.Reflection.MethodInfo ToInvariantStringMethod = typeof(InvariantNumber).GetMethod(nameof(ToInvariantString))!;

        /// <summary>The wrapper for <paramref name="value"/>.</summary>
        public static object Wrap(decimal value) => PlainText.With(value, ToInvariantStringMethod);

        /// <summary><c>ToString()</c> gives <c>1234.5</c> on every machine; <c>ToString('N1')</c> and other formats behave as on any decimal.</summary>
        public static string ToInvariantString(PSObject instance, string? format = null, IFormatProvider? formatProvider = null)
        {
            var value = (decimal)instance.BaseObject;
            return format == null && formatProvider == null ? value.ToString(CultureInfo.InvariantCulture) : value.ToString(format, formatProvider);
        }
    }
}
