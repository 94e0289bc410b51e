using System;
using System.Globalization;
using System.Management.Automation;

namespace NomosMeters.Commands
{
    /// <summary>
    /// Turns what is given for a number into a decimal the same way on every machine, at binding time: text (a CSV cell)
    /// with a dot for decimals and no thousands separators, numbers as they are. PowerShell's own conversion takes
    /// "1234,5" as 12345 (a comma there is a thousands separator), which for a meter reading is ten times the count.
    /// An empty value is null, for the cmdlet to report.
    /// </summary>
    internal sealed class InvariantNumberAttribute : ArgumentTransformationAttribute
    {
        private const NumberStyles Plain = NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite | NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint;

        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            switch (PowerShellValues.BaseOf(inputData))
            {
                case null:
                    return null;
                case string text when text.Trim().Length == 0:
                    return null;
                case string text when decimal.TryParse(text, Plain, CultureInfo.InvariantCulture, out var parsed):
                    return parsed;
                case string text:
                    throw new ArgumentTransformationMetadataException(
                        $"'{text}' is not a number that reads the same on every machine: write it with a dot for decimals and no thousands separators, such as 1234.5.");
                case decimal number:
                    return number;
                case IConvertible number when PowerShellValues.IsNumber(number):
                    try
                    {
                        return Convert.ToDecimal(number, CultureInfo.InvariantCulture);
                    }
                    catch (OverflowException)
                    {
                        throw new ArgumentTransformationMetadataException($"{number} is not a number of kWh the API takes.");
                    }

                default:
                    return inputData;
            }
        }
    }
}
