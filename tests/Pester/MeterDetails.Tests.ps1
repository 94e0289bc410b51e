# Meter details as users type them, against the sandbox: every parameter of Search-MeterDetail and Get-MeterDetail,
# enrollments piped into their details, Export-Csv, errors in $Error, and debug traces without personal data.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-Module (Get-ModuleManifest)
    $conn = Connect-Nomos -Sandbox -PassThru
    $shared = 'MeterId', 'PartnerReference', 'TransmissionRegion', 'CustomerClassification', 'MeterType', 'CustomerGroup', 'IsArchived', 'CreatedBy', 'CreatedAt', 'UpdatedAt'

    # The fields a meter's details share with its enrollment, as one comparable text per meter.
    function Get-SharedText($Records) {
        $Records | ForEach-Object {
            $record = $_
            (@($shared | ForEach-Object { "$($record.$_)" }) + "$($record.LoadTypes)" + "$($record.Tags)" + "$($record.ConnectionReferences)") -join '|'
        }
    }
}

AfterAll { Disconnect-Nomos -ErrorAction SilentlyContinue }

Describe 'Search-MeterDetail' {
    It 'with <Name> gives exactly the meters Search-MeterEnrollment gives, with the same records and their details' -ForEach @(
        @{ Name = '-TransmissionRegion'; Filter = @{ TransmissionRegion = 'nyiso' } }
        @{ Name = '-CustomerClassification'; Filter = @{ CustomerClassification = 'COMMERCIAL'; TransmissionRegion = 'CAISO' } }
        @{ Name = '-GlobalEnrollmentStatus'; Filter = @{ GlobalEnrollmentStatus = 'INELIGIBLE', 'Pending'; TransmissionRegion = 'ERCOT' } }
        @{ Name = '-MeterType'; Filter = @{ MeterType = 'DEVICE' } }
        @{ Name = '-LoadType'; Filter = @{ LoadType = 'BATTERY_STORAGE', 'ev_charging'; TransmissionRegion = 'ISONE' } }
        @{ Name = '-CustomerGroup'; Filter = @{ CustomerGroup = 'Fleet' } }
        @{ Name = '-Tag'; Filter = @{ Tag = 'vip', 'solar' } }
        @{ Name = '-PartnerActionRequired'; Filter = @{ PartnerActionRequired = $true; TransmissionRegion = 'PJM' } }
        @{ Name = '-ExcludeArchived'; Filter = @{ ExcludeArchived = $true; TransmissionRegion = 'SERC' } }
        @{ Name = '-ActionType'; Filter = @{ ActionType = 'HAS_NOMINATIONS', 'IS_AUTHORIZED' } }
        @{ Name = '-ModifiedAfter'; Filter = @{ ModifiedAfter = [datetimeoffset]::UtcNow.Date.AddDays(-20) } }
        @{ Name = '-CreatedAfter and -CreatedBefore'; Filter = @{ CreatedAfter = [datetimeoffset]::UtcNow.Date.AddDays(-200); CreatedBefore = [datetimeoffset]::UtcNow.Date.AddDays(-150) } }
        @{ Name = '-PartnerReference'; Filter = @{ PartnerReference = 'site-00001', 'site-00002', 'site-00003' } }
        @{ Name = '-PageSize'; Filter = @{ PageSize = 37; TransmissionRegion = 'WECC_SW' } }
        @{ Name = '-Connection'; Filter = @{ Connection = $null; TransmissionRegion = 'WECC_PC' } }
    ) {
        if ($Filter.ContainsKey('Connection')) { $Filter.Connection = $conn }
        $enrollments = @(Search-MeterEnrollment @Filter)
        $details = @(Search-MeterDetail @Filter)

        $enrollments.Count | Should -BeGreaterThan 0
        $details.Count | Should -Be $enrollments.Count
        Get-SharedText $details | Should -Be (Get-SharedText $enrollments)
        $details | ForEach-Object {
            $_ | Should -BeOfType ([NomosMeters.Models.MeterDetails.MeterDetail])
            $_.Customer.City | Should -Not -BeNullOrEmpty
            $_.Utility.UtilityName | Should -Not -BeNullOrEmpty
        }
    }

    It 'with -ConnectionReferenceId finds the meter of that authorization' {
        $withConnection = Search-MeterEnrollment -First 300 | Where-Object { $_.ConnectionReferences.Count -gt 0 } | Select-Object -First 1
        $found = @(Search-MeterDetail -ConnectionReferenceId $withConnection.ConnectionReferences[0])
        $found.MeterId | Should -Be $withConnection.MeterId
        $found[0].Customer.PartnerCustomerReference | Should -Be $withConnection.ConnectionReferences[0]
    }

    It 'with -MeterId, from the parameter and the pipeline, finds those meters only' {
        $ids = @((Search-MeterEnrollment -TransmissionRegion NYISO -First 4).MeterId)
        (@(Search-MeterDetail -MeterId $ids).MeterId | Sort-Object) | Should -Be ($ids | Sort-Object)
        (@($ids.Guid | Search-MeterDetail).MeterId | Sort-Object) | Should -Be ($ids | Sort-Object)
        @(@() | Search-MeterDetail) | Should -HaveCount 0
    }

    It 'with -First and -Skip writes the slice the paging asks for' {
        $all = @(Search-MeterDetail -TransmissionRegion CAISO -First 12).MeterId
        @(Search-MeterDetail -TransmissionRegion CAISO -Skip 5 -First 7).MeterId | Should -Be $all[5..11]
    }

    It 'refuses what the API would refuse before any request, as Search-MeterEnrollment does' {
        { Search-MeterDetail -TransmissionRegion MARS } | Should -Throw -ErrorId 'ParameterArgumentValidationError,NomosMeters.Commands.SearchMeterDetailCommand'
        { Search-MeterDetail -CreatedAfter 2024-03-01 -CreatedBefore 2024-02-01 } | Should -Throw -ErrorId 'NomosMeters.InvalidDateRange,NomosMeters.Commands.SearchMeterDetailCommand'
        { Search-MeterDetail -ResumeToken 'not-a-token' } | Should -Throw -ErrorId 'NomosMeters.InvalidResumeToken,NomosMeters.Commands.SearchMeterDetailCommand'
    }
}

