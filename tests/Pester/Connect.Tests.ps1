BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-Module (Get-ModuleManifest)
    $server = Start-SandboxServer -Orders 120 -Enrollments 50
    $secret = ConvertTo-SecureString 'sandbox-secret' -AsPlainText -Force
    $enrollmentKey = ConvertTo-SecureString 'sandbox-enrollment-key' -AsPlainText -Force
}

AfterAll {
    Disconnect-Nomos -ErrorAction SilentlyContinue
    Stop-SandboxServer $server
}

Describe 'Connect-Nomos' {
    It 'connects the built-in sandbox for both APIs' {
        Connect-Nomos -Sandbox
        $context = Get-NomosContext
        $context.Services | Should -Be 'Nomos, Enrollment'
        $context.IsSandbox | Should -BeTrue
        (Get-MeterOrder -First 1).Id | Should -Match '^prdo_'
        (Search-MeterEnrollment -First 1).MeterId | Should -BeOfType [guid]
    }

    It 'connects a server on loopback with client credentials and pages through all of it' {
        Disconnect-Nomos
        $connection = Connect-Nomos -ClientId 'sandbox-client' -ClientSecret $secret -BaseUri $server.BaseUri -PassThru
        $connection.AuthenticationType | Should -Be 'ClientCredentials'
        $connection.BaseUri | Should -Be $server.BaseUri
        $connection.IsSandbox | Should -BeFalse
        $orders = Get-MeterOrder -Connection $connection -PageSize 50
        $orders | Should -HaveCount 120
        ($orders.Id | Sort-Object -Unique) | Should -HaveCount 120
    }

    It 'reads the credentials from NOMOS_CLIENT_ID, NOMOS_CLIENT_SECRET and NOMOS_ENROLLMENT_API_KEY' {
        $env:NOMOS_CLIENT_ID = 'sandbox-client'
        $env:NOMOS_CLIENT_SECRET = 'sandbox-secret'
        $env:NOMOS_ENROLLMENT_API_KEY = 'sandbox-enrollment-key'
        try {
            Connect-Nomos -BaseUri $server.BaseUri -EnrollmentBaseUri $server.BaseUri
        }
        finally {
            Remove-Item Env:NOMOS_CLIENT_ID, Env:NOMOS_CLIENT_SECRET, Env:NOMOS_ENROLLMENT_API_KEY
        }
        $context = Get-NomosContext
        $context.ClientId | Should -Be 'sandbox-client'
        $context.Services | Should -Be 'Nomos, Enrollment'
        (Get-MeterOrder | Measure-Object).Count | Should -Be 120
        (Search-MeterEnrollment | Measure-Object).Count | Should -Be 50
    }

    It 'connects the enrollment API with its key alone and keeps the Nomos connection' {
        Connect-Nomos -ClientId 'sandbox-client' -ClientSecret $secret -BaseUri $server.BaseUri
        Connect-Nomos -EnrollmentApiKey $enrollmentKey -EnrollmentBaseUri $server.BaseUri
        (Get-NomosContext).Services | Should -Be 'Nomos, Enrollment'
        Get-MeterOrder -First 1 | Should -HaveCount 1
        Search-MeterEnrollment -First 1 | Should -HaveCount 1
    }

    It 'refuses a wrong client secret with NomosMeters.Unauthorized and keeps the secret out of the error' {
        $wrong = ConvertTo-SecureString 'not-the-secret' -AsPlainText -Force
        { Connect-Nomos -ClientId 'sandbox-client' -ClientSecret $wrong -BaseUri $server.BaseUri } |
            Should -Throw -ErrorId 'NomosMeters.Unauthorized,NomosMeters.Commands.ConnectNomosCommand'
        $Error[0] | Out-String | Should -Not -Match 'not-the-secret'
    }

    It 'never writes a secret into the context, its text or its JSON' {
        Connect-Nomos -ClientId 'sandbox-client' -ClientSecret $secret -BaseUri $server.BaseUri -EnrollmentApiKey $enrollmentKey -EnrollmentBaseUri $server.BaseUri
        $text = (Get-NomosContext | Format-List * | Out-String) + (Get-NomosContext | ConvertTo-Json) + (Get-NomosContext).ToString()
        $text | Should -Not -Match 'sandbox-secret'
        $text | Should -Not -Match 'sandbox-enrollment-key'
    }

    It 'refuses plain http to a host that is not loopback before sending anything' {
        { Connect-Nomos -ClientId 'sandbox-client' -ClientSecret $secret -BaseUri 'http://api.nomos.energy' } |
            Should -Throw -ErrorId 'NomosMeters.InvalidBaseUri,NomosMeters.Commands.ConnectNomosCommand'
    }
}

