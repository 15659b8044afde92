// Zhisou search page: results as you type, facets, saved queries and a document view, over
// the JSON API of `zhisou serve`. No framework and nothing loaded from elsewhere.
"use strict";

const PAGE_SIZE = 10;
const DEBOUNCE_MS = 200;
const FACETS = "org,year,source,lang";
// The query field each facet filters by (year facet values are years: date:2025).
const FACET_FIELD = { org: "org", year: "date", source: "source", lang: "lang" };
const FACET_TITLE = { org: "Organizations", year: "Year", source: "Source", lang: "Language" };

const $ = (id) => document.getElementById(id);
const box = $("q");

const state = {
  query: "",
  sort: "relevance",
  offset: 0,
  hits: [],
  selected: -1,
  composing: false, // an input method (pinyin, zhuyin...) is composing: do not search yet
  timer: 0,
  controller: null, // aborts the search in flight when a newer one starts
};

// ---------------------------------------------------------------------------------- helpers

function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (key === "class") node.className = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value);
  }
  for (const child of children) node.append(child);
  return node;
}

function token() {
  return localStorage.getItem("zhisou-token") || "";
}

// fetch + JSON; a 401 asks once for the token the server printed at start, then retries.
async function api(path, options = {}) {
  const headers = Object.assign({}, options.headers);
  if (token()) headers.Authorization = "Bearer " + token();
  const response = await fetch(path, Object.assign({}, options, { headers }));
  if (response.status === 401 && !options.retried) {
    const given = window.prompt("This server needs its token for changes (printed when it started):");
    if (given) {
      localStorage.setItem("zhisou-token", given.trim());
      return api(path, Object.assign({}, options, { retried: true }));
    }
  }
  let body = null;
  try { body = await response.json(); } catch { body = null; }
  return { status: response.status, ok: response.ok, body };
}

// The query value a facet adds: quoted when it has spaces (source:"TechPulse Asia").
function facetTerm(facet, value) {
  const text = /[\s()"]/.test(value) ? '"' + value.replace(/"/g, "") + '"' : value;
  return FACET_FIELD[facet] + ":" + text;
}

// ---------------------------------------------------------------------------------- search

function scheduleSearch() {
  clearTimeout(state.timer);
  state.timer = setTimeout(() => search(false), DEBOUNCE_MS);
}

function updateUrl() {
  const params = new URLSearchParams();
  if (state.query) params.set("q", state.query);
  if (state.sort !== "relevance") params.set("sort", state.sort);
  const url = params.toString() ? "?" + params : location.pathname;
  if (url !== location.search) history.replaceState(null, "", url);
}

async function search(more) {
  state.query = box.value.trim();
  state.sort = $("sort").value;
  updateUrl();
  hideSuggestions();
  if (!state.query) {
    render(null);
    return;
  }
  if (state.controller) state.controller.abort();
  state.controller = new AbortController();
  const offset = more ? state.offset + PAGE_SIZE : 0;
  const params = new URLSearchParams({ q: state.query, limit: PAGE_SIZE, offset, sort: state.sort });
  if (!more) params.set("facets", FACETS);
  let response;
  try {
    response = await fetch("/api/search?" + params, { signal: state.controller.signal });
  } catch (error) {
    if (error.name !== "AbortError") showStatus("The server did not answer: " + error.message);
    return;
  }
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    showError(body && body.error, state.query);
    return;
  }
  showError(null);
  state.offset = offset;
  if (more) {
    state.hits = state.hits.concat(body.hits);
    appendHits(body.hits, state.hits.length - body.hits.length);
    updateMore(body);
  } else {
    render(body);
  }
}

// ---------------------------------------------------------------------------------- render

function showStatus(text) {
  $("status").textContent = text;
}

// A query error: the message, and the query with a caret under the column the server named.
// The caret line repeats the text before the column invisibly, so the caret lands under the
// right character whatever the font's widths for Chinese and Latin letters.
function showError(error, query) {
  const area = $("query-error");
  $("status").hidden = Boolean(error);
  if (!error) {
    area.hidden = true;
    area.textContent = "";
    return;
  }
  area.hidden = false;
  area.textContent = "";
  if (!error.column) {
    area.textContent = error.message;
    return;
  }
  const chars = Array.from(query);
  const at = Math.min(error.column - 1, chars.length);
  const before = chars.slice(0, at).join("");
  const line = element("div", { class: "line" }, before,
    element("span", { class: "at" }, chars[at] || " "), chars.slice(at + 1).join(""));
  const caret = element("div", { class: "caret-line" },
    element("span", { class: "pad" }, before), "^ " + error.message);
  area.append(line, caret);
  area.dataset.column = String(error.column);
}

