@{
    RootModule           = 'NomosMeters.dll'
    ModuleVersion        = '0.1.0'
    GUID                 = '5b0c7a52-6f0e-4c1e-9a4f-2d7e3b8c41a9'
    Author               = 'NomosMeters contributors'
    CompanyName          = 'NomosMeters'
    Copyright            = '(c) NomosMeters contributors. All rights reserved.'
    Description          = 'Smart-meter orders, readings and events (Nomos API) and meter enrollments and details (Leap API) as streamed, typed PowerShell objects, with webhook verification, requests to any endpoint and a built-in sandbox.'
    PowerShellVersion    = '5.1'
    CompatiblePSEditions = @('Desktop', 'Core')

    # Explicit lists: wildcards slow down command discovery.
    CmdletsToExport      = @(
        'Connect-Nomos'
        'Disconnect-Nomos'
        'Get-NomosContext'
        'Get-MeterOrder'
        'New-MeterOrder'
        'Get-MeterReading'
        'New-MeterReading'
        'Search-MeterEnrollment'
        'Get-MeterEnrollment'
        'Search-MeterDetail'
        'Get-MeterDetail'
        'ConvertFrom-NomosWebhook'
        'Test-NomosWebhookSignature'
        'New-NomosWebhookSignature'
        'Get-NomosEvent'
        'Invoke-NomosRequest'
    )
    FormatsToProcess     = @('NomosMeters.Format.ps1xml')
    TypesToProcess       = @('NomosMeters.Types.ps1xml')
    FunctionsToExport    = @()
    AliasesToExport      = @()
    VariablesToExport    = @()

    PrivateData          = @{
        PSData = @{
            Tags         = @('Nomos', 'Leap', 'SmartMeter', 'Energy', 'API', 'PSEdition_Core', 'PSEdition_Desktop', 'Windows', 'Linux', 'MacOS')
            ProjectUri   = 'https://github.com/nomosmeters/NomosMeters'
            LicenseUri   = 'https://github.com/nomosmeters/NomosMeters/blob/main/LICENSE'
            # Copied into the package's release notes; no semicolons (they separate the pack properties).
            ReleaseNotes = '0.1.0: Connect-Nomos (client credentials, access token, environment, sandbox), Get-MeterOrder, New-MeterOrder, Get-MeterReading, New-MeterReading, Get-NomosEvent, ConvertFrom-NomosWebhook, Test-NomosWebhookSignature, New-NomosWebhookSignature, Search-MeterEnrollment, Get-MeterEnrollment, Search-MeterDetail, Get-MeterDetail, Invoke-NomosRequest. Retries, rate limiting, lookups in flight, token renewal, dependency isolation.'
        }
    }
}
