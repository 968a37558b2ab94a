# A small Chrome DevTools Protocol client for the report's browser tests: starts Debian's headless
# chromium on a private profile, drives one page over its WebSocket, and records what the page did
# (console messages, exceptions, dialogs, network requests).

function Find-Chromium {
    foreach ($candidate in @($env:MODELLIFECYCLE_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser')) {
        if ($candidate -and (Test-Path -LiteralPath $candidate -PathType Leaf)) { return $candidate }
    }
    $null
}

function Start-HeadlessBrowser([string] $Executable) {
    $profileDir = Join-Path ([IO.Path]::GetTempPath()) ('mlc-chromium-' + [guid]::NewGuid().ToString('N'))
    $null = New-Item -ItemType Directory -Path $profileDir
    $arguments = @(
        '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
        '--disable-sync', '--no-first-run', '--hide-scrollbars', "--user-data-dir=$profileDir", '--remote-debugging-port=0', 'about:blank')
    $process = Start-Process -FilePath $Executable -ArgumentList $arguments -PassThru -RedirectStandardError (Join-Path $profileDir 'stderr.txt') -RedirectStandardOutput (Join-Path $profileDir 'stdout.txt')

    # Chromium writes the port it chose into the profile once DevTools listens.
    $portFile = Join-Path $profileDir 'DevToolsActivePort'
    $deadline = [DateTime]::UtcNow.AddSeconds(60)
    while (-not (Test-Path $portFile) -or -not (Get-Content $portFile -ErrorAction SilentlyContinue)) {
        if ($process.HasExited -or [DateTime]::UtcNow -gt $deadline) {
            throw "chromium did not start its DevTools endpoint: $(Get-Content -Raw (Join-Path $profileDir 'stderr.txt') -ErrorAction SilentlyContinue)"
        }
        Start-Sleep -Milliseconds 100
    }
    $port = [int](Get-Content $portFile)[0]
    $page = (Invoke-RestMethod "http://127.0.0.1:$port/json/list") | Where-Object type -EQ 'page' | Select-Object -First 1

    $socket = [System.Net.WebSockets.ClientWebSocket]::new()
    $socket.Options.KeepAliveInterval = [TimeSpan]::Zero
    $null = $socket.ConnectAsync([uri]$page.webSocketDebuggerUrl, [Threading.CancellationToken]::None).GetAwaiter().GetResult()
    [pscustomobject]@{ Process = $process; Profile = $profileDir; Socket = $socket; NextId = 1; Events = [Collections.Generic.List[object]]::new() }
}

function Stop-HeadlessBrowser($Browser) {
    if (-not $Browser) { return }
    try { $Browser.Socket.Dispose() } catch { }
    if (-not $Browser.Process.HasExited) { Stop-Process -Id $Browser.Process.Id -Force -ErrorAction SilentlyContinue; $Browser.Process.WaitForExit(10000) | Out-Null }
    Remove-Item -Recurse -Force $Browser.Profile -ErrorAction SilentlyContinue
}

function Receive-CdpMessage($Browser) {
    $buffer = [byte[]]::new(1MB)
    $stream = [IO.MemoryStream]::new()
    do {
        $segment = [ArraySegment[byte]]::new($buffer)
        $result = $Browser.Socket.ReceiveAsync($segment, [Threading.CancellationToken]::None).GetAwaiter().GetResult()
        if ($result.MessageType -eq 'Close') { throw 'chromium closed the DevTools connection.' }
        $stream.Write($buffer, 0, $result.Count)
    } while (-not $result.EndOfMessage)
    [Text.Encoding]::UTF8.GetString($stream.ToArray()) | ConvertFrom-Json -Depth 50
}

# Sends one command and returns its result; events that arrive meanwhile are kept in $Browser.Events.
function Invoke-Cdp($Browser, [string] $Method, [hashtable] $Params = @{}) {
    $id = $Browser.NextId++
    $json = @{ id = $id; method = $Method; params = $Params } | ConvertTo-Json -Depth 20 -Compress
    $bytes = [Text.Encoding]::UTF8.GetBytes($json)
    $null = $Browser.Socket.SendAsync([ArraySegment[byte]]::new($bytes), 'Text', $true, [Threading.CancellationToken]::None).GetAwaiter().GetResult()
    while ($true) {
        $message = Receive-CdpMessage $Browser
        if ($message.PSObject.Properties['id'] -and $message.id -eq $id) {
            if ($message.PSObject.Properties['error']) { throw "$Method failed: $($message.error.message)" }
            return $message.result
        }
        $Browser.Events.Add($message)
    }
}

function Wait-CdpEvent($Browser, [string] $Method) {
    while (-not ($Browser.Events | Where-Object method -EQ $Method)) {
        $Browser.Events.Add((Receive-CdpMessage $Browser))
    }
}

# Runs JavaScript in the page and returns its value (JSON-serialisable values only).
function Invoke-PageScript($Browser, [string] $Expression) {
    $r = Invoke-Cdp $Browser 'Runtime.evaluate' @{ expression = $Expression; returnByValue = $true; awaitPromise = $true }
    if ($r.PSObject.Properties['exceptionDetails']) { throw "Script failed: $($r.exceptionDetails.text) $($r.exceptionDetails.exception.description)" }
    $r.result.value
}

function Open-Page($Browser, [string] $Path, [int] $Width, [int] $Height, [switch] $Mobile) {
    Invoke-Cdp $Browser 'Emulation.setDeviceMetricsOverride' @{ width = $Width; height = $Height; deviceScaleFactor = 1; mobile = [bool]$Mobile } | Out-Null
    $Browser.Events.Clear()
    Invoke-Cdp $Browser 'Page.navigate' @{ url = [uri]::new([IO.Path]::GetFullPath($Path), [UriKind]::Absolute).AbsoluteUri } | Out-Null
    Wait-CdpEvent $Browser 'Page.loadEventFired'
}

function Save-Screenshot($Browser, [string] $Path, [switch] $FullPage) {
    $params = @{ format = 'png' }
    if ($FullPage) { $params.captureBeyondViewport = $true }
    $r = Invoke-Cdp $Browser 'Page.captureScreenshot' $params
    [IO.File]::WriteAllBytes($Path, [Convert]::FromBase64String($r.data))
}

function Save-Pdf($Browser, [string] $Path) {
    $r = Invoke-Cdp $Browser 'Page.printToPDF' @{ printBackground = $true; displayHeaderFooter = $false }
    [IO.File]::WriteAllBytes($Path, [Convert]::FromBase64String($r.data))
}