Describe 'Get-MeterDetail' {
    It 'gets one meter by id, positionally' {
        $id = (Search-MeterEnrollment -First 1).MeterId
        $detail = Get-MeterDetail $id
        $detail.MeterId | Should -Be $id
        "$($detail.Customer.Address)" | Should -Match '^\d+ .+, .+, [A-Z]{2} \d{5}(-\d{4})?, US$'
    }

    It 'gets the details of the enrollments piped into it, by property name, in their order' {
        $enrollments = @(Search-MeterEnrollment -PartnerActionRequired -First 25)
        $details = @($enrollments | Get-MeterDetail)
        $details.MeterId | Should -Be $enrollments.MeterId
        Get-SharedText $details | Should -Be (Get-SharedText $enrollments)
    }

    It 'takes ids by value, strings and GUIDs, and CSV rows by their MeterId column' {
        $ids = @((Search-MeterEnrollment -First 3).MeterId.Guid)
        @($ids | Get-MeterDetail).MeterId.Guid | Should -Be $ids
        $file = Join-Path $TestDrive 'meters.csv'
        $ids | ForEach-Object { [pscustomobject]@{ MeterId = $_; Site = 'North depot' } } | Export-Csv -LiteralPath $file
        @(Import-Csv -LiteralPath $file | Get-MeterDetail -Connection $conn).MeterId.Guid | Should -Be $ids
    }

    It 'reports an unknown id as NomosMeters.NotFound with the id as its target, and the others go on' {
        $known = @((Search-MeterEnrollment -First 2).MeterId)
        $unknown = [guid]'00000000-0000-0000-0000-000000000001'
        $Error.Clear()
        $found = @($known[0], $unknown, $known[1] | Get-MeterDetail -ErrorAction SilentlyContinue)
        $found.MeterId | Should -Be $known
        $Error[0].FullyQualifiedErrorId | Should -Be 'NomosMeters.NotFound,NomosMeters.Commands.GetMeterDetailCommand'
        $Error[0].TargetObject | Should -Be $unknown
        $Error[0].Exception.Message | Should -Be "Meter '$unknown' was not found in the enrollment API."
        Get-MeterDetail -MeterId $unknown -ErrorAction SilentlyContinue -ErrorVariable single
        $single[0].Exception.Message | Should -Be $Error[1].Exception.Message
    }
}

