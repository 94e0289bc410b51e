using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using NomosMeters.Tests.Infrastructure;

namespace NomosMeters.Tests.Conventions
{
    /// <summary>
    /// The field names of the schemas in a vendor's OpenAPI spec (../shared/specs), with <c>allOf</c> references
    /// followed. The specs are block YAML written by one generator (two-space indents, one key a line), so a reader of
    /// that shape is enough: each schema's <c>properties</c>, directly or in an <c>allOf</c> item, and its
    /// <c>allOf</c> <c>$ref</c>s.
    /// </summary>
    internal sealed class OpenApiSchemas
    {
        private static readonly Regex Key = new Regex(@"^(?<indent> *)(?<dash>- )?(?<name>[A-Za-z0-9_$]+):");
        private static readonly Regex Reference = new Regex(@"\$ref: ""#/components/schemas/(?<name>[^""]+)""");

        private readonly Dictionary<string, (HashSet<string> Fields, List<string> Bases)> _schemas = new Dictionary<string, (HashSet<string>, List<string>)>();

        private OpenApiSchemas(string[] lines)
        {
            var start = Array.IndexOf(lines, "  schemas:");
            if (start < 0)
            {
                throw new InvalidDataException("The spec has no components/schemas.");
            }

            string? schema = null;
            for (var i = start + 1; i < lines.Length; i++)
            {
                var line = lines[i];
                var match = Key.Match(line);
                if (line.Length > 0 && !line.StartsWith("    ", StringComparison.Ordinal))
                {
                    break;
                }

                if (!match.Success)
                {
                    continue;
                }

                var indent = match.Groups["indent"].Length;
                var column = indent + (match.Groups["dash"].Success ? 2 : 0);
                if (indent == 4)
                {
                    schema = match.Groups["name"].Value;
                    _schemas[schema] = (new HashSet<string>(StringComparer.Ordinal), new List<string>());
                    continue;
                }

                if (schema == null)
                {
                    continue;
                }

                // The schema's own properties (column 6) or an allOf item's (column 8, after "- ").
                if (match.Groups["name"].Value == "properties" && (column == 6 || (column == 8 && match.Groups["dash"].Success)))
                {
                    for (var j = i + 1; j < lines.Length; j++)
                    {
                        var field = Key.Match(lines[j]);
                        if (lines[j].Trim().Length == 0)
                        {
                            continue;
                        }

                        var fieldIndent = field.Success ? field.Groups["indent"].Length : lines[j].Length - lines[j].TrimStart().Length;
                        if (fieldIndent <= column)
                        {
                            break;
                        }

                        if (field.Success && fieldIndent == column + 2 && !field.Groups["dash"].Success)
                        {
                            _schemas[schema].Fields.Add(field.Groups["name"].Value);
                        }
                    }
                }

                var reference = Reference.Match(line);
                if (reference.Success && indent == 6 && match.Groups["dash"].Success)
                {
                    _schemas[schema].Bases.Add(reference.Groups["name"].Value);
                }
            }
        }

        public static OpenApiSchemas Load(string specFile)
            => new OpenApiSchemas(File.ReadAllLines(Path.Combine(RepoPaths.Root, "..", "shared", "specs", specFile)));

        /// <summary>The field names of <paramref name="schema"/>, those of the schemas it is <c>allOf</c> included.</summary>
        public IReadOnlyCollection<string> Fields(string schema)
        {
            if (!_schemas.TryGetValue(schema, out var entry))
            {
                throw new KeyNotFoundException($"The spec has no schema {schema}.");
            }

            return entry.Fields.Concat(entry.Bases.SelectMany(Fields)).Distinct(StringComparer.Ordinal).OrderBy(f => f, StringComparer.Ordinal).ToList();
        }
    }
}
