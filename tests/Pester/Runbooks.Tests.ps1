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

    It 'says what to do when no connection exists' {
        Disconnect-Nomos -ErrorAction SilentlyContinue
        { Get-MeterOrder -First 1 -ErrorAction Stop } | Should -Throw '*Connect-Nomos*'
    }

    It 'rejects a value outside a parameter''s set before any request, naming the parameter' {
        Connect-Nomos -Sandbox
        { Get-MeterOrder -Status shipped } | Should -Throw -ErrorId 'ParameterArgumentValidationError,NomosMeters.Commands.GetMeterOrderCommand'
    }
}