function hitMeta(hit) {
  const parts = [];
  if (hit.date) parts.push(hit.date);
  if (hit.source) parts.push(hit.source);
  if (hit.orgs && hit.orgs.length) parts.push(hit.orgs.join(", "));
  if (hit.lang) parts.push(hit.lang);
  if (hit.collapsed) parts.push("+" + hit.collapsed + " similar");
  return parts.join(" · ");
}

function hitElement(hit, index) {
  const title = element("a", { href: "#", "data-index": String(index) }, hit.title || hit.id);
  title.addEventListener("click", (event) => {
    event.preventDefault();
    select(index);
    openDocument(hit.id);
  });
  const snippet = element("p", { class: "snippet" });
  snippet.innerHTML = hit.snippet; // server-escaped text with <mark> highlights
  return element("li", { class: "hit", id: "hit-" + index },
    element("h3", {}, title), element("p", { class: "meta" }, hitMeta(hit)), snippet);
}

function appendHits(hits, first) {
  const list = $("hits");
  hits.forEach((hit, i) => list.append(hitElement(hit, first + i)));
}

function updateMore(body) {
  $("more").hidden = state.hits.length >= body.total || body.hits.length < PAGE_SIZE;
}

// What the server says was not searched as written, or could not be searched at all.
function renderWarnings(body) {
  const list = $("warnings");
  list.textContent = "";
  const lines = body ? [...(body.warnings || [])] : [];
  if (body && body.missing_shards) {
    for (const shard of body.missing_shards)
      lines.push("shard " + shard + " could not be reached; its documents are missing");
  }
  for (const line of lines) list.append(element("li", {}, line));
  list.hidden = !lines.length;
}

function render(body) {
  $("hits").textContent = "";
  $("facets").textContent = "";
  renderWarnings(body);
  state.hits = body ? body.hits : [];
  state.selected = -1;
  $("empty").hidden = true;
  if (!body) {
    showStatus("");
    $("more").hidden = true;
    return;
  }
  appendHits(body.hits, 0);
  updateMore(body);
  const took = body.took_ms < 10 ? body.took_ms.toFixed(1) : Math.round(body.took_ms);
  showStatus(body.total + (body.total === 1 ? " result" : " results") + " · " + took + " ms");
  if (body.did_you_mean) {
    const link = element("a", {}, body.did_you_mean);
    link.addEventListener("click", () => { box.value = body.did_you_mean; search(false); });
    $("status").append(" · Did you mean ", link, "?");
  }
  if (!body.hits.length) {
    $("empty").hidden = false;
    $("empty").textContent = "No documents match. Try fewer words, or OR between them.";
  }
  renderFacets(body.facets || {});
}

function renderFacets(facets) {
  const area = $("facets");
  for (const name of FACETS.split(",")) {
    const values = facets[name];
    if (!values || !values.length) continue;
    const list = element("ul", { class: "facet-list" });
    for (const value of values.slice(0, 8)) {
      const button = element("button", { type: "button", "data-facet": name, "data-value": value.value },
        element("span", { class: "label" }, value.label),
        element("span", { class: "count" }, String(value.count)));
      button.addEventListener("click", () => addFilter(facetTerm(name, value.value)));
      list.append(element("li", {}, button));
    }
    area.append(element("h2", {}, FACET_TITLE[name]), list);
  }
}

function addFilter(term) {
  const current = box.value.trim();
  if (!current.split(/\s+/).includes(term)) box.value = current ? current + " " + term : term;
  search(false);
}

// ---------------------------------------------------------------------------------- keyboard

function select(index) {
  const previous = document.querySelector(".hit.selected");
  if (previous) previous.classList.remove("selected");
  state.selected = index;
  const item = $("hit-" + index);
  if (item) {
    item.classList.add("selected");
    item.scrollIntoView({ block: "nearest" });
  }
}

