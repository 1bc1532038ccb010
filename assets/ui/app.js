// Verbatim's page: plain DOM, no framework. Everything is built with createElement and
// textContent (never innerHTML), so article text cannot inject markup.
"use strict";

const $ = (sel) => document.querySelector(sel);

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") e.className = v;
    else if (k === "text") e.textContent = v;
    else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}

const svgNS = "http://www.w3.org/2000/svg";
function svg(tag, attrs, ...children) {
  const e = document.createElementNS(svgNS, tag);
  for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, String(v));
  for (const c of children) e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return e;
}

// ---------- the API ----------

class ApiFailure extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

async function api(path, options = {}, retried = false) {
  const headers = Object.assign({ accept: "application/json" }, options.headers || {});
  const key = localStorage.getItem("verbatim-key");
  if (key) headers.authorization = "Bearer " + key;
  const res = await fetch(path, Object.assign({}, options, { headers }));
  if (res.status === 401 && !retried) {
    const k = window.prompt("This Verbatim needs an API key:");
    if (k) {
      localStorage.setItem("verbatim-key", k.trim());
      return api(path, options, true);
    }
  }
  const body = res.status === 204 ? null : await res.json().catch(() => null);
  if (!res.ok) {
    const err = (body && body.error) || {};
    throw new ApiFailure(res.status, err.code || "http_" + res.status, err.message || res.statusText);
  }
  return body;
}

const qs = (params) =>
  Object.entries(params)
    .filter(([, v]) => v !== undefined && v !== null && String(v).trim() !== "")
    .map(([k, v]) => encodeURIComponent(k) + "=" + encodeURIComponent(String(v).trim()))
    .join("&");

function showError(e) {
  const box = $("#error");
  if (!e) {
    box.hidden = true;
    return;
  }
  box.textContent = e instanceof ApiFailure ? `${e.message} (${e.code})` : String(e.message || e);
  box.hidden = false;
}

// ---------- colours: one per speaker, the same on every page ----------

function fold(s) {
  return (s || "").normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();
}

function hashString(s) {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
}

/// The speaker's key: their actor id, else their folded name.
function speakerKey(sp) {
  if (!sp) return "none";
  if (sp.actor_id !== null && sp.actor_id !== undefined) return "actor-" + sp.actor_id;
  return "name-" + fold(sp.canonical_name || sp.name || sp.text || "");
}

/// Hues spread by the golden angle over actor ids, so neighbours differ.
function speakerColour(sp) {
  if (!sp) return { fill: "hsl(0 0% 90%)", edge: "hsl(0 0% 45%)" };
  const hue =
    sp.actor_id !== null && sp.actor_id !== undefined
      ? Math.round((sp.actor_id * 137.508) % 360)
      : hashString(speakerKey(sp)) % 360;
  return { fill: `hsl(${hue} 80% 86%)`, edge: `hsl(${hue} 55% 38%)` };
}

const speakerName = (sp) => (sp ? sp.canonical_name || sp.name || sp.text || "unknown" : "unknown");
const LABELS = { PER: "person", ORG: "organisation", LOC: "place", MISC: "other" };
const pct = (x) => (x === null || x === undefined ? "—" : Math.round(x * 100) + "%");
const day = (d) => (d ? String(d).slice(0, 10) : "");

// ---------- tooltip ----------

function showTooltip(target, lines) {
  const tip = $("#tooltip");
  tip.replaceChildren(...lines.map((l) => el("div", {}, ...l)));
  tip.hidden = false;
  const r = target.getBoundingClientRect();
  const tr = tip.getBoundingClientRect();
  let top = r.bottom + 8;
  if (top + tr.height > window.innerHeight) top = Math.max(4, r.top - tr.height - 8);
  tip.style.top = top + "px";
  tip.style.left = Math.max(4, Math.min(r.left, window.innerWidth - tr.width - 8)) + "px";
}
function hideTooltip() {
  $("#tooltip").hidden = true;
}

