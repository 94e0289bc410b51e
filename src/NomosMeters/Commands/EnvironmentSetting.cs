using System;
using System.Globalization;
using System.Management.Automation;

namespace NomosMeters.Commands
{
    /// <summary>
    /// A numeric <c>Connect-Nomos</c> setting that a runbook may set through an environment variable instead of a
    /// parameter. An explicit parameter wins over the variable, the variable over the default. A variable that is
    /// set but not a number in range fails the connect, naming the variable: a typo must not silently fall back.
    /// </summary>
    internal sealed class EnvironmentSetting
    {
        public EnvironmentSetting(string variable, string parameter, double minimum, double maximum, bool wholeNumber)
        {
            WholeNumber = wholeNumber;
            Variable = variable;
            Parameter = parameter;
            Minimum = minimum;
            Maximum = maximum;
        }

        public string Variable { get; }

        public string Parameter { get; }

        public double Minimum { get; }

        public double Maximum { get; }

        public bool WholeNumber { get; }

        /// <summary>The value from the variable, or null when it is unset or empty; a bad value stops <paramref name="cmdlet"/>.</summary>
        public double? Read(Cmdlet cmdlet)
        {
            var text = Environment.GetEnvironmentVariable(Variable);
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }

            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) &&
                value >= Minimum && value <= Maximum &&
                (!WholeNumber || Math.Floor(value) == value))
            {
                return value;
            }

            var message = $"The environment variable {Variable} is '{text}', which is not {(WholeNumber ? "a whole number" : "a number")} from {Minimum.ToString(CultureInfo.InvariantCulture)} to {Maximum.ToString(CultureInfo.InvariantCulture)}.";
            cmdlet.ThrowTerminatingError(ErrorRecords.InvalidArgument(
                "NomosMeters.InvalidEnvironmentVariable",
                message,
                Variable,
                $"Fix or remove {Variable}, or pass -{Parameter}, which takes precedence over it."));
            return null;
        }
    }
}
