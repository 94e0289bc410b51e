<#
.SYNOPSIS
    Builds, tests, demonstrates or packages the NomosMeters module. A thin wrapper over dotnet: every task
    below is one or two dotnet commands that can be run without this script.
.EXAMPLE
    ./build.ps1                 # builds; the importable module lands in out/NomosMeters
.EXAMPLE
    ./build.ps1 -Task Demo      # builds, imports the module and lists meter orders from the sandbox
.EXAMPLE
    ./build.ps1 -Task Test      # runs the test suite (dotnet test)
.EXAMPLE
    ./build.ps1 -Task Package   # builds Release and writes the PowerShell Gallery package to out/package
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Demo', 'Package')]
    [string] $Task = 'Build',

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Debug'
)

$ErrorActionPreference = 'Stop'
Set-Location -LiteralPath $PSScriptRoot

function Invoke-Dotnet {
    & dotnet @args
    if ($LASTEXITCODE -ne 0) {
        throw "dotnet $($args -join ' ') failed with exit code $LASTEXITCODE."
    }
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
        Invoke-Dotnet test NomosMeters.sln -c $Configuration
    }
    'Demo' {
        Invoke-Dotnet build src/NomosMeters/NomosMeters.csproj -c $Configuration
        $manifest = Join-Path $PSScriptRoot 'out/NomosMeters/NomosMeters.psd1'
        $demo = @"
Import-Module '$manifest'
Connect-Nomos -Sandbox
Get-NomosContext | Format-List
'Newest 10 meter orders:'
Get-MeterOrder -First 10 | Format-Table Id, Status, Provider, CreatedAt, IsBlocked -AutoSize
'Scheduled or installed orders that are blocked, by reason:'
Get-MeterOrder -Status scheduled, installed | Where-Object IsBlocked | Group-Object BlockedReason -NoElement | Format-Table Count, Name -AutoSize
"@
        # A child process, so the freshly built DLL is not locked by this session.
        & (Get-Process -Id $PID).Path -NoProfile -NonInteractive -Command $demo
        if ($LASTEXITCODE -ne 0) { throw "The demo failed with exit code $LASTEXITCODE." }
    }
}
