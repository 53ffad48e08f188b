// The Ask page: written for this project, no framework, nothing loaded from elsewhere.
// It asks /api/ask like any client and draws the payload: the reading, each answer with
// its type, confidence and the sentences it came from, or what was not understood and
// questions that do have answers. Every value from the server goes in as text, never HTML.
"use strict";

const $ = (id) => document.getElementById(id);

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === "class") node.className = value;
    else node.setAttribute(key, value);
  }
  for (const child of children) {
    if (child === null || child === undefined || child === "") continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function token() { return sessionStorage.getItem("attache-token") || ""; }

function askUrl(question) { return "/?q=" + encodeURIComponent(question); }

// An article's URL comes from whoever sent the article: link it only when it is a web address.
function webUrl(value) { return /^https?:\/\//i.test(value || "") ? value : ""; }

// -- asking -----------------------------------------------------------------------------------

let pending = 0;

async function ask(question, push) {
  question = question.trim();
  if (!question) return;
  $("q").value = question;
  if (push) history.pushState({ q: question }, "", askUrl(question));
  document.title = question + " · Attaché";
  const mine = ++pending;
  $("status").textContent = "Asking…";
  $("ask").disabled = true;
  $("error").hidden = true;
  try {
    const response = await fetch("/api/ask?q=" + encodeURIComponent(question), {
      headers: { Accept: "application/json" },
    });
    let data = null;
    try { data = await response.json(); } catch (e) { data = null; }
    if (mine !== pending) return;
    if (!response.ok || !data || data.ok === false) {
      throw new Error((data && data.error) || response.statusText || "the question failed");
    }
    show(data);
  } catch (err) {
    if (mine !== pending) return;
    $("result").hidden = true;
    $("status").textContent = "";
    $("error").textContent = err.message;
    $("error").hidden = false;
  } finally {
    if (mine === pending) $("ask").disabled = false;
  }
}

function show(data) {
  const interpretation = data.interpretation || {};
  const understood = Boolean(interpretation.template);
  $("result").hidden = false;
  $("reading-title").textContent = understood ? "Read as" : "Not understood";
  $("reading").textContent = interpretation.reading || "";
  $("reading").dataset.question = data.question || "";
  $("reading").classList.toggle("not-understood", !understood);

  const entities = interpretation.entities || [];
  $("entities").replaceChildren();
  $("entities").hidden = entities.length === 0;
  if (entities.length) {
    $("entities").append("Recognized: ");
    entities.forEach((entity, i) => {
      if (i) $("entities").append(", ");
      const name = entity.label || entity.text;
      $("entities").append(entity.page ? el("a", { href: entity.page }, name) : name);
      if (entity.type) $("entities").append(el("span", { class: "muted" }, ` (${entity.type})`));
    });
  }

  const answers = data.answers || [];
  $("answers").replaceChildren(...answers.map((answer) => answerItem(answer, data.console)));
  $("no-answer").hidden = answers.length > 0;
  $("no-answer").textContent = understood
    ? "The stored articles do not say. Nothing is guessed."
    : "Try one of the questions below, or rephrase with a name the articles use.";

  const suggestions = data.suggestions || [];
  $("suggestions").replaceChildren(
    ...suggestions.map((s) => el("li", {}, el("a", { class: "suggestion", href: askUrl(s) }, s)))
  );
  $("suggestions-box").hidden = suggestions.length === 0;

  $("query-link").replaceChildren();
  $("query-link").hidden = !data.console;
  if (data.console) {
    $("query-link").append(el("a", { href: data.console }, "See the SPARQL query in the console"));
  }
  const n = answers.length;
  $("status").textContent = n ? `${n} answer${n === 1 ? "" : "s"}` : "No answer";
}

function answerItem(answer, consoleUrl) {
  const head = el("div", { class: "answer-head" });
  const name = answer.page
    ? el("a", { class: "answer-text", href: answer.page }, answer.text)
    : el("span", { class: "answer-text" }, answer.text);
  head.append(name);
  if (answer.detail) head.append(el("span", { class: "detail" }, answer.detail));
  if (answer.type) head.append(el("span", { class: "badge type" }, answer.type));
  const support = answer.support;
  if (support) {
    const articles = support.articles;
    const title = `${articles} article${articles === 1 ? "" : "s"}, ` +
      `${support.sentences} sentence${support.sentences === 1 ? "" : "s"}`;
    const extracted = typeof answer.confidence === "number"
      ? `, extracted with confidence ${answer.confidence.toFixed(2)}` : "";
    head.append(el("span", { class: "badge confidence " + support.level, title: title + extracted },
      `support: ${support.level} (${title})`));
  }
  if (answer.tier === "sentence") {
    head.append(el("span", { class: "badge tier", title: "no extracted fact states this; " +
      "it was read from the sentence quoted below" }, "read from a sentence"));
  }
  const evidence = el("ul", { class: "evidence" });
  for (const item of answer.evidence || []) {
    const source = el("cite", {});
    const title = item.title || item.url || item.article;
    const url = webUrl(item.url);
    source.append(url ? el("a", { href: url, rel: "noopener noreferrer" }, title) : title);
    if (url) {
      try { source.append(el("span", { class: "outlet" }, " · " + new URL(url).hostname)); }
      catch (e) { /* not a URL: the title says it */ }
    }
    if (item.date) source.append(el("time", { datetime: item.date }, " · " + item.date));
    evidence.append(el("li", {}, el("blockquote", {}, "“" + item.sentence + "”"), source));
  }
  const item = el("li", { class: "answer" }, head, evidence);
  if (consoleUrl) {
    item.append(el("a", { class: "small-link", href: consoleUrl }, "query in the console"));
  }
  return item;
}

// -- adding an article ------------------------------------------------------------------------

function showWho() {
  const has = Boolean(token());
  $("who").textContent = has ? "Token set for this tab." : "Enter the API token to add articles.";
  $("token-forget").hidden = !has;
}

async function addArticle(event) {
  event.preventDefault();
  const status = $("article-status");
  if (!token()) {
    status.textContent = "Enter the API token first (make run prints it on its first start).";
    $("token").focus();
    return;
  }
  const headers = { Accept: "application/json", Authorization: "Bearer " + token() };
  const file = $("article-file").files[0];
  let body;
  if (file) {
    body = new FormData();
    body.append("file", file);
  } else {
    const text = $("article-text").value.trim();
    if (!text) {
      status.textContent = "Paste the article's text, or choose a file.";
      $("article-text").focus();
      return;
    }
    headers["Content-Type"] = "application/json";
    body = JSON.stringify({
      title: $("article-title").value.trim(),
      date: $("article-date").value,
      url: $("article-url").value.trim(),
      text,
    });
  }
  status.textContent = "Reading the article…";
  $("article-submit").disabled = true;
  try {
    const response = await fetch("/api/articles", { method: "POST", headers, body });
    let data = null;
    try { data = await response.json(); } catch (e) { data = null; }
    if (!response.ok || !data || data.ok === false) {
      throw new Error((data && data.error) || response.statusText || "the article was refused");
    }
    status.replaceChildren(articleSummary(data));
    if (data.outcome !== "unchanged") $("article-form").reset();
  } catch (err) {
    status.textContent = "Not added: " + err.message;
  } finally {
    $("article-submit").disabled = false;
  }
}

function articleSummary(data) {
  const article = data.article || {};
  const verb = { new: "Added", replaced: "Replaced", unchanged: "Already stored, unchanged:" };
  const out = el("span", {}, `${verb[data.outcome] || "Stored"} “${article.title || article.id}”`);
  const parts = [];
  if (typeof article.triples === "number") parts.push(`${article.triples} triples`);
  const extracted = data.extracted || {};
  if (extracted.summary) parts.push(extracted.summary);
  if (parts.length) out.append(" — " + parts.join("; ") + ". ");
  if (article.href) out.append(el("a", { href: article.href }, "Its extraction (JSON)"));
  // What it is about, one click away: the entities it names, most mentioned first.
  const named = (extracted.entities || []).filter((e) => e.id).slice(0, 8);
  if (named.length) {
    out.append(el("br"), "About: ");
    named.forEach((entity, i) => {
      if (i) out.append(", ");
      out.append(el("a", { href: "/entity/" + encodeURIComponent(entity.id) }, entity.label));
    });
  }
  return out;
}

// -- wiring -----------------------------------------------------------------------------------

document.addEventListener("DOMContentLoaded", () => {
  $("ask-form").addEventListener("submit", (event) => {
    event.preventDefault();
    ask($("q").value, true);
  });
  // Suggestions and examples are real links (open in a new tab, copy), asked in place.
  document.addEventListener("click", (event) => {
    const link = event.target.closest("a.suggestion");
    if (!link || event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
    const question = new URL(link.href).searchParams.get("q");
    if (!question) return;
    event.preventDefault();
    ask(question, true);
    $("q").focus();
  });
  window.addEventListener("popstate", () => {
    const question = new URLSearchParams(location.search).get("q");
    if (question) ask(question, false);
  });
  $("token-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const value = $("token").value.trim();
    if (value) sessionStorage.setItem("attache-token", value);
    $("token").value = "";
    showWho();
  });
  $("token-forget").addEventListener("click", () => {
    sessionStorage.removeItem("attache-token");
    showWho();
  });
  $("article-form").addEventListener("submit", addArticle);
  showWho();
  const question = new URLSearchParams(location.search).get("q");
  if (question) ask(question, false);
});