function onKey(event) {
  const typing = event.target.matches("input, textarea, select");
  if (event.key === "Escape") {
    if (!$("doc-view").hidden) closeDocument();
    else hideSuggestions();
    return;
  }
  if (!$("doc-view").hidden || event.isComposing || state.composing) return;
  if (event.key === "/" && !typing) {
    event.preventDefault();
    box.focus();
    box.select();
    return;
  }
  if (typing && event.target !== box) return;
  if (event.key === "ArrowDown" || event.key === "ArrowUp") {
    if (!suggestionsOpen() && state.hits.length) {
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      select(Math.max(0, Math.min(state.hits.length - 1, state.selected + step)));
    }
  } else if (event.key === "Enter" && state.selected >= 0 && !suggestionsOpen()) {
    event.preventDefault();
    openDocument(state.hits[state.selected].id);
  }
}

// ---------------------------------------------------------------------------------- suggest

let suggestTimer = 0;
let suggestIndex = -1;

function suggestionsOpen() {
  return !$("suggestions").hidden;
}

function hideSuggestions() {
  $("suggestions").hidden = true;
  suggestIndex = -1;
}

async function loadSuggestions() {
  const text = box.value;
  if (!text.trim() || /\s$/.test(text)) return hideSuggestions();
  const { ok, body } = await api("/api/suggest?" + new URLSearchParams({ q: text, limit: 8 }));
  if (!ok || box.value !== text || state.composing) return;
  const list = $("suggestions");
  list.textContent = "";
  body.suggestions.forEach((s, i) => {
    const item = element("li", { role: "option", id: "suggestion-" + i, "data-text": s.text },
      element("span", {}, s.label), element("span", { class: "detail" }, s.detail));
    item.addEventListener("mousedown", (event) => { event.preventDefault(); takeSuggestion(s.text); });
    list.append(item);
  });
  list.hidden = body.suggestions.length === 0;
  suggestIndex = -1;
}

function takeSuggestion(text) {
  box.value = text;
  hideSuggestions();
  search(false);
}

function onSuggestKey(event) {
  if (!suggestionsOpen() || event.isComposing) return;
  const items = $("suggestions").children;
  if (event.key === "ArrowDown" || event.key === "ArrowUp") {
    event.preventDefault();
    event.stopPropagation();
    suggestIndex = (suggestIndex + (event.key === "ArrowDown" ? 1 : items.length - 1) + 1) % (items.length + 1) - 1;
    Array.from(items).forEach((li, i) => li.setAttribute("aria-selected", String(i === suggestIndex)));
    if (suggestIndex === -1) hideSuggestions();
  } else if (event.key === "Enter" && suggestIndex >= 0) {
    event.preventDefault();
    event.stopPropagation();
    takeSuggestion(items[suggestIndex].dataset.text);
  }
}

// ---------------------------------------------------------------------------------- document

async function openDocument(id) {
  const params = new URLSearchParams({ q: state.query });
  const { ok, body } = await api("/api/doc/" + encodeURIComponent(id) + "?" + params);
  const view = $("doc-view");
  if (!ok) {
    showStatus((body && body.error && body.error.message) || "Could not open the document.");
    return;
  }
  const doc = body.document;
  $("doc-title").textContent = doc.title || body.id;
  const meta = [doc.date, doc.source, doc.author, (doc.orgs || []).map((o) => o.id).join(", "), doc.lang]
    .filter(Boolean).join(" · ");
  $("doc-meta").textContent = meta;
  if (doc.url) {
    $("doc-meta").append(" · ", element("a", { href: doc.url, rel: "noreferrer noopener", target: "_blank" }, "original"));
  }
  $("doc-text").innerHTML = body.text_html; // server-escaped text with <mark> highlights
  view.hidden = false;
  view.scrollTop = 0;
  $("doc-close").focus();
  const first = view.querySelector("mark");
  if (first) first.scrollIntoView({ block: "center" });
}

function closeDocument() {
  $("doc-view").hidden = true;
  if (state.selected >= 0) {
    const link = document.querySelector("#hit-" + state.selected + " h3 a");
    if (link) link.focus();
  } else {
    box.focus();
  }
}

