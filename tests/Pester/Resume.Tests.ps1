BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-Module (Get-ModuleManifest)
    $secret = ConvertTo-SecureString 'sandbox-secret' -AsPlainText -Force
    $key = ConvertTo-SecureString 'sandbox-enrollment-key' -AsPlainText -Force

    # Streams a list into $script:written until $StopAfter objects, then stops the server under it; returns the error.
    function Invoke-ListThatBreaks([scriptblock] $List, $Server, [int] $StopAfter) {
        $script:written = [Collections.Generic.List[string]]::new()
        $Error.Clear()
        try {
            & $List | ForEach-Object {
                $script:written.Add($(if ($_.Id) { $_.Id } else { "$($_.MeterId)" }))
                if ($script:written.Count -eq $StopAfter) { Stop-SandboxServer $Server }
            }
        }
        catch { }
        $Error[0]
    }

    function Get-ResumeCommand($ErrorRecord) {
        $advice = $ErrorRecord.ErrorDetails.RecommendedAction
        $advice | Should -Match ', run: '
        $advice.Substring($advice.IndexOf(', run: ') + ', run: '.Length)
    }
}

AfterAll { Disconnect-Nomos -ErrorAction SilentlyContinue }

Describe 'A meter-order list that stopped goes on exactly where it stopped' {
    It 'shows the command to run, which neither repeats nor skips an order although new ones came in between' {
        $first = Start-SandboxServer -Orders 600 -Enrollments 5
        Connect-Nomos -ClientId 'sandbox-client' -ClientSecret $secret -BaseUri $first.BaseUri -MaximumRetryCount 0 -RateLimit 0
        $failure = Invoke-ListThatBreaks { Get-MeterOrder -Status activated, cancelled -PageSize 40 -ErrorAction Stop } $first 100
        $failure.FullyQualifiedErrorId | Should -Be 'NomosMeters.ConnectionFailed,NomosMeters.Commands.GetMeterOrderCommand'
        $command = Get-ResumeCommand $failure
        $command | Should -BeLike "Get-MeterOrder -Status 'activated', 'cancelled' -PageSize 40 -ResumeToken 'nmr1.*'"

        # The service is back (same data); orders are created before the script goes on.
        $second = Start-SandboxServer -Orders 600 -Enrollments 5
        try {
            Connect-Nomos -ClientId 'sandbox-client' -ClientSecret $secret -BaseUri $second.BaseUri -RateLimit 0
            $expected = @(Get-MeterOrder -Status activated, cancelled).Id
            (Get-MeterOrder -Subscription 'sub_4k2m9x7q1w8e5r3t6y0u2i4o' | Should -BeNullOrEmpty)
            $created = 'sub_4k2m9x7q1w8e5r3t6y0u2i4o' | New-MeterOrder -Confirm:$false
            $created | Should -HaveCount 1

            $rest = @(& ([scriptblock]::Create($command))).Id
            $together = @($script:written) + $rest
            $together | Should -Be $expected
            $rest | Should -Not -Contain $created.Id
        }
        finally { Stop-SandboxServer $second }
    }

    It 'takes -First for what is left' {
        $server = Start-SandboxServer -Orders 300 -Enrollments 5
        Connect-Nomos -ClientId 'sandbox-client' -ClientSecret $secret -BaseUri $server.BaseUri -MaximumRetryCount 0 -RateLimit 0
        $failure = Invoke-ListThatBreaks { Get-MeterOrder -First 200 -PageSize 25 -ErrorAction Stop } $server 60
        $command = Get-ResumeCommand $failure
        $command | Should -Match "-First $(200 - $script:written.Count) "
    }

    It 'refuses a token of other filters, of another command, or not a token at all, before any request' {
        $server = Start-SandboxServer -Orders 200 -Enrollments 5
        Connect-Nomos -ClientId 'sandbox-client' -ClientSecret $secret -BaseUri $server.BaseUri -MaximumRetryCount 0 -RateLimit 0
        $failure = Invoke-ListThatBreaks { Get-MeterOrder -Status activated -PageSize 20 -ErrorAction Stop } $server 30
        $token = [regex]::Match((Get-ResumeCommand $failure), "-ResumeToken '([^']+)'").Groups[1].Value
        $again = Start-SandboxServer -Orders 200 -Enrollments 5
        try {
            Connect-Nomos -ClientId 'sandbox-client' -ClientSecret $secret -BaseUri $again.BaseUri -EnrollmentApiKey $key -EnrollmentBaseUri $again.BaseUri -RateLimit 0
            Reset-SandboxServerStats $again
            { Get-MeterOrder -Status cancelled -PageSize 20 -ResumeToken $token } | Should -Throw -ErrorId 'NomosMeters.InvalidResumeToken,NomosMeters.Commands.GetMeterOrderCommand'
            $Error[0].Exception.Message | Should -BeLike '*other filters*'
            { Get-MeterOrder -Status activated -PageSize 50 -ResumeToken $token } | Should -Throw -ErrorId 'NomosMeters.InvalidResumeToken,NomosMeters.Commands.GetMeterOrderCommand'
            { Search-MeterEnrollment -ResumeToken $token } | Should -Throw -ErrorId 'NomosMeters.InvalidResumeToken,NomosMeters.Commands.SearchMeterEnrollmentCommand'
            $Error[0].Exception.Message | Should -BeLike '*list of Get-MeterOrder*'
            { Get-MeterOrder -ResumeToken 'not-a-token' } | Should -Throw -ErrorId 'NomosMeters.InvalidResumeToken,NomosMeters.Commands.GetMeterOrderCommand'
            Get-SandboxServerRequestCount $again | Should -Be 0
            # A token the API no longer takes (here: its cursor altered) says so, and what to do.
            $body = $token.Substring(5).Replace('-', '+').Replace('_', '/')
            $body = $body.PadRight($body.Length + (4 - $body.Length % 4) % 4, '=')
            $fields = [Text.Encoding]::UTF8.GetString([Convert]::FromBase64String($body)) | ConvertFrom-Json
            $fields.p = 'x' + $fields.p.Substring(1)
            $altered = 'nmr1.' + [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes(($fields | ConvertTo-Json -Compress))).TrimEnd('=').Replace('+', '-').Replace('/', '_')
            { Get-MeterOrder -Status activated -PageSize 20 -ResumeToken $altered -ErrorAction Stop } | Should -Throw -ErrorId 'NomosMeters.ResumeTokenExpired,NomosMeters.Commands.GetMeterOrderCommand'
            $Error[0].ErrorDetails.RecommendedAction | Should -Be 'Run the command again without -ResumeToken.'
            # The right filters, in another order and case, are the same list.
            @(Get-MeterOrder -Status ACTIVATED -PageSize 20 -ResumeToken $token).Count | Should -BeGreaterThan 0
        }
        finally { Stop-SandboxServer $again }
    }
}

