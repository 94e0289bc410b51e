using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Xunit;

namespace NomosMeters.Tests.Infrastructure
{
    /// <summary>What <c>Get-Help &lt;name&gt; -Full</c> shows a user for one command, read from the help object it returns.</summary>
    internal sealed class CommandHelp
    {
        private CommandHelp(PSObject help)
        {
            // Without a help file Get-Help still answers, with help made up from the syntax: no description, no examples.
            FromHelpFile = help.TypeNames.Contains("MamlCommandHelpInfo");
            Synopsis = Text(Property(help, "Synopsis"));
            Description = Text(Property(help, "description"));
            Examples = Items(Property(Property(help, "examples"), "example"))
                .Select(e => new HelpExample(Text(Property(e, "title")), Text(Property(e, "code")), Text(Property(e, "remarks"))))
                .ToList();
            Parameters = Items(Property(Property(help, "parameters"), "parameter"))
                .ToDictionary(p => Text(Property(p, "name")), p => Text(Property(p, "description")), StringComparer.OrdinalIgnoreCase);
            RelatedLinks = Items(Property(Property(help, "relatedLinks"), "navigationLink"))
                .Select(l => Text(Property(l, "linkText")))
                .ToList();
        }

        public bool FromHelpFile { get; }

        public string Synopsis { get; }

        public string Description { get; }

        public IReadOnlyList<HelpExample> Examples { get; }

        /// <summary>Gets each documented parameter's description, by parameter name.</summary>
        public IReadOnlyDictionary<string, string> Parameters { get; }

        public IReadOnlyList<string> RelatedLinks { get; }

        public static CommandHelp Get(HostedEngine engine, string commandName)
        {
            engine.SetVariable("helpTarget", commandName);
            var result = engine.Run("Get-Help -Name $helpTarget -Full");
            result.AssertNoErrors();
            return new CommandHelp(Assert.Single(result.Output));
        }

        private static object? Property(object? value, string name)
            => value == null ? null : PSObject.AsPSObject(value).Properties[name]?.Value;

        // Help objects hold one item or an array of them, depending on how many the file has.
        private static IEnumerable<object> Items(object? value)
        {
            var inner = value is PSObject wrapped ? wrapped.BaseObject : value;
            if (inner == null)
            {
                return Array.Empty<object>();
            }

            return inner is IEnumerable many && !(inner is string) ? many.Cast<object>() : new[] { value! };
        }

        // Paragraphs are objects with a Text property; names, titles and code are plain strings.
        private static string Text(object? value)
            => string.Join("\n", Items(value).Select(i => Property(i, "Text") as string ?? i.ToString())).Trim();
    }

    internal sealed record HelpExample(string Title, string Code, string Remarks);
}