function quoteTooltip(q) {
  const sp = q.speaker;
  const who = [el("b", { text: speakerName(sp) })];
  const about = sp ? [sp.role, sp.affiliation].filter(Boolean).join(", ") : "";
  if (about) who.push(el("span", { class: "dim", text: " — " + about }));
  const lines = [
    [el("b", { text: q.kind }), " quote"],
    ["speaker: ", ...who],
    [`confidence: ${pct(q.confidence)}`],
  ];
  if (sp) lines.push([el("span", { class: "dim", text: `speaker found by ${sp.how || "?"} (${pct(sp.confidence)})` })]);
  if (q.cue) lines.push([el("span", { class: "dim", text: `cue: “${q.cue.text}”` })]);
  return lines;
}

// ---------- the article, rendered ----------

/// Splits code points [from, to) at every mark boundary; each piece gets the marks covering it.
function pieces(from, to, marks) {
  const cuts = new Set([from, to]);
  for (const m of marks) {
    if (m.end <= from || m.start >= to) continue;
    cuts.add(Math.max(from, m.start));
    cuts.add(Math.min(to, m.end));
  }
  const sorted = [...cuts].sort((a, b) => a - b);
  const out = [];
  for (let i = 0; i + 1 < sorted.length; i++) {
    const [a, b] = [sorted[i], sorted[i + 1]];
    out.push({ start: a, end: b, marks: marks.filter((m) => m.start <= a && m.end >= b) });
  }
  return out;
}

function renderRun(chars, from, to, marks) {
  const nodes = [];
  for (const p of pieces(from, to, marks)) {
    const text = chars.slice(p.start, p.end).join("");
    if (!p.marks.length) {
      nodes.push(document.createTextNode(text));
      continue;
    }
    const span = el("span", { text });
    const classes = [];
    for (const m of p.marks) {
      if (m.type === "ent") {
        classes.push("ent", m.label);
        span.dataset.label = m.label;
        if (m.actor_id !== null && m.actor_id !== undefined) span.dataset.actor = m.actor_id;
        span.title = LABELS[m.label] || m.label;
      } else if (m.type === "cue") {
        classes.push("cue");
      } else if (m.type === "speaker") {
        classes.push("speaker-ref");
        span.style.textDecorationColor = m.colour.edge;
        span.style.color = m.colour.edge;
      }
    }
    span.className = [...new Set(classes)].join(" ");
    nodes.push(span);
  }
  return nodes;
}

function renderText(article) {
  const chars = Array.from(article.text);
  const marks = [];
  for (const e of article.entities) marks.push({ type: "ent", start: e.start, end: e.end, label: e.label, actor_id: e.actor_id });
  for (const q of article.quotes) {
    if (q.cue) marks.push({ type: "cue", start: q.cue.start, end: q.cue.end });
    const sp = q.speaker;
    if (sp && sp.start !== null && sp.end !== null && sp.start !== undefined)
      marks.push({ type: "speaker", start: sp.start, end: sp.end, colour: speakerColour(sp) });
  }
  const box = el("div", { class: "article-text", id: "article-text-view" });
  const quotes = [...article.quotes].sort((a, b) => a.start - b.start || b.end - a.end);
  let at = 0;
  for (const q of quotes) {
    const start = Math.max(q.start, at);
    if (q.end <= start) continue; // inside the previous quote
    box.append(...renderRun(chars, at, start, marks));
    const colour = speakerColour(q.speaker);
    const mark = el("mark", {
      class: "quote " + q.kind,
      tabindex: 0,
      "data-quote-id": q.id,
      "data-kind": q.kind,
      "data-speaker": speakerName(q.speaker),
      "data-speaker-key": speakerKey(q.speaker),
      "aria-label": `${q.kind} quote by ${speakerName(q.speaker)}`,
    });
    mark.style.backgroundColor = colour.fill;
    mark.style.borderBottomColor = colour.edge;
    mark.append(...renderRun(chars, start, q.end, marks));
    const show = () => showTooltip(mark, quoteTooltip(q));
    mark.addEventListener("mouseenter", show);
    mark.addEventListener("focus", show);
    mark.addEventListener("mouseleave", hideTooltip);
    mark.addEventListener("blur", hideTooltip);
    box.append(mark);
    at = q.end;
  }
  box.append(...renderRun(chars, at, chars.length, marks));
  box.addEventListener("click", (ev) => {
    const t = ev.target.closest("[data-actor]");
    if (t) location.hash = "#/actors/" + t.dataset.actor;
  });
  return box;
}