Describe 'An enrollment search that stopped goes on exactly where it stopped' {
    It 'shows the command to run, and together the two runs give every meter once' {
        $first = Start-SandboxServer -Orders 5 -Enrollments 900
        Connect-Nomos -EnrollmentApiKey $key -EnrollmentBaseUri $first.BaseUri -MaximumRetryCount 0
        $failure = Invoke-ListThatBreaks { Search-MeterEnrollment -TransmissionRegion CAISO -PageSize 30 -ErrorAction Stop } $first 45
        $command = Get-ResumeCommand $failure
        $command | Should -BeLike "Search-MeterEnrollment -TransmissionRegion 'CAISO' -PageSize 30 -ResumeToken 'nmr1.*'"
        $second = Start-SandboxServer -Orders 5 -Enrollments 900
        try {
            Connect-Nomos -EnrollmentApiKey $key -EnrollmentBaseUri $second.BaseUri
            $expected = @(Search-MeterEnrollment -TransmissionRegion CAISO).MeterId.Guid
            $rest = @(& ([scriptblock]::Create($command))).MeterId.Guid
            (@($script:written) + $rest) | Should -Be $expected
        }
        finally { Stop-SandboxServer $second }
    }
}

Describe 'A meter-detail search that stopped goes on exactly where it stopped' {
    It 'shows Search-MeterDetail with its filters and -ResumeToken, and together the two runs give every meter once' {
        $first = Start-SandboxServer -Orders 5 -Enrollments 900
        Connect-Nomos -EnrollmentApiKey $key -EnrollmentBaseUri $first.BaseUri -MaximumRetryCount 0
        $failure = Invoke-ListThatBreaks { Search-MeterDetail -TransmissionRegion CAISO -ExcludeArchived -PageSize 30 -ErrorAction Stop } $first 45
        $command = Get-ResumeCommand $failure
        $command | Should -BeLike "Search-MeterDetail -TransmissionRegion 'CAISO' -ExcludeArchived -PageSize 30 -ResumeToken 'nmr1.*'"
        $second = Start-SandboxServer -Orders 5 -Enrollments 900
        try {
            Connect-Nomos -EnrollmentApiKey $key -EnrollmentBaseUri $second.BaseUri
            { Search-MeterEnrollment -TransmissionRegion CAISO -ExcludeArchived -PageSize 30 -ResumeToken ([regex]::Match($command, "-ResumeToken '([^']+)'").Groups[1].Value) } |
                Should -Throw -ErrorId 'NomosMeters.InvalidResumeToken,NomosMeters.Commands.SearchMeterEnrollmentCommand'
            $expected = @(Search-MeterDetail -TransmissionRegion CAISO -ExcludeArchived).MeterId.Guid
            $rest = @(& ([scriptblock]::Create($command))).MeterId.Guid
            (@($script:written) + $rest) | Should -Be $expected
        }
        finally { Stop-SandboxServer $second }
    }
}
