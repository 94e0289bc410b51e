BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-Module (Get-ModuleManifest)
    $free = 'sub_4k2m9x7q1w8e5r3t6y0u2i4o'   # the free subscription the README and the help use
}

AfterAll {
    Disconnect-Nomos -ErrorAction SilentlyContinue
}

Describe 'The sandbox timeline ends today' {
    BeforeAll {
        Connect-Nomos -Sandbox
    }

    It 'finds meters changed since yesterday, none of them changed in the future' {
        $changed = Search-MeterEnrollment -ModifiedAfter (Get-Date).AddDays(-1)

        $changed | Should -Not -BeNullOrEmpty
        $now = [datetimeoffset]::UtcNow
        foreach ($meter in $changed) {
            $meter.UpdatedAt | Should -BeLessOrEqual $now
            $meter.UpdatedAt | Should -BeGreaterThan $now.AddDays(-1).AddMinutes(-1)
        }
    }

    It 'has orders created since yesterday, first in the list' {
        $recent = Get-MeterOrder | Where-Object CreatedAt -gt (Get-Date).AddDays(-1)

        $recent | Should -Not -BeNullOrEmpty
        $recent.Id | Should -Be (Get-MeterOrder -First $recent.Count).Id
        $recent | ForEach-Object { $_.CreatedAt | Should -BeLessOrEqual ([datetimeoffset]::UtcNow) }
    }

    It 'has appointments in the next seven days' {
        $now = [datetimeoffset]::UtcNow
        $nextWeek = $now.AddDays(7)

        Get-MeterOrder -Status scheduled |
            Where-Object { $_.AppointmentAt -gt $now -and $_.AppointmentAt -lt $nextWeek } |
            Should -Not -BeNullOrEmpty
    }
}

Describe 'Ordering in the sandbox' {
    BeforeEach {
        Connect-Nomos -Sandbox
    }

    It 'lists the documented subscription as free, orders it and finds the order by subscription' {
        (Get-NomosContext).FreeSubscriptions | Should -Contain $free

        $order = New-MeterOrder -Subscription $free -Confirm:$false

        $order.Status | Should -Be 'created'
        (Get-MeterOrder -Subscription $free).Id | Should -Be $order.Id
        (Get-NomosContext).FreeSubscriptions | Should -Not -Contain $free
    }

    It 'refuses a second order for it with NomosMeters.DuplicateMeterOrder' {
        $null = New-MeterOrder -Subscription $free -Confirm:$false

        { New-MeterOrder -Subscription $free -Confirm:$false -ErrorAction Stop } |
            Should -Throw -ErrorId 'NomosMeters.DuplicateMeterOrder,NomosMeters.Commands.NewMeterOrderCommand'
    }

    It 'starts every Connect-Nomos -Sandbox with the subscription free again' {
        $null = New-MeterOrder -Subscription $free -Confirm:$false
        Connect-Nomos -Sandbox

        (Get-NomosContext).FreeSubscriptions | Should -Contain $free
        $again = New-MeterOrder -Subscription $free -Confirm:$false -ErrorAction Stop

        $again.Subscription | Should -Be $free
        Get-MeterOrder -Subscription $free | Should -HaveCount 1
    }

    It 'orders the free subscriptions from a CSV made as the README makes it' {
        $csv = Join-Path $TestDrive 'new-customers.csv'
        (Get-NomosContext).FreeSubscriptions | Select-Object @{ Name = 'Subscription'; Expression = { $_ } } |
            Export-Csv $csv -NoTypeInformation

        $orders = Import-Csv $csv | New-MeterOrder -Confirm:$false

        $orders | Should -HaveCount 5
        $orders[0].Subscription | Should -Be $free
        (Get-NomosContext).FreeSubscriptions | Should -BeNullOrEmpty
    }
}
