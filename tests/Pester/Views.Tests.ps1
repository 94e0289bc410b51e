# The default tables as PowerShell's own formatter prints them at 80 and at 120 columns, from sandbox data. Each
# table is rendered from the sample rows that carry the longest value of each column, so a width that is one
# character short shows up here. A cell is compared with the value computed from the object itself.

BeforeDiscovery {
    $guid = '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
    $date = '^\d{4}-\d\d-\d\d \d\d:\d\d$'

    # Per column: the label, the text expected in the cell, a pattern for ids and dates, and how it shows at
    # each width: Whole, Cut (the squeezed or the last column: the value itself or a prefix ending in …) or Hidden.
    $views = @(
        @{
            Type    = 'MeterOrder'
            Source  = { Get-MeterOrder -First 500 }
            Columns = @(
                @{ Label = 'Id'; Value = { $_.Id }; Pattern = '^prdo_[0-9a-z]{24}$'; At80 = 'Whole'; At120 = 'Whole' }
                @{ Label = 'Status'; Value = { $_.Status }; At80 = 'Whole'; At120 = 'Whole' }
                @{ Label = 'Blocked'; Value = { $_.IsBlocked }; At80 = 'Whole'; At120 = 'Whole' }
                @{ Label = 'Created (UTC)'; Value = { Format-Utc $_.CreatedAt }; Pattern = $date; At80 = 'Whole'; At120 = 'Whole' }
                @{ Label = 'Provider'; Value = { $_.Provider }; At80 = 'Cut'; At120 = 'Whole' }
                @{ Label = 'Subscription'; Value = { $_.Subscription }; Pattern = '^sub_[0-9a-z]{24}$'; At80 = 'Hidden'; At120 = 'Whole' }
            )
        }
        @{
            Type    = 'MeterReading'
            Source  = { Get-MeterReading -First 500; Get-MeterReading -Type customer_report -First 100 }
            Columns = @(
                @{ Label = 'Subscription'; Value = { $_.Subscription }; Pattern = '^sub_[0-9a-z]{24}$'; At80 = 'Whole'; At120 = 'Whole' }
                @{ Label = 'Day'; Value = { $_.Day }; Pattern = '^\d{4}-\d\d-\d\d$'; At80 = 'Whole'; At120 = 'Whole' }
                @{ Label = 'Type'; Value = { $_.Type }; At80 = 'Whole'; At120 = 'Whole' }
                @{ Label = 'Value (kWh)'; Value = { $_.Value }; Pattern = '^\d+(\.\d+)?$'; At80 = 'Whole'; At120 = 'Whole' }
                @{ Label = 'Meter'; Value = { $_.Meter }; At80 = 'Cut'; At120 = 'Whole' }
                @{ Label = 'Created (UTC)'; Value = { Format-Utc $_.CreatedAt }; Pattern = $date; At80 = 'Hidden'; At120 = 'Whole' }
            )
        }
        @{
            Type    = 'MeterEnrollment'
            Source  = { Search-MeterEnrollment -First 500 }
            Columns = @(
                @{ Label = 'MeterId'; Value = { $_.MeterId }; Pattern = $guid; At80 = 'Whole'; At120 = 'Whole' }
                @{ Label = 'Region'; Value = { $_.TransmissionRegion }; At80 = 'Whole'; At120 = 'Whole' }
                @{ Label = 'GlobalStatus'; Value = { $_.GlobalEnrollmentStatus }; At80 = 'Whole'; At120 = 'Whole' }
                @{ Label = 'PartnerReference'; Value = { $_.PartnerReference }; At80 = 'Whole'; At120 = 'Whole' }
                @{ Label = 'MeterType'; Value = { $_.MeterType }; At80 = 'Hidden'; At120 = 'Whole' }
                @{ Label = 'ProgramEnrollments'; Value = { '{' + ($_.ProgramEnrollments -join ', ') + '}' }; At80 = 'Hidden'; At120 = 'Cut' }
            )
        }
        @{
            Type    = 'ProgramEnrollment'
            Source  = { Search-MeterEnrollment -First 500 | ForEach-Object { $_.ProgramEnrollments } }
            Columns = @(
                @{ Label = 'ProgramIdentifier'; Value = { $_.ProgramIdentifier }; At80 = 'Whole'; At120 = 'Whole' }
                @{ Label = 'EnrollmentStatus'; Value = { $_.EnrollmentStatus }; At80 = 'Whole'; At120 = 'Whole' }
                @{ Label = 'DeliveryPeriod'; Value = { $_.DeliveryPeriod }; At80 = 'Whole'; At120 = 'Whole' }
                @{ Label = 'MarketGroup'; Value = { $_.MarketGroupName }; At80 = 'Cut'; At120 = 'Whole' }
                @{ Label = 'Deadlines (UTC)'; Value = { @($_.EnrollmentDeadlines | ForEach-Object { Format-Utc $_.Deadline }) -join ', ' }; Pattern = $date; At80 = 'Hidden'; At120 = 'Whole' }
            )
        }
        @{
            Type    = 'RequiredAction'
            Source  = { Search-MeterEnrollment -First 500 | ForEach-Object { $_.PartnerActions; $_.LeapActions } }
            Columns = @(
                @{ Label = 'ProgramIdentifier'; Value = { $_.ProgramIdentifier }; At80 = 'Whole'; At120 = 'Whole' }
                @{ Label = 'ActionType'; Value = { $_.ActionType }; At80 = 'Whole'; At120 = 'Whole' }
                @{ Label = 'Code'; Value = { $_.Code }; At80 = 'Whole'; At120 = 'Whole' }
                @{ Label = 'Deadline (UTC)'; Value = { Format-Utc $_.Deadline }; Pattern = $date; At80 = 'Whole'; At120 = 'Whole' }
                @{ Label = 'Description'; Value = { $_.Description }; At80 = 'Hidden'; At120 = 'Cut' }
            )
        }
        @{
            Type    = 'ParticipationPreference'
            Source  = { Search-MeterEnrollment -First 500 | ForEach-Object { $_.ParticipationPreferences } }
            Columns = @(
                @{ Label = 'Preference'; Value = { $_.Preference }; At80 = 'Whole'; At120 = 'Whole' }
                @{ Label = 'Start (UTC)'; Value = { Format-Utc $_.StartTime }; Pattern = $date; At80 = 'Whole'; At120 = 'Whole' }
                @{ Label = 'End (UTC)'; Value = { Format-Utc $_.EndTime }; Pattern = $date; At80 = 'Whole'; At120 = 'Whole' }
                @{ Label = 'Reason'; Value = { $_.Reason }; At80 = 'Whole'; At120 = 'Whole' }
            )
        }
        @{
            Type    = 'EnrollmentDeadline'
            Source  = { Search-MeterEnrollment -First 50 | ForEach-Object { $_.ProgramEnrollments } | ForEach-Object { $_.EnrollmentDeadlines } }
            Columns = @(
                @{ Label = 'Deadline (UTC)'; Value = { Format-Utc $_.Deadline }; Pattern = $date; At80 = 'Whole'; At120 = 'Whole' }
                @{ Label = 'Activation (UTC)'; Value = { Format-Utc $_.Activation }; Pattern = $date; At80 = 'Whole'; At120 = 'Whole' }
            )
        }
        @{
            Type    = 'NomosEvent'
            # The lifecycle of an activated order (the longest topic, check_submitted, among it) and a block.
            Source  = {
                'evt_79g87h7ah94vcd3q7xyixynp', 'evt_jtjg2hjc3miignsng194es5l', 'evt_npqzl1u9oztv2wz4d1b3vzcg', 'evt_2i0mt8g16965p78t8wvutb1k',
                'evt_1fovg4d62ia2h1dc7mn6jbuu', 'evt_3opt5huf0xnfp9ar6jrq6up3', 'evt_6j4a9wj4i2dumfbrc2ncwnri', 'evt_m5bv55bljev56j3o2eae578q' | Get-NomosEvent
            }
            Columns = @(
                @{ Label = 'Timestamp (UTC)'; Value = { Format-Utc $_.Timestamp }; Pattern = $date; At80 = 'Whole'; At120 = 'Whole' }
                @{ Label = 'Topic'; Value = { $_.Topic }; At80 = 'Whole'; At120 = 'Whole' }
                @{ Label = 'MeterOrder'; Value = { $_.MeterOrder }; Pattern = '^prdo_[0-9a-z]{24}$'; At80 = 'Whole'; At120 = 'Whole' }
                @{ Label = 'Id'; Value = { $_.Id }; At80 = 'Cut'; At120 = 'Whole' }
            )
        }
        @{
            Type        = 'NomosConnection'
            Source      = { Get-NomosContext }
            FormatTable = $true
            Columns     = @(
                @{ Label = 'Services'; Value = { $_.Services }; At80 = 'Whole'; At120 = 'Whole' }
                @{ Label = 'IsConnected'; Value = { $_.IsConnected }; At80 = 'Whole'; At120 = 'Whole' }
                @{ Label = 'BaseUri'; Value = { $_.BaseUri }; At80 = 'Whole'; At120 = 'Whole' }
                @{ Label = 'AuthenticationType'; Value = { $_.AuthenticationType }; At80 = 'Whole'; At120 = 'Whole' }
                @{ Label = 'EnrollmentBaseUri'; Value = { $_.EnrollmentBaseUri }; At80 = 'Hidden'; At120 = 'Whole' }
            )
        }
    )
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-Module (Get-ModuleManifest)
    Connect-Nomos -Sandbox
    # Plain text: the header colours would count as characters of the line.
    $rendering = $PSStyle.OutputRendering
    $PSStyle.OutputRendering = 'PlainText'

    function Format-Utc($Value) { if ($null -ne $Value) { $Value.UtcDateTime.ToString('yyyy-MM-dd HH:mm') } }

    # The sample rows that carry the longest text of each column, in sample order, without repeats.
    function Select-LongestRow($Rows, $Columns) {
        $picked = foreach ($column in $Columns) {
            $Rows | Sort-Object { "$($_ | ForEach-Object $column.Value)".Length } -Descending -Stable | Select-Object -First 1
        }
        $Rows | Where-Object { $picked -contains $_ }
    }

    # Splits a rendered table into its lines, its header labels and its cells, at the columns the dash line marks.
    function Read-Table([string] $Text) {
        $lines = @($Text -split '\r?\n' | Where-Object { $_.Trim() -ne '' })
        $starts = @([regex]::Matches($lines[1], '-+') | ForEach-Object Index)
        $cells = {
            param([string] $Line)
            , @(for ($i = 0; $i -lt $starts.Count; $i++) {
                $start = $starts[$i]
                $end = if ($i + 1 -lt $starts.Count) { $starts[$i + 1] } else { [Math]::Max($Line.Length, $start) }
                if ($start -ge $Line.Length) { '' } else { $Line.Substring($start, [Math]::Min($end, $Line.Length) - $start).Trim() }
            })
        }
        # A list, so that a table of one row stays a list of one row.
        $rows = [System.Collections.Generic.List[object]]::new()
        foreach ($line in $lines | Select-Object -Skip 2) { $rows.Add((& $cells $line)) }
        [pscustomobject]@{
            Lines  = $lines
            Labels = & $cells $lines[0]
            Rows   = $rows
        }
    }
}

