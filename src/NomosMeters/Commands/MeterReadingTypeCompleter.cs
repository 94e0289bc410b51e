using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using NomosMeters.Models;

namespace NomosMeters.Commands
{
    /// <summary>
    /// Tab completion of the meter-reading types the module knows, in any case. Only a suggestion: -Type also takes a
    /// type the API adds later (its filter field is a plain string), as the output shows such types as they come.
    /// </summary>
    public sealed class MeterReadingTypeCompleter : IArgumentCompleter
    {
        /// <inheritdoc/>
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var typed = (wordToComplete ?? string.Empty).Trim('\'', '"');
            return MeterReadingType.All
                .Where(type => type.StartsWith(typed, StringComparison.OrdinalIgnoreCase))
                .Select(type => new CompletionResult(type, type, CompletionResultType.ParameterValue, type));
        }
    }
}