Describe 'Export-Csv of meter details' {
    BeforeAll {
        $details = @(Search-MeterDetail -LoadType BATTERY_STORAGE -First 50)
        $file = Join-Path $TestDrive 'details.csv'
        $culture = [Threading.Thread]::CurrentThread.CurrentCulture
        [Threading.Thread]::CurrentThread.CurrentCulture = 'de-DE'
        try { $details | Export-Csv -LiteralPath $file -NoTypeInformation } finally { [Threading.Thread]::CurrentThread.CurrentCulture = $culture }
        $rows = @(Import-Csv -LiteralPath $file)
    }

    It 'writes the record''s columns, then one column per block' {
        (Get-Content -LiteralPath $file -TotalCount 1) |
            Should -Be '"MeterId","PartnerReference","TransmissionRegion","CustomerClassification","LoadTypes","MeterType","ConnectionReferences","CustomerGroup","Tags","IsArchived","CreatedBy","CreatedAt","UpdatedAt","Customer","Device","Site","Caiso","Isone","Nyiso","Utility"'
    }

    It 'writes each block as one readable cell, numbers and dates the same in any culture, never a type name' {
        $rows | Should -HaveCount 50
        for ($i = 0; $i -lt $rows.Count; $i++) {
            $rows[$i].Customer | Should -Be "$($details[$i].Customer)"
            $rows[$i].Customer | Should -BeLike "$($details[$i].Customer.EndCustomerName)*, $($details[$i].Customer.Street1), *$($details[$i].Customer.City), $($details[$i].Customer.StateOrProvinceCode) $($details[$i].Customer.PostalCode), US"
            $rows[$i].Device | Should -BeLike '*DeviceType=BATTERY; *'
            $rows[$i].Device | Should -Match "BatteryPowerCapacityKw=$([regex]::Escape($details[$i].Device.BatteryPowerCapacityKw.ToString([cultureinfo]::InvariantCulture)));"
            $rows[$i].Device | Should -Match 'InstallDate=\d{4}-\d\d-\d\d;'
            $rows[$i].Site | Should -BeLike '*SiteDevices=*BATTERY *'
        }
        Get-Content -LiteralPath $file -Raw | Should -Not -Match 'System\.|NomosMeters\.'
    }

    It 'gives an address a column of its own with Select-Object' {
        $file = Join-Path $TestDrive 'addresses.csv'
        $details | Select-Object MeterId, @{ Name = 'Address'; Expression = { $_.Customer.Address } } | Export-Csv -LiteralPath $file -NoTypeInformation
        (Import-Csv -LiteralPath $file)[0].Address | Should -Be "$($details[0].Customer.Address)"
    }
}

Describe 'Traces of meter details' {
    BeforeAll {
        $detail = Search-MeterDetail -TransmissionRegion ISONE -First 1
        $personal = $detail.Customer.EndCustomerName, $detail.Customer.EndCustomerEmail, $detail.Customer.EndCustomerPhoneNumber, $detail.Customer.Street1
    }

    It 'leave every body field out of verbose and debug output unless -TracePersonalData asks for it' {
        $log = Join-Path $TestDrive 'trace.log'
        $DebugPreference = 'Continue'
        try {
            Search-MeterDetail -MeterId $detail.MeterId -Verbose 5> $log 4>> $log | Out-Null
            Get-MeterDetail $detail.MeterId -Verbose 5>> $log 4>> $log | Out-Null
            $withheld = Get-Content -LiteralPath $log -Raw
            Get-MeterDetail $detail.MeterId -TracePersonalData 5> $log | Out-Null
            Search-MeterDetail -MeterId $detail.MeterId -TracePersonalData 5>> $log | Out-Null
            $traced = Get-Content -LiteralPath $log -Raw
        }
        finally { $DebugPreference = 'SilentlyContinue' }

        $withheld | Should -Match '<< \[personal data withheld\] \(\d+ characters; -TracePersonalData shows them\)'
        $withheld | Should -Match 'GET /v2/meters/[0-9a-f-]{36} -> 200'
        foreach ($value in $personal) { $withheld | Should -Not -BeLike "*$value*" }
        foreach ($value in $personal) { $traced | Should -BeLike "*$value*" }
    }
}
