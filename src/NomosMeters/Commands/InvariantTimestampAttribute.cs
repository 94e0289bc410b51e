using System;
using System.Management.Automation;
using NomosMeters.Client.Json;

namespace NomosMeters.Commands
{
    /// <summary>
    /// Turns what is given for a date or time into a DateTimeOffset the same way on every machine, at binding time. Text
    /// (a CSV cell, a typed string) must be ISO 8601; without an offset it is UTC, a date alone that day's 00:00 UTC.
    /// A [datetime] keeps its zone when it has one (Get-Date: local time); one of unspecified kind is UTC, like text.
    /// PowerShell's own conversion reads text in the current culture, so "03.11.2026" would mean November on one machine
    /// and be refused or mean March on the next. An empty value is null, for the cmdlet to report.
    /// </summary>
    internal sealed class InvariantTimestampAttribute : ArgumentTransformationAttribute
    {
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            switch (PowerShellValues.BaseOf(inputData))
            {
                case null:
                    return null;
                case DateTimeOffset offset:
                    return offset;
                case DateTime date:
                    return date.Kind == DateTimeKind.Unspecified ? new DateTimeOffset(DateTime.SpecifyKind(date, DateTimeKind.Utc)) : new DateTimeOffset(date);
                case string text when text.Trim().Length == 0:
                    return null;
                case string text when TimestampParser.TryParseIso(text, out var parsed):
                    return parsed;
                case string text:
                    throw new ArgumentTransformationMetadataException(
                        $"'{text}' is not a date or time in ISO 8601, which reads the same on every machine: write 2026-11-28, 2026-11-28T08:00:00Z or 2026-11-28T08:00:00+01:00.");
                default:
                    return inputData;
            }
        }
    }
}
