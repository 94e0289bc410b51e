BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-Module (Get-ModuleManifest)
    $server = Start-SandboxServer -Orders 250 -Enrollments 10
    $secret = ConvertTo-SecureString 'sandbox-secret' -AsPlainText -Force
    # No client-side spacing: these tests count requests, not seconds.
    $connection = Connect-Nomos -ClientId 'sandbox-client' -ClientSecret $secret -BaseUri $server.BaseUri -RateLimit 0 -PassThru
    $activated = @(Get-MeterOrder -Connection $connection -Status activated)
    # The longest-activated meters have the most daily readings.
    $longest = @($activated | Sort-Object ActivatedAt | Select-Object -First 3 -ExpandProperty Subscription)

    function Use-Culture([string] $Name, [scriptblock] $Script) {
        $before = [Threading.Thread]::CurrentThread.CurrentCulture
        [Threading.Thread]::CurrentThread.CurrentCulture = $Name
        try { & $Script } finally { [Threading.Thread]::CurrentThread.CurrentCulture = $before }
    }
}

AfterAll {
    Disconnect-Nomos -ErrorAction SilentlyContinue
    Stop-SandboxServer $server
}

Describe 'Get-MeterReading filters' {
    BeforeAll {
        # What client-side filtering of the subscriptions' whole lists gives: the filters on the server must give the same.
        $all = @(Get-MeterReading -Connection $connection -Subscription $longest)
    }

    It 'lists a subscription''s readings newest first, each once' {
        $all.Count | Should -BeGreaterThan 300
        ($all.Id | Sort-Object -Unique) | Should -HaveCount $all.Count
        for ($i = 1; $i -lt $all.Count; $i++) { $all[$i].CreatedAt | Should -BeLessOrEqual $all[$i - 1].CreatedAt }
        $all.Subscription | Sort-Object -Unique | Should -Be ($longest | Sort-Object)
    }

    It '-Type gives exactly the readings of those types' {
        $filtered = @(Get-MeterReading -Connection $connection -Subscription $longest -Type grid_estimation, Customer_Report)
        $expected = @($all | Where-Object Type -in 'grid_estimation', 'customer_report')
        $expected.Count | Should -BeGreaterThan 0
        $filtered.Id | Should -Be $expected.Id
    }

    It '-CreatedAfter and -CreatedBefore give exactly the readings recorded between them, both included' {
        $filtered = @(Get-MeterReading -Connection $connection -Subscription $longest -CreatedAfter $all[60].CreatedAt -CreatedBefore $all[5].CreatedAt.ToString('o'))
        $filtered.Id | Should -Be $all[5..60].Id
    }

    It 'pages: -PageSize 23 asks for every reading once in as many requests as it takes' {
        Reset-SandboxServerStats $server
        $paged = @(Get-MeterReading -Connection $connection -Subscription $longest -PageSize 23)
        $paged.Id | Should -Be $all.Id
        Get-SandboxServerRequestCount $server | Should -Be ([Math]::Ceiling($all.Count / 23))
    }

    It '-First and -Skip take their slice in one small request' {
        Reset-SandboxServerStats $server
        (Get-MeterReading -Connection $connection -Subscription $longest -Skip 10 -First 5).Id | Should -Be $all[10..14].Id
        Get-SandboxServerRequestCount $server | Should -Be 1
    }

    It 'an unknown -Type warns, is sent as given and matches nothing' {
        $found = Get-MeterReading -Connection $connection -Subscription $longest -Type grid_readings -WarningVariable warned -WarningAction SilentlyContinue
        $found | Should -BeNullOrEmpty
        "$warned" | Should -BeLike "-Type 'grid_readings' is not a meter-reading type this module knows*"
    }
}