function legend(article) {
  const speakers = new Map();
  for (const q of article.quotes) {
    const k = speakerKey(q.speaker);
    const s = speakers.get(k) || { sp: q.speaker, n: 0 };
    s.n++;
    speakers.set(k, s);
  }
  const items = [...speakers.values()].sort((a, b) => b.n - a.n).map(({ sp, n }) => {
    const c = speakerColour(sp);
    const sw = el("span", { class: "swatch" });
    sw.style.backgroundColor = c.fill;
    sw.style.borderColor = c.edge;
    const name =
      sp && sp.actor_id !== null && sp.actor_id !== undefined
        ? el("a", { href: "#/actors/" + sp.actor_id, text: speakerName(sp) })
        : el("span", { text: speakerName(sp) });
    const what = sp ? [sp.role, sp.affiliation].filter(Boolean).join(", ") : "";
    return el(
      "li",
      { "data-speaker-key": speakerKey(sp) },
      sw,
      el("div", {}, el("div", { class: "who" }, name), what ? el("div", { class: "what", text: what }) : null,
        el("div", { class: "what", text: `${n} quote${n === 1 ? "" : "s"}` })),
    );
  });
  const key = el("div", { class: "key" },
    ...Object.entries(LABELS).map(([l, name]) => el("span", { class: "ent " + l, text: name })),
    el("span", { class: "cue", text: "cue verb" }));
  return el("aside", { class: "legend" },
    el("h2", { text: "Speakers" }),
    items.length ? el("ul", { id: "legend" }, ...items) : el("p", { class: "status", text: "No quotes found." }),
    el("h2", { text: "Entities" }), key,
    el("h2", { text: "Quotes" }),
    el("p", { class: "what" }, `${article.quotes.length} quotes: `,
      ["direct", "mixed", "indirect"].map((k) => `${article.quotes.filter((q) => q.kind === k).length} ${k}`).join(", ")));
}

async function showArticle(id, note) {
  const view = $("#view-article");
  view.replaceChildren(el("p", { class: "status", text: "Loading…" }));
  const a = await api("/articles/" + encodeURIComponent(id));
  const meta = [a.source, day(a.published_at || a.ingested_at)].filter(Boolean).join(" · ");
  const link = a.url && /^https?:\/\//i.test(a.url) ? el("a", { href: a.url, rel: "noopener noreferrer", target: "_blank", text: "original" }) : null;
  view.replaceChildren(
    note ? el("p", { class: "status", id: "article-note", text: note }) : "",
    el("h1", { id: "article-title-view", text: a.title || "Untitled article" }),
    el("p", { class: "meta" }, meta, link ? " · " : "", link),
    el("div", { class: "article-layout" }, renderText(a), legend(a)),
  );
  view.dataset.articleId = a.id;
}

// ---------- analyse ----------

function guessFormat(text, fileName) {
  const chosen = $("#article-format").value;
  if (chosen !== "auto") return chosen;
  if (fileName && /\.html?$/i.test(fileName)) return "html";
  return /^\s*</.test(text) ? "html" : "text";
}

let uploadedName = null;

