using System;
using System.Collections;
using System.Diagnostics;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using NomosMeters.Tests.Infrastructure;
using Xunit;

namespace NomosMeters.Tests.Hosted
{
    /// <summary>The PowerShell Gallery package: packed from the built module, opened and checked like the Gallery would.</summary>
    [Trait("Category", "Slow")]
    public sealed class PackageTests : IDisposable
    {
        private readonly string _output = Path.Combine(Path.GetTempPath(), "nomosmeters-pack-" + Guid.NewGuid().ToString("N"));

        public void Dispose()
        {
            if (Directory.Exists(_output))
            {
                Directory.Delete(_output, recursive: true);
            }
        }

        [Fact]
        public void ThePackageHoldsTheModuleAndGalleryMetadataThatMatchesItsManifest()
        {
            using var package = ZipFile.OpenRead(Pack().Package);
            var files = package.Entries.Select(e => e.FullName).ToList();

            foreach (var required in new[]
            {
                "NomosMeters.psd1", "NomosMeters.dll", "NomosMeters.Sandbox.dll", "NomosMeters.Format.ps1xml", "NomosMeters.Types.ps1xml",
                "Dependencies/NomosMeters.RetryBridge.dll", "Dependencies/Polly.Core.dll", "System.Text.Json.dll",
            })
            {
                Assert.Contains(required, files);
            }

            Assert.DoesNotContain(files, f => f.EndsWith(".pdb", StringComparison.Ordinal) || f.Contains("Tests", StringComparison.Ordinal) || f.StartsWith("Polly", StringComparison.Ordinal));
            Assert.Equal(
                Directory.GetFiles(RepoPaths.ModuleDirectory, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(RepoPaths.ModuleDirectory, f).Replace('\\', '/')).OrderBy(f => f),
                files.Where(f => !f.StartsWith("_rels/") && !f.StartsWith("package/") && f != "[Content_Types].xml" && f != "NomosMeters.nuspec" && f != "README.md").OrderBy(f => f));

            var manifest = ReadManifestFrom(package);
            var data = (Hashtable)((Hashtable)manifest["PrivateData"]!)["PSData"]!;
            Assert.Equal(new[] { "Desktop", "Core" }, ((object[])manifest["CompatiblePSEditions"]!).Cast<string>());
            Assert.Equal("5.1", manifest["PowerShellVersion"]);
            Assert.False(string.IsNullOrWhiteSpace((string)manifest["Description"]!));
            Assert.False(string.IsNullOrWhiteSpace((string)manifest["Author"]!));
            Assert.StartsWith("https://", (string)data["ProjectUri"]!);
            Assert.StartsWith("https://", (string)data["LicenseUri"]!);
            Assert.NotEmpty((object[])data["Tags"]!);

            var nuspec = XDocument.Load(package.GetEntry("NomosMeters.nuspec")!.Open());
            var ns = nuspec.Root!.GetDefaultNamespace();
            var metadata = nuspec.Root.Element(ns + "metadata")!;
            string Meta(string name) => metadata.Element(ns + name)!.Value;
            Assert.Equal("NomosMeters", Meta("id"));
            Assert.Equal(manifest["ModuleVersion"], Meta("version"));
            Assert.Equal(manifest["Description"], Meta("description"));
            Assert.Equal(data["ProjectUri"], Meta("projectUrl"));
            Assert.Equal(data["ReleaseNotes"], Meta("releaseNotes"));
            Assert.Equal("MIT", Meta("license"));
            Assert.StartsWith((string)data["ProjectUri"]!, metadata.Element(ns + "repository")!.Attribute("url")!.Value);
            Assert.False(string.IsNullOrWhiteSpace(Meta("authors")));
            Assert.False(string.IsNullOrWhiteSpace(Meta("copyright")));
            var tags = Meta("tags").Split(' ');
            Assert.Contains("PSModule", tags);
            Assert.Contains("PSIncludes_Cmdlet", tags);
            Assert.All(((object[])manifest["CmdletsToExport"]!).Cast<string>(), cmdlet => Assert.Contains("PSCmdlet_" + cmdlet, tags));
            Assert.All(((object[])data["Tags"]!).Cast<string>(), tag => Assert.Contains(tag, tags));
        }

        [Fact]
        public void PackingIsWarningFreeAndThePackageCarriesItsReadme()
        {
            var (path, output) = Pack();

            // NU5100 is off for this layout on purpose; any other warning (or a missing readme) shows here.
            Assert.DoesNotMatch(new Regex(@"\bwarning\b|missing a readme", RegexOptions.IgnoreCase), output);
            using var package = ZipFile.OpenRead(path);
            var nuspec = XDocument.Load(package.GetEntry("NomosMeters.nuspec")!.Open());
            var ns = nuspec.Root!.GetDefaultNamespace();
            Assert.Equal("README.md", nuspec.Root.Element(ns + "metadata")!.Element(ns + "readme")!.Value);
            using var readme = new StreamReader(package.GetEntry("README.md")!.Open());
            Assert.Equal(File.ReadAllText(Path.Combine(RepoPaths.Root, "packaging", "README.md")), readme.ReadToEnd());
        }

        private static Hashtable ReadManifestFrom(ZipArchive package)
        {
            var path = Path.Combine(Path.GetTempPath(), "nomosmeters-manifest-" + Guid.NewGuid().ToString("N") + ".psd1");
            try
            {
                package.GetEntry("NomosMeters.psd1")!.ExtractToFile(path);
                return ModuleSurfaceTests.ReadManifest(path);
            }
            finally
            {
                File.Delete(path);
            }
        }

        // The same command as ./build.ps1 -Task Package, on the module this test run already built.
        private (string Package, string Output) Pack()
        {
            var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = RepoPaths.Root,
            };
            foreach (var argument in new[] { "pack", Path.Combine("src", "NomosMeters", "NomosMeters.csproj"), "--no-build", "--nologo", "-o", _output })
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromSeconds(120)))
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail("dotnet pack did not finish within 120 s");
            }

            process.WaitForExit();
            Assert.True(process.ExitCode == 0, "dotnet pack failed: " + output.Result + errors.Result);
            return (Assert.Single(Directory.GetFiles(_output, "NomosMeters.*.nupkg")), output.Result + errors.Result);
        }
    }
}
