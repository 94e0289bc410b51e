BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-Module (Get-ModuleManifest)
    $server = Start-SandboxServer -Orders 250 -Enrollments 600
    $secret = ConvertTo-SecureString 'sandbox-secret' -AsPlainText -Force
    $key = ConvertTo-SecureString 'sandbox-enrollment-key' -AsPlainText -Force
    $connection = Connect-Nomos -ClientId 'sandbox-client' -ClientSecret $secret -BaseUri $server.BaseUri `
        -EnrollmentApiKey $key -EnrollmentBaseUri $server.BaseUri -RateLimit 0 -PassThru
    $search = '/v2/meters/enrollments/search'
}

AfterAll {
    Disconnect-Nomos -ErrorAction SilentlyContinue
    Stop-SandboxServer $server
}

Describe 'Invoke-NomosRequest reads the Nomos API' {
    It 'gets one meter order with the API''s own field names, the same order Get-MeterOrder gets' {
        $typed = Get-MeterOrder -First 1 -Connection $connection
        $raw = Invoke-NomosRequest "/meter-orders/$($typed.Id)" -Connection $connection
        $raw | Should -BeOfType [pscustomobject]
        $raw.id | Should -Be $typed.Id
        $raw.status | Should -Be $typed.Status
        $raw.subscription | Should -Be $typed.Subscription
        # Dates stay the API's strings, in Windows PowerShell 5.1 and PowerShell 7 alike.
        $raw.created_at | Should -BeOfType [string]
        [datetimeoffset]$raw.created_at | Should -Be $typed.CreatedAt
    }

    It 'without -All writes the list page as the API answers it' {
        $page = Invoke-NomosRequest /meter-orders -Query @{ limit = 3 } -Connection $connection
        $page.object | Should -Be 'list'
        $page.items | Should -HaveCount 3
        $page.has_more | Should -BeTrue
        $page.next_page | Should -Not -BeNullOrEmpty
    }

    It '-All reads every page: the same 250 orders as Get-MeterOrder, in the same order' {
        Reset-SandboxServerStats $server
        $raw = Invoke-NomosRequest /meter-orders -All -Connection $connection
        $raw | Should -HaveCount 250
        $raw.id | Should -Be (Get-MeterOrder -Connection $connection).Id
        # 100 a page: three pages for the raw list, three for the typed one.
        Get-SandboxServerRequestCount $server | Should -Be 6
    }

    It '-All filters on the server with the query as given' {
        $expected = @(Get-MeterOrder -Status scheduled, installed -Connection $connection)
        $raw = Invoke-NomosRequest /meter-orders -Query @{ 'filter[status][in]' = 'scheduled,installed' } -All -Connection $connection
        $raw.id | Should -Be $expected.Id
        $nested = Invoke-NomosRequest /meter-orders -Query @{ filter = @{ status = @{ in = 'scheduled,installed' } } } -All -Connection $connection
        $nested.id | Should -Be $expected.Id
    }

    It '-All -First 5 costs one request for five, and Select-Object -First 1 stops the paging' {
        Reset-SandboxServerStats $server
        Invoke-NomosRequest /meter-orders -All -First 5 -Connection $connection | Should -HaveCount 5
        Get-SandboxServerRequestCount $server | Should -Be 1

        Reset-SandboxServerStats $server
        Invoke-NomosRequest /meter-orders -Query @{ limit = 10 } -All -Connection $connection | Select-Object -First 1 | Should -HaveCount 1
        Get-SandboxServerRequestCount $server | Should -BeLessOrEqual 2
    }

    It '-Skip and -First take the same slice as from the typed list' {
        $raw = Invoke-NomosRequest /meter-orders -All -Skip 120 -First 30 -Connection $connection
        $raw.id | Should -Be (Get-MeterOrder -Skip 120 -First 30 -Connection $connection).Id
    }

    It 'exports to CSV and back' {
        $file = Join-Path $TestDrive 'orders.csv'
        Invoke-NomosRequest /meter-orders -All -First 20 -Connection $connection | Export-Csv $file -NoTypeInformation
        (Import-Csv $file).id | Should -Be (Get-MeterOrder -First 20 -Connection $connection).Id
    }
}

Describe 'Invoke-NomosRequest output forms' {
    It '-OutputType Json is the text ConvertFrom-Json reads back' {
        $json = Invoke-NomosRequest /meter-orders -Query @{ limit = 2 } -OutputType Json -Connection $connection
        $json | Should -BeOfType [string]
        ($json | ConvertFrom-Json).items.id | Should -Be (Get-MeterOrder -First 2 -Connection $connection).Id
    }

    It '-OutputType Hashtable keeps the API''s order of keys' {
        $order = Invoke-NomosRequest /meter-orders -All -First 1 -OutputType Hashtable -Connection $connection
        $order | Should -BeOfType [System.Collections.Specialized.OrderedDictionary]
        @($order.Keys)[0..2] | Should -Be 'object', 'id', 'subscription'
    }

    It 'objects convert back to JSON with the values the API sent' {
        $raw = Invoke-NomosRequest /meter-orders -All -First 1 -Connection $connection
        $json = $raw | ConvertTo-Json
        $json | Should -Match ([regex]::Escape("`"id`": `"$($raw.id)`""))
        $json | Should -Match ([regex]::Escape("`"created_at`": `"$($raw.created_at)`""))
    }
}