async function analyse(ev) {
  ev.preventDefault();
  const text = $("#article-text").value;
  if (!text.trim()) return;
  const format = guessFormat(text, uploadedName);
  const params = qs({
    title: $("#article-title").value,
    url: $("#article-url").value,
    source: $("#article-source").value,
    published_at: $("#article-date").value,
  });
  const button = $("#analyse-button");
  button.disabled = true;
  $("#analyse-status").textContent = "Analysing…";
  try {
    const res = await api("/articles" + (params ? "?" + params : ""), {
      method: "POST",
      headers: { "content-type": format === "html" ? "text/html; charset=utf-8" : "text/plain; charset=utf-8" },
      body: text,
    });
    $("#analyse-status").textContent = "";
    const note = res.duplicate ? "This article was already stored; here is the stored analysis." : null;
    pendingNote = note;
    const target = "#/articles/" + res.id;
    if (location.hash === target) route();
    else location.hash = target;
  } catch (e) {
    $("#analyse-status").textContent = "";
    showError(e);
  } finally {
    button.disabled = false;
  }
}

let pendingNote = null;

// ---------- search ----------

let searchNext = null;
let searchParams = {};

function quoteItem(q) {
  const c = speakerColour(q.speaker);
  const sp = q.speaker;
  const who =
    sp && sp.actor_id !== null && sp.actor_id !== undefined
      ? el("a", { href: "#/actors/" + sp.actor_id, text: speakerName(sp) })
      : el("span", { text: speakerName(sp) });
  const li = el(
    "li",
    { "data-quote-id": q.id, "data-speaker-key": speakerKey(sp) },
    el("blockquote", { text: q.text }),
    el("div", { class: "by" },
      "— ", who,
      sp && (sp.role || sp.affiliation) ? ", " + [sp.role, sp.affiliation].filter(Boolean).join(", ") : "",
      " · ", el("span", { class: "kind", text: q.kind }),
      " · ", day(q.date),
      " · ", el("a", { href: "#/articles/" + q.article_id, class: "article-link", text: q.article_title || "article " + q.article_id })),
  );
  li.style.borderLeftColor = c.edge;
  return li;
}

async function runSearch(params, more) {
  const list = $("#search-results");
  const status = $("#search-status");
  if (!more) {
    list.replaceChildren();
    $("#search-actors").replaceChildren();
    searchNext = null;
  }
  if (!params.speaker && !params.about && !params.q) {
    status.textContent = "Type a speaker, who the quote is about, or some words.";
    $("#search-more").hidden = true;
    return;
  }
  status.textContent = "Searching…";
  if (!more && params.speaker) {
    api("/actors?" + qs({ name: params.speaker, limit: 8 }))
      .then((page) => {
        $("#search-actors").replaceChildren(
          ...page.items.map((a) => {
            const c = speakerColour({ actor_id: a.id });
            const chip = el("a", { href: "#/actors/" + a.id, text: `${a.canonical_name} (${a.quote_count})`, title: `${a.type}, matched by ${a.matched}` });
            chip.style.borderColor = c.edge;
            return chip;
          }),
        );
      })
      .catch(() => {});
  }
  const page = await api("/quotes?" + qs({ speaker: params.speaker, mentions: params.about, q: params.q, limit: 25, cursor: more ? searchNext : null }));
  list.append(...page.items.map(quoteItem));
  searchNext = page.next_cursor;
  $("#search-more").hidden = !searchNext;
  const n = list.children.length;
  status.textContent = n ? `${n}${searchNext ? "+" : ""} quote${n === 1 ? "" : "s"}, newest first` : "No quotes found.";
}

function submitSearch(ev) {
  ev.preventDefault();
  const p = qs({ speaker: $("#search-speaker").value, about: $("#search-about").value, q: $("#search-q").value });
  const target = "#/search" + (p ? "?" + p : "");
  if (location.hash === target) route();
  else location.hash = target;
}

// ---------- articles ----------

let articlesNext = null;
async function showArticles(more) {
  const list = $("#articles-list");
  if (!more) list.replaceChildren();
  const page = await api("/articles?" + qs({ limit: 50, cursor: more ? articlesNext : null }));
  list.append(
    ...page.items.map((a) =>
      el("li", {},
        el("a", { href: "#/articles/" + a.id, text: a.title || "article " + a.id }),
        el("span", { class: "status" }, " · ", [a.source, day(a.published_at || a.ingested_at)].filter(Boolean).join(" · "),
          ` · ${a.quote_count} quotes, ${a.entity_count} entities`))),
  );
  articlesNext = page.next_cursor;
  $("#articles-more").hidden = !articlesNext;
  if (!list.children.length) list.append(el("li", { class: "status", text: "Nothing stored yet: analyse an article first." }));
}