AfterAll {
    $PSStyle.OutputRendering = $rendering
    Disconnect-Nomos -ErrorAction SilentlyContinue
}

Describe 'The <Type> table' -ForEach $views {
    BeforeAll {
        $sample = @(& $Source)
        $rows = @(Select-LongestRow $sample $Columns)
    }

    Context 'at <_> columns' -ForEach 80, 120 {
        BeforeAll {
            $width = $_
            $shown = @($Columns | Where-Object { $_["At$width"] -ne 'Hidden' })
            $text = if ($FormatTable) { $rows | Format-Table | Out-String -Width $width } else { $rows | Out-String -Width $width }
            $table = Read-Table $text
        }

        It 'fits the console with every shown label whole on one header line and the rest hidden' {
            $sample | Should -Not -BeNullOrEmpty
            $table.Lines | Where-Object Length -gt $width | Should -BeNullOrEmpty
            $table.Lines[1] | Should -Match '^-+( +-+)* *$' -Because 'a stacked header pushes its rest onto the second line'
            $table.Labels -join ' | ' | Should -BeExactly ($shown.Label -join ' | ')
        }

        It 'prints every row, ids and dates complete' {
            $table.Rows.Count | Should -Be $rows.Count
            for ($r = 0; $r -lt $rows.Count; $r++) {
                $row = $rows[$r]
                for ($c = 0; $c -lt $shown.Count; $c++) {
                    $column = $shown[$c]
                    $expected = "$($row | ForEach-Object $column.Value)"
                    $cell = $table.Rows[$r][$c]
                    if ($column["At$width"] -eq 'Whole') {
                        $cell | Should -BeExactly $expected -Because "$($column.Label) of row $r is shown whole"
                    }
                    else {
                        $cell.Length | Should -BeGreaterThan 1 -Because "$($column.Label) of row $r still reads"
                        if ($cell -cne $expected) {
                            $cell | Should -BeLikeExactly '*…' -Because "a cut $($column.Label) ends in …"
                            $expected.StartsWith($cell.TrimEnd('…'), [StringComparison]::Ordinal) | Should -BeTrue -Because "'$cell' begins '$expected'"
                        }
                    }
                    if ($column.Pattern -and $expected) {
                        foreach ($part in $cell -split ', ') { $part | Should -Match $column.Pattern }
                    }
                }
            }
        }
    }
}

