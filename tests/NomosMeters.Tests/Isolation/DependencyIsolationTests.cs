using System;
using System.IO;
using NomosMeters.Tests.Infrastructure;
using Xunit;

namespace NomosMeters.Tests.Isolation
{
    /// <summary>
    /// Another module's Polly.Core (99.0.0.0, none of Polly's types) is loaded into the default load context before
    /// NomosMeters is imported, in a child process (see tests/NomosMeters.IsolationHost).
    /// </summary>
    [Trait("Category", "Slow")]
    public sealed class DependencyIsolationTests
    {
        [Fact]
        public void ModuleImportsAndRunsBesideAConflictingPollyCoreInTheDefaultLoadContext()
        {
            var (exitCode, output) = IsolationHostProcess.Run(RepoPaths.ModuleManifest);

            Assert.True(exitCode == 0, output);
            Assert.Contains("conflict: Polly.Core 99.0.0.0 loaded into the default context", output);
            Assert.Contains("ok list:", output);
            Assert.Contains("ok not-found: NomosMeters.NotFound,NomosMeters.Commands.GetMeterOrderCommand", output);
            Assert.Contains("ok retry: 2 requests, attempts 2", output);
            Assert.Contains("loaded: Polly.Core 99.0.0.0 in default", output);
            Assert.Contains("loaded: Polly.Core 8.0.0.0 in NomosMeters.Isolation.DependencyLoadContext", output);
            Assert.Contains("loaded: NomosMeters.RetryBridge 0.1.0.0 in NomosMeters.Isolation.DependencyLoadContext", output);
        }

        // The control: the same files without Dependencies/ (everything beside NomosMeters.dll) break on the same
        // conflict, so the test above would catch a layout or loader that stopped isolating.
        [Fact]
        public void FlatLayoutBindsTheConflictingPollyCoreAndFails()
        {
            using var flat = new FlatModuleCopy();

            var (exitCode, output) = IsolationHostProcess.Run(flat.Manifest);

            Assert.True(exitCode == 1, output);
            Assert.Contains("FAIL list: System.TypeLoadException", output);
            Assert.Contains("from assembly 'Polly.Core, Version=99.0.0.0", output);
        }

        [Fact]
        public void FlatLayoutWorksWhenNothingConflicts()
        {
            using var flat = new FlatModuleCopy();

            var (exitCode, output) = IsolationHostProcess.Run(flat.Manifest, "--no-conflict");

            Assert.True(exitCode == 0, output);
            Assert.Contains("loaded: Polly.Core 8.0.0.0 in default", output);
        }

        /// <summary>out/NomosMeters copied to a temporary folder with Dependencies/ merged into the root.</summary>
        private sealed class FlatModuleCopy : IDisposable
        {
            private readonly string _root = Path.Combine(Path.GetTempPath(), "nomos-flat-" + Guid.NewGuid().ToString("N"));

            public FlatModuleCopy()
            {
                var module = Path.Combine(_root, "NomosMeters");
                Directory.CreateDirectory(module);
                foreach (var file in Directory.GetFiles(RepoPaths.ModuleDirectory))
                {
                    File.Copy(file, Path.Combine(module, Path.GetFileName(file)));
                }

                foreach (var file in Directory.GetFiles(Path.Combine(RepoPaths.ModuleDirectory, "Dependencies")))
                {
                    File.Copy(file, Path.Combine(module, Path.GetFileName(file)));
                }

                Manifest = Path.Combine(module, "NomosMeters.psd1");
            }

            public string Manifest { get; }

            public void Dispose()
            {
                try
                {
                    Directory.Delete(_root, recursive: true);
                }
                catch (IOException)
                {
                    // A leftover temporary folder is harmless.
                }
            }
        }
    }
}
