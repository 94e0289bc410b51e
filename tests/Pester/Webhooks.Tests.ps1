# Webhook deliveries as a receiver sees them: verified or refused with their ErrorIds, events fetched by id and
# followed to their orders, and the README's Azure Function run as the Functions host runs it. Every expected
# signature is computed here with HMACSHA256, never with the module's own signing code.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'DocumentedExamples.psm1') -Force
    Import-Module (Get-ModuleManifest)

    $plainSecret = 'whsec_T3st-s1gning-k3y'
    $secret = ConvertTo-SecureString $plainSecret -AsPlainText -Force

    # The documented recipe: hex of HMAC-SHA256 over "{t}.{raw body}", keyed with the secret's UTF-8 bytes.
    function Get-V1([string] $Key, [long] $T, [byte[]] $Body) {
        $hmac = [Security.Cryptography.HMACSHA256]::new([Text.Encoding]::UTF8.GetBytes($Key))
        try {
            $signed = [Text.Encoding]::UTF8.GetBytes("$T.") + $Body
            -join ($hmac.ComputeHash([byte[]]$signed) | ForEach-Object { $_.ToString('x2') })
        }
        finally { $hmac.Dispose() }
    }
    function Get-Header([string] $Body, [long] $T = [DateTimeOffset]::UtcNow.ToUnixTimeSeconds(), [string] $Key = $plainSecret) {
        "t=$T,v1=$(Get-V1 $Key $T ([Text.Encoding]::UTF8.GetBytes($Body)))"
    }
    function Get-RefusalId([scriptblock] $Script) {
        try { & $Script; 'no error' } catch { $_.FullyQualifiedErrorId }
    }

    $blockedEvent = 'evt_m5bv55bljev56j3o2eae578q'    # meter_order.blocked of prdo_ppqhbcjb73ggd2kz7dhv4hu3 in every sandbox
    $placedEvent = 'evt_me3qr4z1bgiljvgx830nfi2w'     # meter_order.placed of prdo_manot0rspfyzgcxkuduawmf1
    $body = '{"id":"evt_0k2j4h6g8f0d2s4a6p8o0i2u","topic":"meter_order.blocked","timestamp":"2026-05-27T10:15:00.000Z","context":{"meter_order":"prdo_ppqhbcjb73ggd2kz7dhv4hu3","subscription":"sub_y4vr1cypzlh34n89cri3ha8s"}}'
}

AfterAll { Disconnect-Nomos -ErrorAction SilentlyContinue }

