# The package, installed the way users install it: packed in Release, served from a local PSResourceGet repository,
# installed, imported by name, used and uninstalled, each step in a new pwsh whose user profile lives in $TestDrive.

# On Windows the user's folders are known folders, not environment variables, so the profile cannot be isolated.
Describe 'The NomosMeters package' -Tag Package, Slow -Skip:$IsWindows {
    BeforeAll {
        Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
        $repo = Get-RepoRoot
        $manifestVersion = (Import-PowerShellDataFile (Join-Path $repo 'NomosMeters.psd1')).ModuleVersion

        # The Release build is laid out in $TestDrive: out/NomosMeters keeps the Debug module the other tests import.
        $feed = Join-Path $TestDrive 'feed'
        $layout = Join-Path $TestDrive 'module'
        $pack = & dotnet pack (Join-Path $repo 'src/NomosMeters/NomosMeters.csproj') -c Release --nologo -o $feed "-p:ModuleOutDir=$layout/" 2>&1
        if ($LASTEXITCODE -ne 0) { throw "dotnet pack failed:`n$($pack -join "`n")" }

        # The child's user profile: a home in $TestDrive with the XDG folders where they are by default, because pwsh
        # looks for modules under XDG_DATA_HOME but PSResourceGet installs CurrentUser ones under $HOME/.local/share.
        $userProfile = Join-Path $TestDrive 'home'
        $dataHome = Join-Path $userProfile '.local/share'
        $userModules = Join-Path $dataHome 'powershell/Modules'
        # .NET reports a special folder that does not exist as '', and PSResourceGet would then keep its repository list
        # under the working directory: the folders exist before the first child starts.
        foreach ($folder in '.local/share', '.config', '.cache') { $null = New-Item -ItemType Directory -Path (Join-Path $userProfile $folder) }
        $childEnvironment = @{
            HOME                        = $userProfile
            XDG_DATA_HOME               = $dataHome
            XDG_CONFIG_HOME             = Join-Path $userProfile '.config'
            XDG_CACHE_HOME              = Join-Path $userProfile '.cache'
            # Inherited, it would name this user's module folder; unset, pwsh builds it from XDG_DATA_HOME.
            PSModulePath                = $null
            POWERSHELL_UPDATECHECK      = 'Off'
            POWERSHELL_TELEMETRY_OPTOUT = '1'
            # Anything that tries the network fails at once instead of reaching it.
            HTTP_PROXY                  = 'http://127.0.0.1:9'
            HTTPS_PROXY                 = 'http://127.0.0.1:9'
        }

        # Runs one step in a new pwsh with the isolated profile; the step returns one object, passed back as JSON.
        # The step goes in a file and the child's input is one line: pwsh reading commands from standard input
        # drops a block left open at the end and exits 0 after an error, so the line catches and exits 1 itself.
        function Invoke-InUserProfile([string] $Step) {
            $stepFile = Join-Path $TestDrive 'step.ps1'
            $resultFile = Join-Path $TestDrive 'step.json'
            Set-Content -LiteralPath $stepFile -Value $Step
            Remove-Item -LiteralPath $resultFile -ErrorAction SilentlyContinue
            $line = "`$ErrorActionPreference = 'Stop'; try { & '$stepFile' | ConvertTo-Json -Depth 3 | Set-Content -LiteralPath '$resultFile' } " +
                "catch { [Console]::Error.WriteLine((`$_ | Out-String)); exit 1 }`n"
            $child = Invoke-ChildPowerShell -Script $line -Environment $childEnvironment -WorkingDirectory $userProfile -TimeoutSec 60
            if ($child.ExitCode -ne 0) { throw "The step failed (exit code $($child.ExitCode)):`n$($child.Error)" }
            Get-Content -Raw -LiteralPath $resultFile | ConvertFrom-Json
        }
    }

    It 'packs one nupkg of the manifest version, in Release, without a warning' {
        (Get-ChildItem -LiteralPath $feed -Filter *.nupkg).Name | Should -Be "NomosMeters.$manifestVersion.nupkg"
        $pack -match '\bwarning\b' | Should -BeNullOrEmpty
    }

    It 'installs from a local repository into the CurrentUser scope of the isolated profile' {
        $installed = Invoke-InUserProfile @"
            # Nothing may come from the Gallery: the only repository is the local folder.
            Unregister-PSResourceRepository -Name PSGallery
            Register-PSResourceRepository -Name NomosLocal -Uri '$feed'
            Install-PSResource -Name NomosMeters -Repository NomosLocal -Scope CurrentUser -TrustRepository
            `$resource = Get-InstalledPSResource -Name NomosMeters -Scope CurrentUser
            [pscustomobject]@{ Version = "`$(`$resource.Version)"; Location = `$resource.InstalledLocation; Repository = `$resource.Repository }
"@
        $installed.Version | Should -Be $manifestVersion
        $installed.Repository | Should -Be 'NomosLocal'
        $installed.Location | Should -Be $userModules
        Join-Path $dataHome 'PSResourceGet/PSResourceRepository.xml' | Should -Exist
        Join-Path $userModules "NomosMeters/$manifestVersion/NomosMeters.psd1" | Should -Exist
    }

    It 'imports by name in a new session and runs on the sandbox' {
        $used = Invoke-InUserProfile @'
            Import-Module NomosMeters
            Connect-Nomos -Sandbox
            $order = Get-MeterOrder -First 1
            $module = Get-Module NomosMeters
            [pscustomobject]@{ Version = "$($module.Version)"; ModuleBase = $module.ModuleBase; OrderId = $order.Id; OrderType = $order.GetType().FullName }
'@
        $used.Version | Should -Be $manifestVersion
        $used.ModuleBase | Should -Be (Join-Path $userModules "NomosMeters/$manifestVersion")
        $used.OrderId | Should -Match '^prdo_'
        $used.OrderType | Should -Be 'NomosMeters.Models.MeterOrder'
    }

    It 'runs the sandbox example of the package readme as written' {
        $readme = Get-Content -Raw -LiteralPath (Join-Path $repo 'packaging/README.md')
        $example = [regex]::Match($readme, '## Try it on the sandbox\s+```powershell\r?\n(.*?)```', 'Singleline').Groups[1].Value
        $example | Should -Match 'Import-Module NomosMeters'
        Set-Content -LiteralPath (Join-Path $TestDrive 'example.ps1') -Value $example
        $ran = Invoke-InUserProfile @"
            `$objects = @(& '$(Join-Path $TestDrive 'example.ps1')')
            [pscustomobject]@{ Types = @(`$objects | ForEach-Object { `$_.GetType().Name }); Errors = `$Error.Count }
"@
        $ran.Types | Should -Be @('MeterOrder', 'MeterOrder', 'MeterOrder', 'MeterEnrollment', 'MeterEnrollment', 'MeterEnrollment')
        $ran.Errors | Should -Be 0
    }

    It 'uninstalls: the module is gone from the CurrentUser scope and from module discovery' {
        $after = Invoke-InUserProfile @'
            Uninstall-PSResource -Name NomosMeters -Scope CurrentUser
            [pscustomobject]@{
                Installed = @(Get-InstalledPSResource -Name NomosMeters -ErrorAction SilentlyContinue).Count
                Available = @(Get-Module -ListAvailable -Name NomosMeters).Count
            }
'@
        $after.Installed | Should -Be 0
        $after.Available | Should -Be 0
        Join-Path $userModules 'NomosMeters' | Should -Not -Exist
    }
}
