using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using NomosMeters.Tests.Infrastructure;
using Xunit;

namespace NomosMeters.Tests.Hosted
{
    /// <summary>
    /// The help a user gets from Get-Help, checked for every cmdlet that Get-Command finds in the module, and the
    /// MAML file checked against the cmdlets' real parameters so that help cannot go stale.
    /// </summary>
    /// <remarks>
    /// Which help file Get-Help reads depends on the UI culture: PowerShell 7 (MUIFileSearcher) looks in the module
    /// folder's subfolder of the UI culture, then of each parent culture, then the folder itself, then en-US and en.
    /// The test host runs under whatever culture the machine has (the invariant culture in a C.UTF-8 container), and
    /// the module ships en-US only, so every culture ends at en-US: the tests are deterministic without pinning a
    /// culture, and <see cref="HelpIsFoundUnderAnyUiCulture"/> proves it for a non-English and the invariant culture.
    /// </remarks>
    [Collection(HostedEngineCollection.Name)]
    public sealed class HelpTests : IDisposable
    {
        private readonly HostedEngine _engine = new HostedEngine();

        public void Dispose() => _engine.Dispose();

        [Fact]
        public void EveryCmdletHasASynopsisADescriptionAndTwoExamplesWithCode()
        {
            var problems = new List<string>();
            foreach (var cmdlet in Cmdlets())
            {
                var help = CommandHelp.Get(_engine, cmdlet.Name);
                if (!help.FromHelpFile)
                {
                    problems.Add($"{cmdlet.Name}: Get-Help finds no entry in the help file");
                    continue;
                }

                Require(problems, help.Synopsis, $"{cmdlet.Name}: no synopsis");
                Require(problems, help.Description, $"{cmdlet.Name}: no description");
                if (help.Examples.Count < 2)
                {
                    problems.Add($"{cmdlet.Name}: {help.Examples.Count} example(s), at least 2 wanted");
                }

                foreach (var example in help.Examples)
                {
                    Require(problems, example.Code, $"{cmdlet.Name}: example '{example.Title}' has no code");
                    Require(problems, example.Remarks, $"{cmdlet.Name}: example '{example.Title}' does not say what it does");
                }

                if (!help.RelatedLinks.Contains("about_NomosMeters"))
                {
                    problems.Add($"{cmdlet.Name}: related links lack about_NomosMeters");
                }
            }

            AssertNone(problems);
        }

        [Fact]
        public void EveryParameterOfEveryCmdletIsDescribed()
        {
            var problems = new List<string>();
            foreach (var cmdlet in Cmdlets())
            {
                var help = CommandHelp.Get(_engine, cmdlet.Name);
                foreach (var name in OwnParameters(cmdlet).Select(p => p.Name))
                {
                    if (!help.Parameters.TryGetValue(name, out var description) || string.IsNullOrWhiteSpace(description))
                    {
                        problems.Add($"{cmdlet.Name} -{name}: no description");
                    }
                }
            }

            AssertNone(problems);
        }

        [Fact]
        public void HelpDocumentsNoCommandOrParameterTheModuleLacks()
        {
            var cmdlets = Cmdlets().ToDictionary(c => c.Name, StringComparer.OrdinalIgnoreCase);
            var file = MamlHelpFile.Load();
            var problems = file.Commands.GroupBy(c => c.Name, StringComparer.OrdinalIgnoreCase)
                .Where(g => g.Count() > 1)
                .Select(g => $"{g.Key}: documented {g.Count()} times")
                .ToList();
            foreach (var command in file.Commands)
            {
                if (!cmdlets.TryGetValue(command.Name, out var cmdlet))
                {
                    problems.Add($"{command.Name}: documented, but the module has no such command");
                    continue;
                }

                var documented = command.Parameters.Concat(command.SyntaxItems.SelectMany(item => item)).Select(p => p.Name);
                foreach (var name in documented.Distinct(StringComparer.OrdinalIgnoreCase))
                {
                    if (!cmdlet.Parameters.ContainsKey(name))
                    {
                        problems.Add($"{command.Name} -{name}: documented, but the cmdlet has no such parameter");
                    }
                }
            }

            AssertNone(problems);
        }

