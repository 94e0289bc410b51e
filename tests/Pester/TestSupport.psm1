# What the Pester files share: where the repository and the built module are, and a loopback server that
# serves the sandbox over real HTTP (the benchmark harness's "serve" verb, built with the test project).

$script:RepoRoot = Split-Path -Parent (Split-Path -Parent $PSScriptRoot)

function Get-RepoRoot { $script:RepoRoot }

function Get-ModuleManifest { Join-Path $script:RepoRoot 'out/NomosMeters/NomosMeters.psd1' }

# The command that starts a new process of this PowerShell: "dotnet <pwsh.dll>" under the repo-local tool.
function Get-PowerShellCommand {
    $executable = [Environment]::ProcessPath
    if ([IO.Path]::GetFileNameWithoutExtension($executable) -eq 'dotnet') {
        return @($executable, [Environment]::GetCommandLineArgs()[0])
    }
    return @($executable)
}

<#
.SYNOPSIS
    Runs a script in a new pwsh process and returns its output lines, its error lines and its exit code.
#>
function Invoke-ChildPowerShell {
    param(
        [Parameter(Mandatory)] [string] $Script,
        [hashtable] $Environment = @{},
        [string] $WorkingDirectory = $script:RepoRoot,
        [int] $TimeoutSec = 120
    )
    # The script goes in as a file: no shell's quoting applies, and pwsh runs it whole (on standard input it would
    # skip a block left open at the end).
    $file = Join-Path ([IO.Path]::GetTempPath()) "nomosmeters-child-$([guid]::NewGuid().ToString('n')).ps1"
    Set-Content -LiteralPath $file -Value $Script -Encoding utf8
    $command = @(Get-PowerShellCommand)
    $start = [Diagnostics.ProcessStartInfo]::new($command[0])
    foreach ($argument in @($command | Select-Object -Skip 1) + @('-NoProfile', '-NonInteractive', '-File', $file)) {
        $start.ArgumentList.Add($argument)
    }
    $start.WorkingDirectory = $WorkingDirectory
    $start.RedirectStandardOutput = $true
    $start.RedirectStandardError = $true
    $start.UseShellExecute = $false
    foreach ($name in $Environment.Keys) { $start.Environment[$name] = $Environment[$name] }
    $process = [Diagnostics.Process]::Start($start)
    try {
        $stdout = $process.StandardOutput.ReadToEndAsync()
        $stderr = $process.StandardError.ReadToEndAsync()
        if (-not $process.WaitForExit($TimeoutSec * 1000)) {
            $process.Kill($true)
            throw "The child pwsh did not finish within $TimeoutSec s."
        }
        $process.WaitForExit()
        [pscustomobject]@{
            ExitCode = $process.ExitCode
            # Terminal control sequences (colours, cursor modes) are not what the user reads.
            Output   = @(($stdout.Result -replace '\x1b\[[0-9;?]*[A-Za-z]', '') -split "\r?\n" | Where-Object { $_ -ne '' })
            Error    = $stderr.Result
        }
    }
    finally {
        $process.Dispose()
        Remove-Item -LiteralPath $file -ErrorAction SilentlyContinue
    }
}

<#
.SYNOPSIS
    Starts the sandbox on a loopback HTTP server in a child process; returns an object with BaseUri and Process.
#>
function Start-SandboxServer {
    param([int] $Orders = 300, [int] $Enrollments = 300, [string] $ClientId = 'sandbox-client')
    $harness = Get-ChildItem -Path (Join-Path $script:RepoRoot 'tests/NomosMeters.Benchmarks/bin') -Recurse -Filter 'NomosMeters.Benchmarks.dll' |
        Sort-Object LastWriteTime -Descending | Select-Object -First 1
    if (-not $harness) { throw 'The loopback server is not built. Run: dotnet build NomosMeters.sln' }
    $start = [Diagnostics.ProcessStartInfo]::new('dotnet')
    foreach ($argument in $harness.FullName, 'serve', '--orders', $Orders, '--enrollments', $Enrollments, '--client-id', $ClientId) {
        $start.ArgumentList.Add([string]$argument)
    }
    $start.RedirectStandardInput = $true
    $start.RedirectStandardOutput = $true
    $start.RedirectStandardError = $true
    $start.UseShellExecute = $false
    $process = [Diagnostics.Process]::Start($start)
    $line = $process.StandardOutput.ReadLineAsync()
    if (-not $line.Wait([TimeSpan]::FromSeconds(60)) -or -not "$($line.Result)".StartsWith('listening ')) {
        $process.Kill($true)
        throw "The loopback server did not start: $($line.Result) $($process.StandardError.ReadToEnd())"
    }
    [pscustomobject]@{ BaseUri = [Uri]$line.Result.Substring('listening '.Length); Process = $process }
}

<#
.SYNOPSIS
    Stops a server from Start-SandboxServer: closing its input is its signal to stop.
#>
function Stop-SandboxServer {
    param([Parameter(Mandatory)] $Server)
    $Server.Process.StandardInput.Close()
    if (-not $Server.Process.WaitForExit(5000)) { $Server.Process.Kill($true) }
    $Server.Process.Dispose()
}

<#
.SYNOPSIS
    The loopback server's request count (GET /_stats), to see how many requests a command made.
#>
function Get-SandboxServerRequestCount {
    param([Parameter(Mandatory)] $Server)
    (Invoke-RestMethod -Uri ([Uri]::new($Server.BaseUri, "/_stats"))).api_requests
}

function Reset-SandboxServerStats {
    param([Parameter(Mandatory)] $Server)
    $null = Invoke-RestMethod -Method Post -Uri ([Uri]::new($Server.BaseUri, '/_stats/reset'))
}

Export-ModuleMember -Function *
