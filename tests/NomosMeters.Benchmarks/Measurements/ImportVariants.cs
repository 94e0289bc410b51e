using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml;
using NomosMeters.Benchmarks.Client;

namespace NomosMeters.Benchmarks.Measurements
{
    /// <summary>One manifest whose import is timed, and what it holds.</summary>
    internal sealed record ImportVariant(string Name, string Manifest);

    /// <summary>
    /// The manifests that take the built module's import apart, step by step: a manifest with nothing in it
    /// (PowerShell's own share), the module's assembly and cmdlets without types or views, the same with one type
    /// entry and one view (what having types and views at all costs), and the module itself. Written beside the build
    /// output; each loads the same NomosMeters.dll from out/NomosMeters.
    /// </summary>
    internal static class ImportVariants
    {
        public const string Module = "module";
        public const string OneTypeOneView = "one type, one view";
        public const string NoTypesOrViews = "no types or views";
        public const string EmptyManifest = "empty manifest";

        public static IReadOnlyList<ImportVariant> Write()
        {
            var moduleFolder = Path.GetDirectoryName(ModulePaths.Manifest)!;
            var root = Path.Combine(ModulePaths.Root, "out", "bench-import-variants");
            var manifest = File.ReadAllText(ModulePaths.Manifest);
            var assembly = Path.Combine(moduleFolder, "NomosMeters.dll");

            var bare = Folder(root, "bare");
            var bareManifest = Path.Combine(bare, "NomosMeters.psd1");
            File.WriteAllText(bareManifest, Set(WithoutEntry(WithoutEntry(manifest, "TypesToProcess"), "FormatsToProcess"), "RootModule", PowerShellText.Quote(assembly)));

            var small = Folder(root, "small");
            var types = Path.Combine(small, "NomosMeters.Types.ps1xml");
            var views = Path.Combine(small, "NomosMeters.Format.ps1xml");
            KeepFirst(Path.Combine(moduleFolder, "NomosMeters.Types.ps1xml"), "/Types/Type", types);
            KeepFirst(Path.Combine(moduleFolder, "NomosMeters.Format.ps1xml"), "/Configuration/ViewDefinitions/View", views);
            var smallManifest = Path.Combine(small, "NomosMeters.psd1");
            File.WriteAllText(smallManifest, Set(Set(Set(manifest, "TypesToProcess", PowerShellText.Quote(types)), "FormatsToProcess", PowerShellText.Quote(views)), "RootModule", PowerShellText.Quote(assembly)));

            var empty = Folder(root, "empty");
            var emptyManifest = Path.Combine(empty, "EmptyModule.psd1");
            File.WriteAllText(emptyManifest, "@{ ModuleVersion = '1.0.0'; GUID = '0d5b2a6e-3f4c-4e1a-9b7d-8c2e1f0a3b4d'; FunctionsToExport = @(); CmdletsToExport = @() }\n");

            return new[]
            {
                new ImportVariant(Module, ModulePaths.Manifest),
                new ImportVariant(OneTypeOneView, smallManifest),
                new ImportVariant(NoTypesOrViews, bareManifest),
                new ImportVariant(EmptyManifest, emptyManifest),
            };
        }

        private static string Folder(string root, string name)
        {
            var folder = Path.Combine(root, name);
            Directory.CreateDirectory(folder);
            return folder;
        }

        // The manifest's key and its value, on one line as the module's manifest writes them.
        private static Regex Line(string key) => new Regex(@"^\s*" + key + @"\s*=.*$\n?", RegexOptions.Multiline);

        private static string WithoutEntry(string manifest, string key) => Set(manifest, key, null);

        // The variants live elsewhere, so the files they name are given by their full paths; null leaves the key out.
        private static string Set(string manifest, string key, string? value)
        {
            var line = Line(key);
            if (!line.IsMatch(manifest))
            {
                throw new InvalidOperationException($"The module's manifest has no {key} line to replace.");
            }

            return line.Replace(manifest, value == null ? string.Empty : $"    {key} = {value}\n", 1);
        }

        private static void KeepFirst(string source, string xpath, string target)
        {
            var document = new XmlDocument();
            document.Load(source);
            foreach (var extra in document.SelectNodes(xpath)!.Cast<XmlNode>().Skip(1).ToList())
            {
                extra.ParentNode!.RemoveChild(extra);
            }

            document.Save(target);
        }
    }
}
