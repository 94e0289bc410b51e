BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    # Imported by path, as a script that ships the module beside itself does.
    Import-Module (Get-ModuleManifest)
}

AfterAll { Disconnect-Nomos -ErrorAction SilentlyContinue }

Describe 'A connection shared across runspaces' {
    It 'serves ForEach-Object -Parallel with -Connection $using:conn, as the README shows' {
        $conn = Connect-Nomos -Sandbox -PassThru
        $ids = (Get-MeterOrder -First 12 -Connection $conn).Id
        $found = $ids | ForEach-Object -Parallel { Get-MeterOrder -Id $_ -Connection $using:conn } -ThrottleLimit 8
        ($found.Id | Sort-Object) | Should -Be ($ids | Sort-Object)
    }

    It 'serves Start-ThreadJob' {
        $conn = Connect-Nomos -Sandbox -PassThru
        $job = Start-ThreadJob { Get-MeterOrder -First 3 -Connection $using:conn }
        $orders = $job | Receive-Job -Wait -AutoRemoveJob
        $orders | Should -HaveCount 3
    }
}

Describe 'Errors a runbook can act on' {
    It 'keeps a non-terminating error per bad id in -ErrorVariable and writes the rest' {
        Connect-Nomos -Sandbox
        $good = (Get-MeterOrder -First 2).Id
        $found = 'prdo_missing1', $good[0], 'prdo_missing2', $good[1] | Get-MeterOrder -ErrorVariable failures -ErrorAction SilentlyContinue
        $found.Id | Should -Be $good
        $failures | Should -HaveCount 2
        $failures.TargetObject | Should -Be 'prdo_missing1', 'prdo_missing2'
        $failures | ForEach-Object { $_.FullyQualifiedErrorId | Should -BeLike 'NomosMeters.NotFound,*' }
    }

    It 'says which service is not connected and exactly how to connect it' {
        Disconnect-Nomos -ErrorAction SilentlyContinue
        { Get-MeterOrder -First 1 -ErrorAction Stop } | Should -Throw -ErrorId 'NomosMeters.NotConnected,NomosMeters.Commands.GetMeterOrderCommand'
        $Error[0].ErrorDetails.Message | Should -Be 'Not connected to the Nomos API.'
        $Error[0].ErrorDetails.RecommendedAction | Should -BeLike '*-ClientId*NOMOS_CLIENT_ID*Connect-Nomos -Sandbox*'

        { Search-MeterEnrollment -First 1 -ErrorAction Stop } | Should -Throw -ErrorId 'NomosMeters.NotConnected,NomosMeters.Commands.SearchMeterEnrollmentCommand'
        $Error[0].ErrorDetails.Message | Should -Be 'Not connected to the meter enrollment API.'
        $Error[0].ErrorDetails.RecommendedAction | Should -BeLike '*-EnrollmentApiKey*NOMOS_ENROLLMENT_API_KEY*Connect-Nomos -Sandbox*'
    }

    It 'rejects a value outside a parameter''s set before any request, naming the parameter' {
        Connect-Nomos -Sandbox
        { Get-MeterOrder -Status shipped } | Should -Throw -ErrorId 'ParameterArgumentValidationError,NomosMeters.Commands.GetMeterOrderCommand'
    }
}

Describe 'Tracing in automation' {
    BeforeAll { $server = Start-SandboxServer -Orders 20 -Enrollments 5 }
    AfterAll { Stop-SandboxServer $server }

    It 'writes full traces under pwsh -NonInteractive with $DebugPreference, the token and the secret redacted' {
        $trace = Join-Path $TestDrive 'trace.log'
        $script = @"
Import-Module '$(Get-ModuleManifest)'
Connect-Nomos -ClientId sandbox-client -ClientSecret (ConvertTo-SecureString sandbox-secret -AsPlainText -Force) -BaseUri '$($server.BaseUri)'
`$DebugPreference = 'Continue'
Get-MeterOrder -First 2 5> '$trace' | Measure-Object | ForEach-Object Count
"@
        $child = Invoke-ChildPowerShell -Script $script
        $child.Error | Should -BeNullOrEmpty
        $child.ExitCode | Should -Be 0
        $child.Output | Should -Contain '2'
        $text = Get-Content -Raw -LiteralPath $trace
        $text | Should -Match '>> GET http://127\.0\.0\.1:\d+/meter-orders\?limit=2'
        $text | Should -Match 'Authorization: Bearer \[redacted\]'
        $text | Should -Match '"id":"prdo_'
        $text | Should -Not -Match 'Bearer (?!\[redacted\])'
        $text | Should -Not -Match 'sandbox-secret'
    }
}

Describe 'Bulk lookups at the rate limit' -Tag Slow {
    It 'get no 429 from a server that allows the rate in any rolling second, and take at most 10% more than the rate allows' {
        # The server runs in a process of its own, as the real API does: its clock is not this process's.
        $server = Start-SandboxServer -Orders 100 -Enrollments 5
        try {
            $null = Invoke-RestMethod -Method Post -Uri ([Uri]::new($server.BaseUri, '/_config?latency_ms=0&rate_limit=0&window_limit=10'))
            Connect-Nomos -ClientId 'sandbox-client' -ClientSecret (ConvertTo-SecureString 'sandbox-secret' -AsPlainText -Force) -BaseUri $server.BaseUri
            (Get-NomosContext).RateLimit | Should -Be 10
            $ids = @(Get-MeterOrder -First 60).Id
            Start-Sleep -Seconds 1.2
            Reset-SandboxServerStats $server

            $watch = [Diagnostics.Stopwatch]::StartNew()
            $found = $ids | Get-MeterOrder
            $watch.Stop()

            $found | Should -HaveCount 60
            (Invoke-RestMethod -Uri ([Uri]::new($server.BaseUri, '/_stats'))).throttled | Should -Be 0
            # 60 lookups at 10 per second: 6 s; the margin under the limit costs 5% of it.
            $watch.Elapsed.TotalSeconds | Should -BeLessOrEqual (6 * 1.1)
        }
        finally { Stop-SandboxServer $server }
    }

    It 'keep as many lookups in flight as NOMOS_THROTTLE_LIMIT says, 300 ms from the server, and write them in input order' {
        $server = Start-SandboxServer -Orders 100 -Enrollments 5
        $env:NOMOS_THROTTLE_LIMIT = '6'
        try {
            $null = Invoke-RestMethod -Method Post -Uri ([Uri]::new($server.BaseUri, '/_config?latency_ms=300&rate_limit=0&window_limit=0'))
            Connect-Nomos -ClientId 'sandbox-client' -ClientSecret (ConvertTo-SecureString 'sandbox-secret' -AsPlainText -Force) -BaseUri $server.BaseUri -RateLimit 0
            (Get-NomosContext).ThrottleLimit | Should -Be 6
            $ids = @(Get-MeterOrder -First 24).Id
            Reset-SandboxServerStats $server

            $found = $ids | Get-MeterOrder

            $found.Id | Should -Be $ids
            $stats = Invoke-RestMethod -Uri ([Uri]::new($server.BaseUri, '/_stats'))
            $stats.api_requests | Should -Be 24
            $stats.peak_in_flight | Should -Be 6
        }
        finally {
            Remove-Item Env:NOMOS_THROTTLE_LIMIT -ErrorAction SilentlyContinue
            Stop-SandboxServer $server
        }
    }
}
