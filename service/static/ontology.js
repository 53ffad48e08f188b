// The ontology editor page: trees, a detail form, history and data conformance over
// /api/ontology. Plain DOM code, no framework and nothing loaded from elsewhere.
// Every write sends the bearer token and the ETag the page last saw (If-Match), so
// an edit made by someone else in between is reported, never overwritten.
"use strict";

const $ = (id) => document.getElementById(id);

const state = {
  etag: null,
  tree: null,
  current: null, // the term as last loaded from the server (the baseline of a save)
  creating: false,
  chips: {},
};

// -- the API ------------------------------------------------------------------------------

class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

function token() { return sessionStorage.getItem("attache-token") || ""; }
function user() { return localStorage.getItem("attache-user") || ""; }

async function api(method, url, body, write) {
  const headers = { Accept: "application/json" };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  if (write) {
    if (token()) headers.Authorization = "Bearer " + token();
    if (state.etag) headers["If-Match"] = state.etag;
    if (user()) headers["X-Attache-User"] = user();
  }
  const response = await fetch(url, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  let data = null;
  try { data = await response.json(); } catch (e) { data = null; }
  if (!response.ok || !data || data.ok === false) {
    const message = (data && data.error) || response.statusText || "request failed";
    throw new ApiError(response.status, (data && data.code) || "error", message);
  }
  const etag = response.headers.get("ETag") || data.etag;
  if (etag) setEtag(etag);
  return data;
}

function setEtag(etag) {
  state.etag = etag;
  showVersion();
}

function showVersion() {
  const tree = state.tree;
  // The ETag is for machines: shown on hover, not in the header.
  $("version").textContent = tree ? `ontology ${tree.version} · ${tree.triples} triples` : "";
  $("version").title = state.etag ? `version tag (ETag) ${state.etag}` : "";
}

// -- messages -----------------------------------------------------------------------------

function showMessage(text, kind) {
  const box = $("form-message");
  box.hidden = false;
  box.className = "message " + (kind || "info");
  box.replaceChildren();
  const refused = text.match(/^(.*?refused: )(.*)$/s);
  if (refused && refused[2].includes("; ")) {
    box.append(document.createTextNode(refused[1]));
    const list = document.createElement("ul");
    for (const part of refused[2].split("; ")) {
      const li = document.createElement("li");
      li.textContent = part;
      list.append(li);
    }
    box.append(list);
  } else {
    box.textContent = text;
  }
}

function hideMessage() { $("form-message").hidden = true; }

async function handleError(err) {
  if (!(err instanceof ApiError)) { showMessage(String(err), "error"); return; }
  if (err.status === 401 || err.status === 403) {
    showMessage(`${err.message}. Enter the API token at the top of the page to edit.`, "error");
    $("token").focus();
    return;
  }
  if (err.status === 412) {
    // Someone saved in between: show their version with this user's changes re-applied
    // on top, so that saving again keeps both.
    const oldBase = state.current;
    const edited = oldBase && !state.creating ? collect() : null;
    await loadTree();
    if (edited) await selectTerm(oldBase.id, { rebase: { oldBase, edited } });
    showMessage(
      "Someone else changed the ontology since this page loaded it. The form now shows " +
      "their version with your changes applied on top: check it and save again.",
      "error");
    return;
  }
  showMessage(err.message, "error");
}

// -- chips (labels, alt labels, references) ---------------------------------------------------

class Chips {
  constructor(el) {
    this.el = el;
    this.kind = el.dataset.kind; // "literal" ({value, lang}) or "ref" (a term id)
    this.items = [];
  }

  set(items) { this.items = items.map((i) => (typeof i === "string" ? i : { ...i })); this.render(); }

  get() { return this.items.map((i) => (typeof i === "string" ? i : { ...i })); }

  render() {
    const name = this.el.id;
    this.el.replaceChildren();
    const list = document.createElement("ul");
    list.className = "chip-list";
    this.items.forEach((item, index) => {
      const li = document.createElement("li");
      li.className = "chip";
      const text = document.createElement("span");
      if (this.kind === "literal") {
        text.textContent = item.value;
        if (item.lang && item.lang !== "en") {
          const lang = document.createElement("small");
          lang.textContent = "@" + item.lang;
          text.append(lang);
        }
      } else {
        text.textContent = item;
      }
      const remove = document.createElement("button");
      remove.type = "button";
      remove.className = "chip-remove";
      remove.textContent = "×";
      remove.setAttribute("aria-label", `remove ${typeof item === "string" ? item : item.value}`);
      remove.addEventListener("click", () => { this.items.splice(index, 1); this.render(); });
      li.append(text, remove);
      list.append(li);
    });
    const input = document.createElement("input");
    input.type = "text";
    input.id = `${name}-input`;
    input.placeholder = this.kind === "literal" ? "add… (word@fr for French)" : "add… (dd:Term)";
    input.setAttribute("aria-label", `add to ${name.replace("_", " ")}`);
    if (this.kind === "ref") input.setAttribute("list", "term-ids");
    const add = document.createElement("button");
    add.type = "button";
    add.className = "small";
    add.id = `${name}-add`;
    add.textContent = "Add";
    const commit = () => {
      const raw = input.value.trim();
      if (!raw) return;
      if (this.kind === "literal") {
        const m = raw.match(/^(.*)@([A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*)$/);
        const item = m ? { value: m[1].trim(), lang: m[2] } : { value: raw, lang: "en" };
        if (!this.items.some((i) => i.value === item.value && i.lang === item.lang)) {
          this.items.push(item);
        }
      } else if (!this.items.includes(raw)) {
        this.items.push(raw);
      }
      this.render();
      $(`${name}-input`).focus();
    };
    add.addEventListener("click", commit);
    input.addEventListener("keydown", (e) => {
      if (e.key === "Enter") { e.preventDefault(); commit(); }
    });
    const row = document.createElement("div");
    row.className = "chip-add";
    row.append(input, add);
    this.el.append(list, row);
  }
}

// -- trees and search -------------------------------------------------------------------------

function termButton(node) {
  const button = document.createElement("button");
  button.type = "button";
  button.className = "term" + (node.deprecated ? " deprecated" : "");
  button.dataset.id = node.id;
  button.textContent = node.label;
  button.title = node.id;
  button.addEventListener("click", () => selectTerm(node.id));
  return button;
}

function renderTree(ul, nodes, depth) {
  ul.replaceChildren();
  for (const node of nodes) {
    const li = document.createElement("li");
    li.setAttribute("role", "treeitem");
    const hasKids = node.children.length > 0;
    if (hasKids) {
      const toggle = document.createElement("button");
      toggle.type = "button";
      toggle.className = "toggle";
      const open = depth < 1;
      toggle.textContent = open ? "▾" : "▸";
      toggle.setAttribute("aria-label", `expand ${node.label}`);
      li.setAttribute("aria-expanded", String(open));
      toggle.addEventListener("click", () => {
        const expanded = li.getAttribute("aria-expanded") === "true";
        li.setAttribute("aria-expanded", String(!expanded));
        toggle.textContent = expanded ? "▸" : "▾";
      });
      li.append(toggle);
    } else {
      const spacer = document.createElement("span");
      spacer.className = "toggle-space";
      li.append(spacer);
    }
    li.append(termButton(node));
    if (hasKids) {
      const sub = document.createElement("ul");
      sub.setAttribute("role", "group");
      renderTree(sub, node.children, depth + 1);
      li.append(sub);
    }
    ul.append(li);
  }
}

async function loadTree() {
  const data = await api("GET", "/api/ontology?format=tree");
  state.tree = data;
  showVersion();
  renderTree($("class-tree"), data.classes, 0);
  renderTree($("property-tree"), data.properties, 0);
  const ids = $("term-ids");
  ids.replaceChildren();
  for (const term of data.terms) {
    const option = document.createElement("option");
    option.value = term.id;
    option.label = term.label;
    ids.append(option);
  }
  markSelected();
  search();
}

function markSelected() {
  const id = state.current && !state.creating ? state.current.id : null;
  for (const b of document.querySelectorAll("button.term")) {
    b.classList.toggle("selected", b.dataset.id === id);
  }
}

function search() {
  const q = $("search").value.trim().toLowerCase();
  const results = $("search-results");
  $("trees").hidden = Boolean(q);
  results.hidden = !q;
  if (!q || !state.tree) return;
  results.replaceChildren();
  const hits = state.tree.terms.filter((t) =>
    t.label.toLowerCase().includes(q) || t.id.toLowerCase().includes(q) ||
    t.alt_labels.some((a) => a.toLowerCase().includes(q)));
  for (const term of hits.slice(0, 100)) {
    const li = document.createElement("li");
    li.append(termButton(term));
    const match = term.alt_labels.find((a) => a.toLowerCase().includes(q));
    const note = document.createElement("small");
    note.textContent = ` ${term.id}` + (match && !term.label.toLowerCase().includes(q) ? ` · “${match}”` : "");
    li.append(note);
    results.append(li);
  }
  if (!hits.length) {
    const li = document.createElement("li");
    li.textContent = "No term matches.";
    results.append(li);
  }
  markSelected();
}

// -- the detail form --------------------------------------------------------------------------

const FIELDS = ["labels", "alt_labels", "parents", "domain", "range"];

function englishComment(term) {
  const en = term.comments.find((c) => c.lang === "en" || c.lang === "");
  return en ? en.value : "";
}

function fillForm(term, creating) {
  state.creating = creating;
  $("empty").hidden = true;
  $("term-form").hidden = false;
  $("create-fields").hidden = !creating;
  $("danger").hidden = creating;
  $("term-title").textContent = creating ? `New ${term.kind.replace("_", " ")}` : term.label;
  $("term-id").textContent = creating ? "" : term.id;
  $("term-kind").textContent = term.kind.replace("_", " ");
  $("term-deprecated").hidden = !term.deprecated;
  $("term-code").hidden = !term.code_term;
  if (creating) $("new-kind").value = term.kind;
  for (const name of FIELDS) state.chips[name].set(term[name] || []);
  $("comment").value = englishComment(term);
  $("deprecated").checked = Boolean(term.deprecated);
  $("message").value = "";
  const isProperty = term.kind === "object_property" || term.kind === "datatype_property";
  for (const el of document.querySelectorAll(".prop-only")) el.hidden = !isProperty;
  $("rename-to").value = "";
  $("merge-into").value = "";
}

function collect() {
  const out = {};
  for (const name of FIELDS) out[name] = state.chips[name].get();
  out.comment = $("comment").value.trim();
  out.deprecated = $("deprecated").checked;
  return out;
}

function rebase(oldBase, edited, newBase) {
  // The user's additions and removals (against what they loaded), applied to the new version.
  const key = (x) => JSON.stringify(x);
  const out = {};
  for (const name of FIELDS) {
    const before = new Set(oldBase[name].map(key));
    const kept = new Set(edited[name].map(key));
    const removed = new Set(oldBase[name].filter((x) => !kept.has(key(x))).map(key));
    const merged = newBase[name].filter((x) => !removed.has(key(x)));
    for (const x of edited[name]) {
      if (!before.has(key(x)) && !merged.some((y) => key(y) === key(x))) merged.push(x);
    }
    out[name] = merged;
  }
  out.comment = edited.comment !== englishComment(oldBase) ? edited.comment : englishComment(newBase);
  out.deprecated = edited.deprecated !== oldBase.deprecated ? edited.deprecated : newBase.deprecated;
  return out;
}

function restoreForm(edited) {
  for (const name of FIELDS) state.chips[name].set(edited[name]);
  $("comment").value = edited.comment;
  $("deprecated").checked = edited.deprecated;
}

const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

function changes() {
  // Only what the user changed is sent, so a save never rewrites fields others edited.
  const edited = collect();
  const base = state.current;
  const body = {};
  for (const name of FIELDS) if (!same(edited[name], base[name])) body[name] = edited[name];
  if (edited.comment !== englishComment(base)) {
    const others = base.comments.filter((c) => !(c.lang === "en" || c.lang === ""));
    body.comments = edited.comment ? [{ value: edited.comment, lang: "en" }, ...others] : others;
  }
  if (edited.deprecated !== base.deprecated) body.deprecated = edited.deprecated;
  return body;
}

async function selectTerm(id, options) {
  hideMessage();
  const data = await api("GET", `/api/ontology/terms/${encodeURIComponent(id)}`);
  state.current = data.term;
  fillForm(data.term, false);
  if (options && options.rebase) {
    restoreForm(rebase(options.rebase.oldBase, options.rebase.edited, data.term));
  }
  if (location.hash !== "#" + id) history.replaceState(null, "", "#" + id);
  markSelected();
  loadImpact(id);
  loadInstances(id, data.term.kind);
}

// The entities (or other instances) of a class, with how many articles mention each.
async function loadInstances(id, kind) {
  $("instances-details").hidden = true;
  $("instances").replaceChildren();
  if (kind !== "class") return;
  try {
    const data = await api("GET", `/api/ontology/terms/${encodeURIComponent(id)}/instances`);
    if (!state.current || state.current.id !== id || !data.instances.length) return;
    const n = data.instances.length;
    $("instances-summary").textContent =
      `Instances (${n}${data.truncated ? "+" : ""})`;
    for (const item of data.instances) {
      const li = document.createElement("li");
      const name = item.page ? document.createElement("a") : document.createElement("span");
      name.textContent = item.label;
      if (item.page) name.href = item.page;
      name.title = item.iri;
      li.append(name, ` · ${item.articles} article${item.articles === 1 ? "" : "s"}`);
      $("instances").append(li);
    }
    $("instances-details").hidden = false;
  } catch (err) {
    $("instances-details").hidden = true;
  }
}

async function loadImpact(id) {
  $("impact").textContent = "Counting uses…";
  $("impact-details").hidden = true;
  try {
    const data = await api("GET", `/api/ontology/terms/${encodeURIComponent(id)}/impact`);
    if (!state.current || state.current.id !== id) return;
    const refs = data.referenced_by.length;
    $("impact").textContent =
      `Used by ${data.triples} triple${data.triples === 1 ? "" : "s"} in ` +
      `${data.articles} article${data.articles === 1 ? "" : "s"}` +
      (refs ? ` · referenced by ${refs} term${refs === 1 ? "" : "s"} (` +
        data.referenced_by.slice(0, 6).join(", ") + (refs > 6 ? `, and ${refs - 6} more` : "") + ")" : "");
    const list = $("impact-articles");
    list.replaceChildren();
    for (const a of data.top_articles) {
      const li = document.createElement("li");
      li.textContent = `${a.title || a.iri} (${a.triples})`;
      list.append(li);
    }
    $("impact-details").hidden = data.top_articles.length === 0;
  } catch (err) {
    $("impact").textContent = "";
  }
}

function newTerm(kind) {
  hideMessage();
  state.current = {
    id: "", kind, label: "", labels: [], alt_labels: [], comments: [], parents: [],
    domain: [], range: [], deprecated: false, code_term: false,
  };
  fillForm(state.current, true);
  $("impact").textContent = "";
  $("impact-details").hidden = true;
  $("instances-details").hidden = true;
  $("new-id").value = "";
  $("new-id").focus();
  markSelected();
}

async function save(event) {
  event.preventDefault();
  hideMessage();
  try {
    const message = $("message").value.trim();
    if (state.creating) {
      const edited = collect();
      const kind = $("new-kind").value;
      const body = { id: $("new-id").value.trim(), kind, labels: edited.labels,
        alt_labels: edited.alt_labels, parents: edited.parents, message };
      if (edited.comment) body.comments = [{ value: edited.comment, lang: "en" }];
      if (kind !== "class") { body.domain = edited.domain; body.range = edited.range; }
      if (edited.deprecated) body.deprecated = true;
      const data = await api("POST", "/api/ontology/terms", body, true);
      await afterWrite(data.term.id, `Created ${data.term.id} (revision ${data.revision.number}).`);
      return;
    }
    const body = changes();
    if (!Object.keys(body).length) { showMessage("Nothing to save: no field changed.", "info"); return; }
    body.message = message;
    const data = await api("PATCH", `/api/ontology/terms/${encodeURIComponent(state.current.id)}`, body, true);
    await afterWrite(state.current.id,
      data.changed ? `Saved (revision ${data.revision.number}).` : "Nothing changed.");
  } catch (err) {
    await handleError(err);
  }
}

async function afterWrite(id, text) {
  await loadTree();
  await loadHistory();
  if (id) await selectTerm(id); else { state.current = null; $("term-form").hidden = true; $("empty").hidden = false; }
  showMessage(text, "ok");
}

async function rename() {
  const to = $("rename-to").value.trim();
  if (!to) { showMessage("Type the new IRI (for example dd:JointExercise) first.", "error"); return; }
  try {
    const data = await api("POST", `/api/ontology/terms/${encodeURIComponent(state.current.id)}/rename`,
      { to, message: $("message").value.trim() }, true);
    const r = data.revision;
    await afterWrite(data.term.id,
      `Renamed to ${data.term.id} (revision ${r.number}; ${r.data_removed_count} data triples migrated).`);
  } catch (err) { await handleError(err); }
}

async function merge() {
  const into = $("merge-into").value.trim();
  if (!into) { showMessage("Type the term to merge into first.", "error"); return; }
  try {
    const data = await api("POST", `/api/ontology/terms/${encodeURIComponent(state.current.id)}/merge`,
      { into, message: $("message").value.trim() }, true);
    const r = data.revision;
    await afterWrite(data.term.id,
      `Merged into ${data.term.id} (revision ${r.number}; ${r.data_removed_count} data triples migrated).`);
  } catch (err) { await handleError(err); }
}

async function remove() {
  try {
    const id = state.current.id;
    const url = `/api/ontology/terms/${encodeURIComponent(id)}?message=${encodeURIComponent($("message").value.trim())}`;
    const data = await api("DELETE", url, undefined, true);
    history.replaceState(null, "", location.pathname);
    await afterWrite(null, `Deleted ${id} (revision ${data.revision.number}).`);
  } catch (err) { await handleError(err); }
}

// -- history ------------------------------------------------------------------------------------

async function loadHistory() {
  const data = await api("GET", "/api/ontology/history?limit=50");
  const list = $("history");
  list.replaceChildren();
  if (!data.revisions.length) {
    const li = document.createElement("li");
    li.className = "hint";
    li.textContent = "No edits yet: the ontology is as shipped.";
    list.append(li);
  }
  for (const r of data.revisions) {
    const li = document.createElement("li");
    li.dataset.number = r.number;
    const head = document.createElement("div");
    const strong = document.createElement("strong");
    strong.textContent = `#${r.number} `;
    head.append(strong, document.createTextNode(r.summary));
    const meta = document.createElement("div");
    meta.className = "hint";
    const when = new Date(r.created);
    meta.textContent = `${r.author} · ${when.toLocaleString()} · +${r.added_count} −${r.removed_count}` +
      (r.data_removed_count ? ` · ${r.data_removed_count} data triples` : "") +
      (r.message ? ` · ${r.message}` : "");
    const details = document.createElement("details");
    const summary = document.createElement("summary");
    summary.textContent = "triples";
    details.append(summary);
    details.addEventListener("toggle", async () => {
      if (!details.open || details.dataset.loaded) return;
      details.dataset.loaded = "1";
      const full = await api("GET", `/api/ontology/history/${r.number}`);
      const pre = document.createElement("pre");
      for (const line of full.revision.removed) {
        const span = document.createElement("span");
        span.className = "removed";
        span.textContent = "− " + line + "\n";
        pre.append(span);
      }
      for (const line of full.revision.added) {
        const span = document.createElement("span");
        span.className = "added";
        span.textContent = "+ " + line + "\n";
        pre.append(span);
      }
      details.append(pre);
    });
    const revert = document.createElement("button");
    revert.type = "button";
    revert.className = "small revert";
    revert.textContent = "Revert";
    revert.addEventListener("click", async () => {
      try {
        const data = await api("POST", `/api/ontology/history/${r.number}/revert`, {}, true);
        const id = state.current && !state.creating ? state.current.id : null;
        await loadTree();
        await loadHistory();
        if (id && state.tree.terms.some((t) => t.id === id)) await selectTerm(id);
        showMessage(`Reverted revision ${r.number} (new revision ${data.revision.number}).`, "ok");
      } catch (err) {
        if ($("term-form").hidden) { $("empty").hidden = true; $("term-form").hidden = false; }
        await handleError(err);
      }
    });
    li.append(head, meta, revert, details);
    list.append(li);
  }
}

// -- conformance ---------------------------------------------------------------------------------

async function runConformance() {
  $("conformance-summary").textContent = "Checking…";
  $("conformance").replaceChildren();
  try {
    const data = await api("GET", "/api/ontology/conformance");
    $("conformance-summary").textContent = data.conforms
      ? `The data conforms (${data.triples} triples checked).`
      : `${data.violations} violation${data.violations === 1 ? "" : "s"} in ${data.articles} article${data.articles === 1 ? "" : "s"} (${data.triples} triples checked).`;
    for (const f of data.findings) {
      const li = document.createElement("li");
      li.className = f.severity.toLowerCase();
      const what = document.createElement("div");
      what.textContent = f.message || `${f.path} (${f.shape})`;
      const where = document.createElement("div");
      where.className = "hint";
      const article = f.articles[0];
      where.textContent = `${f.focus}${f.path ? " · " + f.path : ""}` +
        (article ? ` · in ${article.title || article.iri}` : "");
      li.append(what, where);
      $("conformance").append(li);
    }
  } catch (err) {
    $("conformance-summary").textContent = err.message;
  }
}

// -- token -----------------------------------------------------------------------------------------

function showWho() {
  const has = Boolean(token());
  $("who").textContent = has ? `Editing as ${user() || "api"}` : "Read-only: enter the API token to edit";
  $("token-forget").hidden = !has;
  $("user").value = user();
}

function start() {
  for (const name of FIELDS) state.chips[name] = new Chips($(name));
  $("token-form").addEventListener("submit", (e) => {
    e.preventDefault();
    const value = $("token").value.trim();
    if (value) sessionStorage.setItem("attache-token", value);
    localStorage.setItem("attache-user", $("user").value.trim());
    $("token").value = "";
    showWho();
  });
  $("token-forget").addEventListener("click", () => { sessionStorage.removeItem("attache-token"); showWho(); });
  $("search").addEventListener("input", search);
  $("new-class").addEventListener("click", () => newTerm("class"));
  $("new-property").addEventListener("click", () => newTerm("object_property"));
  $("new-kind").addEventListener("change", () => {
    const isProperty = $("new-kind").value !== "class";
    for (const el of document.querySelectorAll(".prop-only")) el.hidden = !isProperty;
  });
  $("term-form").addEventListener("submit", save);
  $("cancel").addEventListener("click", () => {
    if (state.creating || !state.current) { $("term-form").hidden = true; $("empty").hidden = false; return; }
    fillForm(state.current, false);
    hideMessage();
  });
  $("rename").addEventListener("click", rename);
  $("merge").addEventListener("click", merge);
  $("delete").addEventListener("click", remove);
  $("conformance-run").addEventListener("click", runConformance);
  showWho();
  Promise.all([loadTree(), loadHistory()]).then(() => {
    const id = decodeURIComponent(location.hash.slice(1));
    if (id) selectTerm(id).catch(handleError);
    document.body.dataset.ready = "1";
  }).catch((err) => {
    $("version").textContent = `Could not load the ontology: ${err.message}`;
  });
}

document.addEventListener("DOMContentLoaded", start);
