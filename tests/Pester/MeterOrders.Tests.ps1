BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-Module (Get-ModuleManifest)
    $server = Start-SandboxServer -Orders 250 -Enrollments 10
    $secret = ConvertTo-SecureString 'sandbox-secret' -AsPlainText -Force
    $connection = Connect-Nomos -ClientId 'sandbox-client' -ClientSecret $secret -BaseUri $server.BaseUri -PassThru
}

AfterAll {
    Disconnect-Nomos -ErrorAction SilentlyContinue
    Stop-SandboxServer $server
}

Describe 'Get-MeterOrder lists' {
    It 'streams every page: all 250 orders, each once, newest first' {
        $orders = Get-MeterOrder -Connection $connection -PageSize 40
        $orders | Should -HaveCount 250
        ($orders.Id | Sort-Object -Unique) | Should -HaveCount 250
        $created = $orders.CreatedAt
        for ($i = 1; $i -lt $created.Count; $i++) { $created[$i] | Should -BeLessOrEqual $created[$i - 1] }
    }

    It 'filters on the server: every order has one of the statuses asked for' {
        $all = Get-MeterOrder -Connection $connection
        $expected = @($all | Where-Object Status -in 'scheduled', 'installed')
        $expected.Count | Should -BeGreaterThan 0
        $filtered = Get-MeterOrder -Connection $connection -Status scheduled, installed
        $filtered.Id | Should -Be $expected.Id
    }

    It 'stops paging when Select-Object -First has what it needs' {
        Reset-SandboxServerStats $server
        $first = Get-MeterOrder -Connection $connection -PageSize 10 | Select-Object -First 3
        $first | Should -HaveCount 3
        # One page answers the three; at most the one page fetched ahead follows it, never the 25 pages of the list.
        Get-SandboxServerRequestCount $server | Should -BeLessOrEqual 2
    }

    It '-First requests no more than it needs' {
        Reset-SandboxServerStats $server
        Get-MeterOrder -Connection $connection -First 5 | Should -HaveCount 5
        Get-SandboxServerRequestCount $server | Should -Be 1
    }

    It 'groups and sorts like any objects' {
        $groups = Get-MeterOrder -Connection $connection | Group-Object Status
        ($groups | Measure-Object Count -Sum).Sum | Should -Be 250
        $groups.Name | Should -Not -Contain ''
        $oldest = Get-MeterOrder -Connection $connection | Sort-Object CreatedAt | Select-Object -First 1
        $oldest.CreatedAt | Should -Be ((Get-MeterOrder -Connection $connection).CreatedAt | Sort-Object | Select-Object -First 1)
    }
}

Describe 'Get-MeterOrder by id from the pipeline' {
    BeforeAll {
        $some = Get-MeterOrder -Connection $connection -First 4
    }

    It 'takes ids by value' {
        $found = $some.Id | Get-MeterOrder -Connection $connection
        $found.Id | Should -Be $some.Id
    }

    It 'takes orders (and any object with an Id) by property name' {
        ($some | Get-MeterOrder -Connection $connection).Id | Should -Be $some.Id
        ([pscustomobject]@{ Id = $some[0].Id } | Get-MeterOrder -Connection $connection).Id | Should -Be $some[0].Id
    }

    It 'reports an unknown id as a non-terminating NotFound error in $Error, and the rest go on' {
        $Error.Clear()
        $found = $some[0].Id, 'prdo_unknown', $some[1].Id | Get-MeterOrder -Connection $connection -ErrorAction SilentlyContinue
        $found.Id | Should -Be $some[0].Id, $some[1].Id
        $Error | Should -HaveCount 1
        $Error[0].FullyQualifiedErrorId | Should -Be 'NomosMeters.NotFound,NomosMeters.Commands.GetMeterOrderCommand'
        $Error[0].TargetObject | Should -Be 'prdo_unknown'
        $Error[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $Error[0].Exception.RequestId | Should -Not -BeNullOrEmpty
    }

    It 'stops a script at an unknown id with -ErrorAction Stop' {
        { Get-MeterOrder -Connection $connection -Id 'prdo_unknown' -ErrorAction Stop } |
            Should -Throw -ErrorId 'NomosMeters.NotFound,NomosMeters.Commands.GetMeterOrderCommand'
    }

    It 'round-trips through Export-Csv and Import-Csv back into Get-MeterOrder' {
        $file = Join-Path $TestDrive 'orders.csv'
        $some | Export-Csv -LiteralPath $file -NoTypeInformation
        $again = Import-Csv -LiteralPath $file | Get-MeterOrder -Connection $connection
        $again.Id | Should -Be $some.Id
        $again[0].CreatedAt | Should -Be $some[0].CreatedAt
    }
}

Describe 'New-MeterOrder' {
    It 'shows what it would order with -WhatIf and sends nothing' {
        Reset-SandboxServerStats $server
        'sub_4k2m9x7q1w8e5r3t6y0u2i4o' | New-MeterOrder -Connection $connection -WhatIf | Should -BeNullOrEmpty
        Get-SandboxServerRequestCount $server | Should -Be 0
        # The "What if:" line goes to the host, not to a stream: a child pwsh shows what the user reads.
        $child = Invoke-ChildPowerShell -Script "Import-Module '$(Get-ModuleManifest)'; Connect-Nomos -Sandbox; 'sub_4k2m9x7q1w8e5r3t6y0u2i4o' | New-MeterOrder -WhatIf"
        $child.ExitCode | Should -Be 0
        $child.Output | Should -Contain 'What if: Performing the operation "Order a smart meter" on target "subscription sub_4k2m9x7q1w8e5r3t6y0u2i4o".'
    }

    It 'reports a subscription that has its order already as NomosMeters.DuplicateMeterOrder and goes on' {
        $taken = Get-MeterOrder -Connection $connection -First 2
        $Error.Clear()
        $created = $taken.Subscription | New-MeterOrder -Connection $connection -Confirm:$false -ErrorAction SilentlyContinue
        $created | Should -BeNullOrEmpty
        $Error | Should -HaveCount 2
        $Error | ForEach-Object { $_.FullyQualifiedErrorId | Should -Be 'NomosMeters.DuplicateMeterOrder,NomosMeters.Commands.NewMeterOrderCommand' }
        ($Error.TargetObject | Sort-Object) | Should -Be ($taken.Subscription | Sort-Object)
    }
}