Describe 'Get-MeterOrder | Get-MeterReading' {
    BeforeAll {
        # Today's grid readings came in shortly after midnight: a day back finds one per activated meter.
        $since = [datetimeoffset]::UtcNow.AddDays(-1)
    }

    It 'looks the subscriptions up 50 a request, each reading once, grouped by batch and newest first within it' {
        $activated.Count | Should -BeGreaterThan 100
        Reset-SandboxServerStats $server
        $batched = @($activated | Get-MeterReading -Connection $connection -Type grid_reading -CreatedAfter $since)
        $requests = Get-SandboxServerRequestCount $server

        # A day of grid readings of 50 meters fits one page: one request per batch.
        $requests | Should -Be ([Math]::Ceiling($activated.Count / 50))
        $expected = for ($start = 0; $start -lt $activated.Count; $start += 50) {
            $batch = $activated[$start..([Math]::Min($start + 49, $activated.Count - 1))]
            $batch | ForEach-Object { Get-MeterReading -Connection $connection -Subscription $_.Subscription -Type grid_reading -CreatedAfter $since } |
                Sort-Object -Property @{ Expression = 'CreatedAt'; Descending = $true }, @{ Expression = { $_.Id }; Descending = $true }
        }
        $batched.Count | Should -BeGreaterThan 50
        $batched.Id | Should -Be @($expected).Id
    }

    It 'looks a repeated subscription up once' {
        Reset-SandboxServerStats $server
        $twice = @(($activated[0..9] + $activated[0..9]) | Get-MeterReading -Connection $connection -CreatedAfter $since)
        Get-SandboxServerRequestCount $server | Should -Be 1
        ($twice.Id | Sort-Object -Unique) | Should -HaveCount $twice.Count
    }

    It 'stops asking once -First has enough' {
        Reset-SandboxServerStats $server
        $activated | Get-MeterReading -Connection $connection -First 3 | Should -HaveCount 3
        Get-SandboxServerRequestCount $server | Should -Be 1
    }

    It 'finds the activated orders with no grid reading in the last 7 days, as the README does' {
        $silent = @(Get-MeterOrder -Connection $connection -Status activated -OutVariable all |
            Get-MeterReading -Connection $connection -Type grid_reading, grid_estimation -CreatedAfter (Get-Date).AddDays(-7) |
            ForEach-Object -Begin { $heard = @{} } -Process { $heard[$_.Subscription] = $true } -End {
                $all | Where-Object { -not $heard.ContainsKey($_.Subscription) } })
        $silent.Count | Should -BeLessThan ($activated.Count / 5)
        foreach ($order in $silent) {
            Get-MeterReading -Connection $connection -Subscription $order.Subscription -Type grid_reading, grid_estimation -CreatedAfter (Get-Date).AddDays(-7) |
                Should -BeNullOrEmpty
        }
        $heardFrom = @($activated | Where-Object Id -notin $silent.Id | Select-Object -First 5)
        foreach ($order in $heardFrom) {
            Get-MeterReading -Connection $connection -Subscription $order.Subscription -Type grid_reading, grid_estimation -CreatedAfter (Get-Date).AddDays(-7) -First 1 |
                Should -Not -BeNullOrEmpty
        }
    }

    It 'round-trips through Export-Csv and Import-Csv back in by the Subscription column' {
        $file = Join-Path $TestDrive 'readings.csv'
        $some = Get-MeterReading -Connection $connection -Subscription $longest[0] -First 3
        $some | Export-Csv -LiteralPath $file -NoTypeInformation
        $again = Import-Csv -LiteralPath $file | Get-MeterReading -Connection $connection -First 3
        $again.Id | Should -Be $some.Id
    }
}

