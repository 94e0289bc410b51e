BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-Module (Get-ModuleManifest)
    $secret = ConvertTo-SecureString 'sandbox-secret' -AsPlainText -Force
}

AfterAll { Disconnect-Nomos -ErrorAction SilentlyContinue }

Describe 'Errors that read well' {
    It 'a duplicate order says what failed once' {
        Connect-Nomos -Sandbox
        $taken = (Get-MeterOrder -First 1).Subscription
        $Error.Clear()
        $taken | New-MeterOrder -Confirm:$false -ErrorAction SilentlyContinue
        $message = $Error[0].Exception.Message
        $Error[0].FullyQualifiedErrorId | Should -Be 'NomosMeters.DuplicateMeterOrder,NomosMeters.Commands.NewMeterOrderCommand'
        ([regex]::Matches($message, [regex]::Escape("already has meter order"))).Count | Should -Be 1
    }

    It 'one unknown meter id and one among many are worded the same' {
        Connect-Nomos -Sandbox
        $known = (Search-MeterEnrollment -First 1).MeterId
        $unknown = [guid]'00000000-0000-0000-0000-000000000001'
        $Error.Clear()
        Get-MeterEnrollment -MeterId $unknown -ErrorAction SilentlyContinue
        $known, $unknown | Get-MeterEnrollment -ErrorAction SilentlyContinue | Should -HaveCount 1
        $Error | Should -HaveCount 2
        $Error[0].Exception.Message | Should -Be $Error[1].Exception.Message
        $Error[0].FullyQualifiedErrorId | Should -Be $Error[1].FullyQualifiedErrorId
    }

    It 'a service that cannot be reached is not followed by advice to quote a request id it never gave' {
        $listener = [Net.Sockets.TcpListener]::new([Net.IPAddress]::Loopback, 0)
        $listener.Start(); $port = $listener.LocalEndpoint.Port; $listener.Stop()
        { Connect-Nomos -ClientId 'sandbox-client' -ClientSecret $secret -BaseUri "http://127.0.0.1:$port" -MaximumRetryCount 0 } |
            Should -Throw -ErrorId 'NomosMeters.ConnectionFailed,NomosMeters.Commands.ConnectNomosCommand'
        $Error[0].ErrorDetails.RecommendedAction | Should -Not -Match 'request id'
        $Error[0].Exception.Message | Should -Not -Match 'request id'
    }
}

Describe 'A credential that cannot be renewed' {
    It 'says that an expired -AccessToken needs a new connection, and how' {
        $server = Start-SandboxServer -Orders 20 -Enrollments 5
        try {
            Connect-Nomos -AccessToken (ConvertTo-SecureString 'a-token-that-expired' -AsPlainText -Force) -BaseUri $server.BaseUri
            { Get-MeterOrder -First 1 -ErrorAction Stop } | Should -Throw -ErrorId 'NomosMeters.Unauthorized,NomosMeters.Commands.GetMeterOrderCommand'
            $Error[0].ErrorDetails.RecommendedAction | Should -BeLike '*-AccessToken has expired or was revoked, and it cannot be renewed*-ClientId and -ClientSecret*'
            $Error[0] | Out-String | Should -Not -Match 'a-token-that-expired'
        }
        finally { Stop-SandboxServer $server }
    }
}

Describe 'A list that stops part way' {
    It 'shows the command that goes on (no -Skip: the token says where), and no advice to skip when nothing was written' {
        $server = Start-SandboxServer -Orders 600 -Enrollments 5
        Connect-Nomos -ClientId 'sandbox-client' -ClientSecret $secret -BaseUri $server.BaseUri -MaximumRetryCount 0 -RateLimit 0
        $script:written = 0
        $Error.Clear()
        try {
            Get-MeterOrder -Skip 50 -PageSize 50 -ErrorAction Stop | ForEach-Object {
                $script:written++
                # The service goes away part way through the list.
                if ($script:written -eq 120) { Stop-SandboxServer $server }
            }
        }
        catch { }
        $script:written | Should -BeGreaterOrEqual 120
        $script:written | Should -BeLessThan 550
        $Error[0].FullyQualifiedErrorId | Should -Be 'NomosMeters.ConnectionFailed,NomosMeters.Commands.GetMeterOrderCommand'
        $Error[0].ErrorDetails.Message | Should -BeLike "*stopped after $($script:written) meter orders*"
        $Error[0].ErrorDetails.RecommendedAction | Should -BeLike "*run: Get-MeterOrder -PageSize 50 -ResumeToken 'nmr1.*'"

        $Error.Clear()
        { Get-MeterOrder -First 3 -ErrorAction Stop } | Should -Throw
        $Error[0].ErrorDetails.RecommendedAction | Should -Not -Match '-Skip|-ResumeToken'
    }

    It 'advises -Skip counting the objects skipped already where no token can say where (a search of many ids)' {
        $server = Start-SandboxServer -Orders 5 -Enrollments 2400
        Connect-Nomos -EnrollmentApiKey (ConvertTo-SecureString 'sandbox-enrollment-key' -AsPlainText -Force) -EnrollmentBaseUri $server.BaseUri -MaximumRetryCount 0
        $ids = @(Search-MeterEnrollment).MeterId
        $script:written = 0
        $Error.Clear()
        try {
            $ids | Search-MeterEnrollment -Skip 10 -PageSize 100 -ErrorAction Stop | ForEach-Object {
                $script:written++
                if ($script:written -eq 300) { Stop-SandboxServer $server }
            }
        }
        catch { }
        $script:written | Should -BeGreaterOrEqual 300
        $Error[0].ErrorDetails.RecommendedAction | Should -BeLike "*-Skip $(10 + $script:written) continues after*"
    }
}