Describe 'ConvertFrom-NomosWebhook verifies a delivery and writes its event' {
    It 'accepts a delivery signed as Nomos documents it and writes a typed event' {
        $nomosEvent = ConvertFrom-NomosWebhook -RawBody $body -Header @{ 'X-Nomos-Signature' = (Get-Header $body) } -Secret $secret

        $nomosEvent.GetType().FullName | Should -Be 'NomosMeters.Models.NomosEvent'
        $nomosEvent.Id | Should -Be 'evt_0k2j4h6g8f0d2s4a6p8o0i2u'
        $nomosEvent.Topic | Should -Be 'meter_order.blocked'
        $nomosEvent.Timestamp | Should -Be ([DateTimeOffset]'2026-05-27T10:15:00Z')
        $nomosEvent.Timestamp.ToString() | Should -Be '2026-05-27T10:15:00Z'
        $nomosEvent.MeterOrder | Should -Be 'prdo_ppqhbcjb73ggd2kz7dhv4hu3'
        $nomosEvent.Subscription | Should -Be 'sub_y4vr1cypzlh34n89cri3ha8s'
    }

    It 'finds the header in any collection a host hands over, in any case' {
        $header = Get-Header $body
        $functionsHeaders = [Collections.Generic.Dictionary[string, string]]::new([StringComparer]::OrdinalIgnoreCase)
        $functionsHeaders['x-nomos-signature'] = $header
        $automationHeaders = "{`"X-NOMOS-SIGNATURE`":`"$header`",`"Content-Type`":`"application/json`"}" | ConvertFrom-Json
        $caseSensitive = [Collections.Generic.Dictionary[string, string]]::new()
        $caseSensitive['X-Nomos-Signature'.ToLowerInvariant()] = $header
        $pairs = [Net.Http.HttpRequestMessage]::new().Headers
        $pairs.TryAddWithoutValidation('X-Nomos-Signature', $header) | Should -BeTrue

        foreach ($headers in @{ 'x-NOMOS-signature' = $header }, $functionsHeaders, $automationHeaders, $caseSensitive, $pairs, $header) {
            (ConvertFrom-NomosWebhook -RawBody $body -Header $headers -Secret $secret).Topic | Should -Be 'meter_order.blocked'
        }
        (ConvertFrom-NomosWebhook -RawBody $body -Signature $header -Secret $secret).Topic | Should -Be 'meter_order.blocked'
    }

    It 'takes $Request of Azure Functions and $WebhookData of Azure Automation from the pipeline by property name' {
        $request = [pscustomobject]@{ Method = 'POST'; RawBody = $body; Body = ($body | ConvertFrom-Json -AsHashtable); Headers = @{ 'x-nomos-signature' = (Get-Header $body) } }
        $webhookData = [pscustomobject]@{ WebhookName = 'nomos'; RequestBody = $body; RequestHeader = [pscustomobject]@{ 'X-Nomos-Signature' = (Get-Header $body) } }

        ($request | ConvertFrom-NomosWebhook -Secret $secret).Id | Should -Be 'evt_0k2j4h6g8f0d2s4a6p8o0i2u'
        ($webhookData | ConvertFrom-NomosWebhook -Secret $secret).Id | Should -Be 'evt_0k2j4h6g8f0d2s4a6p8o0i2u'
    }

    It 'verifies non-ASCII text the same as a string and as the UTF-8 bytes it came as' {
        $text = '{"topic":"test.event","note":"Zählerwechsel in Köln – ✓ 電表"}'
        $bytes = [Text.Encoding]::UTF8.GetBytes($text)
        $header = Get-Header $text

        (ConvertFrom-NomosWebhook -RawBody $text -Header $header -Secret $secret).Topic | Should -Be 'test.event'
        (ConvertFrom-NomosWebhook -RawBody $bytes -Header $header -Secret $secret).Topic | Should -Be 'test.event'
        (ConvertFrom-NomosWebhook -RawBody @($bytes) -Header $header -Secret $secret).Topic | Should -Be 'test.event'
        # The bytes read with the wrong encoding are another body.
        $misread = [Text.Encoding]::GetEncoding('ISO-8859-1').GetString($bytes)
        Get-RefusalId { ConvertFrom-NomosWebhook -RawBody $misread -Header $header -Secret $secret } |
            Should -Be 'NomosMeters.WebhookSignatureMismatch,NomosMeters.Commands.ConvertFromNomosWebhookCommand'
    }

    It 'writes the dashboard''s test event, which has no id and no context' {
        $test = '{"topic":"test.event"}'

        $nomosEvent = ConvertFrom-NomosWebhook -RawBody $test -Header (Get-Header $test) -Secret $secret

        $nomosEvent.Topic | Should -Be 'test.event'
        $nomosEvent.Id | Should -BeNullOrEmpty
        $nomosEvent.MeterOrder | Should -BeNullOrEmpty
        $nomosEvent.Context.Count | Should -Be 0
    }

    It 'keeps every topic and the whole context of the ones that are not about meters' {
        $invoice = '{"id":"evt_1","topic":"invoice.payment_failed","timestamp":"2026-05-27T10:15:00Z","context":{"invoice":"inv_1","subscription":"sub_1"}}'

        $nomosEvent = ConvertFrom-NomosWebhook -RawBody $invoice -Header (Get-Header $invoice) -Secret $secret

        $nomosEvent.Topic | Should -Be 'invoice.payment_failed'
        $nomosEvent.Context.invoice | Should -Be 'inv_1'
        $nomosEvent.Subscription | Should -Be 'sub_1'
        $nomosEvent.MeterOrder | Should -BeNullOrEmpty
    }

    It 'accepts either secret during a rotation and neither of two others' {
        $old = ConvertTo-SecureString 'whsec_before-rotation' -AsPlainText -Force

        (ConvertFrom-NomosWebhook -RawBody $body -Header (Get-Header $body -Key 'whsec_before-rotation') -Secret $secret, $old).Id | Should -Not -BeNullOrEmpty
        (ConvertFrom-NomosWebhook -RawBody $body -Header (Get-Header $body) -Secret $old, $secret).Id | Should -Not -BeNullOrEmpty
        Get-RefusalId { ConvertFrom-NomosWebhook -RawBody $body -Header (Get-Header $body -Key 'whsec_someone-else') -Secret $secret, $old } |
            Should -BeLike 'NomosMeters.WebhookSignatureMismatch,*'
    }

    It 'accepts header variants: spaces, v1 before t, several v1, other schemes' {
        $t = [DateTimeOffset]::UtcNow.ToUnixTimeSeconds()
        $v1 = Get-V1 $plainSecret $t ([Text.Encoding]::UTF8.GetBytes($body))
        $other = Get-V1 'whsec_other' $t ([Text.Encoding]::UTF8.GetBytes($body))

        foreach ($header in " t=$t , v1=$v1 ", "v1=$v1,t=$t", "t=$t,v1=$other,v1=$v1", "t=$t,v0=$other,v1=$v1,v2=abc") {
            (ConvertFrom-NomosWebhook -RawBody $body -Header $header -Secret $secret).Topic | Should -Be 'meter_order.blocked' -Because $header
        }
    }

    It 'accepts a signing time a little inside the tolerance, either way, and refuses one a little past it' {
        $now = [DateTimeOffset]::UtcNow.ToUnixTimeSeconds()

        (ConvertFrom-NomosWebhook -RawBody $body -Header (Get-Header $body ($now - 290)) -Secret $secret).Topic | Should -Be 'meter_order.blocked'
        (ConvertFrom-NomosWebhook -RawBody $body -Header (Get-Header $body ($now + 290)) -Secret $secret).Topic | Should -Be 'meter_order.blocked'
        Get-RefusalId { ConvertFrom-NomosWebhook -RawBody $body -Header (Get-Header $body ($now - 310)) -Secret $secret } | Should -BeLike 'NomosMeters.WebhookTimestampOutsideTolerance,*'
        Get-RefusalId { ConvertFrom-NomosWebhook -RawBody $body -Header (Get-Header $body ($now + 310)) -Secret $secret } | Should -BeLike 'NomosMeters.WebhookTimestampOutsideTolerance,*'
        (ConvertFrom-NomosWebhook -RawBody $body -Header (Get-Header $body ($now - 310)) -Secret $secret -ToleranceSec 600).Topic | Should -Be 'meter_order.blocked'
    }

    It 'refuses each way a delivery can fail with its own ErrorId, as a terminating error a script can catch' {
        $t = [DateTimeOffset]::UtcNow.ToUnixTimeSeconds()
        $cases = [ordered]@{
            'NomosMeters.WebhookSignatureMissing'          = @{ RawBody = $body; Header = @{ 'Content-Type' = 'application/json' } }
            'NomosMeters.WebhookSignatureMalformed'        = @{ RawBody = $body; Header = "sha256=$(Get-V1 $plainSecret $t ([Text.Encoding]::UTF8.GetBytes($body)))" }
            'NomosMeters.WebhookSignatureMismatch'         = @{ RawBody = $body.Replace('blocked', 'placed'); Header = (Get-Header $body $t) }
            'NomosMeters.WebhookTimestampOutsideTolerance' = @{ RawBody = $body; Header = (Get-Header $body ($t - 3600)) }
            'NomosMeters.WebhookNotAnEvent'                = @{ RawBody = '{"hello":"world"}'; Header = (Get-Header '{"hello":"world"}' $t) }
        }
        foreach ($expected in $cases.Keys) {
            $Error.Clear()
            $delivery = $cases[$expected]
            # -ErrorAction SilentlyContinue does not turn a refusal into something a script walks past.
            $written = @(try { ConvertFrom-NomosWebhook @delivery -Secret $secret -ErrorAction SilentlyContinue; 'went on' } catch { })
            $written | Should -BeNullOrEmpty -Because "$expected ends the command and what follows it"
            $Error[0].FullyQualifiedErrorId | Should -Be "$expected,NomosMeters.Commands.ConvertFromNomosWebhookCommand"
            $Error[0].CategoryInfo.Category | Should -Be ($expected -eq 'NomosMeters.WebhookNotAnEvent' ? 'InvalidData' : 'SecurityError')
            $Error[0].ErrorDetails.RecommendedAction | Should -Not -BeNullOrEmpty
        }
    }

    It 'refuses a moved timestamp as a mismatch: a replay cannot be made fresh' {
        $t = [DateTimeOffset]::UtcNow.ToUnixTimeSeconds()
        $replayed = (Get-Header $body ($t - 3600)) -replace '^t=\d+', "t=$t"

        Get-RefusalId { ConvertFrom-NomosWebhook -RawBody $body -Header $replayed -Secret $secret } | Should -BeLike 'NomosMeters.WebhookSignatureMismatch,*'
    }

    It 'refuses a parsed body before any check, saying where the raw body is' {
        $request = [pscustomobject]@{ Body = ($body | ConvertFrom-Json -AsHashtable); Headers = @{ 'x-nomos-signature' = (Get-Header $body) } }

        { ConvertFrom-NomosWebhook -RawBody $request.Body -Header $request.Headers -Secret $secret } |
            Should -Throw -ErrorId 'ParameterArgumentTransformationError,NomosMeters.Commands.ConvertFromNomosWebhookCommand'
        $Error[0].ToString() | Should -BeLike '*$Request.RawBody*'
    }

    It 'shows the secret and the signature that would have matched in no stream, error or message' {
        $t = [DateTimeOffset]::UtcNow.ToUnixTimeSeconds()
        $tampered = $body.Replace('blocked', 'placed')
        $wouldMatch = Get-V1 $plainSecret $t ([Text.Encoding]::UTF8.GetBytes($tampered))
        $Error.Clear()
        $VerbosePreference = 'Continue'; $DebugPreference = 'Continue'; $InformationPreference = 'Continue'
        $everything = & {
            Test-NomosWebhookSignature -RawBody $tampered -Header (Get-Header $body $t) -Secret $secret -Verbose
            Test-NomosWebhookSignature -RawBody $body -Header 't=1,v1=00' -Secret $secret -Verbose
            try { ConvertFrom-NomosWebhook -RawBody $tampered -Header (Get-Header $body $t) -Secret $secret -Verbose } catch { $_ | Format-List * -Force | Out-String; $_.Exception.ToString() }
            try { ConvertFrom-NomosWebhook -RawBody '[1]' -Header (Get-Header '[1]' $t) -Secret $secret -Verbose } catch { $_ | Format-List * -Force | Out-String }
            New-NomosWebhookSignature -Body $body -Secret $secret -WhatIf
        } *>&1 | Out-String
        $VerbosePreference = 'SilentlyContinue'; $DebugPreference = 'SilentlyContinue'; $InformationPreference = 'SilentlyContinue'
        $everything += $Error | ForEach-Object { $_ | Format-List * -Force | Out-String; $_.Exception | Format-List * -Force | Out-String }

        $everything | Should -Match 'WebhookSignatureMismatch'
        $everything | Should -Not -Match ([regex]::Escape($plainSecret))
        $everything | Should -Not -Match $wouldMatch
        "$secret" | Should -Be 'System.Security.SecureString'
    }
}

Describe 'Test-NomosWebhookSignature and New-NomosWebhookSignature' {
    It 'answers $true for an authentic delivery and $false, with the reason in verbose, for any other' {
        $header = Get-Header $body

        Test-NomosWebhookSignature -RawBody $body -Header $header -Secret $secret | Should -BeTrue
        Test-NomosWebhookSignature -RawBody ($body + ' ') -Header $header -Secret $secret | Should -BeFalse
        Test-NomosWebhookSignature -RawBody $body -Header @{} -Secret $secret | Should -BeFalse
        $verbose = Test-NomosWebhookSignature -RawBody $body -Header 't=1,v1=00' -Secret $secret -Verbose 4>&1
        $verbose[0].Message | Should -BeLike 'NomosMeters.WebhookSignatureMalformed: *'
        $verbose[1] | Should -BeFalse
    }

    It 'signs as Nomos documents it, at the time given or now' {
        $at = [DateTimeOffset]'2026-05-27T10:15:00Z'

        New-NomosWebhookSignature -Body $body -Secret $secret -Timestamp $at |
            Should -Be "t=$($at.ToUnixTimeSeconds()),v1=$(Get-V1 $plainSecret $at.ToUnixTimeSeconds() ([Text.Encoding]::UTF8.GetBytes($body)))"
        $before = [DateTimeOffset]::UtcNow.ToUnixTimeSeconds()
        $now = [long]((New-NomosWebhookSignature -Body $body -Secret $secret) -replace '^t=(\d+),.*$', '$1')
        $now | Should -BeGreaterOrEqual $before
        $now | Should -BeLessOrEqual ([DateTimeOffset]::UtcNow.ToUnixTimeSeconds())
        New-NomosWebhookSignature -Body $body -Secret $secret -WhatIf | Should -BeNullOrEmpty
    }
}

Describe 'Events in the sandbox, and following them to their orders' {
    BeforeAll {
        $server = Start-SandboxServer -Orders 2600 -Enrollments 5
        Connect-Nomos -ClientId 'sandbox-client' -ClientSecret (ConvertTo-SecureString 'sandbox-secret' -AsPlainText -Force) -BaseUri $server.BaseUri
        $sandboxSecret = ConvertTo-SecureString 'sandbox-webhook-secret' -AsPlainText -Force
    }
    AfterAll {
        Disconnect-Nomos -ErrorAction SilentlyContinue
        Stop-SandboxServer $server
    }

    It 'gets an event by id, by value and by property name' {
        $blocked = Get-NomosEvent -Id $blockedEvent

        $blocked.Topic | Should -Be 'meter_order.blocked'
        $blocked.MeterOrder | Should -Be 'prdo_ppqhbcjb73ggd2kz7dhv4hu3'
        $blocked.Timestamp | Should -BeLessThan ([DateTimeOffset]::UtcNow)
        ($placedEvent, $blockedEvent | Get-NomosEvent).Topic | Should -Be 'meter_order.placed', 'meter_order.blocked'
        ($blocked | Get-NomosEvent).Id | Should -Be $blockedEvent
        ([pscustomobject]@{ EventId = $placedEvent } | Get-NomosEvent).MeterOrder | Should -Be 'prdo_manot0rspfyzgcxkuduawmf1'
    }

    It 'reports an unknown event as a non-terminating NotFound and goes on' {
        $found = 'evt_000000000000000000000000', $placedEvent | Get-NomosEvent -ErrorVariable missing -ErrorAction SilentlyContinue

        $found.Id | Should -Be $placedEvent
        $missing | Should -HaveCount 1
        $missing[0].FullyQualifiedErrorId | Should -Be 'NomosMeters.NotFound,NomosMeters.Commands.GetNomosEventCommand'
        $missing[0].TargetObject | Should -Be 'evt_000000000000000000000000'
    }

    It 'agrees with the order it is about, as it is now' {
        $order = Get-NomosEvent $blockedEvent | Get-MeterOrder

        $order.Id | Should -Be 'prdo_ppqhbcjb73ggd2kz7dhv4hu3'
        $order.IsBlocked | Should -BeTrue
        $order.BlockedAt | Should -Be (Get-NomosEvent $blockedEvent).Timestamp
        (Get-NomosEvent $placedEvent | Get-MeterOrder).Status | Should -Be 'placed'
    }

    It 'still leads to its order after a trip through Export-Clixml or its own JSON' {
        $file = Join-Path $TestDrive 'events.xml'
        Get-NomosEvent $blockedEvent, $placedEvent | Export-Clixml -LiteralPath $file
        $fromJson = (Get-NomosEvent $placedEvent).ToJson() | ConvertFrom-Json

        (Import-Clixml -LiteralPath $file | Get-MeterOrder).Id | Should -Be 'prdo_ppqhbcjb73ggd2kz7dhv4hu3', 'prdo_manot0rspfyzgcxkuduawmf1'
        ($fromJson | Get-MeterOrder).Id | Should -Be 'prdo_manot0rspfyzgcxkuduawmf1'
    }

    It 'turns into a signed delivery with the sandbox secret that verifies back into the same event' {
        $stored = Get-NomosEvent $blockedEvent
        $delivery = $stored.ToJson()

        $received = ConvertFrom-NomosWebhook -RawBody $delivery -Header (New-NomosWebhookSignature -Body $delivery -Secret $sandboxSecret) -Secret $sandboxSecret

        $received.Id | Should -Be $stored.Id
        $received.Topic | Should -Be $stored.Topic
        $received.Timestamp | Should -Be $stored.Timestamp
        "$($received.Context)" | Should -Be "$($stored.Context)"
        Test-NomosWebhookSignature -RawBody $delivery -Header (Get-Header $delivery -Key 'sandbox-webhook-secret') -Secret $sandboxSecret | Should -BeTrue
    }

    It 'exports to CSV with readable context and ISO 8601 times' {
        $file = Join-Path $TestDrive 'events.csv'
        $placedEvent, $blockedEvent | Get-NomosEvent | Export-Csv -LiteralPath $file -NoTypeInformation
        $rows = Import-Csv -LiteralPath $file

        (Get-Content -LiteralPath $file -TotalCount 1) | Should -Be '"Id","Topic","Timestamp","MeterOrder","Subscription","Context"'
        $rows[1].Context | Should -Match '^meter_order=prdo_ppqhbcjb73ggd2kz7dhv4hu3;subscription=sub_[0-9a-z]{24}$'
        $rows[1].Timestamp | Should -Match '^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$'
    }
}

Describe 'The README''s Azure Function (NomosWebhook/run.ps1), run as the Functions host runs it' {
    BeforeAll {
        $readme = @(Get-ReadmeExample)
        $function = $readme | Where-Object { (Get-ExampleScriptFile $_.Code) -eq 'NomosWebhook/run.ps1' }
        $function | Should -HaveCount 1
        $runPs1 = Join-Path $TestDrive 'NomosWebhook/run.ps1'
        $null = New-Item -ItemType Directory -Force -Path (Split-Path $runPs1)
        Set-Content -LiteralPath $runPs1 -Value $function.Code

        $server = Start-SandboxServer -Orders 2600 -Enrollments 5
        $env:NOMOS_CLIENT_ID = 'sandbox-client'
        $env:NOMOS_CLIENT_SECRET = 'sandbox-secret'

        # The worker's runspace: the module on the path, the host's response type and output bindings, no connection yet.
        $worker = [runspacefactory]::CreateRunspace([initialsessionstate]::CreateDefault2())
        $worker.Open()
        $worker.SessionStateProxy.SetVariable('modulePath', (Get-ModuleManifest))
        $worker.SessionStateProxy.SetVariable('baseUri', $server.BaseUri)
        function Invoke-Worker([string] $Script, [hashtable] $Variables = @{}) {
            $shell = [powershell]::Create()
            $shell.Runspace = $worker
            foreach ($name in $Variables.Keys) { $worker.SessionStateProxy.SetVariable($name, $Variables[$name]) }
            $null = $shell.AddScript($Script)
            try {
                [pscustomobject]@{ Output = @($shell.Invoke()); Errors = @($shell.Streams.Error); Warnings = @($shell.Streams.Warning | ForEach-Object Message) }
            }
            finally { $shell.Dispose() }
        }
        $null = Invoke-Worker @'
Import-Module $modulePath
# Connect-Nomos without parameters reaches the loopback server, as it reaches the API in Azure.
$PSDefaultParameterValues['Connect-Nomos:BaseUri'] = $baseUri
class HttpResponseContext { [int] $StatusCode = 200; [object] $Body; [string] $ContentType = 'text/plain'; [hashtable] $Headers = @{} }
$outputs = @{}
function Push-OutputBinding { param([string] $Name, $Value) $outputs[$Name] = $Value }
'@

        # What the Functions host passes: RawBody the body as text, Headers a case-insensitive dictionary.
        function New-Request([string] $Body, [string] $Signature) {
            $headers = [Collections.Generic.Dictionary[string, string]]::new([StringComparer]::OrdinalIgnoreCase)
            $headers['content-type'] = 'application/json'
            if ($Signature) { $headers['x-nomos-signature'] = $Signature }
            [pscustomobject]@{ Method = 'POST'; Url = 'https://app.azurewebsites.net/api/NomosWebhook'; Headers = $headers; Body = ($Body | ConvertFrom-Json -AsHashtable); RawBody = $Body }
        }
        function Invoke-Function($Request) {
            $run = Invoke-Worker '$outputs.Clear(); & $runPs1 -Request $request -TriggerMetadata @{}; $outputs' @{ runPs1 = $runPs1; request = $Request }
            $run.Errors | Should -BeNullOrEmpty -Because 'the function handles every failure itself'
            $outputs = $run.Output[-1]
            [pscustomobject]@{ Status = $outputs.Response.StatusCode; Body = $outputs.Response.Body; Blocked = $outputs.Blocked; Warnings = $run.Warnings }
        }
        function Get-Delivery([string] $EventId) { Invoke-Worker "(Get-NomosEvent -Id $EventId -Connection `$conn).ToJson()" }
        $null = Invoke-Worker '$conn = Connect-Nomos -PassThru; Disconnect-Nomos'
        $blockedBody = (Get-Delivery $blockedEvent).Output[0]
        $placedBody = (Get-Delivery $placedEvent).Output[0]
        $env:NOMOS_WEBHOOK_SECRET = $plainSecret
    }
    AfterAll {
        $worker.Dispose()
        Disconnect-Nomos -ErrorAction SilentlyContinue
        Stop-SandboxServer $server
        foreach ($name in 'NOMOS_CLIENT_ID', 'NOMOS_CLIENT_SECRET', 'NOMOS_WEBHOOK_SECRET', 'NOMOS_WEBHOOK_SECRET_OLD') { [Environment]::SetEnvironmentVariable($name, $null) }
    }

    It 'declares in function.json the bindings run.ps1 uses' {
        $json = [regex]::Match((Get-Content -Raw (Join-Path (Get-RepoRoot) 'README.md')), '(?ms)^`NomosWebhook/function\.json`:\s*```json\r?\n(.*?)^```').Groups[1].Value
        $bindings = ($json | ConvertFrom-Json).bindings

        ($bindings | Where-Object name -eq 'Request').type | Should -Be 'httpTrigger'
        ($bindings | Where-Object name -eq 'Response').type | Should -Be 'http'
        ($bindings | Where-Object name -eq 'Blocked').type | Should -Be 'queue'
        $function.Code | Should -Match 'param\(\$Request, \$TriggerMetadata\)'
        foreach ($name in [regex]::Matches($function.Code, 'Push-OutputBinding -Name (\w+)').ForEach({ $_.Groups[1].Value })) { $bindings.name | Should -Contain $name }
    }

    It 'handles a meter_order.blocked delivery: connects, fetches the order and queues it, and answers 200' {
        Reset-SandboxServerStats $server

        $answer = Invoke-Function (New-Request $blockedBody (Get-Header $blockedBody))

        $answer.Status | Should -Be 200
        $answer.Body | Should -Be 'Handled'
        $answer.Blocked.MeterOrder | Should -Be 'prdo_ppqhbcjb73ggd2kz7dhv4hu3'
        $answer.Blocked.Event | Should -Be $blockedEvent
        $answer.Blocked.BlockedReason | Should -BeIn 'check_missing', 'grid_operator_registration'
        $answer.Blocked.BlockedAt | Should -BeOfType [DateTimeOffset]
        $answer.Blocked.BlockedAt | Should -Be ([DateTimeOffset][regex]::Match($blockedBody, '"timestamp":"([^"]+)"').Groups[1].Value)
        Get-SandboxServerRequestCount $server | Should -Be 1
    }

    It 'answers a repeated delivery 200 without handling it again' {
        Reset-SandboxServerStats $server

        $answer = Invoke-Function (New-Request $blockedBody (Get-Header $blockedBody))

        $answer.Status | Should -Be 200
        $answer.Body | Should -Be 'Already handled'
        $answer.Blocked | Should -BeNullOrEmpty
        Get-SandboxServerRequestCount $server | Should -Be 0
    }

    It 'answers 200 without queueing for another meter-order topic, and without a request for other topics' {
        (Invoke-Function (New-Request $placedBody (Get-Header $placedBody))).Blocked | Should -BeNullOrEmpty
        Reset-SandboxServerStats $server
        foreach ($other in '{"topic":"test.event"}', '{"id":"evt_inv1","topic":"invoice.paid","timestamp":"2026-05-27T10:15:00Z","context":{"invoice":"inv_1","subscription":"sub_1"}}') {
            $answer = Invoke-Function (New-Request $other (Get-Header $other))
            $answer.Status | Should -Be 200
            $answer.Blocked | Should -BeNullOrEmpty
        }
        Get-SandboxServerRequestCount $server | Should -Be 0
    }

    It 'answers 401, with the reason in a warning, to a delivery that is not signed by Nomos, and does nothing else' {
        Reset-SandboxServerStats $server
        $stale = [DateTimeOffset]::UtcNow.AddHours(-1).ToUnixTimeSeconds()
        $cases = @{
            'NomosMeters.WebhookSignatureMismatch'         = New-Request $blockedBody.Replace('blocked', 'placed') (Get-Header $blockedBody)
            'NomosMeters.WebhookSignatureMissing'          = New-Request $placedBody $null
            'NomosMeters.WebhookTimestampOutsideTolerance' = New-Request $placedBody (Get-Header $placedBody $stale)
            'NomosMeters.WebhookSignatureMalformed'        = New-Request $placedBody 'v1=abc'
        }
        foreach ($reason in $cases.Keys) {
            $answer = Invoke-Function $cases[$reason]
            $answer.Status | Should -Be 401 -Because $reason
            $answer.Warnings | Should -BeLike "Refused a delivery: $reason*"
            $answer.Blocked | Should -BeNullOrEmpty
        }
        Get-SandboxServerRequestCount $server | Should -Be 0
    }

    It 'accepts a delivery signed with the old secret during a rotation, and answers 500 while no secret is set' {
        $env:NOMOS_WEBHOOK_SECRET_OLD = 'whsec_before-rotation'
        try {
            (Invoke-Function (New-Request $placedBody (Get-Header $placedBody -Key 'whsec_before-rotation'))).Status | Should -Be 200
        }
        finally { $env:NOMOS_WEBHOOK_SECRET_OLD = $null }
        $env:NOMOS_WEBHOOK_SECRET = $null
        try {
            # A misconfigured app, not a forged delivery: Nomos delivers again once the setting is there.
            $answer = Invoke-Function (New-Request $placedBody (Get-Header $placedBody))
            $answer.Status | Should -Be 500
            $answer.Body | Should -Be 'Not configured'
            $answer.Warnings | Should -BeLike '*NOMOS_WEBHOOK_SECRET is not set*'
        }
        finally { $env:NOMOS_WEBHOOK_SECRET = $plainSecret }
    }

    It 'answers 200 with a warning for an order the API does not know, which no redelivery would change' {
        Reset-SandboxServerStats $server
        $unknown = '{"id":"evt_unknownorder000000000000","topic":"meter_order.blocked","timestamp":"2026-05-27T10:15:00Z","context":{"meter_order":"prdo_unknown","subscription":"sub_1"}}'

        $answer = Invoke-Function (New-Request $unknown (Get-Header $unknown))

        $answer.Status | Should -Be 200
        $answer.Blocked | Should -BeNullOrEmpty
        $answer.Warnings | Should -BeLike '*names meter order prdo_unknown, which the API does not know*'
        Get-SandboxServerRequestCount $server | Should -Be 1
    }

    It 'answers 500 when the order cannot be fetched, so Nomos delivers it again, and handles it then' {
        $failing = '{"id":"evt_cannotfetch0000000000000","topic":"meter_order.blocked","timestamp":"2026-05-27T10:15:00Z","context":{"meter_order":"prdo_ppqhbcjb73ggd2kz7dhv4hu3","subscription":"sub_1"}}'
        # The worker's connection is gone and its credentials are wrong: the order cannot be fetched.
        $null = Invoke-Worker 'Disconnect-Nomos'
        $env:NOMOS_CLIENT_SECRET = 'not-the-secret'
        try {
            $answer = Invoke-Function (New-Request $failing (Get-Header $failing))
            $answer.Status | Should -Be 500
            $answer.Warnings | Should -BeLike 'Could not handle evt_cannotfetch0000000000000*'
        }
        finally { $env:NOMOS_CLIENT_SECRET = 'sandbox-secret' }

        $again = Invoke-Function (New-Request $failing (Get-Header $failing))
        $again.Status | Should -Be 200 -Because 'a failed event is not remembered as handled, so its redelivery is handled'
        $again.Blocked.MeterOrder | Should -Be 'prdo_ppqhbcjb73ggd2kz7dhv4hu3'
    }
}