        [Fact]
        public void SyntaxShowsEachParameterSetAsTheCmdletDeclaresIt()
        {
            var problems = new List<string>();
            foreach (var (cmdlet, command) in DocumentedCmdlets())
            {
                var items = command.SyntaxItems;
                if (items.Count != cmdlet.ParameterSets.Count)
                {
                    problems.Add($"{cmdlet.Name}: {items.Count} syntax item(s) for {cmdlet.ParameterSets.Count} parameter set(s)");
                }

                foreach (var set in cmdlet.ParameterSets)
                {
                    var declared = set.Parameters.Where(p => !Cmdlet.CommonParameters.Contains(p.Name)).ToList();
                    var item = items.FirstOrDefault(i => SameNames(i.Select(p => p.Name), declared.Select(p => p.Name)));
                    if (item == null)
                    {
                        problems.Add($"{cmdlet.Name}: no syntax item lists parameter set {set.Name} ({string.Join(", ", declared.Select(p => p.Name))})");
                        continue;
                    }

                    foreach (var parameter in declared)
                    {
                        var shown = item.Single(p => string.Equals(p.Name, parameter.Name, StringComparison.OrdinalIgnoreCase));
                        Compare(problems, $"{cmdlet.Name} [{set.Name}] -{parameter.Name} required", parameter.IsMandatory.ToString(), shown.Required.ToString());
                        Compare(problems, $"{cmdlet.Name} [{set.Name}] -{parameter.Name} position", PositionText(parameter.Position), shown.Position);
                        Compare(problems, $"{cmdlet.Name} [{set.Name}] -{parameter.Name} accepted values", AllowedValues(cmdlet.Parameters[parameter.Name]), string.Join(", ", shown.AllowedValues));
                    }
                }
            }

            AssertNone(problems);
        }

        [Fact]
        public void ParameterEntriesMatchTheCmdletsParameters()
        {
            var problems = new List<string>();
            foreach (var (cmdlet, command) in DocumentedCmdlets())
            {
                foreach (var parameter in OwnParameters(cmdlet))
                {
                    var entry = command.Parameters.SingleOrDefault(p => string.Equals(p.Name, parameter.Name, StringComparison.OrdinalIgnoreCase));
                    var what = $"{cmdlet.Name} -{parameter.Name}";
                    if (entry == null)
                    {
                        problems.Add($"{what}: missing from the parameters section");
                        continue;
                    }

                    var sets = parameter.ParameterSets.Values.ToList();
                    var type = Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType;
                    Compare(problems, $"{what} type", type.FullName, entry.TypeName);
                    Compare(problems, $"{what} required", sets.All(s => s.IsMandatory).ToString(), entry.Required.ToString());
                    Compare(problems, $"{what} position", string.Join("|", sets.Select(s => PositionText(s.Position)).Distinct()), entry.Position);
                    Compare(problems, $"{what} pipeline input", PipelineText(sets.Any(s => s.ValueFromPipeline), sets.Any(s => s.ValueFromPipelineByPropertyName)), entry.PipelineInput);
                    Compare(problems, $"{what} aliases", string.Join(", ", parameter.Aliases.OrderBy(a => a)), string.Join(", ", entry.Aliases.OrderBy(a => a)));
                    Compare(problems, $"{what} accepted values", AllowedValues(parameter), string.Join(", ", entry.AllowedValues));
                }
            }

            AssertNone(problems);
        }

