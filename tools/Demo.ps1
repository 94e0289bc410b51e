<#
.SYNOPSIS
    What NomosMeters is for, on the built-in sandbox: meter orders by status, the blocked ones, an enrollment
    search with its nested program enrollments, and a few rows through Export-Csv.
.PARAMETER ModulePath
    The module manifest to import; by default the build output out/NomosMeters/NomosMeters.psd1.
.PARAMETER OutputDirectory
    Where the CSV file goes; by default a new folder under the system's temporary folder.
#>
[CmdletBinding()]
param(
    [string] $ModulePath = (Join-Path (Split-Path -Parent $PSScriptRoot) 'out/NomosMeters/NomosMeters.psd1'),
    [string] $OutputDirectory = (Join-Path ([IO.Path]::GetTempPath()) "nomosmeters-demo-$PID")
)

$ErrorActionPreference = 'Stop'
Import-Module $ModulePath
Connect-Nomos -Sandbox
Get-NomosContext | Format-List Services, IsSandbox, BaseUri, EnrollmentBaseUri, ApiVersion

Write-Host 'Meter orders by status (every page, streamed):'
Get-MeterOrder | Group-Object Status -NoElement | Sort-Object Count -Descending | Format-Table Count, Name -AutoSize

Write-Host 'The newest blocked orders that are scheduled or installed:'
Get-MeterOrder -Status scheduled, installed | Where-Object IsBlocked | Select-Object -First 5 |
    Format-Table Id, Status, BlockedReason -AutoSize

Write-Host 'Enrolled meters in CAISO with EV charging behind them:'
$meters = Search-MeterEnrollment -TransmissionRegion CAISO -LoadType EV_CHARGING -First 3
$meters | Format-Table

Write-Host "The program enrollments of meter $($meters[0].MeterId):"
$meters[0].ProgramEnrollments | Format-Table

$null = New-Item -ItemType Directory -Force -Path $OutputDirectory
$csv = Join-Path $OutputDirectory 'blocked-orders.csv'
Get-MeterOrder -Status created, placed | Where-Object IsBlocked | Select-Object -First 3 |
    Export-Csv -LiteralPath $csv -NoTypeInformation
Write-Host "Three blocked orders written by Export-Csv to ${csv}:"
Get-Content -LiteralPath $csv