Describe 'Invoke-NomosRequest on the enrollment API' {
    It '-All follows the search''s page tokens: the same 600 meters as Search-MeterEnrollment' {
        Reset-SandboxServerStats $server
        $raw = Invoke-NomosRequest -Api Enrollment -Method POST $search -All -Connection $connection
        $raw | Should -HaveCount 600
        $raw.meter_id | Should -Be (Search-MeterEnrollment -Connection $connection).MeterId.Guid
        Get-SandboxServerRequestCount $server | Should -Be 4
    }

    It 'keeps the search''s filters on every page' {
        $expected = @(Search-MeterEnrollment -TransmissionRegion CAISO -PageSize 20 -Connection $connection)
        $expected.Count | Should -BeGreaterThan 20
        $raw = Invoke-NomosRequest -Api Enrollment -Method POST $search -Body @{ transmission_region = 'CAISO'; page_size = 20 } -All -Connection $connection
        $raw.meter_id | Should -Be $expected.MeterId.Guid
    }

    It '-First 3 asks for a page of three' {
        Reset-SandboxServerStats $server
        Invoke-NomosRequest -Api Enrollment -Method POST $search -Body '{"exclude_archived": true}' -All -First 3 -Connection $connection | Should -HaveCount 3
        Get-SandboxServerRequestCount $server | Should -Be 1
    }

    It 'gets one meter''s enrollments' {
        $meter = Search-MeterEnrollment -First 1 -Connection $connection
        (Invoke-NomosRequest -Api Enrollment "/v2/meters/$($meter.MeterId)/enrollments" -Connection $connection).meter_id | Should -Be $meter.MeterId.Guid
    }
}

