<#
    Times one command of the module as a script runs it. Connects to the benchmark server, runs the command
    Repetitions times (after WarmUp runs that are not counted) and writes one JSON line: the median wall time, the
    median CPU time of this process, how many objects the last run wrote and whether they came in input order.
    The same script runs in the harness's bare hosted engine (System.Management.Automation alone, without the
    Utility and Security modules) and in a fresh pwsh process, so it uses the language and .NET only.
    InputFile is a script that sets $in, a hashtable of the inputs.
#>
param(
    [Parameter(Mandatory)]
    [string] $InputFile
)

$ErrorActionPreference = 'Stop'
. $InputFile
Import-Module $in.Manifest
$secret = [Net.NetworkCredential]::new('', $in.ClientSecret).SecurePassword
$key = [Net.NetworkCredential]::new('', $in.EnrollmentApiKey).SecurePassword
Connect-Nomos -ClientId $in.ClientId -ClientSecret $secret -BaseUri $in.BaseUri -EnrollmentBaseUri $in.BaseUri -EnrollmentApiKey $key -RateLimit $in.RateLimit

# What the command may use.
$ids = @($in.Ids)
$first = $in.First
$command = [scriptblock]::Create($in.Command)

function Get-Median([double[]] $values) {
    [Array]::Sort($values)
    $middle = [int][Math]::Floor($values.Count / 2)
    if ($values.Count % 2) { return $values[$middle] }
    return ($values[$middle - 1] + $values[$middle]) / 2
}

for ($i = 0; $i -lt $in.WarmUp; $i++) { $null = & $command }

$process = [Diagnostics.Process]::GetCurrentProcess()
$wall = [Collections.Generic.List[double]]::new()
$cpu = [Collections.Generic.List[double]]::new()
$out = @()
for ($i = 0; $i -lt $in.Repetitions; $i++) {
    $process.Refresh()
    $cpuBefore = $process.TotalProcessorTime
    $watch = [Diagnostics.Stopwatch]::StartNew()
    $out = @(& $command)
    $watch.Stop()
    $process.Refresh()
    $wall.Add($watch.Elapsed.TotalMilliseconds)
    $cpu.Add(($process.TotalProcessorTime - $cpuBefore).TotalMilliseconds)
}

$inOrder = (@($out | ForEach-Object { "$_" }) -join ',') -ceq (@($ids | ForEach-Object { "$_" }) -join ',')
[string]::Format([Globalization.CultureInfo]::InvariantCulture, '{{"WallMs":{0},"CpuMs":{1},"Count":{2},"InOrder":{3}}}',
    (Get-Median $wall.ToArray()), (Get-Median $cpu.ToArray()), $out.Count, $inOrder.ToString().ToLowerInvariant())
