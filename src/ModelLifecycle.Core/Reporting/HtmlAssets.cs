using System;
using System.Security.Cryptography;
using System.Text;

namespace ModelLifecycle.Core.Reporting
{
    /// <summary>
    /// The report page's one style sheet and one script. The Content-Security-Policy allows exactly these two
    /// by their SHA-256 hash, so nothing else can style or run in the page, escaped or not.
    /// </summary>
    internal static class HtmlAssets
    {
        public const string Style = @"
:root{--critical:#b3261e;--warning:#b45309;--info:#1d4ed8;--none:#4b5563;--line:#d1d5db;--muted:#4b5563}
*{box-sizing:border-box}
body{font:14px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;color:#111827;margin:0;padding:16px 24px;background:#fff}
h1{font-size:1.6em;margin:0 0 4px}
h2{font-size:1.15em;margin:28px 0 8px}
.meta{color:var(--muted);margin:0 0 12px}
.stale{border-left:4px solid var(--warning);background:#fff7ed;padding:8px 12px;margin:8px 0 12px}
.counts{display:flex;flex-wrap:wrap;gap:8px;margin:8px 0;padding:0;list-style:none}
.counts li{border:1px solid var(--line);border-radius:6px;padding:6px 12px;min-width:96px}
.counts b{display:block;font-size:1.5em;line-height:1.2}
.counts .sev-Critical{border-top:4px solid var(--critical)}
.counts .sev-Warning{border-top:4px solid var(--warning)}
.counts .sev-Info{border-top:4px solid var(--info)}
.counts .sev-None{border-top:4px solid var(--none)}
.outcomes{color:var(--muted);margin:4px 0}
.timeline{overflow-x:auto;border:1px solid var(--line);border-radius:6px}
.timeline svg{display:block;width:100%;min-width:960px;height:auto}
.legend{color:var(--muted);font-size:.9em;margin:6px 0}
.legend span{margin-right:12px}
.legend .key{white-space:nowrap}
.dot{display:inline-block;width:10px;height:10px;border-radius:50%;margin-right:4px;vertical-align:baseline}
.dot.sev-Critical{background:var(--critical)}.dot.sev-Warning{background:var(--warning)}.dot.sev-Info{background:var(--info)}.dot.sev-None{background:var(--none)}
#controls{display:flex;flex-wrap:wrap;gap:8px 16px;align-items:center;margin:8px 0}
#controls[hidden]{display:none}
#controls input,#controls select{font:inherit;padding:4px 6px}
.table-wrap{overflow-x:auto}
table{border-collapse:collapse;width:100%}
th,td{text-align:left;vertical-align:top;padding:6px 8px;border-bottom:1px solid var(--line)}
th{background:#f3f4f6;position:sticky;top:0}
th button{font:inherit;font-weight:600;background:none;border:0;padding:0;cursor:pointer;color:inherit;text-align:left}
th[aria-sort=ascending] button::after{content:' \25B2'}
th[aria-sort=descending] button::after{content:' \25BC'}
td.sev{font-weight:600;white-space:nowrap}
tr.sev-Critical td.sev{color:var(--critical)}tr.sev-Warning td.sev{color:var(--warning)}tr.sev-Info td.sev{color:var(--info)}tr.sev-None td.sev{color:var(--none)}
td.nowrap{white-space:nowrap}
td.option{min-width:8em;max-width:11em}
td.what{min-width:24em;overflow-wrap:anywhere}
td .name{font-weight:600}
td small{color:var(--muted)}
.what p{margin:0 0 4px}
.what .action{font-weight:600}
.what ul{margin:2px 0 4px;padding-left:18px;color:var(--muted)}
.what .src{color:var(--muted);font-size:.9em}
.shared{border-top:1px solid var(--line);padding:8px 0}
.shared h3{font-size:1em;margin:0 0 4px}
.empty{font-size:1.1em;padding:16px;border:1px dashed var(--line);border-radius:6px}
footer{color:var(--muted);font-size:.85em;margin-top:24px}
@media (max-width:700px){
body{padding:12px}
table,thead,tbody,tr,td{display:block}
thead tr{display:flex;flex-wrap:wrap;gap:4px 10px;background:#f3f4f6;padding:6px}
th{position:static;background:none;border:0;padding:0}
th.secondary{display:none}
tr{border:1px solid var(--line);border-radius:6px;margin:8px 0;padding:6px}
tr[hidden]{display:none}
td{border:0;padding:2px 0}
td::before{color:var(--muted);font-weight:400}
td:nth-child(1)::before{content:'Severity: '}td:nth-child(2)::before{content:'Date: '}td:nth-child(3)::before{content:'Outcome: '}td:nth-child(4)::before{content:'Deployment: '}td:nth-child(5)::before{content:'Model: '}td:nth-child(6)::before{content:'Upgrade option: '}
td.what,td.option{min-width:0;max-width:none}
td.what::before{content:none}
}
@media print{
body{padding:0;font-size:10pt}
#controls{display:none}
.timeline{overflow:visible;border:0}
.timeline svg{min-width:0}
.table-wrap{overflow:visible}
table{table-layout:fixed}
td.what,td.option{min-width:0}
th:nth-child(1){width:9%}th:nth-child(2){width:12%}th:nth-child(3){width:13%}th:nth-child(4){width:13%}th:nth-child(5){width:11%}th:nth-child(6){width:11%}th:nth-child(7){width:31%}
table{font-size:9pt}
td{overflow-wrap:break-word}
th{position:static}
a{color:inherit;text-decoration:none}
}
";

        public const string Script = @"
(function () {
  var table = document.getElementById('deployments');
  if (!table) { return; }
  var body = table.tBodies[0], text = document.getElementById('filter-text'), sev = document.getElementById('filter-severity'), shown = document.getElementById('shown');
  document.getElementById('controls').hidden = false;
  function filter() {
    var needle = text.value.toLowerCase(), want = sev.value, count = 0;
    Array.prototype.forEach.call(body.rows, function (row) {
      var ok = (!want || row.className === 'sev-' + want) && (!needle || row.textContent.toLowerCase().indexOf(needle) >= 0);
      row.hidden = !ok;
      if (ok) { count++; }
    });
    shown.textContent = String(count);
  }
  text.addEventListener('input', filter);
  sev.addEventListener('change', filter);
  Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, column) {
    var button = document.createElement('button');
    button.type = 'button';
    button.textContent = th.textContent;
    th.textContent = '';
    th.appendChild(button);
    button.addEventListener('click', function () {
      var ascending = th.getAttribute('aria-sort') !== 'ascending', numeric = th.getAttribute('data-type') === 'number';
      Array.prototype.forEach.call(table.tHead.rows[0].cells, function (h) { h.removeAttribute('aria-sort'); });
      th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
      var rows = Array.prototype.slice.call(body.rows);
      rows.sort(function (a, b) {
        var x = a.cells[column].getAttribute('data-v'), y = b.cells[column].getAttribute('data-v');
        if (x === null) { x = a.cells[column].textContent; }
        if (y === null) { y = b.cells[column].textContent; }
        var r = numeric ? parseFloat(x) - parseFloat(y) : x.localeCompare(y);
        return ascending ? r : -r;
      });
      rows.forEach(function (row) { body.appendChild(row); });
    });
  });
})();
";

        public static readonly string StyleHash = Hash(Style);

        public static readonly string ScriptHash = Hash(Script);

        /// <summary>
        /// Nothing may load from anywhere: no network, no fonts, no images, no frames, no forms; only the
        /// page's own style sheet and script, named by hash.
        /// </summary>
        public static readonly string ContentSecurityPolicy =
            "default-src 'none'; style-src '" + StyleHash + "'; script-src '" + ScriptHash + "'; img-src 'none'; font-src 'none'; connect-src 'none'; base-uri 'none'; form-action 'none'";

        private static string Hash(string text)
        {
            using var sha = SHA256.Create();
            return "sha256-" + Convert.ToBase64String(sha.ComputeHash(Encoding.UTF8.GetBytes(text)));
        }
    }
}
