// The Attaché SPARQL console. Written for this project; no framework, no build step.
// It talks to /sparql like any other client: the endpoint's guards apply to it too.
"use strict";

(function () {
  const $ = (id) => document.getElementById(id);
  const editor = $("editor");
  const highlight = $("highlight");
  const completion = $("completion");
  const runButton = $("run");
  const statusLine = $("status");
  const errorBox = $("error");
  const resultsBox = $("results");
  const chartBox = $("chart");
  const HISTORY_KEY = "attache.console.history";
  const DRAFT_KEY = "attache.console.draft";
  const XSD = "http://www.w3.org/2001/XMLSchema#";
  const NUMERIC = new Set(["integer", "decimal", "double", "float", "int", "long", "short",
    "nonNegativeInteger", "positiveInteger", "negativeInteger", "nonPositiveInteger",
    "unsignedInt", "unsignedLong", "gYear"].map((t) => XSD + t));

  let prefixes = {};          // prefix -> namespace
  let terms = [];             // {prefixed, iri, kind, label}
  let errorAt = null;         // {line, column} of the last error
  const labels = new Map();   // IRI -> its label ("" when it has none)
  let lastResult = null;      // {form, vars, rows} of the last answer
  let sortState = {column: null, ascending: true};
  let running = null;         // AbortController of the query in flight

  // -- tokenizer and highlighting ------------------------------------------------------

  const KEYWORDS = new Set(("SELECT DISTINCT REDUCED WHERE FILTER OPTIONAL UNION MINUS GRAPH BIND " +
    "VALUES PREFIX BASE CONSTRUCT DESCRIBE ASK ORDER BY ASC DESC LIMIT OFFSET GROUP HAVING AS NOT " +
    "EXISTS IN UNDEF SERVICE SILENT FROM NAMED A TRUE FALSE INSERT DELETE DATA WITH USING LOAD " +
    "CLEAR DROP CREATE ADD MOVE COPY ALL DEFAULT INTO TO").split(" "));
  const FUNCTIONS = new Set(("COUNT SUM MIN MAX AVG SAMPLE GROUP_CONCAT SEPARATOR STR LANG " +
    "LANGMATCHES DATATYPE BOUND IRI URI BNODE RAND ABS CEIL FLOOR ROUND CONCAT STRLEN UCASE LCASE " +
    "ENCODE_FOR_URI CONTAINS STRSTARTS STRENDS STRBEFORE STRAFTER YEAR MONTH DAY HOURS MINUTES " +
    "SECONDS TIMEZONE TZ NOW UUID STRUUID MD5 SHA1 SHA256 SHA384 SHA512 COALESCE IF STRLANG STRDT " +
    "SAMETERM ISIRI ISURI ISBLANK ISLITERAL ISNUMERIC REGEX SUBSTR REPLACE").split(" "));
  const TOKEN = new RegExp([
    "(#[^\\n]*)",                                                         // 1 comment
    "('''[\\s\\S]*?(?:'''|$)|\"\"\"[\\s\\S]*?(?:\"\"\"|$)|'(?:[^'\\\\\\n]|\\\\.)*'?|\"(?:[^\"\\\\\\n]|\\\\.)*\"?)", // 2 string
    "(<[^<>\"{}|^`\\\\\\s]*>)",                                           // 3 iri
    "([?$][\\w\\u00B7-\\uFFFF]+)",                                        // 4 variable
    "(@[A-Za-z]+(?:-[A-Za-z0-9]+)*)",                                     // 5 language tag
    "((?:[A-Za-z][\\w.-]*)?:(?:[\\w.:%-]|\\\\.)*)",                       // 6 prefixed name
    "([A-Za-z_][\\w]*)",                                                  // 7 word
    "(\\d+(?:\\.\\d*)?(?:[eE][+-]?\\d+)?|\\.\\d+)",                        // 8 number
  ].join("|"), "g");

  function escapeHtml(text) {
    return text.replace(/[&<>"]/g, (c) => ({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"}[c]));
  }

  function tokenClass(m) {
    if (m[1]) return "comment";
    if (m[2]) return "str";
    if (m[3]) return "iri";
    if (m[4]) return "var";
    if (m[5]) return "lang";
    if (m[6]) return "pname";
    if (m[7]) {
      const upper = m[7].toUpperCase();
      if (KEYWORDS.has(upper)) return "kw";
      if (FUNCTIONS.has(upper)) return "fn";
      return null;
    }
    if (m[8]) return "num";
    return null;
  }

  function highlightHtml(text) {
    let out = "";
    let last = 0;
    TOKEN.lastIndex = 0;
    let m;
    while ((m = TOKEN.exec(text)) !== null) {
      if (m[0] === "") { TOKEN.lastIndex++; continue; }
      out += escapeHtml(text.slice(last, m.index));
      const cls = tokenClass(m);
      out += cls ? `<span class="tok-${cls}">${escapeHtml(m[0])}</span>` : escapeHtml(m[0]);
      last = m.index + m[0].length;
    }
    return out + escapeHtml(text.slice(last));
  }

  function render() {
    const text = editor.value;
    let html;
    if (errorAt) {
      const lines = text.split("\n");
      html = lines.map((line, i) => {
        const inner = highlightHtml(line);
        return i + 1 === errorAt.line ? `<span class="err-line">${inner || " "}</span>` : inner;
      }).join("\n");
    } else {
      html = highlightHtml(text);
    }
    highlight.innerHTML = html + "\n";
    syncScroll();
  }

  function syncScroll() {
    highlight.scrollTop = editor.scrollTop;
    highlight.scrollLeft = editor.scrollLeft;
  }

  function setQuery(text, {run = false} = {}) {
    editor.value = text;
    errorAt = null;
    render();
    saveDraft();
    if (run) runQuery();
  }

  // -- prefixes and completion ---------------------------------------------------------

  function declaredPrefixes(text) {
    const found = new Set();
    const re = /PREFIX\s+([\w.-]*):/gi;
    let m;
    while ((m = re.exec(text)) !== null) found.add(m[1]);
    return found;
  }

  function ensurePrefix(prefix) {
    if (!(prefix in prefixes) || declaredPrefixes(editor.value).has(prefix)) return;
    const line = `PREFIX ${prefix}: <${prefixes[prefix]}>\n`;
    const start = editor.selectionStart, end = editor.selectionEnd;
    // After the last PREFIX line, or at the very top.
    const re = /^PREFIX[^\n]*\n/gim;
    let at = 0, m;
    while ((m = re.exec(editor.value)) !== null) at = m.index + m[0].length;
    editor.value = editor.value.slice(0, at) + line + editor.value.slice(at);
    const shift = start >= at ? line.length : 0;
    editor.setSelectionRange(start + shift, end + shift);
    render();
  }

  function fragmentBeforeCaret() {
    const before = editor.value.slice(0, editor.selectionStart);
    const m = /(?:^|[\s{}().;,\/|^!=<>*+-])((?:[A-Za-z][\w.-]*)?:?[\w.-]*)$/.exec(before);
    return m ? m[1] : "";
  }

  function candidates(fragment) {
    if (!fragment) return [];
    const colon = fragment.indexOf(":");
    if (colon < 0) {
      if (fragment.length < 2) return [];
      const low = fragment.toLowerCase();
      return Object.keys(prefixes).filter((p) => p.toLowerCase().startsWith(low))
        .map((p) => ({text: p + ":", label: prefixes[p]}));
    }
    const prefix = fragment.slice(0, colon);
    const local = fragment.slice(colon + 1).toLowerCase();
    if (!(prefix in prefixes)) return [];
    return terms.filter((t) => t.prefixed.startsWith(prefix + ":") &&
        t.prefixed.slice(prefix.length + 1).toLowerCase().startsWith(local))
      .slice(0, 60)
      .map((t) => ({text: t.prefixed, label: t.label ? `${t.label} · ${t.kind}` : t.kind}));
  }

  let completionItems = [];
  let completionIndex = 0;

  function caretCoordinates() {
    const before = editor.value.slice(0, editor.selectionStart);
    const line = before.split("\n").length - 1;
    const column = before.length - before.lastIndexOf("\n") - 1;
    const probe = document.createElement("span");
    probe.textContent = "M".repeat(10);
    probe.style.cssText = "position:absolute;visibility:hidden;font:inherit;white-space:pre";
    highlight.appendChild(probe);
    const width = probe.getBoundingClientRect().width / 10;
    highlight.removeChild(probe);
    const style = getComputedStyle(editor);
    const lineHeight = parseFloat(style.lineHeight) || 20;
    return {
      left: parseFloat(style.paddingLeft) + column * width - editor.scrollLeft,
      top: parseFloat(style.paddingTop) + (line + 1) * lineHeight - editor.scrollTop + 2,
    };
  }

  function updateCompletion() {
    const fragment = fragmentBeforeCaret();
    completionItems = candidates(fragment);
    if (!completionItems.length || (completionItems.length === 1 && completionItems[0].text === fragment)) {
      closeCompletion();
      return;
    }
    completionIndex = 0;
    completion.innerHTML = completionItems.map((c, i) =>
      `<li role="option" data-index="${i}" class="${i === 0 ? "active" : ""}">` +
      `<span>${escapeHtml(c.text)}</span><span class="label">${escapeHtml(c.label || "")}</span></li>`).join("");
    const at = caretCoordinates();
    const box = editor.getBoundingClientRect();
    completion.style.left = Math.max(4, Math.min(at.left, box.width - 300)) + "px";
    completion.style.top = at.top + "px";
    completion.hidden = false;
  }

  function closeCompletion() {
    completion.hidden = true;
    completionItems = [];
  }

  function acceptCompletion(index) {
    const item = completionItems[index];
    if (!item) return;
    const fragment = fragmentBeforeCaret();
    const start = editor.selectionStart - fragment.length;
    editor.setRangeText(item.text, start, editor.selectionStart, "end");
    closeCompletion();
    const prefix = item.text.split(":")[0];
    ensurePrefix(prefix);
    render();
    saveDraft();
    if (item.text.endsWith(":")) updateCompletion();
  }

  function moveCompletion(delta) {
    completionIndex = (completionIndex + delta + completionItems.length) % completionItems.length;
    [...completion.children].forEach((li, i) => li.classList.toggle("active", i === completionIndex));
    completion.children[completionIndex].scrollIntoView({block: "nearest"});
  }

  // -- terms as people read them --------------------------------------------------------

  function prefixed(iri) {
    let best = null;
    for (const [p, ns] of Object.entries(prefixes)) {
      if (iri.startsWith(ns) && (!best || ns.length > prefixes[best].length)) {
        const local = iri.slice(ns.length);
        if (/^[\w.-]*$/.test(local) && !local.endsWith(".")) best = p;
      }
    }
    return best === null ? `<${iri}>` : `${best}:${iri.slice(prefixes[best].length)}`;
  }

  function termCell(term) {
    if (!term) return '<span class="unbound">–</span>';
    if (term.type === "uri") {
      // A label when the graph has one, the IRI on hover; a click describes the term, and an
      // entity's link (open in a new tab) is its page.
      const label = labels.get(term.value);
      const short = prefixed(term.value);
      const entity = term.value.startsWith(prefixes.res || "\u0000") ? "/entity/" +
        encodeURIComponent(term.value.slice(prefixes.res.length)) : "#";
      const text = label ? escapeHtml(label) : breakable(short);
      return `<a class="iri${label ? " labelled" : ""}" href="${escapeHtml(entity)}" ` +
        `data-iri="${escapeHtml(term.value)}" title="${escapeHtml(label ? short + "\n" + term.value : term.value)}">` +
        `${text}</a>`;
    }
    if (term.type === "bnode") return `<span class="bnode">_:${escapeHtml(term.value)}</span>`;
    if (term.type === "triple") return `<span class="bnode">&lt;&lt; triple &gt;&gt;</span>`;
    let tag = "";
    if (term["xml:lang"]) tag = `@${term["xml:lang"]}`;
    else if (term.datatype && term.datatype !== XSD + "string") tag = `^^${prefixed(term.datatype)}`;
    return escapeHtml(term.value) + (tag ? `<span class="lit-tag">${escapeHtml(tag)}</span>` : "");
  }

  // Long IRIs may break after a slash, a hash or a colon rather than anywhere.
  function breakable(text) {
    return escapeHtml(text).replace(/([/#:])/g, "$1<wbr>");
  }

  // Labels of the IRIs in the last result, read after it is shown (up to 300 IRIs).
  async function fetchLabels() {
    const result = lastResult;
    if (!result || result.form === "ask") return;
    const iris = new Set();
    for (const row of result.rows) {
      for (const term of Object.values(row)) {
        if (term && term.type === "uri" && !labels.has(term.value) && SAFE_IRI.test(term.value)) iris.add(term.value);
        if (iris.size >= 300) break;
      }
    }
    if (!iris.size) return;
    const values = [...iris].map((iri) => `<${iri}>`).join(" ");
    const rows = await select(`SELECT ?x (SAMPLE(?l) AS ?label) WHERE { VALUES ?x { ${values} } ` +
      `?x rdfs:label ?l FILTER(lang(?l) = "" || langMatches(lang(?l), "en")) } GROUP BY ?x`);
    for (const iri of iris) labels.set(iri, "");
    for (const row of rows) if (row.label) labels.set(row.x.value, row.label.value);
    if (lastResult === result && rows.length) renderTable();
  }

  function isNumber(term) {
    return term && term.type === "literal" && NUMERIC.has(term.datatype) && !isNaN(parseFloat(term.value));
  }

  // -- running queries ------------------------------------------------------------------

  async function runQuery() {
    const query = editor.value;
    if (!query.trim()) return;
    closeCompletion();
    if (running) running.abort();
    running = new AbortController();
    runButton.disabled = true;
    statusLine.textContent = "running…";
    errorBox.hidden = true;
    errorAt = null;
    render();
    const url = new URL(location.href);
    url.searchParams.set("query", query);
    history.replaceState(null, "", url.pathname + url.search);
    const started = performance.now();
    try {
      const response = await fetch("/sparql", {
        method: "POST",
        headers: {
          "Content-Type": "application/sparql-query",
          "Accept": "application/sparql-results+json, application/n-triples;q=0.9",
        },
        body: query,
        signal: running.signal,
      });
      const elapsed = performance.now() - started;
      if (!response.ok) {
        let error;
        try { error = await response.json(); } catch (e) { error = {error: response.statusText, code: "http_error"}; }
        showError(error, response.status);
        statusLine.textContent = `failed · ${Math.round(elapsed)} ms`;
        remember(query, null, elapsed);
        return;
      }
      const type = (response.headers.get("Content-Type") || "").split(";")[0];
      const server = /dur=([\d.]+)/.exec(response.headers.get("Server-Timing") || "");
      const truncated = response.headers.get("X-Attache-Truncated") === "true";
      let rows;
      if (type === "application/sparql-results+json") {
        const data = await response.json();
        if ("boolean" in data) {
          lastResult = {form: "ask", value: data.boolean, vars: [], rows: []};
          rows = 1;
        } else {
          lastResult = {form: "select", vars: data.head.vars, rows: data.results.bindings};
          rows = lastResult.rows.length;
        }
      } else {
        const text = await response.text();
        lastResult = {form: "graph", vars: ["subject", "predicate", "object"], rows: parseNTriples(text)};
        rows = lastResult.rows.length;
      }
      sortState = {column: null, ascending: true};
      showResult();
      fetchLabels();
      const limit = response.headers.get("X-Attache-Row-Limit");
      statusLine.innerHTML =
        `<span id="row-count">${rows} ${rows === 1 ? "row" : "rows"}</span> · ` +
        `<span id="elapsed">${Math.round(elapsed)} ms</span>` +
        (server ? ` <span class="muted">(query ${Math.round(parseFloat(server[1]))} ms)</span>` : "") +
        (truncated ? `<span class="truncated" id="truncated">truncated at ${limit} rows</span>` : "");
      remember(query, rows, elapsed);
    } catch (e) {
      if (e.name !== "AbortError") {
        showError({code: "network", error: String(e)}, 0);
        statusLine.textContent = "failed";
      }
    } finally {
      runButton.disabled = false;
      running = null;
    }
  }

  function showError(error, status) {
    const m = /line (\d+), column (\d+)/.exec(error.error || "");
    errorAt = m ? {line: +m[1], column: +m[2]} : null;
    const where = errorAt ? `<span class="where">Line ${errorAt.line}, column ${errorAt.column}</span> · ` : "";
    errorBox.innerHTML = `${where}<strong>${escapeHtml(error.code || "error")}</strong> ` +
      `<span class="muted">(${status || "no answer"})</span><pre>${escapeHtml(error.error || "")}</pre>`;
    errorBox.hidden = false;
    // The results of an earlier query are not the answer to this one: clear them.
    lastResult = null;
    resultsBox.innerHTML = "";
    chartBox.innerHTML = "";
    for (const id of ["downloads", "graph-downloads", "tabs", "chart"]) $(id).hidden = true;
    render();
    if (errorAt) {
      const lines = editor.value.split("\n");
      let offset = 0;
      for (let i = 0; i < errorAt.line - 1 && i < lines.length; i++) offset += lines[i].length + 1;
      const lineLength = (lines[errorAt.line - 1] || "").length;
      offset += Math.min(Math.max(errorAt.column - 1, 0), lineLength);
      editor.focus();
      editor.setSelectionRange(offset, offset);
    }
  }

  function unescapeNT(text) {
    return text.replace(/\\(u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)/g, (_, e) => {
      if (e[0] === "u" || e[0] === "U") return String.fromCodePoint(parseInt(e.slice(1), 16));
      return {t: "\t", n: "\n", r: "\r", b: "\b", f: "\f"}[e] || e;
    });
  }

  function parseNTriples(text) {
    const term = /\s*(<[^>]*>|_:\S+|"(?:[^"\\]|\\.)*"(?:@[\w-]+|\^\^<[^>]*>)?)/y;
    const rows = [];
    for (const line of text.split("\n")) {
      if (!line.trim() || line.trim().startsWith("#")) continue;
      term.lastIndex = 0;
      const parts = [];
      for (let i = 0; i < 3; i++) {
        const m = term.exec(line);
        if (!m) break;
        parts.push(ntTerm(m[1]));
      }
      if (parts.length === 3) rows.push({subject: parts[0], predicate: parts[1], object: parts[2]});
    }
    return rows;
  }

  function ntTerm(text) {
    if (text.startsWith("<")) return {type: "uri", value: text.slice(1, -1)};
    if (text.startsWith("_:")) return {type: "bnode", value: text.slice(2)};
    const m = /^"((?:[^"\\]|\\.)*)"(?:@([\w-]+)|\^\^<([^>]*)>)?$/.exec(text);
    const term = {type: "literal", value: unescapeNT(m ? m[1] : text)};
    if (m && m[2]) term["xml:lang"] = m[2];
    if (m && m[3]) term.datatype = m[3];
    return term;
  }

  // -- results table and chart ---------------------------------------------------------

  function showResult() {
    const r = lastResult;
    $("downloads").hidden = r.form === "graph";
    $("graph-downloads").hidden = r.form !== "graph";
    $("tabs").hidden = false;
    showTab("table");
    if (r.form === "ask") {
      resultsBox.innerHTML = `<div class="boolean" id="boolean">${r.value ? "true" : "false"}</div>`;
      $("chart-tab").hidden = true;
      return;
    }
    renderTable();
    const chart = chartColumns();
    $("chart-tab").hidden = !chart;
    if (chart) renderChart(chart);
  }

  function sortedRows() {
    const {column, ascending} = sortState;
    if (column === null) return lastResult.rows;
    const rows = lastResult.rows.slice();
    rows.sort((a, b) => {
      const x = a[column], y = b[column];
      if (!x && !y) return 0;
      if (!x) return 1;
      if (!y) return -1;
      let c;
      if (isNumber(x) && isNumber(y)) c = parseFloat(x.value) - parseFloat(y.value);
      else {
        const xs = x.type === "uri" ? prefixed(x.value) : x.value;
        const ys = y.type === "uri" ? prefixed(y.value) : y.value;
        c = xs.localeCompare(ys, undefined, {numeric: true, sensitivity: "base"});
      }
      return ascending ? c : -c;
    });
    return rows;
  }

  function renderTable() {
    const {vars} = lastResult;
    if (!lastResult.rows.length) {
      resultsBox.innerHTML = `<p class="empty muted">No results.</p>`;
      return;
    }
    const head = vars.map((v) => {
      const arrow = sortState.column === v ? `<span class="arrow">${sortState.ascending ? "▲" : "▼"}</span>` : "";
      return `<th data-column="${escapeHtml(v)}" title="Sort by ?${escapeHtml(v)}">?${escapeHtml(v)}${arrow}</th>`;
    }).join("");
    const body = sortedRows().map((row, i) => "<tr><td class=\"row-no\">" + (i + 1) + "</td>" +
      vars.map((v) => `<td class="${isNumber(row[v]) ? "num" : ""}">${termCell(row[v])}</td>`).join("") +
      "</tr>").join("");
    resultsBox.innerHTML = `<table id="result-table"><thead><tr><th class="row-no"></th>${head}</tr></thead>` +
      `<tbody>${body}</tbody></table>`;
  }

  function chartColumns() {
    const {vars, rows} = lastResult;
    if (lastResult.form !== "select" || rows.length < 2) return null;
    const numeric = vars.find((v) => rows.every((r) => !r[v] || isNumber(r[v])) && rows.some((r) => isNumber(r[v])));
    const label = vars.find((v) => v !== numeric && rows.some((r) => r[v] && !isNumber(r[v])));
    return numeric && label ? {label, value: numeric} : null;
  }

  function renderChart({label, value}) {
    const rows = lastResult.rows.filter((r) => r[value]).slice(0, 40);
    const max = Math.max(...rows.map((r) => parseFloat(r[value].value)), 0) || 1;
    const names = rows.map((r) => r[label] ? (r[label].type === "uri" ? prefixed(r[label].value) : r[label].value) : "–");
    const labelWidth = Math.min(280, 8 + 7 * Math.max(...names.map((n) => n.length)));
    const barHeight = 22, width = 760, plot = width - labelWidth - 70;
    const bars = rows.map((r, i) => {
      const v = parseFloat(r[value].value);
      const w = Math.max(1, (Math.max(v, 0) / max) * plot);
      const y = i * barHeight;
      const name = names[i].length > 40 ? names[i].slice(0, 39) + "…" : names[i];
      return `<text x="${labelWidth - 8}" y="${y + 15}" text-anchor="end">${escapeHtml(name)}</text>` +
        `<rect class="bar" x="${labelWidth}" y="${y + 3}" width="${w}" height="${barHeight - 6}" rx="3">` +
        `<title>${escapeHtml(names[i])}: ${v}</title></rect>` +
        `<text class="value" x="${labelWidth + w + 6}" y="${y + 15}">${v}</text>`;
    }).join("");
    chartBox.innerHTML = `<div class="muted small">?${escapeHtml(value)} by ?${escapeHtml(label)}` +
      (lastResult.rows.length > rows.length ? ` (first ${rows.length})` : "") + `</div>` +
      `<svg id="chart-svg" width="${width}" height="${rows.length * barHeight + 4}" role="img">${bars}</svg>`;
  }

  function showTab(name) {
    document.querySelectorAll("#tabs button").forEach((b) => b.classList.toggle("active", b.dataset.tab === name));
    resultsBox.hidden = name !== "table";
    chartBox.hidden = name !== "chart";
  }

  // -- describe ---------------------------------------------------------------------------

  const SAFE_IRI = /^[^<>"{}|^`\\\x00-\x20]+$/;

  async function describe(iri) {
    if (!SAFE_IRI.test(iri)) return;
    const panel = $("describe");
    panel.hidden = false;
    $("describe-title").textContent = prefixed(iri);
    $("describe-iri").textContent = iri;
    $("describe-edit").onclick = () => setQuery(
      `SELECT DISTINCT ?p ?o WHERE {\n  <${iri}> ?p ?o\n}\nORDER BY ?p\nLIMIT 500\n`, {run: true});
    const body = $("describe-body");
    body.innerHTML = '<p class="muted">loading…</p>';
    const [out, incoming] = await Promise.all([
      select(`SELECT DISTINCT ?p ?o WHERE { <${iri}> ?p ?o } ORDER BY ?p LIMIT 500`),
      select(`SELECT DISTINCT ?s ?p WHERE { ?s ?p <${iri}> } ORDER BY ?p LIMIT 200`),
    ]);
    const table = (rows, a, b) => rows.length
      ? "<table>" + rows.map((r) => `<tr><td>${termCell(r[a])}</td><td>${termCell(r[b])}</td></tr>`).join("") + "</table>"
      : '<p class="muted small">none</p>';
    body.innerHTML = `<h3>Properties (${out.length})</h3>${table(out, "p", "o")}` +
      `<h3>Referenced by (${incoming.length})</h3>${table(incoming, "s", "p")}`;
  }

  async function select(query) {
    const response = await fetch("/sparql", {
      method: "POST",
      headers: {"Content-Type": "application/sparql-query", "Accept": "application/sparql-results+json"},
      body: query,
    });
    if (!response.ok) return [];
    return (await response.json()).results.bindings;
  }

  // -- downloads, links, history -----------------------------------------------------------

  async function download(format) {
    const query = editor.value;
    const response = await fetch("/sparql?format=" + encodeURIComponent(format), {
      method: "POST", headers: {"Content-Type": "application/sparql-query"}, body: query,
    });
    if (!response.ok) {
      showError(await response.json(), response.status);
      return;
    }
    const blob = await response.blob();
    const a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = "results." + format;
    document.body.appendChild(a);
    a.click();
    setTimeout(() => { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
  }

  function shareLink() {
    const url = new URL("/console", location.href);
    url.searchParams.set("query", editor.value);
    return url.toString();
  }

  function loadHistory() {
    try { return JSON.parse(localStorage.getItem(HISTORY_KEY) || "[]"); } catch (e) { return []; }
  }

  function remember(query, rows, ms) {
    const items = loadHistory().filter((h) => h.query !== query);
    items.unshift({query, rows, ms: Math.round(ms), at: new Date().toISOString()});
    localStorage.setItem(HISTORY_KEY, JSON.stringify(items.slice(0, 50)));
    renderHistory();
  }

  function renderHistory() {
    const items = loadHistory();
    const list = $("history");
    if (!items.length) {
      list.innerHTML = '<li class="muted">Queries you run appear here.</li>';
      return;
    }
    list.innerHTML = items.map((h, i) => {
      const snippet = h.query.split("\n").filter((l) => l.trim() && !/^\s*(PREFIX|#)/i.test(l)).join(" ").trim();
      const when = new Date(h.at).toLocaleString();
      const rows = h.rows === null ? "error" : `${h.rows} rows`;
      return `<li data-index="${i}" title="${escapeHtml(h.query)}"><span class="snippet">${escapeHtml(snippet.slice(0, 120))}</span>` +
        `<span class="when">${escapeHtml(when)} · ${rows} · ${h.ms} ms</span></li>`;
    }).join("");
  }

  function saveDraft() {
    try { localStorage.setItem(DRAFT_KEY, editor.value); } catch (e) { /* storage full or off */ }
  }

  // -- side panels -------------------------------------------------------------------------

  async function loadExamples() {
    const list = $("examples");
    try {
      const data = await (await fetch("/console/examples")).json();
      window.attacheExamples = data.examples;
      list.innerHTML = data.examples.map((e, i) =>
        `<li data-index="${i}" title="${escapeHtml(e.title)}"><span class="family">${escapeHtml(e.family)}</span>` +
        `<span class="question">${escapeHtml(e.question || e.title)}</span></li>`).join("");
      return data.examples;
    } catch (e) {
      list.innerHTML = '<li class="muted">examples unavailable</li>';
      return [];
    }
  }

  async function loadVocabulary() {
    try {
      const data = await (await fetch("/sparql/prefixes")).json();
      prefixes = data.prefixes || {};
      terms = data.terms || [];
    } catch (e) { /* completion stays off */ }
    $("prefixes").innerHTML = Object.entries(prefixes).map(([p, ns]) =>
      `<li data-prefix="${escapeHtml(p)}" title="${escapeHtml(ns)}">${escapeHtml(p)}: <span class="muted">${escapeHtml(ns)}</span></li>`).join("");
    if (lastResult) showResult();
  }

  // -- events ----------------------------------------------------------------------------------

  editor.addEventListener("input", (event) => {
    if (errorAt) { errorAt = null; errorBox.hidden = true; }
    render();
    saveDraft();
    const typed = event.data || "";
    if (typed === ":") {
      const m = /([A-Za-z][\w.-]*):$/.exec(editor.value.slice(0, editor.selectionStart));
      if (m && m[1] in prefixes && !/PREFIX\s+[\w.-]*$/i.test(editor.value.slice(0, editor.selectionStart - m[0].length))) {
        ensurePrefix(m[1]);
      }
    }
    updateCompletion();
  });
  editor.addEventListener("scroll", syncScroll);
  editor.addEventListener("click", closeCompletion);
  editor.addEventListener("blur", () => setTimeout(closeCompletion, 150));
  editor.addEventListener("keydown", (event) => {
    if ((event.ctrlKey || event.metaKey) && event.key === "Enter") {
      event.preventDefault();
      runQuery();
      return;
    }
    if (!completion.hidden && completionItems.length) {
      if (event.key === "ArrowDown") { event.preventDefault(); moveCompletion(1); return; }
      if (event.key === "ArrowUp") { event.preventDefault(); moveCompletion(-1); return; }
      if (event.key === "Enter" || event.key === "Tab") {
        event.preventDefault();
        acceptCompletion(completionIndex);
        return;
      }
      if (event.key === "Escape") { closeCompletion(); return; }
    }
    if ((event.ctrlKey || event.metaKey) && event.key === " ") {
      event.preventDefault();
      updateCompletion();
      return;
    }
    if (event.key === "Tab" && !event.shiftKey) {
      event.preventDefault();
      editor.setRangeText("  ", editor.selectionStart, editor.selectionEnd, "end");
      render();
    }
  });
  completion.addEventListener("mousedown", (event) => {
    const li = event.target.closest("li");
    if (li) { event.preventDefault(); acceptCompletion(+li.dataset.index); }
  });
  runButton.addEventListener("click", runQuery);
  resultsBox.addEventListener("click", (event) => {
    const th = event.target.closest("th[data-column]");
    if (th) {
      const column = th.dataset.column;
      sortState = {column, ascending: sortState.column === column ? !sortState.ascending : true};
      renderTable();
      return;
    }
    const link = event.target.closest("a.iri");
    // Ctrl/⌘-click or middle-click opens an entity's page; a plain click describes the term.
    if (link && !(event.ctrlKey || event.metaKey || event.shiftKey)) {
      event.preventDefault();
      describe(link.dataset.iri);
    }
  });
  $("describe-body").addEventListener("click", (event) => {
    const link = event.target.closest("a.iri");
    if (link) { event.preventDefault(); describe(link.dataset.iri); }
  });
  $("describe-close").addEventListener("click", () => { $("describe").hidden = true; });
  $("tabs").addEventListener("click", (event) => {
    const button = event.target.closest("button[data-tab]");
    if (button) showTab(button.dataset.tab);
  });
  document.querySelectorAll(".downloads button").forEach((b) =>
    b.addEventListener("click", () => download(b.dataset.format)));
  $("copy-link").addEventListener("click", async () => {
    const link = shareLink();
    try { await navigator.clipboard.writeText(link); $("copy-link").textContent = "Copied"; }
    catch (e) { prompt("Link to this query", link); }
    setTimeout(() => { $("copy-link").textContent = "Copy link"; }, 1500);
  });
  $("examples").addEventListener("click", (event) => {
    const li = event.target.closest("li[data-index]");
    if (li && window.attacheExamples) setQuery(window.attacheExamples[+li.dataset.index].query, {run: true});
  });
  $("history").addEventListener("click", (event) => {
    const li = event.target.closest("li[data-index]");
    if (li) setQuery(loadHistory()[+li.dataset.index].query);
  });
  $("clear-history").addEventListener("click", () => { localStorage.removeItem(HISTORY_KEY); renderHistory(); });
  $("prefixes").addEventListener("click", (event) => {
    const li = event.target.closest("li[data-prefix]");
    if (li) { ensurePrefix(li.dataset.prefix); saveDraft(); editor.focus(); }
  });

  // -- start -----------------------------------------------------------------------------------

  renderHistory();
  const fromUrl = new URLSearchParams(location.search).get("query");
  const vocabulary = loadVocabulary();
  const examples = loadExamples();
  if (fromUrl !== null) {
    setQuery(fromUrl);
    vocabulary.finally(() => runQuery());
  } else {
    const draft = localStorage.getItem(DRAFT_KEY);
    if (draft && draft.trim()) setQuery(draft);
    else examples.then((list) => { if (list.length && !editor.value) setQuery(list[0].query); });
  }
  window.attacheConsole = {run: runQuery, setQuery, describe};
})();
