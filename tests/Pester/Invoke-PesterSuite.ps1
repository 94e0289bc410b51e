<#
.SYNOPSIS
    Runs the Pester suite (tests/Pester/*.Tests.ps1) against the built module in out/NomosMeters.
.DESCRIPTION
    Imports the Pester version the test project pins (its PackageDownload of Pester) from the NuGet packages
    folder, never from a gallery, so every machine runs the same Pester. Writes NUnit XML and a one-line count
    file when -ResultDirectory is given. Exits 1 when any test, block or file failed.
.EXAMPLE
    dotnet pwsh tests/Pester/Invoke-PesterSuite.ps1                      # everything
.EXAMPLE
    dotnet pwsh tests/Pester/Invoke-PesterSuite.ps1 -Path tests/Pester/Csv.Tests.ps1
.EXAMPLE
    dotnet pwsh tests/Pester/Invoke-PesterSuite.ps1 -ExcludeTag Slow   # without the package test and the demo run
#>
[CmdletBinding()]
param(
    [string[]] $Path = $PSScriptRoot,
    [string] $ResultDirectory,
    [string[]] $ExcludeTag = @()
)

$ErrorActionPreference = 'Stop'
$repo = Split-Path -Parent (Split-Path -Parent $PSScriptRoot)

# The pinned version has one source: the test project's PackageDownload.
$testProject = Join-Path $repo 'tests/NomosMeters.Tests/NomosMeters.Tests.csproj'
$download = ([xml](Get-Content -Raw -LiteralPath $testProject)).Project.ItemGroup.PackageDownload |
    Where-Object Include -eq 'Pester'
$version = "$($download.Version)".Trim('[', ']')

$packages = $env:NUGET_PACKAGES
if (-not $packages) {
    $packages = ((& dotnet nuget locals global-packages --list) -replace '^global-packages:\s*', '').Trim()
}
$pesterManifest = Join-Path $packages "pester/$version/tools/Pester.psd1"
if (-not (Test-Path -LiteralPath $pesterManifest)) {
    throw "Pester $version is not in the NuGet packages folder ($pesterManifest). Run: dotnet restore NomosMeters.sln"
}
Import-Module $pesterManifest -Force

$moduleManifest = Join-Path $repo 'out/NomosMeters/NomosMeters.psd1'
if (-not (Test-Path -LiteralPath $moduleManifest)) {
    throw "The module is not built ($moduleManifest). Run: dotnet build NomosMeters.sln"
}

$configuration = New-PesterConfiguration
$configuration.Run.Path = $Path
$configuration.Run.PassThru = $true
$configuration.Filter.ExcludeTag = $ExcludeTag
$configuration.Output.Verbosity = 'Normal'
if ($ResultDirectory) {
    $null = New-Item -ItemType Directory -Force -Path $ResultDirectory
    $configuration.TestResult.Enabled = $true
    $configuration.TestResult.OutputFormat = 'NUnitXml'
    $configuration.TestResult.OutputPath = Join-Path $ResultDirectory 'pester.xml'
}

$result = Invoke-Pester -Configuration $configuration

# A block or file that fails before its tests run (a broken BeforeAll, a parse error) counts as a failure too.
$failed = $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount
if ($ResultDirectory) {
    Set-Content -LiteralPath (Join-Path $ResultDirectory 'pester.counts') -Value "$($result.PassedCount) $failed"
}
exit ([int]($failed -gt 0 -or $result.Result -ne 'Passed'))
