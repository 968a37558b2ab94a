# Find-ModelReference end to end: a small source tree in $TestDrive, searched by the built module.
BeforeAll {
    Import-Module ModelLifecycle -Force -ErrorAction Stop
    $WarningPreference = 'SilentlyContinue'

    # As of this date the catalog says: gpt-4o's last versions retire on 2026-10-01, gpt-4o-mini
    # (Standard) retired on 2026-03-31, dall-e-3 on 2026-03-04, and gpt-35-turbo 0301 long before.
    $asOf = [datetime]'2026-06-01'

    $tree = Join-Path $TestDrive 'repo'
    function Write-TreeFile([string] $Relative, [string] $Text, [System.Text.Encoding] $Encoding = [System.Text.UTF8Encoding]::new($false)) {
        $file = Join-Path $tree $Relative
        $null = New-Item -ItemType Directory -Force -Path (Split-Path $file)
        [IO.File]::WriteAllText($file, $Text, $Encoding)
    }
    Write-TreeFile 'src/chat.py' (@(
            'from openai import AzureOpenAI'
            'resp = client.chat.completions.create(model="chat-standard", messages=m)'
            'fast = client.chat.completions.create(model="gpt-4o-mini", messages=m)'
            'best = client.chat.completions.create(model="gpt-4o", messages=m)'
        ) -join "`n")
    Write-TreeFile 'src/images.ts' (@(
            '// was "dalle-3" in the old OpenAI client'
            'const image = await client.images.generate({ model: "dall-e-3", prompt });'
        ) -join "`n")
    Write-TreeFile 'src/legacy.cs' 'var model = "gpt-35-turbo";'
    Write-TreeFile 'docs/notes.txt' "Modèle : GPT-4o`r`n" ([System.Text.UnicodeEncoding]::new($false, $true))
    Write-TreeFile '.gitignore' "build/`n"
    Write-TreeFile 'build/bundle.js' 'model:"gpt-4o"'
    Write-TreeFile 'app/[id]/page.tsx' 'const m = "gpt-4o";'

    # A simple function, so that @args passes named parameters and switches through.
    function Find-InTree { Find-ModelReference -Path $tree -AsOf $asOf @args }
    function Get-Where($r) { '{0}:{1}:{2}' -f $r.RelativePath($tree).Replace('\', '/'), $r.LineNumber, $r.Column }
    $sample = Join-Path (Get-Module ModelLifecycle).ModuleBase 'samples/sample-inventory.json'
}

Describe 'Find-ModelReference' {
    Context 'what it finds' {
        It 'finds a model id as a whole token, with its line and column, and labels it from the catalog' {
            $r = @(Find-InTree -Model gpt-4o)
            $r | ForEach-Object { Get-Where $_ } | Should -Be @('app/[id]/page.tsx:1:12', 'docs/notes.txt:1:10', 'src/chat.py:4:46')
            $r[0].PSObject.TypeNames[0] | Should -Be 'ModelLifecycle.ModelReference'
            $chat = $r[2]
            $chat.Path | Should -Be (Join-Path $tree 'src/chat.py')
            $chat.Line | Should -Be 'best = client.chat.completions.create(model="gpt-4o", messages=m)'
            $chat.Match | Should -Be 'gpt-4o'
            $chat.Kind | Should -Be 'ModelId'
            $chat.Model | Should -Be 'gpt-4o'
            $chat.RetirementDate | Should -Be ([datetime]'2026-10-01')
            $chat.DaysUntilRetirement | Should -Be 122
            $chat.Stage | Should -Be 'Deprecated'
            $chat.Replacement.ToString() | Should -Be 'gpt-5.1'
        }

        It 'does not report gpt-4o inside gpt-4o-mini unless -AllowSubstring' {
            (Find-ModelReference -Path (Join-Path $tree 'src/chat.py') -Model gpt-4o -AsOf $asOf).LineNumber | Should -Be @(4)
            (Find-ModelReference -Path (Join-Path $tree 'src/chat.py') -Model gpt-4o -AllowSubstring -AsOf $asOf).LineNumber | Should -Be @(3, 4)
        }

        It 'matches case-insensitively unless -CaseSensitive' {
            (Find-InTree -Model gpt-4o -Include *.txt).Match | Should -Be 'GPT-4o'
            Find-InTree -Model gpt-4o -Include *.txt -CaseSensitive | Should -BeNullOrEmpty
        }

        It 'reads a UTF-16 file and counts its column in characters' {
            $r = Find-InTree -Model gpt-4o -Include notes.txt
            $r.Column | Should -Be 10
            $r.Line | Should -Be 'Modèle : GPT-4o'
        }

        It 'finds other spellings under the catalog''s model, with its stage and live replacements' {
            $r = @(Find-InTree -Model dalle-3)
            $r.Match | Should -Be @('dalle-3', 'dall-e-3')
            $r.Model | Select-Object -Unique | Should -Be 'dall-e-3'
            $r[0].Stage | Should -Be 'Retired'
            $r[0].DaysUntilRetirement | Should -BeLessThan 0
            $r[0].Replacement.Model | Should -Contain 'gpt-image-1.5'
        }

        It 'labels dall-e-3 with the target Test-DeploymentUpgradePolicy advises, past a replacement that retires within 90 days' {
            $day = [datetime]'2026-11-30'
            $r = @(Find-ModelReference -Path $tree -Model dall-e-3 -AsOf $day -WarningAction SilentlyContinue)
            $verdict = Test-DeploymentUpgradePolicy -Path $sample -AsOf $day -WarningAction SilentlyContinue | Where-Object Model -eq 'dall-e-3'
            $verdict.RecommendedAction | Should -Match '^Migrate now to gpt-image-1-mini,'
            $r | Should -Not -BeNullOrEmpty
            $r | ForEach-Object { $_.Replacement.ToString() | Should -Be 'gpt-image-1-mini' -Because 'gpt-image-1 retired on 2026-10-23 and gpt-image-1.5 retires on 2026-12-16' }

            # With -WarningDays 10 both give gpt-image-1.5 (16 days left) its place again.
            $short = @(Find-ModelReference -Path $tree -Model dall-e-3 -AsOf $day -WarningDays 10 -WarningAction SilentlyContinue)
            $shortVerdict = Test-DeploymentUpgradePolicy -Path $sample -AsOf $day -WarningDays 10 -WarningAction SilentlyContinue | Where-Object Model -eq 'dall-e-3'
            $shortVerdict.RecommendedAction | Should -Match '^Migrate now to gpt-image-1\.5'
            $short | ForEach-Object { $_.Replacement.ToString() | Should -Match '^gpt-image-1\.5' }
        }

        It 'expands -Model wildcards against the catalog''s model names' {
            (Find-InTree -Model 'gpt-4o*').Model | Sort-Object -Unique | Should -Be @('gpt-4o', 'gpt-4o-mini')
        }

        It 'still searches a literal id the catalog does not know, with a warning' {
            Write-TreeFile 'src/custom.py' 'model = "contoso-llm"'
            try {
                $r = Find-ModelReference -Path $tree -AsOf $asOf -Model contoso-llm -WarningVariable w -WarningAction SilentlyContinue
                $r.Model | Should -Be 'contoso-llm'
                $r.Stage | Should -BeNullOrEmpty
                $w.Message | Should -Match "'contoso-llm' is not in the AzureCloud catalog"
            }
            finally { Remove-Item (Join-Path $tree 'src/custom.py') }
        }

        It 'warns about stale data only for the models its references name' {
            $dir = Join-Path $TestDrive 'ages'
            $null = New-Item -ItemType Directory -Force -Path $dir
            Set-Content (Join-Path $dir 'reason.py') 'model = "o1"'
            $file = Join-Path $TestDrive 'o1-only.json'
            '{ "format": "ModelLifecycle.Catalog", "formatVersion": 1, "snapshotDate": "2026-11-01", "entries": [ { "model": "o1", "version": "2024-12-17", "retirementDate": "2027-01-31" } ] }' | Set-Content $file

            $fresh = Find-ModelReference -Path $dir -Model o1 -CatalogPath $file -AsOf 2026-11-22 -WarningVariable w -WarningAction SilentlyContinue
            $fresh.Model | Should -Be 'o1'
            $w | Should -HaveCount 0 -Because 'the one model found is labelled from the newer file'

            Set-Content (Join-Path $dir 'chat.py') 'model = "gpt-4o"'
            $r = Find-ModelReference -Path $dir -Model o1, gpt-4o -CatalogPath $file -AsOf 2026-11-22 -WarningVariable w2 -WarningAction SilentlyContinue
            $r | Should -HaveCount 2
            $w2 | Should -HaveCount 1
            "$w2" | Should -Match '2026-07-07'
        }

        It 'searches retiring and retired models by default, narrowed by -RetiringWithinDays' {
            $default = Find-ModelReference -Path $tree -AsOf 2026-01-15
            $default.Model | Sort-Object -Unique | Should -Be @('dall-e-3', 'gpt-35-turbo', 'gpt-4o', 'gpt-4o-mini')
            $narrow = Find-ModelReference -Path $tree -AsOf 2026-01-15 -RetiringWithinDays 50
            $narrow.Model | Sort-Object -Unique | Should -Be @('dall-e-3', 'gpt-35-turbo') -Because 'gpt-35-turbo has versions retired in the last year, dall-e-3 retires in 48 days, gpt-4o and gpt-4o-mini in 75'
            (Find-ModelReference -Path $tree -AsOf 2026-01-15 -RetiringWithinDays 30).Model | Sort-Object -Unique | Should -Be @('gpt-35-turbo')
        }

        It 'finds -DeploymentName names as written, without a model' {
            $r = Find-InTree -DeploymentName chat-standard
            Get-Where $r | Should -Be 'src/chat.py:2:46'
            $r.Kind | Should -Be 'DeploymentName'
            $r.Model | Should -BeNullOrEmpty
        }
    }

    Context 'which files' {
        It 'honours .gitignore unless -NoIgnore' {
            (Find-InTree -Model gpt-4o).Path | Should -Not -Contain (Join-Path $tree 'build/bundle.js')
            (Find-InTree -Model gpt-4o -NoIgnore).Path | Should -Contain (Join-Path $tree 'build/bundle.js')
        }

        It 'filters files with -Include and -Exclude globs' {
            (Find-InTree -Model gpt-4o -Include *.py, *.ts).Path | Should -Be @((Join-Path $tree 'src/chat.py'))
            (Find-InTree -Model gpt-4o -Exclude docs/, app/).Path | Should -Be @((Join-Path $tree 'src/chat.py'))
        }

        It 'resolves paths relative to the current location, and -LiteralPath takes brackets as written' {
            Push-Location $tree
            try {
                (Find-ModelReference src -Model gpt-4o -AsOf $asOf).Path | Should -Be @((Join-Path $tree 'src/chat.py'))
                (Find-ModelReference -LiteralPath 'app/[id]' -Model gpt-4o -AsOf $asOf).Path | Should -Be @((Join-Path $tree 'app/[id]/page.tsx'))
                (Find-ModelReference -Model gpt-4o -AsOf $asOf) | Should -HaveCount 3 -Because '-Path defaults to the current location'
            }
            finally { Pop-Location }
        }
    }

    Context 'pipeline input' {
        It 'takes assessments from Test-DeploymentUpgradePolicy: their model ids and deployment names, labelled with the deployment' {
            $r = Test-DeploymentUpgradePolicy -Path $sample -AsOf $asOf | Find-ModelReference -Path $tree -AsOf $asOf
            $deployment = $r | Where-Object Kind -eq 'DeploymentName'
            Get-Where $deployment | Should -Be 'src/chat.py:2:46'
            $deployment.Match | Should -Be 'chat-standard'
            $deployment.Model | Should -Be 'gpt-4o'
            $deployment.Version | Should -Be '2024-08-06'
            $deployment.RetirementDate | Should -Be ([datetime]'2026-03-31') -Because 'chat-standard is a Standard deployment'
            ($r | Where-Object Kind -eq 'ModelId').Model | Sort-Object -Unique | Should -Be @('dall-e-3', 'gpt-4o') -Because 'the inventory names these models and not gpt-4o-mini or gpt-35-turbo, so the default set is not searched'
        }

        It 'searches files and folders piped from Get-ChildItem, as Select-String does, and not the current location' {
            Push-Location $TestDrive
            try {
                $r = Get-ChildItem -LiteralPath $tree -Directory | Where-Object Name -in 'src', 'app' | Find-ModelReference -Model gpt-4o -AsOf $asOf -ErrorVariable err -ErrorAction SilentlyContinue
                $err | Should -BeNullOrEmpty
                ($r.Path | Sort-Object) | Should -Be @((Join-Path $tree 'app/[id]/page.tsx'), (Join-Path $tree 'src/chat.py'))
                $file = Get-Item -LiteralPath (Join-Path $tree 'src/legacy.cs')
                ($file | Find-ModelReference -Model gpt-35-turbo -AsOf $asOf -ErrorAction Stop).Path | Should -Be $file.FullName
            }
            finally { Pop-Location }
        }

        It 'reports piped objects that are not deployments per item and goes on' {
            $r = @((Get-Date), [pscustomobject]@{ DeploymentName = 'chat-standard'; Model = 'gpt-4o'; Version = '2024-11-20' }) |
                Find-ModelReference -Path $tree -AsOf $asOf -ErrorVariable err -ErrorAction SilentlyContinue
            $err | Should -HaveCount 1
            $err[0].FullyQualifiedErrorId | Should -BeLike 'InputNotADeployment,*'
            ($r | Where-Object Kind -eq 'DeploymentName').RetirementDate | Should -Be ([datetime]'2026-10-01')
        }
    }

    Context 'errors' {
        It 'refuses an -AsOf outside 2000-2999 at binding instead of crashing' {
            foreach ($day in '9999-12-31', '0001-01-01') {
                { Find-ModelReference -Path $tree -AsOf $day } | Should -Throw -ErrorId 'ParameterArgumentValidationError,*'
                { Get-ModelRetirement -AsOf $day } | Should -Throw -ErrorId 'ParameterArgumentValidationError,*'
                { Test-DeploymentUpgradePolicy -Path $sample -AsOf $day } | Should -Throw -ErrorId 'ParameterArgumentValidationError,*'
                { Invoke-ModelMigration -ResourceGroupName rg -AccountName acct -Name d -PlanOnly -Offline -AsOf $day } | Should -Throw -ErrorId 'ParameterArgumentValidationError,*'
                { Export-ModelLifecycleReport -Path (Join-Path $TestDrive 'r.html') -AsOf $day } | Should -Throw -ErrorId 'ParameterArgumentValidationError,*'
            }
            # Every cmdlet with an -AsOf validates it the same way.
            $unchecked = Get-Command -Module ModelLifecycle | Where-Object { $_.Parameters.ContainsKey('AsOf') } |
                Where-Object { -not ($_.Parameters['AsOf'].Attributes | Where-Object { $_.GetType().Name -eq 'ValidateAsOfAttribute' }) } |
                ForEach-Object Name
            $unchecked | Should -BeNullOrEmpty
        }

        It 'reports a missing path as a non-terminating PathNotFound and searches the others' {
            $r = Find-ModelReference -Path (Join-Path $TestDrive 'missing'), $tree -Model gpt-4o -AsOf $asOf -ErrorVariable err -ErrorAction SilentlyContinue
            $r | Should -HaveCount 3
            $err | Should -HaveCount 1
            $err[0].FullyQualifiedErrorId | Should -BeLike 'PathNotFound,*'
            $err[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        }

        It 'reports an unreadable file as a non-terminating FileReadFailed' {
            # Root reads any file whatever its mode, so as root a write-only kernel attribute stands in.
            $unreadable = $null
            if (-not $IsWindows -and (id -u) -ne '0') {
                $unreadable = Join-Path $TestDrive 'locked.txt'
                Set-Content $unreadable 'gpt-4o'
                chmod 000 $unreadable
            }
            else {
                $unreadable = @('/sys/bus/pci/rescan', '/sys/kernel/mm/ksm/run') | Where-Object {
                    if (-not (Test-Path -LiteralPath $_)) { return $false }
                    try { [IO.File]::OpenRead($_).Dispose(); $false } catch { $true }
                } | Select-Object -First 1
            }
            if (-not $unreadable) { Set-ItResult -Skipped -Because 'this machine has no file the current user cannot read' }

            $r = Find-ModelReference -Path $unreadable, $tree -Model gpt-4o -AsOf $asOf -ErrorVariable err -ErrorAction SilentlyContinue
            $r | Should -HaveCount 3
            $err | Should -HaveCount 1
            $err[0].FullyQualifiedErrorId | Should -BeLike 'FileReadFailed,*'
            $err[0].CategoryInfo.Category | Should -Be 'ReadError'
            $err[0].TargetObject | Should -Be $unreadable
        }

        It 'refuses a path that is not in the file system, per path' {
            $null = Find-ModelReference -Path Env:, $tree -Model gpt-4o -AsOf $asOf -ErrorVariable err -ErrorAction SilentlyContinue
            $err[0].FullyQualifiedErrorId | Should -BeLike 'PathNotInFileSystem,*'
            $err[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        }

        It 'stops with InvalidReferencePattern when nothing can be searched for' {
            { Find-InTree -DeploymentName "two`nlines" -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidReferencePattern,ModelLifecycle.Commands.FindModelReferenceCommand'
        }
    }

    Context 'presentation' {
        It 'renders a table grouped by file whose columns fit 80 characters' {
            Push-Location $tree
            try { $text = Find-ModelReference -Model gpt-4o, dall-e-3 -AsOf $asOf | Format-Table | Out-String -Width 80 }
            finally { Pop-Location }
            $text | Should -Match 'Path: src[\\/]images\.ts'
            $text | Should -Match 'Line\s+Match\s+Model\s+Stage\s+Retires\s+Days\s+Replacement'
            $text | Should -Match '\s2\s+dall-e-3\s+dall-e-3\s+Retired\s+2026-03-04\s+-89\s+gpt-image' -Because 'a retired model says so beside its date'
            $text | Should -Match '\s4\s+gpt-4o\s+gpt-4o\s+Deprecated\s+2026-10-01\s+122\s+gpt-5.1'
            ($text -split "`r?`n" | Where-Object { $_.TrimEnd().Length -gt 80 }) | Should -BeNullOrEmpty
        }

        It 'shows every property in a list' {
            $text = Find-InTree -Model gpt-4o -Include chat.py | Format-List | Out-String -Width 200
            $text | Should -Match 'RetirementDate : 2026-10-01 \(122 days\)'
            $text | Should -Match 'Line\s+: best = client'
        }

        It 'exports to CSV with readable replacements' {
            $csv = Join-Path $TestDrive 'refs.csv'
            Find-InTree -Model dall-e-3 | Export-Csv $csv -ErrorAction Stop
            $rows = Import-Csv $csv
            $rows | Should -HaveCount 2
            $rows[0].PSObject.Properties.Name | Should -Be @('Path', 'Cell', 'LineNumber', 'Column', 'Line', 'Match', 'Kind', 'Model', 'Version', 'Stage', 'RetirementDate', 'RetirementDateIsTentative', 'DaysUntilRetirement', 'Replacement', 'AsOf', 'Change')
            $rows[0].Replacement | Should -Be 'gpt-image-1, gpt-image-1.5, gpt-image-1-mini'
            $rows[0].LineNumber | Should -Be '1'
        }

        It 'completes -Model from the catalog' {
            $line = 'Find-ModelReference -Model gpt-4o-mi'
            (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Contain 'gpt-4o-mini'
        }
    }

    Context 'on real code' {
        BeforeAll {
            $real = Join-Path $TestDrive 'real'
            function Write-RealFile([string] $Relative, [string] $Text) {
                $file = Join-Path $real $Relative
                $null = New-Item -ItemType Directory -Force -Path (Split-Path $file)
                [IO.File]::WriteAllText($file, $Text, [System.Text.UTF8Encoding]::new($false))
            }
            Write-RealFile 'config.py' (@(
                    'MODEL = "gpt-4o-2024-08-06"'
                    'REASONING = "o1-2024-12-17"'
                ) -join "`n")
            Write-RealFile 'app/chat.py' (@(
                    'resp = client.chat.completions.create(model="chat", messages=m)'
                    'SMALL = "gpt-4o-mini"'
                    '# was gpt-4o before'
                ) -join "`n")
            Write-RealFile 'speech/speech.py' (@(
                    '# TTS reads the answer aloud'
                    'voice = client.audio.speech.create(model="tts", voice="alloy")'
                    'plan = "o1"'
                    'png = "iVBORw0KGgoAAAANSUhEUgAAAoAAAAHgCAYAAAA10dzkAAAAOXRFWHRTb2Z0+o1/d2FyZQBNYXRwbG90bGliIHZlcnNpb24zLjcuMSwg"'
                ) -join "`n")
            Write-RealFile 'notebooks/demo.ipynb' (@{
                    cells = @(
                        @{ cell_type = 'markdown'; metadata = @{}; source = @("# Leaving gpt-4o`n", 'for its successor') }
                        @{
                            cell_type = 'code'; execution_count = 1; metadata = @{}
                            source = @("import openai`n", 'r = client.create(model="gpt-4o-2024-08-06")')
                            outputs = @(@{ output_type = 'display_data'; data = @{ 'image/png' = 'iVBORw0KGgoAAAANSUhEUgAAAoAAAAHgCAYAAAA10dzkAAAAOXRFWHRTb2Z0+o1/ gpt-4o'; 'text/plain' = @('gpt-4o') } })
                        }
                    )
                    metadata = @{}; nbformat = 4; nbformat_minor = 5
                } | ConvertTo-Json -Depth 10)
            [IO.File]::WriteAllBytes((Join-Path $real 'notebooks/plot.png'), [byte[]](0x89, 0x50, 0x4E, 0x47, 0, 0, 0) + [Text.Encoding]::ASCII.GetBytes('gpt-4o') + [byte[]]::new(4096))
            Write-RealFile 'labels.py' (@(
                    'REASONING = "o1"'
                    'SMALL = "gpt-4o-mini"'
                    'LEGACY = "gpt-4"'
                ) -join "`n")
        }

        It 'follows a retired replacement to a live one, or says there is none' {
            $late = [datetime]'2026-11-30'
            $r = @(Find-ModelReference -Path (Join-Path $real 'labels.py') -Model o1, gpt-4o-mini, gpt-4 -AsOf $late)
            $o1 = $r | Where-Object Model -eq 'o1'
            $o1.Stage | Should -Be 'Retired'
            $o1.Replacement | Should -BeNullOrEmpty -Because 'o3, its replacement, retired on 2026-10-16 and names none'
            ($r | Where-Object Model -eq 'gpt-4o-mini').Replacement.ToString() | Should -Be 'gpt-5-mini' -Because 'gpt-4.1-mini retired on 2026-10-14'
            $gpt4 = $r | Where-Object Model -eq 'gpt-4'
            # Its newest dated version has a "no earlier than" date that has passed: a floor, not a retirement.
            $gpt4.Stage | Should -Not -Be 'Retired' -Because 'a passed "no earlier than" date does not retire it'
            $gpt4.RetirementDateIsTentative | Should -BeTrue
            $gpt4.DaysUntilRetirement | Should -BeNullOrEmpty -Because 'no count of days past a floor'
            $gpt4.Replacement.ToString() | Should -Be 'gpt-5.1'
            $text = $r | Format-Table | Out-String -Width 80
            $text | Should -Match 'o1\s+Retired\s+2026-09-16\s+-75\s+\(none\)'
        }

        It 'matches deployment names where code names a deployment, warns once about ordinary words, and reports a deployment named after its model once' {
            $deployments = @(
                [pscustomobject]@{ DeploymentName = 'chat'; Model = 'gpt-4o'; Version = '2024-08-06'; DeploymentType = 'GlobalStandard' }
                [pscustomobject]@{ DeploymentName = 'gpt-4o-mini'; Model = 'gpt-4o-mini'; Version = '2024-07-18'; DeploymentType = 'GlobalStandard' }
            )
            $r = @($deployments | Find-ModelReference -Path (Join-Path $real 'app') -AsOf $asOf -WarningVariable warnings -WarningAction SilentlyContinue)
            $r | ForEach-Object { '{0}:{1}:{2}' -f $_.LineNumber, $_.Kind, $_.Match } | Should -Be @('1:DeploymentName:chat', '2:DeploymentName:gpt-4o-mini', '3:ModelId:gpt-4o')
            $r[1].Version | Should -Be '2024-07-18'
            @($warnings | Where-Object { "$_" -like '*ordinary word*' }) | Should -HaveCount 1
        }

        It 'matches short ids as written and not inside base64 data' {
            $r = @(Find-ModelReference -Path (Join-Path $real 'speech') -Model tts, o1 -AsOf $asOf)
            $r | ForEach-Object { '{0}:{1}' -f $_.LineNumber, $_.Match } | Should -Be @('2:tts', '3:o1')
        }

        It 'searches notebook cell sources and reports the cell, skipping outputs' {
            $r = @(Find-ModelReference -Path (Join-Path $real 'notebooks') -Model gpt-4o, o1 -AsOf $asOf)
            $r | ForEach-Object { '{0}:{1}:{2}:{3}' -f $_.Cell, $_.LineNumber, $_.Column, $_.Match } | Should -Be @('1:1:11:gpt-4o', '2:2:26:gpt-4o-2024-08-06')
            $r[1].Line | Should -Be 'r = client.create(model="gpt-4o-2024-08-06")'
            $text = $r | Format-Table | Out-String -Width 80
            $text | Should -Match '\s2:2\s+gpt-4o-2024-08-'
            ($r[0] | Format-List | Out-String) | Should -Match 'Cell\s+: 1'
        }

        It 'says once in -Verbose how much text it searched and how many binary files it skipped' {
            $verbose = @(Find-ModelReference -Path (Join-Path $real 'notebooks') -Model gpt-4o -AsOf $asOf -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] })
            $verbose.Message | Should -Not -Match 'plot\.png'
            $verbose.Message | Where-Object { $_ -like 'Searched * text file*' } | Should -Match '^Searched 1 text file \(0\.0 MB of text\) in [0-9.]+ s; skipped 1 binary file\.$'
        }

        It 'searches a committed file that .gitignore covers, reading the index git wrote' -Skip:(-not (Get-Command git -ErrorAction SilentlyContinue)) {
            $repo = Join-Path $TestDrive 'tracked'
            $null = New-Item -ItemType Directory -Force -Path (Join-Path $repo 'scripts')
            Set-Content -LiteralPath (Join-Path $repo 'scripts/.env') -Value 'AZURE_OPENAI_MODEL=gpt-4o'
            Set-Content -LiteralPath (Join-Path $repo 'local.env') -Value 'AZURE_OPENAI_MODEL=gpt-4o'
            git -C $repo init -q 2>&1 | Out-Null
            git -C $repo add scripts/.env 2>&1 | Out-Null
            Set-Content -LiteralPath (Join-Path $repo '.gitignore') -Value "*.env`n.env"
            $r = @(Find-ModelReference -Path $repo -Model gpt-4o -AsOf $asOf)
            $r | ForEach-Object { $_.RelativePath($repo).Replace('\', '/') } | Should -Be @('scripts/.env')
        }

        It 'finds dated ids by default and labels them with that version' {
            $r = @(Find-ModelReference -Path (Join-Path $real 'config.py') -AsOf $asOf)
            $r.Match | Should -Be @('gpt-4o-2024-08-06', 'o1-2024-12-17')
            $r[0].Model, $r[0].Version | Should -Be @('gpt-4o', '2024-08-06')
            $r[0].RetirementDate | Should -Be ([datetime]'2026-10-01')
            $r[1].Model, $r[1].Version | Should -Be @('o1', '2024-12-17')
            $r[1].RetirementDate | Should -Be ([datetime]'2026-09-16')
        }
    }

    Context 'long runs' {
        It 'reports progress and stops promptly on Ctrl+C' {
            # A tree big enough that the search is still running when it is stopped.
            $big = if ($IsWindows) { $env:windir } else { '/usr' }
            $ps = [powershell]::Create()
            try {
                $null = $ps.AddCommand('Import-Module').AddParameter('Name', (Join-Path (Get-Module ModelLifecycle).ModuleBase 'ModelLifecycle.psd1')).AddStatement()
                $null = $ps.AddCommand('Find-ModelReference').AddParameter('Path', $big).AddParameter('NoIgnore').AddParameter('ErrorAction', 'SilentlyContinue').AddParameter('WarningAction', 'SilentlyContinue')
                $handle = $ps.BeginInvoke()
                $deadline = [datetime]::UtcNow.AddSeconds(10)
                while ($ps.Streams.Progress.Count -eq 0 -and -not $handle.IsCompleted -and [datetime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 50 }
                $ps.Streams.Progress.Count | Should -BeGreaterThan 0 -Because 'a search that takes a while shows progress'
                $ps.Streams.Progress[0].Activity | Should -Be 'Searching for model references'

                $clock = [Diagnostics.Stopwatch]::StartNew()
                $ps.Stop()
                $clock.Elapsed.TotalSeconds | Should -BeLessThan 15 -Because "without the stop the search of the whole tree goes on"
                $ps.InvocationStateInfo.State | Should -Be 'Stopped'
            }
            finally { $ps.Dispose() }
        }
    }
}