// ---------- actor page ----------

/// Fills empty days between the first and last bucket (day buckets, up to two years).
function fillDays(items) {
  if (items.length < 2) return items;
  const first = Date.parse(items[0].start + "T00:00:00Z");
  const last = Date.parse(items[items.length - 1].start + "T00:00:00Z");
  const days = Math.round((last - first) / 86400000);
  if (!(days > 0 && days <= 731)) return items;
  const have = new Map(items.map((i) => [i.start, i.quotes]));
  const out = [];
  for (let d = 0; d <= days; d++) {
    const key = new Date(first + d * 86400000).toISOString().slice(0, 10);
    out.push({ start: key, quotes: have.get(key) || 0 });
  }
  return out;
}

function barChart(items, bucket) {
  const data = bucket === "day" ? fillDays(items) : items;
  const W = 720, H = 180, padL = 32, padB = 24, padT = 10, padR = 8;
  const max = Math.max(1, ...data.map((d) => d.quotes));
  const w = (W - padL - padR) / Math.max(1, data.length);
  const chart = svg("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": `quotes per ${bucket}`, id: "timeline-chart" });
  const y = (v) => padT + (H - padT - padB) * (1 - v / max);
  chart.append(
    svg("line", { x1: padL, x2: W - padR, y1: H - padB, y2: H - padB, stroke: "#999" }),
    svg("text", { x: padL - 4, y: y(max) + 4, "text-anchor": "end" }, String(max)),
    svg("text", { x: padL - 4, y: H - padB + 4, "text-anchor": "end" }, "0"),
  );
  data.forEach((d, i) => {
    const h = H - padB - y(d.quotes);
    const bar = svg("rect", { class: "bar", x: padL + i * w + w * 0.1, y: y(d.quotes), width: Math.max(1, w * 0.8), height: Math.max(0, h), "data-start": d.start, "data-quotes": d.quotes });
    bar.append(svg("title", {}, `${d.start}: ${d.quotes} quote${d.quotes === 1 ? "" : "s"}`));
    chart.append(bar);
  });
  if (data.length) {
    chart.append(svg("text", { x: padL, y: H - 6 }, data[0].start));
    if (data.length > 1) chart.append(svg("text", { x: W - padR, y: H - 6, "text-anchor": "end" }, data[data.length - 1].start));
  }
  return chart;
}

function networkTable(title, rows, id) {
  return el("div", {},
    el("h2", { text: title }),
    rows.length
      ? el("table", { id },
          el("thead", {}, el("tr", {}, el("th", { text: "Actor" }), el("th", { text: "Type" }), el("th", { text: "Quotes" }))),
          el("tbody", {}, ...rows.map((r) =>
            el("tr", {}, el("td", {}, el("a", { href: "#/actors/" + r.actor_id, text: r.canonical_name })), el("td", { text: r.type }), el("td", { class: "n", text: r.quotes })))))
      : el("p", { class: "status", text: "Nobody yet." }));
}

