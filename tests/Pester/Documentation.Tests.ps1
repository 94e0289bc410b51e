# Every example the documentation shows runs, from its source text, statement by statement. Connect-Nomos without
# -Sandbox reaches a loopback server that stands in for the real service (same protocol, the sandbox's data, the
# examples' client id), and the prompts the examples open (Read-Host, Get-Credential, Get-Secret) are answered
# with its credentials. So nothing is left out for needing a real tenant; what is not run says why below.

BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'DocumentedExamples.psm1') -Force
    Import-Module (Get-ModuleManifest)
    $asCases = { process { @{ Name = $_.Name; Code = $_.Code } } }
    $readme = @(Get-ReadmeExample | & $asCases)
    $about = @(Get-AboutExample | & $asCases)
    $help = @(Get-HelpExample -ModuleName NomosMeters | & $asCases)
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'DocumentedExamples.psm1') -Force
    Import-Module (Get-ModuleManifest)

    # Statements the documentation shows failing, with the error they show.
    $expectedErrors = @{
        "'prdo_manot0rspfyzgcxkuduawmf1', 'prdo_unknown' | Get-MeterOrder" = 'NomosMeters.NotFound'
        'Get-MeterOrder -Id prdo_unknown -ErrorVariable err'                = 'NomosMeters.NotFound'
        'Get-MeterOrder -First 1'                                           = 'NomosMeters.NotConnected'
        # Invoke-NomosRequest on endpoints the sandbox does not emulate: the API's own 404.
        'Invoke-NomosRequest -Path /customers/cus_3r7t1y5u9i2o6p0a4s8d1f5g' = 'NomosMeters.NotFound'
        '$usage = Invoke-NomosRequest -Path /subscriptions/sub_4k2m9x7q1w8e5r3t6y0u2i4o/usage -Query @{ resolution = ''day''; start = ''2026-05-01''; end = ''2026-06-01'' }' = 'NomosMeters.NotFound'
        'Invoke-NomosRequest -Path /invoices -Query @{ ''filter[status][eq]'' = ''open'' } -All | Export-Csv open-invoices.csv -NoTypeInformation' = 'NomosMeters.NotFound'
    }
    # Statements parsed but not run here, and why.
    $notRun = @{
        'dotnet tool restore && dotnet pwsh ./build.ps1 -Task Test' = 'it runs this suite; CI runs it'
        'dotnet tool restore && dotnet pwsh ./build.ps1 -Task Demo' = 'run in a child pwsh by its own test below'
    }

    # What the examples read: ids that exist in the sandbox's data, subscriptions that have no order yet.
    Connect-Nomos -Sandbox
    $meterIds = @((Search-MeterEnrollment -First 3).MeterId.Guid)
    $orderIds = @((Get-MeterOrder -First 3).Id)
    # Not the first: the documents order that one by name, and a subscription gets one order only.
    $freeSubscriptions = @((Get-NomosContext).FreeSubscriptions | Select-Object -Skip 1 -First 3)
    Disconnect-Nomos

    $environment = @{ NOMOS_CLIENT_ID = 'my-client-id'; NOMOS_CLIENT_SECRET = 'sandbox-secret'; NOMOS_ENROLLMENT_API_KEY = 'sandbox-enrollment-key' }
    foreach ($name in $environment.Keys) { [Environment]::SetEnvironmentVariable($name, $environment[$name]) }

    # The sandbox's full data set, so the ids the documentation names exist on the server too.
    function Start-DocumentationServer { Start-SandboxServer -Orders 2600 -Enrollments 5200 -ClientId 'my-client-id' }

    function New-DocumentationSession([string] $Name, $Server, [string] $Prelude = '') {
        $folder = Join-Path $TestDrive $Name
        $null = New-Item -ItemType Directory -Path $folder
        # The README imports ./out/NomosMeters/NomosMeters.psd1 from the repository root.
        $linkType = if ($IsWindows) { 'Junction' } else { 'SymbolicLink' }
        $null = New-Item -ItemType $linkType -Path (Join-Path $folder 'out') -Target (Join-Path (Get-RepoRoot) 'out')
        Set-Content -LiteralPath (Join-Path $folder 'meter-ids.txt') -Value $meterIds
        Set-Content -LiteralPath (Join-Path $folder 'order-ids.txt') -Value $orderIds
        Set-Content -LiteralPath (Join-Path $folder 'subscriptions.txt') -Value $freeSubscriptions
        $meterIds | ForEach-Object { [pscustomobject]@{ MeterId = $_; Site = 'North depot' } } | Export-Csv -LiteralPath (Join-Path $folder 'sites.csv')
        $meterIds | ForEach-Object { [pscustomobject]@{ MeterId = $_ } } | Export-Csv -LiteralPath (Join-Path $folder 'meters.csv')
        # Readings of yesterday, as a customer-report import has them (the day before today is past in Europe/Berlin too).
        $yesterday = [datetime]::UtcNow.AddDays(-1).ToString('yyyy-MM-dd')
        $freeSubscriptions | ForEach-Object { [pscustomobject]@{ Subscription = $_; Value = '14520.5'; Timestamp = $yesterday; Message = 'Read by the tenant' } } |
            Export-Csv -LiteralPath (Join-Path $folder 'readings.csv')
        foreach ($file in 'new-customers.csv', 'subscriptions.csv') {
            $freeSubscriptions | ForEach-Object { [pscustomobject]@{ Subscription = $_; Name = 'New customer' } } | Export-Csv -LiteralPath (Join-Path $folder $file)
        }
        $setup = @"
`$PSDefaultParameterValues['Connect-Nomos:BaseUri'] = '$($Server.BaseUri)'
`$PSDefaultParameterValues['Connect-Nomos:EnrollmentBaseUri'] = '$($Server.BaseUri)'
function Read-Host { param([Parameter(Position = 0)] `$Prompt, [switch] `$AsSecureString)
    `$value = if ("`$Prompt" -match 'key') { 'sandbox-enrollment-key' } else { 'sandbox-secret' }
    ConvertTo-SecureString `$value -AsPlainText -Force }
function Get-Credential { [pscredential]::new('my-client-id', (ConvertTo-SecureString 'sandbox-secret' -AsPlainText -Force)) }
function Get-Secret { param([Parameter(Position = 0)] [string] `$Name) if (`$Name -match 'Key') { Read-Host 'key' -AsSecureString } else { Get-Credential } }
`$key = Read-Host 'API key' -AsSecureString
`$cred = Get-Credential
`$id = '$($meterIds[0])'
`$ids = '$($orderIds -join "', '")'
$Prelude
"@
        [pscustomobject]@{ Folder = $folder; Runspace = (New-ExampleRunspace -WorkingDirectory $folder -Prelude $setup) }
    }

    function Assert-ExampleRuns($Session, [string] $Code) {
        # A script file is saved where it says, as a user saves it, for the examples after it to run.
        $file = Get-ExampleScriptFile $Code
        if ($file) {
            $path = Join-Path $Session.Folder $file
            $null = New-Item -ItemType Directory -Force -Path (Split-Path -Parent $path)
            Set-Content -LiteralPath $path -Value $Code
            return
        }
        foreach ($statement in Split-ExampleStatement $Code) {
            if ($notRun.ContainsKey($statement)) { continue }
            $result = Invoke-ExampleStatement -Runspace $Session.Runspace -Statement $statement
            $errors = @($result.Errors | ForEach-Object { "$($_.FullyQualifiedErrorId): $_" })
            $expected = $expectedErrors[$statement]
            if ($expected) {
                $errors | Should -Not -BeNullOrEmpty -Because "the documentation shows this failing with $expected`: $statement"
                $result.Errors | ForEach-Object { $_.FullyQualifiedErrorId | Should -BeLike "$expected,*" }
            }
            else {
                $errors | Should -BeNullOrEmpty -Because "this documented statement must succeed: $statement"
            }
        }
    }
}