// ---------------------------------------------------------------------------------- saved

function savedMessage(text) {
  $("saved-message").textContent = text;
}

async function loadSaved() {
  const { ok, body } = await api("/api/saved");
  const list = $("saved-list");
  list.textContent = "";
  if (!ok) return savedMessage("Could not list the saved queries.");
  for (const saved of body.saved) {
    const run = element("button", { type: "button", "data-action": "run" }, "Run");
    const fresh = element("button", { type: "button", "data-action": "new", title: "Only documents the last run did not show" }, "New only");
    const remove = element("button", { type: "button", "data-action": "delete" }, "Delete");
    run.addEventListener("click", () => runSaved(saved, false));
    fresh.addEventListener("click", () => runSaved(saved, true));
    remove.addEventListener("click", () => deleteSaved(saved.name));
    list.append(element("li", { "data-name": saved.name },
      element("span", { class: "name" }, saved.name),
      element("span", { class: "query" }, saved.query),
      element("div", { class: "actions" }, run, fresh, remove)));
  }
}

async function saveCurrent(event) {
  event.preventDefault();
  const name = $("save-name").value.trim();
  const query = box.value.trim();
  if (!name || !query) return savedMessage("Type a query and a name first.");
  const { ok, body } = await api("/api/saved/" + encodeURIComponent(name), {
    method: "PUT", body: query, headers: { "Content-Type": "text/plain; charset=utf-8" },
  });
  if (!ok) return savedMessage((body && body.error && body.error.message) || "Could not save.");
  $("save-name").value = "";
  savedMessage("Saved as " + name + ".");
  loadSaved();
}

async function runSaved(saved, newOnly) {
  const params = new URLSearchParams({ limit: 50, facets: FACETS });
  if (newOnly) params.set("new", "1");
  const { ok, body } = await api("/api/saved/" + encodeURIComponent(saved.name) + "/run?" + params);
  if (!ok) return savedMessage((body && body.error && body.error.message) || "Could not run it.");
  box.value = saved.query;
  state.query = saved.query;
  updateUrl();
  showError(null);
  state.offset = 0;
  render(body);
  $("more").hidden = true;
  if (newOnly) {
    showStatus(body.total + " new since the last run of " + saved.name + " · " + Math.round(body.took_ms) + " ms");
    if (!body.hits.length) $("empty").textContent = "Nothing new since the last run.";
  }
}

async function deleteSaved(name) {
  const { ok, body } = await api("/api/saved/" + encodeURIComponent(name), { method: "DELETE" });
  savedMessage(ok ? "Deleted " + name + "." : (body && body.error && body.error.message) || "Could not delete.");
  loadSaved();
}

// ---------------------------------------------------------------------------------- start

function start() {
  // Input methods: compositionstart..compositionend is one character being built from
  // keystrokes (pinyin). Searching then would search for the Latin letters, so wait.
  box.addEventListener("compositionstart", () => { state.composing = true; clearTimeout(state.timer); });
  box.addEventListener("compositionend", () => { state.composing = false; scheduleSearch(); });
  box.addEventListener("input", (event) => {
    if (state.composing || event.isComposing) return;
    scheduleSearch();
    clearTimeout(suggestTimer);
    suggestTimer = setTimeout(loadSuggestions, 120);
  });
  box.addEventListener("keydown", onSuggestKey);
  box.addEventListener("blur", () => setTimeout(hideSuggestions, 100));
  $("search-form").addEventListener("submit", (event) => {
    event.preventDefault();
    clearTimeout(state.timer);
    if (state.selected < 0) search(false);
  });
  $("sort").addEventListener("change", () => search(false));
  $("more").addEventListener("click", () => search(true));
  $("save-form").addEventListener("submit", saveCurrent);
  $("doc-close").addEventListener("click", closeDocument);
  $("doc-view").addEventListener("click", (event) => { if (event.target === $("doc-view")) closeDocument(); });
  document.addEventListener("keydown", onKey);

  const params = new URLSearchParams(location.search);
  box.value = params.get("q") || "";
  $("sort").value = params.get("sort") || "relevance";
  loadSaved();
  if (box.value) search(false);
  else box.focus();
}

start();