Describe 'Invoke-NomosRequest errors and writes' {
    It 'an unknown path gets the API''s own 404, as the same error record as everywhere' {
        $Error.Clear()
        Invoke-NomosRequest /customers/cus_3r7t1y5u9i2o6p0a4s8d1f5g -Connection $connection -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $Error[0].FullyQualifiedErrorId | Should -Be 'NomosMeters.NotFound,NomosMeters.Commands.InvokeNomosRequestCommand'
        $Error[0].TargetObject | Should -Be '/customers/cus_3r7t1y5u9i2o6p0a4s8d1f5g'
        $Error[0].Exception.Service | Should -Be 'Nomos'
        $Error[0].Exception.RequestId | Should -Not -BeNullOrEmpty
        Invoke-NomosRequest -Api Enrollment /v2/not-a-resource -Connection $connection -ErrorAction SilentlyContinue
        $Error[0].FullyQualifiedErrorId | Should -Be 'NomosMeters.NotFound,NomosMeters.Commands.InvokeNomosRequestCommand'
        $Error[0].Exception.Service | Should -Be 'Enrollment'
    }

    It 'a path that would leave the API is refused and nothing is sent' {
        Reset-SandboxServerStats $server
        $Error.Clear()
        'https://example.com/x', '/meter-orders/../x', '/a/%2e%2e/x' | Invoke-NomosRequest -Connection $connection -ErrorAction SilentlyContinue
        @($Error).Count | Should -Be 3
        $Error | ForEach-Object { $_.FullyQualifiedErrorId | Should -Be 'NomosMeters.InvalidPath,NomosMeters.Commands.InvokeNomosRequestCommand' }
        Get-SandboxServerRequestCount $server | Should -Be 0
    }

    It '-WhatIf sends no POST; without it the POST creates the order, and a second is the API''s duplicate error' {
        $subscription = 'sub_7h3j5l1n9b2v4c6x8z0a1s3d'
        Reset-SandboxServerStats $server
        Invoke-NomosRequest -Method POST /meter-orders -Body @{ subscription = $subscription } -WhatIf -Connection $connection | Should -BeNullOrEmpty
        Get-SandboxServerRequestCount $server | Should -Be 0

        $created = Invoke-NomosRequest -Method POST /meter-orders -Body @{ subscription = $subscription } -Confirm:$false -Connection $connection
        $created.status | Should -Be 'created'
        (Get-MeterOrder -Subscription $subscription -Connection $connection).Id | Should -Be $created.id

        $Error.Clear()
        Invoke-NomosRequest -Method POST /meter-orders -Body @{ subscription = $subscription } -Confirm:$false -Connection $connection -ErrorAction SilentlyContinue
        $Error[0].FullyQualifiedErrorId | Should -Be 'NomosMeters.DuplicateMeterOrder,NomosMeters.Commands.InvokeNomosRequestCommand'
    }

    It 'a connection without the enrollment API says how to connect it' {
        # Connecting one API keeps the other one of the current connection: there is none once it is closed.
        Disconnect-Nomos
        $nomosOnly = Connect-Nomos -ClientId 'sandbox-client' -ClientSecret $secret -BaseUri $server.BaseUri -PassThru
        try {
            { Invoke-NomosRequest -Api Enrollment -Method POST $search -Connection $nomosOnly } |
                Should -Throw -ErrorId 'NomosMeters.NotConnected,NomosMeters.Commands.InvokeNomosRequestCommand'
        }
        finally { Disconnect-Nomos -Connection $nomosOnly }
    }
}

Describe 'Invoke-NomosRequest with Connect-Nomos -Sandbox' {
    BeforeAll { Connect-Nomos -Sandbox }
    AfterAll { Disconnect-Nomos }

    It 'reaches both APIs of the in-process sandbox with the current connection' {
        Invoke-NomosRequest /meter-orders -All -First 3 | Should -HaveCount 3
        Invoke-NomosRequest -Api Enrollment -Method POST /v2/meters/enrollments/search -All -First 3 | Should -HaveCount 3
    }

    It 'answers a path of the other API with this API''s 404' {
        $Error.Clear()
        Invoke-NomosRequest -Api Enrollment /meter-orders -ErrorAction SilentlyContinue
        $Error[0].Exception.Service | Should -Be 'Enrollment'
        $Error[0].Exception.ApiMessage | Should -Be 'Not found'
        Invoke-NomosRequest -Method POST /v2/meters/enrollments/search -Confirm:$false -ErrorAction SilentlyContinue
        $Error[0].Exception.Service | Should -Be 'Nomos'
        $Error[0].Exception.StatusCode | Should -Be 404
    }
}