AfterAll {
    foreach ($name in $environment.Keys) { [Environment]::SetEnvironmentVariable($name, $null) }
    Disconnect-Nomos -ErrorAction SilentlyContinue
}

Describe 'README.md, in order, as one session' {
    BeforeAll { $server = Start-DocumentationServer; $session = New-DocumentationSession 'readme' $server }
    AfterAll { $session.Runspace.Dispose(); Stop-SandboxServer $server }

    It '<Name> runs' -ForEach $readme {
        Assert-ExampleRuns $session $Code
    }

    It 'the README''s first command builds the module and runs the demo in a child pwsh' -Tag Slow {
        $command = (Get-ReadmeExample | Select-Object -First 1).Code -split "`n" | Select-Object -First 1
        $command | Should -BeLike 'dotnet tool restore && dotnet pwsh ./build.ps1 -Task Demo*'
        $child = Invoke-ChildPowerShell -Script $command -TimeoutSec 300
        $child.Error | Should -BeNullOrEmpty
        $child.ExitCode | Should -Be 0
        $child.Output | Should -Contain 'Meter orders by status (every page, streamed):'
        ($child.Output | Where-Object { $_ -like '"prdo_*' }) | Should -HaveCount 3
    }
}

Describe 'about_NomosMeters, in order, as one session' {
    BeforeAll { $server = Start-DocumentationServer; $session = New-DocumentationSession 'about' $server }
    AfterAll { $session.Runspace.Dispose(); Stop-SandboxServer $server }

    It 'has code examples to run' {
        @(Get-AboutExample).Count | Should -BeGreaterThan 5
    }

    It '<Name> runs' -ForEach $about {
        Assert-ExampleRuns $session $Code
    }
}

Describe 'Get-Help <cmdlet> -Examples, each on its own' {
    # Each example starts from the sandbox, as the help says, in a fresh runspace and folder.
    BeforeAll { $server = Start-DocumentationServer }
    AfterAll { Stop-SandboxServer $server }

    It 'every cmdlet has examples' {
        foreach ($command in Get-Command -Module NomosMeters -CommandType Cmdlet) {
            @((Get-Help $command.Name).examples.example).Count | Should -BeGreaterOrEqual 1 -Because "$($command.Name) needs an example"
        }
    }

    It '<Name> runs' -ForEach $help {
        $session = New-DocumentationSession ('help-' + [guid]::NewGuid().ToString('n')) $server -Prelude 'Import-Module NomosMeters; Connect-Nomos -Sandbox'
        try { Assert-ExampleRuns $session $Code } finally { $session.Runspace.Dispose() }
    }
}