Describe 'The README samples of the default views' {
    It 'are what the views print at 120 columns: <Lead>' -ForEach @(
        @{ Lead = 'What the default view shows' }
        @{ Lead = 'Nested objects have table views of their own' }
    ) {
        $readme = Get-Content -LiteralPath (Join-Path (Get-RepoRoot) 'README.md')
        $at = @(0..($readme.Count - 1) | Where-Object { $readme[$_].StartsWith($Lead) })
        $at | Should -HaveCount 1 -Because "the README introduces the sample with '$Lead'"
        $at = $at[0]
        $open = [array]::IndexOf($readme, '```', $at)
        $close = [array]::IndexOf($readme, '```', $open + 1)
        $block = $readme[($open + 1)..($close - 1)]
        $commands = @($block | Where-Object { $_.StartsWith('PS> ') })
        $commands | Should -Not -BeNullOrEmpty

        $printed = foreach ($command in $commands) {
            $command
            & ([scriptblock]::Create($command.Substring(4))) | Out-String -Width 120 -Stream
        }
        # Trailing spaces and blank lines are not part of what the README can show; the sandbox's timeline ends
        # today, so its dates and delivery-period names move with the day while everything else (ids, order,
        # layout) stays.
        $normalize = {
            $lines = @($args[0] | ForEach-Object TrimEnd | Where-Object { $_ -ne '' }) -join "`n"
            $lines -replace '\d{4}-\d{2}-\d{2}( \d{2}:\d{2}|T\d{2}:\d{2}:\d{2}Z)?|_\d{4}_[A-Z]{3}_[A-Z]{3}', { '#' * $_.Value.Length }
        }
        & $normalize $printed | Should -BeExactly (& $normalize $block)
    }
}
