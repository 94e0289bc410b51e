using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;

namespace NomosMeters.Commands
{
    /// <summary>
    /// How a list cmdlet that stopped part way goes on: the command to run again, with its filters as the user gave
    /// them and <c>-ResumeToken</c> at the page that failed. Without -Skip (the token says where), with -First reduced by
    /// what was written, and never with a secret or the connection object itself.
    /// </summary>
    internal sealed class ListResume
    {
        private static readonly HashSet<string> LeftOut = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "Skip", "First", "IncludeTotalCount", "ResumeToken", "Connection",
        };

        private readonly PSCmdlet _cmdlet;
        private readonly string _filters;

        private readonly string? _pipedParameter;

        /// <param name="cmdlet">The list cmdlet.</param>
        /// <param name="filters">Its filters, as one canonical text: the token is bound to them.</param>
        /// <param name="resuming">Whether this run went on from a -ResumeToken.</param>
        /// <param name="pipedParameter">The parameter the pipeline bound (its values are piped again, not written out), or null.</param>
        public ListResume(PSCmdlet cmdlet, string filters, bool resuming, string? pipedParameter = null)
        {
            _cmdlet = cmdlet;
            _filters = filters;
            Resuming = resuming;
            _pipedParameter = pipedParameter;
        }

        /// <summary>Gets whether this run itself went on from a -ResumeToken.</summary>
        public bool Resuming { get; }

        public string Command(string cursor, ulong written)
        {
            var invocation = _cmdlet.MyInvocation;
            var name = invocation.MyCommand.Name;
            var parts = new List<string>();
            if (_pipedParameter != null)
            {
                parts.Add($"<the same -{_pipedParameter} values> |");
            }

            parts.Add(name);
            foreach (var parameter in invocation.BoundParameters)
            {
                if (LeftOut.Contains(parameter.Key) || parameter.Key == _pipedParameter ||
                    Cmdlet.CommonParameters.Contains(parameter.Key) || Cmdlet.OptionalCommonParameters.Contains(parameter.Key))
                {
                    continue;
                }

                parts.Add(Render(parameter.Key, parameter.Value));
            }

            var first = _cmdlet.PagingParameters.First;
            if (first != ulong.MaxValue)
            {
                parts.Add("-First " + (first > written ? first - written : 0).ToString(CultureInfo.InvariantCulture));
            }

            if (invocation.BoundParameters.ContainsKey("Connection"))
            {
                parts.Add("-Connection $conn");
            }

            parts.Add($"-ResumeToken '{ResumeTokenCodec.Write(name, _filters, cursor)}'");
            return string.Join(" ", parts);
        }

        private static string Render(string name, object? value)
        {
            var bare = PowerShellValues.BaseOf(value);
            switch (bare)
            {
                case SwitchParameter flag:
                    return flag.IsPresent ? "-" + name : $"-{name}:$false";
                case string text:
                    return $"-{name} {Quote(text)}";
                case DateTimeOffset date:
                    return $"-{name} {Quote(date.ToString("o", CultureInfo.InvariantCulture))}";
                case IEnumerable many:
                    return $"-{name} " + string.Join(", ", many.Cast<object?>().Select(item => Quote(Convert.ToString(PowerShellValues.BaseOf(item), CultureInfo.InvariantCulture) ?? string.Empty)));
                default:
                    return $"-{name} {Convert.ToString(bare, CultureInfo.InvariantCulture)}";
            }
        }

        private static string Quote(string text) => "'" + text.Replace("'", "''") + "'";
    }
}
