<#
.SYNOPSIS
    Builds, tests, demonstrates or packages the NomosMeters module. A thin wrapper over dotnet: every task
    below is a few dotnet commands that can be run without this script.
.DESCRIPTION
    Runs in PowerShell 7.4+; on a machine with only the .NET SDK, run it with the repo-local PowerShell:
    dotnet tool restore && dotnet pwsh ./build.ps1 -Task Demo
.EXAMPLE
    ./build.ps1                 # builds; the importable module lands in out/NomosMeters
.EXAMPLE
    ./build.ps1 -Task Demo      # builds, then shows the module at work on the sandbox (tools/Demo.ps1)
.EXAMPLE
    ./build.ps1 -Task Test      # builds, runs the xUnit and the Pester suites, prints "N passed, N failed"
.EXAMPLE
    ./build.ps1 -Task Test -Fast   # the same without the tests tagged Slow (xUnit Category=Slow, Pester tag Slow)
.EXAMPLE
    ./build.ps1 -Task Package   # builds Release and writes the PowerShell Gallery package to out/package
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Demo', 'Package')]
    [string] $Task = 'Build',

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Debug',

    # Test only: leaves out the slow tests (child processes, packing, long loopback streams) for a quick inner loop.
    [switch] $Fast
)

$ErrorActionPreference = 'Stop'
Set-Location -LiteralPath $PSScriptRoot

function Invoke-Dotnet {
    & dotnet @args
    if ($LASTEXITCODE -ne 0) {
        throw "dotnet $($args -join ' ') failed with exit code $LASTEXITCODE."
    }
}

# The command that starts a new process of this same PowerShell. Under the repo-local tool (dotnet pwsh) this
# process is the dotnet host running pwsh.dll, so the child is "dotnet <pwsh.dll>", not the host alone.
function Get-PowerShellCommand {
    $executable = if ($PSVersionTable.PSEdition -eq 'Core') { [Environment]::ProcessPath } else { (Get-Process -Id $PID).Path }
    if ([IO.Path]::GetFileNameWithoutExtension($executable) -eq 'dotnet') {
        return @($executable, [Environment]::GetCommandLineArgs()[0])
    }
    return @($executable)
}

# Runs a script in a child PowerShell, so the freshly built DLL is never loaded (or locked) by this session.
function Invoke-ChildPowerShell([string] $Script, [string[]] $Arguments = @()) {
    $command = @(Get-PowerShellCommand)
    $prefix = @($command | Select-Object -Skip 1)
    & $command[0] @prefix -NoProfile -NonInteractive -File $Script @Arguments | Out-Host
    return $LASTEXITCODE
}

# Passed and failed tests of both runners, from the files they wrote.
function Get-TestCount([string] $ResultDirectory) {
    $passed = 0; $failed = 0
    foreach ($trx in Get-ChildItem -LiteralPath $ResultDirectory -Filter *.trx -ErrorAction SilentlyContinue) {
        $counters = ([xml](Get-Content -Raw -LiteralPath $trx.FullName)).TestRun.ResultSummary.Counters
        $passed += [int]$counters.passed; $failed += [int]$counters.failed
    }
    $pester = Join-Path $ResultDirectory 'pester.counts'
    if (Test-Path -LiteralPath $pester) {
        $numbers = (Get-Content -LiteralPath $pester).Split(' ')
        $passed += [int]$numbers[0]; $failed += [int]$numbers[1]
    }
    return [pscustomobject]@{ Passed = $passed; Failed = $failed }
}

switch ($Task) {
    'Build' {
        Invoke-Dotnet build NomosMeters.sln -c $Configuration
        Write-Host "Module: $(Join-Path $PSScriptRoot 'out/NomosMeters/NomosMeters.psd1')"
    }
    'Package' {
        # Equivalent: dotnet pack src/NomosMeters/NomosMeters.csproj -c Release (a package is always a Release build)
        Invoke-Dotnet pack src/NomosMeters/NomosMeters.csproj -c Release
        Write-Host "Package: $(Join-Path $PSScriptRoot 'out/package')"
    }
    'Test' {
        # Equivalent: dotnet build; dotnet test --no-build; dotnet pwsh tests/Pester/Invoke-PesterSuite.ps1
        # (-Fast: dotnet test --filter "Category!=Slow" and Invoke-PesterSuite.ps1 -ExcludeTag Slow)
        Invoke-Dotnet build NomosMeters.sln -c $Configuration
        $results = Join-Path $PSScriptRoot 'out/test-results'
        Remove-Item -LiteralPath $results -Recurse -Force -ErrorAction SilentlyContinue
        $xunitFilter = if ($Fast) { @('--filter', 'Category!=Slow') } else { @() }
        $pesterFilter = if ($Fast) { @('-ExcludeTag', 'Slow') } else { @() }
        & dotnet test NomosMeters.sln --no-build -c $Configuration @xunitFilter --logger 'trx;LogFileName=xunit.trx' --results-directory $results
        $xunitExit = $LASTEXITCODE
        $pesterExit = Invoke-ChildPowerShell (Join-Path $PSScriptRoot 'tests/Pester/Invoke-PesterSuite.ps1') (@('-ResultDirectory', $results) + $pesterFilter)
        $count = Get-TestCount $results
        Write-Host "xUnit exit code $xunitExit, Pester exit code $pesterExit"
        Write-Host "$($count.Passed) passed, $($count.Failed) failed"
        if ($xunitExit -ne 0 -or $pesterExit -ne 0 -or $count.Passed -eq 0) {
            exit 1
        }
    }
    'Demo' {
        Invoke-Dotnet build src/NomosMeters/NomosMeters.csproj -c $Configuration
        $exit = Invoke-ChildPowerShell (Join-Path $PSScriptRoot 'tools/Demo.ps1')
        if ($exit -ne 0) { throw "The demo failed with exit code $exit." }
    }
}
