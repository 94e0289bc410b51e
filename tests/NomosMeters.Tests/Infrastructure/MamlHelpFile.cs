using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;

namespace NomosMeters.Tests.Infrastructure
{
    /// <summary>
    /// The module's MAML help file as laid out in out/NomosMeters/en-US, read as XML: what it declares about each
    /// command's syntax and parameters, to compare with what the cmdlets really have.
    /// </summary>
    internal sealed class MamlHelpFile
    {
        private static readonly XNamespace Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
        private static readonly XNamespace Maml = "http://schemas.microsoft.com/maml/2004/10";
        private static readonly XNamespace Dev = "http://schemas.microsoft.com/maml/dev/2004/10";

        private MamlHelpFile(XDocument document)
        {
            Commands = document.Root!.Elements(Command + "command").Select(ReadCommand).ToList();
        }

        public static string PathInModule => Path.Combine(RepoPaths.ModuleDirectory, "en-US", "NomosMeters.dll-Help.xml");

        public IReadOnlyList<MamlCommand> Commands { get; }

        public static MamlHelpFile Load() => new MamlHelpFile(XDocument.Load(PathInModule));

        private static MamlCommand ReadCommand(XElement command)
        {
            var name = command.Element(Command + "details")!.Element(Command + "name")!.Value.Trim();
            var syntax = command.Element(Command + "syntax")?.Elements(Command + "syntaxItem")
                .Select(item => (IReadOnlyList<MamlParameter>)item.Elements(Command + "parameter").Select(ReadParameter).ToList())
                .ToList() ?? new List<IReadOnlyList<MamlParameter>>();
            var parameters = command.Element(Command + "parameters")?.Elements(Command + "parameter").Select(ReadParameter).ToList()
                ?? new List<MamlParameter>();
            return new MamlCommand(name, syntax, parameters);
        }

        private static MamlParameter ReadParameter(XElement parameter)
        {
            var aliases = ((string?)parameter.Attribute("aliases") ?? "none")
                .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Where(a => a != "none")
                .ToList();
            var values = parameter.Element(Command + "parameterValueGroup")?.Elements(Command + "parameterValue").Select(v => v.Value.Trim()).ToList()
                ?? new List<string>();
            return new MamlParameter(
                parameter.Element(Maml + "name")!.Value.Trim(),
                string.Equals((string?)parameter.Attribute("required"), "true", StringComparison.OrdinalIgnoreCase),
                (string?)parameter.Attribute("position") ?? "named",
                (string?)parameter.Attribute("pipelineInput") ?? "False",
                aliases,
                parameter.Element(Dev + "type")?.Element(Maml + "name")?.Value.Trim(),
                values);
        }
    }

    internal sealed record MamlCommand(string Name, IReadOnlyList<IReadOnlyList<MamlParameter>> SyntaxItems, IReadOnlyList<MamlParameter> Parameters);

    /// <summary>One parameter as the MAML declares it, in a syntax item or in the parameters section.</summary>
    internal sealed record MamlParameter(
        string Name,
        bool Required,
        string Position,
        string PipelineInput,
        IReadOnlyList<string> Aliases,
        string? TypeName,
        IReadOnlyList<string> AllowedValues);
}
