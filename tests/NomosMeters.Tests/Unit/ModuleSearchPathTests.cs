using System.IO;
using NomosMeters.Isolation;
using Xunit;

namespace NomosMeters.Tests.Unit
{
    /// <summary>Which folder a module imported by path adds to PSModulePath, so new runspaces find it by name.</summary>
    public sealed class ModuleSearchPathTests
    {
        private static readonly string Base = Path.Combine(Path.GetTempPath(), "modules");

        [Fact]
        public void TheBuildLayoutAddsTheFolderThatHoldsNomosMeters()
            => Assert.Equal(Base, ModuleSearchPath.ParentOfModuleFolder(Path.Combine(Base, "NomosMeters")));

        [Fact]
        public void AnInstalledVersionFolderAddsTheFolderAboveTheModuleName()
            => Assert.Equal(Base, ModuleSearchPath.ParentOfModuleFolder(Path.Combine(Base, "NomosMeters", "0.1.0")));

        [Fact]
        public void AFolderWithAnotherNameAddsNothingBecausePowerShellCouldNotFindTheModuleThereByName()
        {
            Assert.Null(ModuleSearchPath.ParentOfModuleFolder(Path.Combine(Base, "nomos-copy")));
            Assert.Null(ModuleSearchPath.ParentOfModuleFolder(Path.Combine(Base, "other", "1.0.0")));
        }
    }
}
