// The embeddable claim checker (/embed/check): a page where an editor pastes a paragraph and sees the flags
// highlighted inline. One HTML page and one script from this service, nothing from elsewhere; the script builds
// every node with textContent, so neither the pasted copy nor the answer can inject markup.

export const CHECK_PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Claim checker — INTERPOL notices</title>
<style>
  :root { color-scheme: light dark; --mark-high: #ffb3b3; --mark-medium: #ffe08a; --mark-low: #cfe3ff; --mark-ok: #c8f0c8; --muted: #666; }
  @media (prefers-color-scheme: dark) { :root { --mark-high: #7a2a2a; --mark-medium: #6b5510; --mark-low: #27466e; --mark-ok: #275c27; --muted: #aaa; } }
  body { font: 16px/1.5 system-ui, sans-serif; margin: 1rem; max-width: 60rem; }
  textarea { width: 100%; min-height: 9rem; font: inherit; box-sizing: border-box; }
  .row { display: flex; gap: .75rem; align-items: center; margin: .5rem 0; flex-wrap: wrap; }
  #output { white-space: pre-wrap; border: 1px solid #8884; padding: .75rem; border-radius: 4px; min-height: 2rem; unicode-bidi: plaintext; }
  mark { border-radius: 3px; padding: 0 .1em; color: inherit; }
  mark.high { background: var(--mark-high); } mark.medium { background: var(--mark-medium); } mark.low { background: var(--mark-low); }
  mark.matches-dataset { background: var(--mark-ok); } mark.differs-from-dataset { background: var(--mark-medium); }
  #findings li { margin: .5rem 0; }
  .claim { font-weight: 600; } .meta, #status, .disclaimer { color: var(--muted); font-size: .9em; }
</style>
</head>
<body>
<h1>Claim checker</h1>
<p>Paste a paragraph (English, French, Spanish or Arabic). Passages that state a known misconception about
INTERPOL's notices are highlighted, with the correction and its sources; a member-country count is checked against
the dataset (green when it agrees).</p>
<form id="form">
  <label for="text">Text</label>
  <textarea id="text" name="text" maxlength="20000" dir="auto" required></textarea>
  <div class="row">
    <label>Language <select id="lang"><option value="">any</option><option value="en">English</option>
      <option value="fr">Français</option><option value="es">Español</option><option value="ar">العربية</option></select></label>
    <label><input type="checkbox" id="html"> the text is HTML</label>
    <button type="submit" id="check">Check</button>
    <span id="status" role="status" aria-live="polite"></span>
  </div>
</form>
<h2>Text with flags</h2>
<div id="output" dir="auto"></div>
<h2>Findings</h2>
<ol id="findings"></ol>
<p class="disclaimer" id="disclaimer"></p>
<script src="/embed/check.js"></script>
</body>
</html>
`

export const CHECK_SCRIPT = `'use strict';
(function () {
  var form = document.getElementById('form');
  var output = document.getElementById('output');
  var list = document.getElementById('findings');
  var status = document.getElementById('status');
  function el (name, className, text) {
    var node = document.createElement(name);
    if (className) node.className = className;
    if (text != null) node.textContent = text;
    return node;
  }
  function clear (node) { while (node.firstChild) node.removeChild(node.firstChild); }
  // Marks the findings in the text as sent; overlapping passages are merged into the first one's mark.
  function render (text, findings) {
    clear(output); clear(list);
    var at = 0;
    findings.forEach(function (finding, index) {
      var start = Math.max(finding.span.start, at);
      if (start >= finding.span.end) return;
      output.appendChild(document.createTextNode(text.slice(at, start)));
      var mark = el('mark', finding.verdict === 'misconception' ? finding.severity : finding.verdict, text.slice(start, finding.span.end));
      mark.title = finding.correction;
      mark.dataset.misconception = finding.misconception || finding.fact;
      mark.id = 'flag-' + (index + 1);
      output.appendChild(mark);
      at = finding.span.end;
    });
    output.appendChild(document.createTextNode(text.slice(at)));
    findings.forEach(function (finding) {
      var item = el('li');
      item.dataset.misconception = finding.misconception || finding.fact;
      item.appendChild(el('div', 'claim', '\\u201c' + finding.span.text + '\\u201d \\u2014 ' + finding.claim));
      item.appendChild(el('div', 'correction', finding.correction));
      var meta = el('div', 'meta', finding.severity + ' \\u00b7 ' + finding.confidence + ' \\u00b7 ');
      finding.sources.forEach(function (source, i) {
        if (i > 0) meta.appendChild(document.createTextNode(', '));
        var link = el('a', null, source.publisher + ': ' + source.title);
        link.href = source.url; link.rel = 'noopener noreferrer'; link.target = '_blank';
        meta.appendChild(link);
      });
      item.appendChild(meta);
      list.appendChild(item);
    });
  }
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var text = document.getElementById('text').value;
    var body = { text: text, format: document.getElementById('html').checked ? 'html' : 'text' };
    var lang = document.getElementById('lang').value;
    if (lang) body.lang = lang;
    status.textContent = 'Checking\\u2026';
    fetch('/v1/claims/check', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
      .then(function (response) { return response.json().then(function (json) { return { ok: response.ok, json: json }; }); })
      .then(function (result) {
        if (!result.ok) { status.textContent = result.json.detail || 'The check failed.'; return; }
        render(text, result.json.findings);
        document.getElementById('disclaimer').textContent = result.json.disclaimer;
        var n = result.json.findings.length;
        status.textContent = n === 0 ? 'No known misconception found.' : n + (n === 1 ? ' passage flagged.' : ' passages flagged.');
      })
      .catch(function () { status.textContent = 'The service could not be reached.'; });
  });
})();
`
