BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-Module (Get-ModuleManifest)
    Connect-Nomos -Sandbox
    $isoUtc = '^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,7})?Z$'
}

AfterAll { Disconnect-Nomos -ErrorAction SilentlyContinue }

Describe 'Export-Csv of meter orders' {
    BeforeAll {
        $orders = Get-MeterOrder -First 200
        $file = Join-Path $TestDrive 'orders.csv'
        # A culture whose own date format is not ISO: the file must not depend on it.
        $culture = [Threading.Thread]::CurrentThread.CurrentCulture
        [Threading.Thread]::CurrentThread.CurrentCulture = 'de-DE'
        try { $orders | Export-Csv -LiteralPath $file -NoTypeInformation } finally { [Threading.Thread]::CurrentThread.CurrentCulture = $culture }
        $rows = Import-Csv -LiteralPath $file
    }

    It 'starts with the id, then the API''s field order' {
        (Get-Content -LiteralPath $file -TotalCount 1) |
            Should -Be '"Id","Object","Subscription","Customer","Provider","Status","CreatedAt","InstalledAt","ActivatedAt","CancelledAt","CancelledReason","BlockedAt","BlockedReason","AppointmentAt","IsBlocked"'
    }

    It 'writes every date as ISO 8601 in UTC and an empty cell for no date' {
        $rows | Should -HaveCount 200
        foreach ($row in $rows) {
            $row.CreatedAt | Should -Match $isoUtc
            foreach ($name in 'InstalledAt', 'ActivatedAt', 'CancelledAt', 'BlockedAt', 'AppointmentAt') {
                if ($row.$name) { $row.$name | Should -Match $isoUtc }
            }
        }
        [DateTimeOffset]::Parse($rows[0].CreatedAt, [cultureinfo]::InvariantCulture) | Should -Be $orders[0].CreatedAt
        @($rows | Where-Object InstalledAt).Count | Should -BeGreaterThan 0
        @($rows | Where-Object { -not $_.InstalledAt }).Count | Should -BeGreaterThan 0
    }
}

Describe 'Export-Csv of meter enrollments' {
    BeforeAll {
        $meters = Search-MeterEnrollment -First 100
        $file = Join-Path $TestDrive 'meters.csv'
        $meters | Export-Csv -LiteralPath $file -NoTypeInformation
        $rows = Import-Csv -LiteralPath $file
    }

    It 'starts with the meter id and writes list properties as readable cells' {
        (Get-Content -LiteralPath $file -TotalCount 1) | Should -BeLike '"MeterId","PartnerReference","TransmissionRegion",*'
        $withLoads = $meters | Where-Object { $_.LoadTypes.Count -gt 1 } | Select-Object -First 1
        $row = $rows | Where-Object MeterId -eq $withLoads.MeterId
        $row.LoadTypes | Should -Be ($withLoads.LoadTypes -join ';')
        $row.ProgramEnrollments | Should -Be (($withLoads.ProgramEnrollments | ForEach-Object { "$($_.ProgramIdentifier):$($_.EnrollmentStatus)" }) -join ';')
        Get-Content -LiteralPath $file -Raw | Should -Not -Match 'System\.|NomosMeters\.'
    }

    It 'writes dates as ISO 8601 in UTC' {
        $rows.CreatedAt | ForEach-Object { $_ | Should -Match $isoUtc }
    }
}

Describe 'Dates in PowerShell' {
    It 'are DateTimeOffset values that compare, sort and format' {
        $order = Get-MeterOrder -First 1
        $order.CreatedAt | Should -BeOfType [DateTimeOffset]
        $order.CreatedAt -lt [DateTimeOffset]::UtcNow | Should -BeTrue
        $order.CreatedAt.ToString('yyyy-MM-dd') | Should -Match '^\d{4}-\d{2}-\d{2}$'
        ($order | Get-Member CreatedAt).Definition | Should -BeLike 'System.DateTimeOffset CreatedAt*'
    }
}

Describe 'ConvertTo-Json' {
    It 'writes an order''s fields with ISO dates and nested enrollments as objects' {
        $json = Get-MeterOrder -First 1 | ConvertTo-Json | ConvertFrom-Json
        $json.Id | Should -Match '^prdo_'
        $json.CreatedAt | Should -BeOfType [datetime]
        $text = Get-MeterOrder -First 1 | ConvertTo-Json
        $text | Should -Match '"CreatedAt": "\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(\+00:00|Z)"'

        $meter = Search-MeterEnrollment -First 1 | ConvertTo-Json -Depth 5 | ConvertFrom-Json
        $meter.MeterId | Should -Match '^[0-9a-f-]{36}$'
        $meter.ProgramEnrollments[0].ProgramIdentifier | Should -Not -BeNullOrEmpty
    }
}
