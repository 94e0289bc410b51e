BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-Module (Get-ModuleManifest)
    Connect-Nomos -Sandbox
    $known = @((Search-MeterEnrollment -First 2).MeterId.Guid)
}

AfterAll { Disconnect-Nomos -ErrorAction SilentlyContinue }

Describe 'Input that selects nothing selects nothing' {
    It 'an empty file piped to Search-MeterEnrollment finds no meter (not all of them)' {
        $empty = Join-Path $TestDrive 'empty.txt'
        Set-Content -LiteralPath $empty -Value @()
        @(Get-Content -LiteralPath $empty | Search-MeterEnrollment) | Should -HaveCount 0
    }

    It 'an empty array, piped or given to -MeterId, finds no meter' {
        @(@() | Search-MeterEnrollment) | Should -HaveCount 0
        @(Search-MeterEnrollment -MeterId @()) | Should -HaveCount 0
    }

    It 'input whose values do not bind finds no meter, and each is an error' {
        $Error.Clear()
        @([pscustomobject]@{ Name = 'no MeterId column' } | Search-MeterEnrollment -ErrorAction SilentlyContinue) | Should -HaveCount 0
        @('nope' | Search-MeterEnrollment -GlobalEnrollmentStatus ELIGIBLE -ErrorAction SilentlyContinue) | Should -HaveCount 0
        $Error | Should -HaveCount 2
    }

    It 'without any id input the search is a search of everything that matches' {
        @(Search-MeterEnrollment -First 3) | Should -HaveCount 3
    }

    It 'piped ids still find exactly those meters' {
        (@($known | Search-MeterEnrollment).MeterId.Guid | Sort-Object) | Should -Be ($known | Sort-Object)
    }
}

Describe 'Values that are not ids' {
    It 'a line that is not a GUID is a non-terminating error that names it, and the others are found' {
        $file = Join-Path $TestDrive 'ids.txt'
        Set-Content -LiteralPath $file -Value $known[0], 'not-a-guid', $known[1]
        $Error.Clear()
        $found = Get-Content -LiteralPath $file | Get-MeterEnrollment -ErrorAction SilentlyContinue
        $found.MeterId.Guid | Should -Be $known
        $Error | Should -HaveCount 1
        $Error[0].FullyQualifiedErrorId | Should -BeLike 'ParameterArgumentTransformationError,*GetMeterEnrollmentCommand'
        $Error[0].Exception.Message | Should -BeLike "*'not-a-guid' is not a meter id*"
    }

    It 'an object whose Id is a customer id is not ordered as a subscription' {
        $Error.Clear()
        [pscustomobject]@{ Id = 'cus_05d3blc3fpl1umuwk3axn0be' } | New-MeterOrder -Confirm:$false -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $Error | Should -HaveCount 1
        $Error[0].FullyQualifiedErrorId | Should -Be 'NomosMeters.WrongIdKind,NomosMeters.Commands.NewMeterOrderCommand'
        $Error[0].Exception.Message | Should -Be "'cus_05d3blc3fpl1umuwk3axn0be' is a customer id (cus_), not a subscription id (sub_)."
        (Get-NomosContext).FreeSubscriptions | Should -HaveCount 5
    }

    It 'an object whose Id is a subscription id is not looked up as a meter order' {
        $Error.Clear()
        [pscustomobject]@{ Id = 'sub_y4vr1cypzlh34n89cri3ha8s' } | Get-MeterOrder -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $Error[0].FullyQualifiedErrorId | Should -Be 'NomosMeters.WrongIdKind,NomosMeters.Commands.GetMeterOrderCommand'
    }

    It 'an id with a prefix the module does not know is passed on as it is' {
        $Error.Clear()
        'prdo_manot0rspfyzgcxkuduawmf1', 'xyz_unknownkind' | Get-MeterOrder -ErrorAction SilentlyContinue | Should -HaveCount 1
        $Error[0].FullyQualifiedErrorId | Should -Be 'NomosMeters.NotFound,NomosMeters.Commands.GetMeterOrderCommand'
    }
}
