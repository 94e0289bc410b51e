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
