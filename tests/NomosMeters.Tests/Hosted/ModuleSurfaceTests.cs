using System.Collections;
using System.IO;
using System.Linq;
using System.Management.Automation;
using NomosMeters.Tests.Infrastructure;
using Xunit;

namespace NomosMeters.Tests.Hosted
{
    [Collection(HostedEngineCollection.Name)]
    public sealed class ModuleSurfaceTests
    {
        private static readonly string[] CmdletTypesInAssembly = ModuleCmdlets.All.Select(c => c.Name).OrderBy(n => n).ToArray();

        [Fact]
        public void ManifestExportsExactlyTheCmdletsOfTheAssemblyWithoutWildcards()
        {
            var manifest = ReadManifest(RepoPaths.ModuleManifest);

            var exported = ((object[])manifest["CmdletsToExport"]!).Cast<string>().OrderBy(n => n).ToArray();
            Assert.Equal(CmdletTypesInAssembly, exported);
            Assert.Empty((object[])manifest["FunctionsToExport"]!);
            Assert.Empty((object[])manifest["AliasesToExport"]!);
            Assert.Empty((object[])manifest["VariablesToExport"]!);
            Assert.Equal(new[] { "Desktop", "Core" }, ((object[])manifest["CompatiblePSEditions"]!).Cast<string>());
            Assert.Equal("5.1", manifest["PowerShellVersion"]);
            Assert.Equal(typeof(NomosConnection).Assembly.GetName().Version!.ToString(3), manifest["ModuleVersion"]);
        }

        // Import-PowerShellDataFile lives in a module the hosted engine does not have; this is what it does.
        internal static Hashtable ReadManifest(string path)
        {
            var ast = System.Management.Automation.Language.Parser.ParseFile(path, out _, out var errors);
            Assert.Empty(errors);
            var table = (System.Management.Automation.Language.HashtableAst)ast.Find(a => a is System.Management.Automation.Language.HashtableAst, false)!;
            return (Hashtable)table.SafeGetValue();
        }

        [Fact]
        public void GetCommandListsEveryCmdletWithAnOutputType()
        {
            using var engine = new HostedEngine();
            var commands = engine.Run("Get-Command -Module NomosMeters").Objects<CmdletInfo>();

            Assert.Equal(CmdletTypesInAssembly, commands.Select(c => c.Name).OrderBy(n => n));
            Assert.All(commands, c => Assert.NotEmpty(c.OutputType));
        }

        [Theory]
        [InlineData("Search-MeterEnrollment -LoadType ev", "EV_CHARGING")]
        [InlineData("Search-MeterEnrollment -TransmissionRegion wecc", "WECC_PC,WECC_SW")]
        [InlineData("Search-MeterEnrollment -GlobalEnrollmentStatus not", "NOT_PARTICIPATING")]
        [InlineData("Get-MeterOrder -Status check", "check_reviewed,check_submitted")]
        public void EnumParametersCompleteCaseInsensitivelyOnTab(string typed, string expected)
        {
            using var engine = new HostedEngine();
            engine.SetVariable("typed", typed);

            var result = engine.Run("(TabExpansion2 -inputScript $typed -cursorColumn $typed.Length).CompletionMatches | ForEach-Object CompletionText");

            result.AssertNoErrors();
            Assert.Equal(expected.Split(','), result.Output.Select(o => (string)o.BaseObject));
        }

        [Fact]
        public void EveryEnumValuedParameterCompletesEachValueFromAnyCaseAndRejectsAnythingElse()
        {
            using var engine = new HostedEngine();
            var problems = new System.Collections.Generic.List<string>();
            var checkedValues = 0;
            foreach (var command in engine.Run("Get-Command -Module NomosMeters").Objects<CmdletInfo>())
            {
                foreach (var parameter in command.Parameters.Values.Where(p => !Cmdlet.CommonParameters.Contains(p.Name) && !Cmdlet.OptionalCommonParameters.Contains(p.Name)))
                {
                    var element = parameter.ParameterType.IsArray ? parameter.ParameterType.GetElementType()! : parameter.ParameterType;
                    var values = parameter.Attributes.OfType<ValidateSetAttribute>().SelectMany(a => a.ValidValues)
                        .Concat(element.IsEnum ? System.Enum.GetNames(element) : System.Array.Empty<string>())
                        .Distinct()
                        .ToList();
                    foreach (var value in values)
                    {
                        // Typed in the "wrong" case, the whole value must complete to its proper spelling.
                        var typed = $"{command.Name} -{parameter.Name} {SwapCase(value)}";
                        engine.SetVariable("typed", typed);
                        var completions = engine.Run("(TabExpansion2 -inputScript $typed -cursorColumn $typed.Length).CompletionMatches | ForEach-Object CompletionText");
                        if (!completions.Output.Select(o => (string)o.BaseObject).Contains(value))
                        {
                            problems.Add($"{typed}: completes to {string.Join(", ", completions.Output)}");
                        }

                        checkedValues++;
                    }

                    if (values.Count > 0)
                    {
                        var rejected = engine.Run($"{command.Name} -{parameter.Name} NoSuchValue");
                        if (rejected.Failure?.FullyQualifiedErrorId.StartsWith("ParameterArgumentValidationError", System.StringComparison.Ordinal) != true)
                        {
                            problems.Add($"{command.Name} -{parameter.Name} NoSuchValue: {rejected.Failure?.FullyQualifiedErrorId ?? "accepted"}");
                        }
                    }
                }
            }

            Assert.True(checkedValues > 40, $"only {checkedValues} enum values found");
            Assert.True(problems.Count == 0, string.Join("\n", problems));
        }

        private static string SwapCase(string value)
            => new string(value.Select(c => char.IsUpper(c) ? char.ToLowerInvariant(c) : char.ToUpperInvariant(c)).ToArray());

        [Fact]
        public void BuiltModuleFolderHoldsTheModuleAndItsDependencies()
        {
            var files = Directory.GetFiles(RepoPaths.ModuleDirectory).Select(Path.GetFileName).ToArray();

            Assert.Contains("NomosMeters.psd1", files);
            Assert.Contains("NomosMeters.dll", files);
            Assert.Contains("NomosMeters.Sandbox.dll", files);
            Assert.Contains("System.Text.Json.dll", files);
            Assert.Contains("Microsoft.Bcl.TimeProvider.dll", files);
            Assert.DoesNotContain("System.Management.Automation.dll", files);
        }

        [Fact]
        public void PrivateDependenciesLieInDependenciesWhereTheDefaultLoadContextCannotFindThem()
        {
            var root = Directory.GetFiles(RepoPaths.ModuleDirectory).Select(Path.GetFileName).ToArray();
            var isolated = Directory.GetFiles(Path.Combine(RepoPaths.ModuleDirectory, "Dependencies")).Select(Path.GetFileName).OrderBy(n => n).ToArray();

            Assert.Equal(new[] { "NomosMeters.RetryBridge.dll", "Polly.Core.dll" }, isolated);
            Assert.DoesNotContain("Polly.Core.dll", root);
            Assert.DoesNotContain("NomosMeters.RetryBridge.dll", root);
        }

        [Fact]
        public void ModuleAssemblyReachesPollyOnlyThroughTheRetryBridge()
        {
            // A direct reference would be bound to whatever Polly.Core the default load context already holds.
            var references = typeof(NomosConnection).Assembly.GetReferencedAssemblies().Select(a => a.Name).ToArray();

            Assert.Contains("NomosMeters.RetryBridge", references);
            Assert.DoesNotContain(references, name => name!.StartsWith("Polly", System.StringComparison.Ordinal));
        }
    }
}