Describe 'New-MeterReading' {
    It 'records the rows of a CSV file as typed under de-DE, and refuses each bad row while the rest go on' {
        $subscription = $longest[0]
        $file = Join-Path $TestDrive 'customer-readings.csv'
        @(
            'Subscription,Value,Timestamp,Message'
            "$subscription,14520.5,2026-11-28T08:00:00+01:00,Read by the tenant"
            "$subscription,`"14520,5`",2026-11-28,"
            "$subscription,0,2026-11-28,"
            "$subscription,14521,28.11.2026,"
            "$subscription,14522.25,2026-11-29,"
        ) | Set-Content -LiteralPath $file
        Reset-SandboxServerStats $server

        $before = [Threading.Thread]::CurrentThread.CurrentCulture
        [Threading.Thread]::CurrentThread.CurrentCulture = 'de-DE'
        try { $recorded = Import-Csv -LiteralPath $file | New-MeterReading -Connection $connection -ErrorVariable failed -ErrorAction SilentlyContinue }
        finally { [Threading.Thread]::CurrentThread.CurrentCulture = $before }

        $recorded | Should -HaveCount 2
        $recorded.Value | Should -Be 14520.5, 14522.25
        $recorded.Day | Should -Be '2026-11-28', '2026-11-29'
        $recorded.Timestamp.UtcDateTime | Should -Be ([datetime]'2026-11-27T23:00:00'), ([datetime]'2026-11-28T23:00:00')
        $recorded.Type | Should -Be 'customer_report', 'customer_report'
        Get-SandboxServerRequestCount $server | Should -Be 2
        $failed | Should -HaveCount 3
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'ParameterArgumentTransformationError,*'
        "$($failed[0])" | Should -BeLike "*'14520,5' is not a number that reads the same on every machine*"
        $failed[1].FullyQualifiedErrorId | Should -Be 'NomosMeters.InvalidMeterReading,NomosMeters.Commands.NewMeterReadingCommand'
        $failed[1].TargetObject.Value | Should -Be '0'
        "$($failed[2])" | Should -BeLike "*'28.11.2026' is not a date or time in ISO 8601*"
        (Get-MeterReading -Connection $connection -Subscription $subscription -Type customer_report -First 2).Id | Should -Be $recorded[1].Id, $recorded[0].Id
    }

    It 're-imports its own Export-Csv under a decimal-comma culture value for value' {
        $file = Join-Path $TestDrive 'exported.csv'
        $source = Get-MeterReading -Connection $connection -Subscription $longest[1] -Type grid_reading -First 5
        Use-Culture 'de-DE' { $source | Export-Csv -LiteralPath $file -NoTypeInformation }
        $rows = Use-Culture 'de-DE' { Import-Csv -LiteralPath $file }
        Reset-SandboxServerStats $server

        $again = Use-Culture 'de-DE' { $rows | Select-Object Subscription, Value, Timestamp | New-MeterReading -Connection $connection }

        $again.Value | Should -Be $source.Value
        $again.Day | Should -Be $source.Day
        Get-SandboxServerRequestCount $server | Should -Be 5
    }

    It 'shows what it would record with -WhatIf and sends nothing' {
        Reset-SandboxServerStats $server
        New-MeterReading -Connection $connection -Subscription $longest[0] -Value 1 -Timestamp 2026-11-28 -WhatIf | Should -BeNullOrEmpty
        Get-SandboxServerRequestCount $server | Should -Be 0
        $child = Invoke-ChildPowerShell -Script "Import-Module '$(Get-ModuleManifest)'; Connect-Nomos -Sandbox; New-MeterReading sub_4k2m9x7q1w8e5r3t6y0u2i4o 14520.5 '2026-11-28T08:00:00+01:00' -WhatIf"
        $child.ExitCode | Should -Be 0
        $child.Output | Should -Contain 'What if: Performing the operation "Record a meter reading of 14520.5 kWh taken at 2026-11-28T07:00:00Z" on target "subscription sub_4k2m9x7q1w8e5r3t6y0u2i4o".'
    }

    It 'reports an unknown subscription as NomosMeters.NotFound that was not recorded, and goes on' {
        $Error.Clear()
        $recorded = 'sub_unknown', $longest[2] | New-MeterReading -Connection $connection -Value 3 -Timestamp ([datetime]::UtcNow.AddDays(-1)) -ErrorAction SilentlyContinue
        $recorded.Subscription | Should -Be $longest[2]
        $Error | Should -HaveCount 1
        $Error[0].FullyQualifiedErrorId | Should -Be 'NomosMeters.NotFound,NomosMeters.Commands.NewMeterReadingCommand'
        $Error[0].ErrorDetails.Message | Should -BeLike '*The reading was not recorded.'
        $Error[0].TargetObject.Subscription | Should -Be 'sub_unknown'
    }
}

Describe 'A meter-reading list that stopped' {
    It 'goes on exactly where it stopped with the command its error shows, although a reading was recorded in between' {
        $first = Start-SandboxServer -Orders 250 -Enrollments 5
        $broken = Connect-Nomos -ClientId 'sandbox-client' -ClientSecret $secret -BaseUri $first.BaseUri -MaximumRetryCount 0 -RateLimit 0 -PassThru
        $written = [Collections.Generic.List[string]]::new()
        $failure = $null
        try {
            Get-MeterReading -Connection $broken -Subscription $longest -PageSize 30 -ErrorAction Stop | ForEach-Object {
                $written.Add($_.Id)
                if ($written.Count -eq 75) { Stop-SandboxServer $first }
            }
        }
        catch { $failure = $_ }
        $failure.FullyQualifiedErrorId | Should -Be 'NomosMeters.ConnectionFailed,NomosMeters.Commands.GetMeterReadingCommand'
        $advice = $failure.ErrorDetails.RecommendedAction
        $command = $advice.Substring($advice.IndexOf(', run: ') + ', run: '.Length)
        $command | Should -BeLike "Get-MeterReading -Subscription '$($longest[0])', '$($longest[1])', '$($longest[2])' -PageSize 30 -Connection `$conn -ResumeToken 'nmr1.*'"

        # The service is back with the same data, and a reading comes in before the script goes on.
        $second = Start-SandboxServer -Orders 250 -Enrollments 5
        try {
            $conn = Connect-Nomos -ClientId 'sandbox-client' -ClientSecret $secret -BaseUri $second.BaseUri -RateLimit 0 -PassThru
            $expected = @(Get-MeterReading -Connection $conn -Subscription $longest).Id
            $new = New-MeterReading -Connection $conn -Subscription $longest[0] -Value 99999 -Timestamp ([datetime]::UtcNow.AddDays(-1))

            $rest = @(& ([scriptblock]::Create($command))).Id
            @($written) + $rest | Should -Be $expected
            $rest | Should -Not -Contain $new.Id
        }
        finally { Stop-SandboxServer $second }
    }
}