Describe 'Connections that share a process' {
    BeforeEach { Disconnect-Nomos -ErrorAction SilentlyContinue }

    It 'keeps a -PassThru connection working after another service is connected and the current one is closed' {
        $a = Connect-Nomos -ClientId 'sandbox-client' -ClientSecret $secret -BaseUri $server.BaseUri -PassThru
        Connect-Nomos -EnrollmentApiKey $enrollmentKey -EnrollmentBaseUri $server.BaseUri
        (Get-NomosContext).Services | Should -Be 'Nomos, Enrollment'
        Disconnect-Nomos
        $a.IsConnected | Should -BeTrue
        (Get-MeterOrder -Connection $a -First 2) | Should -HaveCount 2
    }

    It 'leaves a runbook''s own connection open when another runbook runs Disconnect-Nomos' {
        $mine = Connect-Nomos -Sandbox -PassThru
        # Another runbook in the same process, while this runbook's connection is the current one:
        Disconnect-Nomos
        Get-NomosContext | Should -BeNullOrEmpty
        $mine.IsConnected | Should -BeTrue
        (Get-MeterOrder -Connection $mine -First 1).Id | Should -Match '^prdo_'
    }

    It 'closes exactly the connection given to Disconnect-Nomos -Connection' {
        $mine = Connect-Nomos -Sandbox -PassThru
        $other = Connect-Nomos -Sandbox -PassThru
        Disconnect-Nomos -Connection $mine
        $mine.IsConnected | Should -BeFalse
        { Get-MeterOrder -Connection $mine -First 1 -ErrorAction Stop } |
            Should -Throw -ErrorId 'NomosMeters.NotConnected,NomosMeters.Commands.GetMeterOrderCommand'
        (Get-MeterOrder -Connection $other -First 1) | Should -HaveCount 1
        (Get-MeterOrder -First 1) | Should -HaveCount 1
    }

    It 'closes the current connection, and what Get-NomosContext returned, with Disconnect-Nomos' {
        Connect-Nomos -Sandbox
        $context = Get-NomosContext
        Disconnect-Nomos
        $context.IsConnected | Should -BeFalse
        Get-NomosContext | Should -BeNullOrEmpty
    }

    It 'keeps what Get-NomosContext returned usable after the next Connect-Nomos' {
        Connect-Nomos -Sandbox
        $context = Get-NomosContext
        Connect-Nomos -Sandbox
        $context.IsConnected | Should -BeTrue
        (Get-MeterOrder -Connection $context -First 1) | Should -HaveCount 1
    }

    It 'says per service where a mixed connection points, and never calls it a sandbox' {
        Connect-Nomos -Sandbox
        Connect-Nomos -ClientId 'sandbox-client' -ClientSecret $secret -BaseUri $server.BaseUri
        $context = Get-NomosContext
        $context.Services | Should -Be 'Nomos, Enrollment'
        $context.IsSandbox | Should -BeFalse
        $context.NomosEnvironment | Should -Be 'Custom'
        $context.EnrollmentEnvironment | Should -Be 'Sandbox'
        $context.FreeSubscriptions | Should -BeNullOrEmpty
        Reset-SandboxServerStats $server
        Get-MeterOrder -First 1 | Should -HaveCount 1
        Get-SandboxServerRequestCount $server | Should -Be 1
    }

    It 'reports a sandbox connection as a sandbox for both services' {
        Connect-Nomos -Sandbox
        $context = Get-NomosContext
        $context.IsSandbox | Should -BeTrue
        $context.NomosEnvironment | Should -Be 'Sandbox'
        $context.EnrollmentEnvironment | Should -Be 'Sandbox'
    }
}