async function showActor(id) {
  const view = $("#view-actor");
  view.replaceChildren(el("p", { class: "status", text: "Loading…" }));
  const [a, net, quotes] = await Promise.all([
    api("/actors/" + encodeURIComponent(id)),
    api(`/actors/${encodeURIComponent(id)}/network?limit=15`),
    api(`/actors/${encodeURIComponent(id)}/quotes?limit=20`),
  ]);
  const c = speakerColour({ actor_id: a.id });
  const sw = el("span", { class: "swatch" });
  sw.style.backgroundColor = c.fill;
  sw.style.borderColor = c.edge;
  const fact = (k, v) => (v === "" || v === null || v === undefined ? [] : [el("dt", { text: k }), el("dd", { text: v })]);
  const chartBox = el("div", { class: "timeline" });
  const bucketSel = el("select", { id: "timeline-bucket", "aria-label": "Bucket" },
    ...["day", "week", "month"].map((b) => el("option", { value: b, text: "per " + b })));
  const drawTimeline = async () => {
    const t = await api(`/actors/${encodeURIComponent(id)}/timeline?bucket=${bucketSel.value}`);
    chartBox.replaceChildren(t.items.length ? barChart(t.items, t.bucket) : el("p", { class: "status", text: "No quotes yet." }));
  };
  bucketSel.addEventListener("change", () => drawTimeline().catch(showError));
  view.replaceChildren(
    el("h1", { id: "actor-name" }, sw, " ", a.canonical_name),
    el("dl", { class: "facts" },
      fact("Type", a.type),
      fact("Also called", a.aliases.join(", ")),
      fact("Roles", a.roles.join(", ")),
      fact("Affiliations", a.affiliations.join(", ")),
      fact("Quotes", String(a.quote_count)),
      fact("Mentions", `${a.mention_count} in ${a.article_count} article${a.article_count === 1 ? "" : "s"}`),
      fact("Seen", a.first_seen ? `${day(a.first_seen)} – ${day(a.last_seen)}` : "")),
    el("h2", {}, "Quotes over time ", bucketSel),
    chartBox,
    el("div", { class: "two" },
      networkTable(`Who ${a.canonical_name} talks about`, net.mentions, "network-mentions"),
      networkTable(`Who talks about ${a.canonical_name}`, net.mentioned_by, "network-mentioned-by")),
    el("h2", {}, "Latest quotes · ", el("a", { href: "#/search?" + qs({ speaker: a.canonical_name }), text: "search all" })),
    el("ol", { class: "quotes" }, ...quotes.items.map(quoteItem)),
  );
  await drawTimeline();
}

// ---------- routing ----------

function show(name) {
  for (const v of document.querySelectorAll(".view")) v.hidden = v.id !== "view-" + name;
  for (const a of document.querySelectorAll("header nav a"))
    if (a.dataset.nav === name) a.setAttribute("aria-current", "page");
    else a.removeAttribute("aria-current");
}

async function route() {
  hideTooltip();
  showError(null);
  const hash = location.hash.replace(/^#/, "") || "/";
  const [path, query] = hash.split("?");
  const params = Object.fromEntries(new URLSearchParams(query || ""));
  let m;
  try {
    if ((m = path.match(/^\/articles\/(\d+)$/))) {
      show("article");
      const note = pendingNote;
      pendingNote = null;
      await showArticle(m[1], note);
    } else if (path === "/articles") {
      show("articles");
      await showArticles(false);
    } else if ((m = path.match(/^\/actors\/(\d+)$/))) {
      show("actor");
      await showActor(m[1]);
    } else if (path === "/search") {
      show("search");
      searchParams = params;
      $("#search-speaker").value = params.speaker || "";
      $("#search-about").value = params.about || "";
      $("#search-q").value = params.q || "";
      await runSearch(params, false);
    } else {
      show("analyse");
    }
  } catch (e) {
    showError(e);
  }
  document.body.dataset.ready = hash;
}

function start() {
  // /?article=ID links land on the article view.
  const article = new URLSearchParams(location.search).get("article");
  if (article && /^\d+$/.test(article)) {
    history.replaceState(null, "", "/#/articles/" + article);
  }
  $("#analyse-form").addEventListener("submit", analyse);
  $("#article-file").addEventListener("change", async (ev) => {
    const f = ev.target.files[0];
    if (!f) return;
    uploadedName = f.name;
    $("#article-text").value = await f.text();
  });
  $("#article-text").addEventListener("input", () => {
    uploadedName = null;
  });
  $("#search-form").addEventListener("submit", submitSearch);
  $("#search-more").addEventListener("click", () => runSearch(searchParams, true).catch(showError));
  $("#articles-more").addEventListener("click", () => showArticles(true).catch(showError));
  window.addEventListener("hashchange", route);
  window.addEventListener("scroll", hideTooltip, { passive: true });
  route();
}

document.addEventListener("DOMContentLoaded", start);