        [Fact]
        public void AboutTopicCoversConnectingPagingFilteringAutomationAndTheSandbox()
        {
            var result = _engine.Run("Get-Help about_NomosMeters");

            result.AssertNoErrors();
            var text = Assert.Single(result.Output).ToString();
            Assert.StartsWith("TOPIC", text.TrimStart());
            var expected = new[]
            {
                "SHORT DESCRIPTION", "CONNECTING", "THE SANDBOX", "PAGING", "FILTERING", "AUTOMATION", "ERRORS",
                "Connect-Nomos -Sandbox", "-First", "-Skip", "-PageSize", "Where-Object", "Export-Csv", "-Connection",
                "ForEach-Object -Parallel", "-Verbose", "Retry-After", "NomosMeters.NotFound", "NomosMeters.DuplicateMeterOrder",
                "NOMOS_CLIENT_ID", "NOMOS_CLIENT_SECRET", "NOMOS_ENROLLMENT_API_KEY", "NOMOS_TIMEOUT_SEC",
                "NOMOS_MAXIMUM_RETRY_COUNT", "NOMOS_RETRY_BUDGET_SEC", "NOMOS_RATE_LIMIT",
            };
            var missing = expected.Concat(Cmdlets().Select(c => c.Name)).Where(s => !text.Contains(s, StringComparison.Ordinal)).ToList();
            Assert.True(missing.Count == 0, "about_NomosMeters does not mention: " + string.Join(", ", missing));
        }

        [Theory]
        [InlineData("de-DE")]
        [InlineData("")]
        public void HelpIsFoundUnderAnyUiCulture(string culture)
        {
            // Set on the pipeline thread, where Get-Help runs; the runspace takes its culture from the host otherwise.
            _engine.SetVariable("culture", culture);
            var result = _engine.Run(
                "[cultureinfo]::CurrentUICulture = [cultureinfo]::GetCultureInfo($culture); " +
                "[cultureinfo]::CurrentUICulture.Name; (Get-Help Get-MeterOrder -Full).examples.example.Count; (Get-Help about_NomosMeters).Length -gt 0");

            result.AssertNoErrors();
            Assert.Equal(new object[] { culture, true, true }, new object[] { result.Output[0].BaseObject, (int)result.Output[1].BaseObject >= 2, result.Output[2].BaseObject });
        }

        private List<CmdletInfo> Cmdlets()
        {
            var cmdlets = _engine.Run("Get-Command -Module NomosMeters").Objects<CmdletInfo>();
            Assert.NotEmpty(cmdlets);
            return cmdlets;
        }

        private IEnumerable<(CmdletInfo Cmdlet, MamlCommand Command)> DocumentedCmdlets()
        {
            var commands = MamlHelpFile.Load().Commands;
            foreach (var cmdlet in Cmdlets())
            {
                var command = commands.FirstOrDefault(c => string.Equals(c.Name, cmdlet.Name, StringComparison.OrdinalIgnoreCase));
                Assert.True(command != null, $"{cmdlet.Name} is not in {MamlHelpFile.PathInModule}");
                yield return (cmdlet, command!);
            }
        }

        // WhatIf and Confirm are documented like the cmdlet's own parameters; the common parameters are not.
        private static IEnumerable<ParameterMetadata> OwnParameters(CmdletInfo cmdlet)
            => cmdlet.Parameters.Values.Where(p => !Cmdlet.CommonParameters.Contains(p.Name));

        private static string AllowedValues(ParameterMetadata parameter)
            => string.Join(", ", parameter.Attributes.OfType<ValidateSetAttribute>().SingleOrDefault()?.ValidValues ?? (IList<string>)Array.Empty<string>());

        private static bool SameNames(IEnumerable<string> a, IEnumerable<string> b)
            => new HashSet<string>(a, StringComparer.OrdinalIgnoreCase).SetEquals(b);

        private static string PositionText(int position)
            => position == int.MinValue ? "named" : position.ToString(CultureInfo.InvariantCulture);

        private static string PipelineText(bool byValue, bool byName)
            => byValue && byName ? "True (ByPropertyName, ByValue)" : byValue ? "True (ByValue)" : byName ? "True (ByPropertyName)" : "False";

        private static void Require(List<string> problems, string text, string problem)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                problems.Add(problem);
            }
        }

        private static void Compare(List<string> problems, string what, string? code, string? help)
        {
            if (!string.Equals(code, help, StringComparison.OrdinalIgnoreCase))
            {
                problems.Add($"{what}: the cmdlet has '{code}', the help says '{help}'");
            }
        }

        private static void AssertNone(List<string> problems)
            => Assert.True(problems.Count == 0, problems.Count + " problem(s) in the help:" + Environment.NewLine + string.Join(Environment.NewLine, problems));
    }
}
