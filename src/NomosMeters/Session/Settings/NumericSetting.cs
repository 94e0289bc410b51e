using System;
using System.Globalization;

namespace NomosMeters.Session.Settings
{
    /// <summary>
    /// A numeric connection setting that a runbook may set through an environment variable instead of a parameter.
    /// An explicit parameter wins over the variable, the variable over the default. A variable that is set but not a
    /// number in range fails the connect, naming the variable: a typo must not silently fall back.
    /// </summary>
    internal sealed class NumericSetting
    {
        public static readonly NumericSetting Timeout = new NumericSetting("NOMOS_TIMEOUT_SEC", "TimeoutSec", SettingLimits.TimeoutMinSec, SettingLimits.TimeoutMaxSec, wholeNumber: true);
        public static readonly NumericSetting RetryCount = new NumericSetting("NOMOS_MAXIMUM_RETRY_COUNT", "MaximumRetryCount", SettingLimits.RetryCountMin, SettingLimits.RetryCountMax, wholeNumber: true);
        public static readonly NumericSetting RetryBudget = new NumericSetting("NOMOS_RETRY_BUDGET_SEC", "RetryBudgetSec", SettingLimits.RetryBudgetMinSec, SettingLimits.RetryBudgetMaxSec, wholeNumber: true);
        public static readonly NumericSetting RateLimit = new NumericSetting("NOMOS_RATE_LIMIT", "RateLimit", SettingLimits.RateLimitMin, SettingLimits.RateLimitMax, wholeNumber: false);
        public static readonly NumericSetting ThrottleLimit = new NumericSetting("NOMOS_THROTTLE_LIMIT", "ThrottleLimit", SettingLimits.ThrottleLimitMin, SettingLimits.ThrottleLimitMax, wholeNumber: true);

        private NumericSetting(string variable, string parameter, double minimum, double maximum, bool wholeNumber)
        {
            Variable = variable;
            Parameter = parameter;
            Minimum = minimum;
            Maximum = maximum;
            WholeNumber = wholeNumber;
        }

        public string Variable { get; }

        public string Parameter { get; }

        public double Minimum { get; }

        public double Maximum { get; }

        public bool WholeNumber { get; }

        /// <summary>The parameter's value when given, else the variable's, else null (the caller's default).</summary>
        public double? Resolve(double? parameter, Func<string, string?> environment)
        {
            if (parameter.HasValue)
            {
                return parameter;
            }

            var text = environment(Variable);
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

            throw new SettingsException(
                "NomosMeters.InvalidEnvironmentVariable",
                $"The environment variable {Variable} is '{text}', which is not {(WholeNumber ? "a whole number" : "a number")} from {Minimum.ToString(CultureInfo.InvariantCulture)} to {Maximum.ToString(CultureInfo.InvariantCulture)}.",
                Variable,
                $"Fix or remove {Variable}, or pass -{Parameter}, which takes precedence over it.");
        }
    }
}
