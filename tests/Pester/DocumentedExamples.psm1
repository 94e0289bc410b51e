# Finds the examples the documentation shows (README.md, about_NomosMeters, Get-Help <cmdlet> -Examples) in their
# source text and runs them statement by statement in a fresh runspace, as a user would paste them.

$script:RepoRoot = Split-Path -Parent (Split-Path -Parent $PSScriptRoot)

# Indented blocks of about_NomosMeters that are tables or sample output, not code (by their first line). A new
# table makes the documentation test fail with "not recognized" or a binding error: add its first line here.
$script:AboutBlocksThatAreNotCode = @(
    'Connect-Nomos            Connects to one or both APIs, or the sandbox.'
    '-First <n>    Stops requesting pages after n objects. When n is'
    'NOMOS_CLIENT_ID, NOMOS_CLIENT_SECRET   Nomos API client credentials'
    'NomosMeters.NotConnected         no connection; run Connect-Nomos'
    'VERBOSE: GET /meter-orders?filter%5Bstatus%5D%5Beq%5D=scheduled&limit=100 -> 200 (84 ms)'
)

function New-Example([string] $Source, [string] $Name, [string] $Code) {
    [pscustomobject]@{ Source = $Source; Name = $Name; Code = $Code.TrimEnd() }
}

<#
.SYNOPSIS
    The ```powershell blocks of README.md, in order.
#>
function Get-ReadmeExample {
    $text = Get-Content -Raw -LiteralPath (Join-Path $script:RepoRoot 'README.md')
    $number = 0
    foreach ($match in [regex]::Matches($text, '(?ms)^```powershell\r?\n(.*?)^```')) {
        $number++
        $line = ($text.Substring(0, $match.Index) -split "`n").Count + 1
        New-Example 'README.md' "README.md block $number (line $line)" $match.Groups[1].Value
    }
}

<#
.SYNOPSIS
    The code blocks of about_NomosMeters: runs of lines indented by eight spaces, in order, tables left out.
#>
function Get-AboutExample {
    $path = Join-Path $script:RepoRoot 'src/NomosMeters/en-US/about_NomosMeters.help.txt'
    $lines = Get-Content -LiteralPath $path
    $blocks = [Collections.Generic.List[object]]::new()
    $current = $null
    for ($i = 0; $i -lt $lines.Count; $i++) {
        $line = $lines[$i]
        if ($line -match '^        \S' -or ($current -and $line -match '^         ')) {
            if (-not $current) { $current = [pscustomobject]@{ Line = $i + 1; Lines = [Collections.Generic.List[string]]::new() }; $blocks.Add($current) }
            $current.Lines.Add($line.Substring([Math]::Min(8, $line.Length)))
        }
        elseif ($line.Trim() -eq '' -and $current) {
            $current.Lines.Add('')
        }
        else {
            $current = $null
        }
    }
    foreach ($block in $blocks) {
        if ($script:AboutBlocksThatAreNotCode -contains $block.Lines[0].TrimEnd()) { continue }
        New-Example 'about_NomosMeters' "about_NomosMeters line $($block.Line)" ($block.Lines -join "`n")
    }
}

<#
.SYNOPSIS
    Every example of every cmdlet's help, as Get-Help shows it.
#>
function Get-HelpExample {
    param([Parameter(Mandatory)] [string] $ModuleName)
    foreach ($command in Get-Command -Module $ModuleName -CommandType Cmdlet | Sort-Object Name) {
        foreach ($example in @((Get-Help $command.Name).examples.example)) {
            $title = ($example.title -replace '^-+\s*|\s*-+$', '')
            New-Example "$($command.Name) help" "$($command.Name) $title" $example.code
        }
    }
}

<#
.SYNOPSIS
    The top-level statements of an example, each with its own text: a pipeline over several lines is one.
#>
function Split-ExampleStatement {
    param([Parameter(Mandatory)] [string] $Code)
    $tokens = $null; $errors = $null
    $ast = [Management.Automation.Language.Parser]::ParseInput($Code, [ref]$tokens, [ref]$errors)
    if ($errors) { throw "The example does not parse: $($errors[0].Message)`n$Code" }
    @($ast.EndBlock.Statements | ForEach-Object { $_.Extent.Text })
}

<#
.SYNOPSIS
    Where a script file the documentation shows belongs (an Azure Function's run.ps1), or nothing for statements to
    type. Such a block has a param() block and its first line names the file: "# NomosWebhook/run.ps1: ...".
#>
function Get-ExampleScriptFile {
    param([Parameter(Mandatory)] [string] $Code)
    $ast = [Management.Automation.Language.Parser]::ParseInput($Code, [ref]$null, [ref]$null)
    if ($ast.ParamBlock -and $Code -match '^# (?<file>[\w./-]+\.ps1)\b') { $Matches.file }
}

<#
.SYNOPSIS
    A runspace for one documentation session: the module is imported by the example itself or, when
    -ImportModule, up front; $Prelude runs first.
#>
function New-ExampleRunspace {
    param([string] $WorkingDirectory, [string] $Prelude)
    $runspace = [runspacefactory]::CreateRunspace([initialsessionstate]::CreateDefault2())
    $runspace.Open()
    $shell = [powershell]::Create()
    $shell.Runspace = $runspace
    $null = $shell.AddCommand('Set-Location').AddParameter('LiteralPath', $WorkingDirectory).AddStatement().AddScript($Prelude)
    $null = $shell.Invoke()
    if ($shell.HadErrors) { throw "The prelude failed: $($shell.Streams.Error | Select-Object -First 1)" }
    $shell.Dispose()
    $runspace
}

<#
.SYNOPSIS
    Runs one statement in the runspace and renders its output as the console would (Out-String), so formatting
    errors count. Returns the error records (non-terminating and terminating) and the text.
#>
function Invoke-ExampleStatement {
    param([Parameter(Mandatory)] $Runspace, [Parameter(Mandatory)] [string] $Statement)
    $shell = [powershell]::Create()
    $shell.Runspace = $Runspace
    $null = $shell.AddScript($Statement).AddCommand('Out-String').AddParameter('Width', 120)
    $errors = [Collections.Generic.List[object]]::new()
    $text = ''
    try {
        $text = -join $shell.Invoke()
    }
    catch {
        $record = if ($_.Exception.InnerException -is [Management.Automation.IContainsErrorRecord]) { $_.Exception.InnerException.ErrorRecord } else { $_ }
        $errors.Add($record)
    }
    foreach ($record in $shell.Streams.Error) { $errors.Add($record) }
    $shell.Dispose()
    [pscustomobject]@{ Statement = $Statement; Errors = $errors.ToArray(); Text = $text }
}

Export-ModuleMember -Function Get-ReadmeExample, Get-AboutExample, Get-HelpExample, Get-ExampleScriptFile, Split-ExampleStatement, New-ExampleRunspace, Invoke-ExampleStatement
