/* The dashboard: a hash router over four views (dyads, events, one article, analyze) that
   reads the JSON API. Every piece of data is inserted as text, never as HTML. */
"use strict";

(function () {
  const main = () => document.getElementById("main");
  const QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"};
  const PLOVER = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"];
  const SPEAKER_COLOURS = 8;

  /* --- small helpers ------------------------------------------------------------------ */

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
      else node.setAttribute(k, v === true ? "" : String(v));
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined) continue;
      node.appendChild(typeof child === "string" || typeof child === "number" ? document.createTextNode(String(child)) : child);
    }
    return node;
  }

  async function api(path, params, init) {
    const query = params ? "?" + new URLSearchParams(Object.entries(params).filter(([, v]) => v !== "" && v !== null && v !== undefined)) : "";
    const response = await fetch("/api/" + path + query, init);
    const body = await response.json().catch(() => ({ok: false, errors: [`${response.status} ${response.statusText}`]}));
    if (!body.ok) throw new Error((body.errors || [body.error || "error"]).join("; "));
    return body;
  }

  function failure(error) {
    return el("p", {class: "error", role: "alert"}, "Error: " + error.message);
  }

  function show(...nodes) {
    const root = main();
    root.replaceChildren(...nodes);
  }

  function partyNames(parties) {
    return (parties || []).map((p) => p.country ? `${p.name} (${p.country})` : p.name).join(", ") || "—";
  }

  function field(label, input) {
    return el("label", {class: "field"}, el("span", {}, label), input);
  }

  function formValues(form) {
    const values = {};
    for (const [k, v] of new FormData(form).entries()) if (String(v).trim() !== "") values[k] = String(v).trim();
    return values;
  }

  function go(view, params) {
    const query = new URLSearchParams(params || {}).toString();
    location.hash = `#/${view}` + (query ? "?" + query : "");
  }

  function monthEnd(period, freq) {
    const d = new Date(period + "T00:00:00Z");
    if (freq === "day") return period;
    if (freq === "week") d.setUTCDate(d.getUTCDate() + 6);
    else d.setUTCMonth(d.getUTCMonth() + 1, 0);
    return d.toISOString().slice(0, 10);
  }

  /* --- evidence with highlights ------------------------------------------------------- */

  function markedSentence(event) {
    const text = event.text || "";
    const out = el("span", {class: "evidence"});
    let at = 0;
    for (const mark of event.marks || []) {
      if (mark.start > at) out.append(text.slice(at, mark.start));
      out.append(el("mark", {class: "m-" + mark.role, title: mark.role}, text.slice(mark.start, mark.end)));
      at = mark.end;
    }
    out.append(text.slice(at));
    return out;
  }

  function eventsTable(rows) {
    if (!rows.length) return el("p", {class: "empty"}, "No events.");
    const body = rows.map((e) => el("tr", {class: "event-row"},
      el("td", {"data-label": "Date"}, e.date || "—"),
      el("td", {"data-label": "Type"}, el("span", {class: "type q" + (e.quad_class || 0), title: QUAD_NAMES[e.quad_class] || ""}, e.type + (e.negated ? " (negated)" : ""))),
      el("td", {"data-label": "Who"}, partyNames(e.actor), " → ", partyNames(e.recipient)),
      el("td", {"data-label": "Evidence"}, markedSentence(e)),
      el("td", {"data-label": "Article"}, el("a", {href: "#/article/" + encodeURIComponent(e.article_id), class: "article-link"}, e.title || e.source || e.article_id)),
    ));
    const legend = el("p", {class: "legend"}, "Highlighted:", el("mark", {class: "m-actor"}, "actor"),
      el("mark", {class: "m-recipient"}, "recipient"), el("mark", {class: "m-trigger"}, "trigger"));
    return el("div", {class: "table-wrap"}, legend, el("table", {class: "events"},
      el("thead", {}, el("tr", {}, ["Date", "Type", "Actor → recipient", "Evidence", "Article"].map((h) => el("th", {scope: "col"}, h)))),
      el("tbody", {}, body)));
  }

  /* --- dyad view ---------------------------------------------------------------------- */

  async function dyadView(params) {
    const form = dyadForm(params);
    const chartBox = el("section", {id: "dyad-result", "aria-live": "polite"});
    const periodBox = el("section", {id: "period-events"});
    show(el("h1", {}, "Dyads"), form, chartBox, periodBox);
    fillPicker(form, chartBox, params);
    if (!params.actor || !params.recipient) return;
    const freq = params.freq || "month";
    try {
      const data = await api("dyads", {actor: params.actor, recipient: params.recipient, freq, both: "true"});
      drawDyad(chartBox, periodBox, data, freq);
    } catch (error) {
      chartBox.replaceChildren(failure(error));
    }
  }

  function dyadForm(params) {
    const freq = el("select", {name: "freq", id: "freq"}, ["month", "week", "day"].map((f) => el("option", {value: f, selected: f === (params.freq || "month")}, f)));
    const form = el("form", {id: "dyad-form", class: "filters"},
      field("Actor", el("input", {name: "actor", id: "actor", list: "countries", value: params.actor || "", required: true, autocomplete: "off", size: 6})),
      field("Recipient", el("input", {name: "recipient", id: "recipient", list: "countries", value: params.recipient || "", required: true, autocomplete: "off", size: 6})),
      field("Period", freq),
      el("button", {type: "submit"}, "Show"),
      el("datalist", {id: "countries"}));
    form.addEventListener("submit", (ev) => {
      ev.preventDefault();
      const v = formValues(form);
      go("dyads", {actor: v.actor.toUpperCase(), recipient: v.recipient.toUpperCase(), freq: v.freq});
    });
    return form;
  }

  async function fillPicker(form, chartBox, params) {
    try {
      const data = await api("countries");
      form.querySelector("datalist").replaceChildren(...data.countries.map((c) => el("option", {value: c.country}, `${c.reports} reports`)));
      if (params.actor && params.recipient) return;
      const pairs = data.pairs.map((p) => el("li", {}, el("a", {href: `#/dyads?actor=${p.actor}&recipient=${p.recipient}`}, `${p.actor} → ${p.recipient}`), ` (${p.reports})`));
      chartBox.replaceChildren(el("h2", {}, "Busiest pairs"), pairs.length ? el("ul", {class: "pairs"}, pairs) : el("p", {class: "empty"}, "No dyads in this database yet."));
    } catch (error) {
      chartBox.replaceChildren(failure(error));
    }
  }

  function drawDyad(chartBox, periodBox, data, freq) {
    const title = el("h2", {}, `${data.actor} ↔ ${data.recipient} by ${freq}`);
    if (!data.rows.length) {
      chartBox.replaceChildren(title, el("p", {class: "empty"}, "No events between these two."));
      return;
    }
    const onSelect = (row) => showPeriod(periodBox, row, freq);
    const svg = window.CommuniqueChart.dyadChart(data.rows, {freq, onSelect});
    const legend = el("p", {class: "legend"}, window.CommuniqueChart.QUADS.map(([key, label]) => el("span", {class: "key " + key}, label)),
      el("span", {class: "key score"}, "mean PLOVER score (right scale)"));
    const hint = el("p", {class: "hint"}, "Select a point (click, or Tab then Enter) to list that period's events.");
    chartBox.replaceChildren(title, legend, el("figure", {id: "dyad-chart"}, svg), hint);
  }

  async function showPeriod(box, row, freq) {
    const until = monthEnd(row.period, freq);
    const heading = el("h2", {tabindex: -1}, `${row.actor} → ${row.recipient}, ${row.period} to ${until}`);
    const content = el("div", {}, el("p", {}, "Loading…"));
    box.replaceChildren(heading, content);
    heading.focus();  // the heading stays in place below, so the focus stays on it
    try {
      const data = await api("events", {actor: row.actor, recipient: row.recipient, since: row.period, until, limit: 100});
      const more = data.next_offset !== null ? el("a", {href: `#/events?actor=${row.actor}&recipient=${row.recipient}&since=${row.period}&until=${until}`}, "All of them in the events view") : null;
      content.replaceChildren(eventsTable(data.rows), more);
    } catch (error) {
      content.replaceChildren(failure(error));
    }
  }

  /* --- events view -------------------------------------------------------------------- */

  const EVENT_FILTERS = ["actor", "recipient", "actor_name", "type", "quad_class", "since", "until", "text", "source"];

  async function eventsView(params) {
    const form = eventsForm(params);
    const results = el("section", {id: "events-result", "aria-live": "polite"}, el("p", {}, "Loading…"));
    show(el("h1", {}, "Events"), form, results);
    const query = {limit: 50};
    for (const k of [...EVENT_FILTERS, "offset"]) if (params[k]) query[k] = params[k];
    try {
      const data = await api("events", query);
      results.replaceChildren(el("p", {class: "count"}, `Events ${data.offset + 1}–${data.offset + data.count}`), eventsTable(data.rows), pager(params, data));
    } catch (error) {
      results.replaceChildren(failure(error));
    }
  }

  function eventsForm(params) {
    const input = (name, attrs) => el("input", {name, id: "f-" + name, value: params[name] || "", ...attrs});
    const type = el("select", {name: "type", id: "f-type"}, el("option", {value: ""}, "any"), PLOVER.map((t) => el("option", {value: t, selected: params.type === t}, t)));
    const quad = el("select", {name: "quad_class", id: "f-quad_class"}, el("option", {value: ""}, "any"),
      Object.entries(QUAD_NAMES).map(([k, v]) => el("option", {value: k, selected: params.quad_class === k}, v)));
    const form = el("form", {id: "events-form", class: "filters"},
      field("Actor", input("actor", {size: 6})), field("Recipient", input("recipient", {size: 6})),
      field("Actor name", input("actor_name", {size: 12})), field("Type", type), field("Quad class", quad),
      field("Since", input("since", {type: "date"})), field("Until", input("until", {type: "date"})),
      field("Text", input("text", {size: 12})), field("Source", input("source", {size: 10})),
      el("button", {type: "submit"}, "Filter"));
    form.addEventListener("submit", (ev) => { ev.preventDefault(); go("events", formValues(form)); });
    return form;
  }

  function pager(params, data) {
    const nav = el("nav", {class: "pager", "aria-label": "Pages"});
    if (data.offset > 0) nav.append(el("a", {href: "#/events?" + new URLSearchParams({...params, offset: Math.max(0, data.offset - data.limit)})}, "← Previous"));
    if (data.next_offset !== null) nav.append(el("a", {href: "#/events?" + new URLSearchParams({...params, offset: data.next_offset})}, "Next →"));
    return nav;
  }

  /* --- one article, stored or pasted -------------------------------------------------- */

  async function articleView(id) {
    show(el("p", {}, "Loading…"));
    try {
      const data = await api("articles/" + encodeURIComponent(id));
      show(...renderDoc(data, "h1"));
    } catch (error) {
      show(el("h1", {}, "Article"), failure(error));
    }
  }

  function speakerKeys(quotes) {
    const keys = new Map();
    for (const q of quotes) {
      const key = q.speaker ? (q.speaker.entity || q.speaker.name) : "?";
      if (!keys.has(key)) keys.set(key, keys.size % SPEAKER_COLOURS);
    }
    return keys;
  }

  function speakerOf(q) {
    return q.speaker ? (q.speaker.entity || q.speaker.name) : "?";
  }

  function renderDoc(data, level) {
    const a = data.article;
    const colours = speakerKeys(data.quotes);
    const meta = el("p", {class: "meta"}, [a.date, a.source].filter(Boolean).join(" · "), a.url ? [" · ", el("a", {href: a.url, rel: "noopener noreferrer"}, "original")] : null);
    const text = el("div", {class: "article-text", id: "article-text"}, markedText(a.text || "", data, colours));
    const side = el("aside", {class: "side", "aria-label": "Annotations"}, saidList(data.quotes, colours), eventList(data.events), entityList(data.entities));
    return [el(level, {}, a.title || a.id), meta, el("p", {class: "legend"}, el("span", {class: "ent"}, "entity"), " ", el("span", {class: "quote s0"}, "quote (colour by speaker)"), " ", el("span", {class: "evt"}, "event evidence")),
      el("div", {class: "doc"}, el("article", {}, text), side)];
  }

  function annotations(data, colours) {
    const spans = [];
    for (const e of data.entities) for (const m of e.mentions || []) {
      spans.push({start: m.start, end: m.end, cls: "ent kind-" + e.kind, title: `${e.name} (${[e.kind, e.country, e.role].filter(Boolean).join(", ")})`});
    }
    for (const q of data.quotes) {
      spans.push({start: q.start, end: q.end, cls: "quote s" + colours.get(speakerOf(q)), title: "said by " + (q.speaker ? q.speaker.name : "unknown"), id: "quote-" + q.id});
    }
    for (const e of data.events) {
      spans.push({start: e.start, end: e.end, cls: "evt", title: `${e.type}: ${partyNames(e.actor)} → ${partyNames(e.recipient)}`, id: "event-" + e.id});
    }
    return spans.filter((s) => s.end > s.start);
  }

  /* The text cut at every annotation boundary; each piece carries the classes of all the
     annotations covering it, and the first piece of an annotation carries its id. */
  function markedText(text, data, colours) {
    const spans = annotations(data, colours);
    const cuts = [...new Set([0, text.length, ...spans.flatMap((s) => [s.start, s.end])])].filter((c) => c >= 0 && c <= text.length).sort((x, y) => x - y);
    const pieces = [];
    const placed = new Set();
    for (let i = 0; i + 1 < cuts.length; i++) {
      const [from, to] = [cuts[i], cuts[i + 1]];
      const over = spans.filter((s) => s.start <= from && s.end >= to);
      if (!over.length) { pieces.push(text.slice(from, to)); continue; }
      const piece = el("span", {class: [...new Set(over.flatMap((s) => s.cls.split(" ")))].join(" "), title: over.map((s) => s.title).join("\n")}, text.slice(from, to));
      const first = over.find((s) => s.id && !placed.has(s.id));
      if (first) { piece.id = first.id; placed.add(first.id); }
      pieces.push(piece);
    }
    return pieces;
  }

  function jump(id) {
    return (ev) => {
      ev.preventDefault();
      const target = document.getElementById(id);
      if (!target) return;
      target.setAttribute("tabindex", "-1");
      target.scrollIntoView({block: "center"});
      target.focus();
    };
  }

  function saidList(quotes, colours) {
    const bySpeaker = new Map();
    for (const q of quotes) {
      const key = speakerOf(q);
      if (!bySpeaker.has(key)) bySpeaker.set(key, {speaker: q.speaker, quotes: []});
      bySpeaker.get(key).quotes.push(q);
    }
    const items = [...bySpeaker.entries()].map(([key, g]) => el("li", {class: "speaker"},
      el("span", {class: "swatch quote s" + colours.get(key)}, g.speaker ? g.speaker.name : "Unknown speaker"),
      g.speaker && g.speaker.country ? ` (${g.speaker.country})` : "",
      el("ul", {}, g.quotes.map((q) => el("li", {}, el("a", {href: "#", onclick: jump("quote-" + q.id)}, `${q.kind}: ${q.text.slice(0, 90)}${q.text.length > 90 ? "…" : ""}`))))));
    return el("section", {id: "who-said-what"}, el("h2", {}, "Who said what"), items.length ? el("ul", {class: "said"}, items) : el("p", {class: "empty"}, "No quotes."));
  }

  function eventList(events) {
    const items = events.map((e) => el("li", {class: "event-item"},
      el("a", {href: "#", onclick: jump("event-" + e.id)}, el("strong", {}, e.type), ` ${partyNames(e.actor)} → ${partyNames(e.recipient)}`),
      el("div", {class: "small"}, markedSentence(e))));
    return el("section", {id: "doc-events"}, el("h2", {}, `Events (${events.length})`), items.length ? el("ul", {class: "said"}, items) : el("p", {class: "empty"}, "No events."));
  }

  function entityList(entities) {
    const items = entities.map((e) => el("li", {}, el("span", {class: "ent kind-" + e.kind}, e.name), ` ${[e.kind, e.country, e.role].filter(Boolean).join(", ")}`));
    return el("section", {id: "doc-entities"}, el("h2", {}, `Entities (${entities.length})`), el("ul", {class: "said"}, items));
  }

  /* --- analyze view ------------------------------------------------------------------- */

  function analyzeView() {
    const result = el("section", {id: "analyze-result", "aria-live": "polite"});
    const form = el("form", {id: "analyze-form", class: "paste"},
      field("Title (optional)", el("input", {name: "title", id: "a-title"})),
      field("Date (optional; resolves “on Friday”)", el("input", {name: "date", id: "a-date", type: "date"})),
      field("Article text", el("textarea", {name: "text", id: "a-text", rows: 12, required: true})),
      el("button", {type: "submit", id: "a-submit"}, "Analyze"));
    form.addEventListener("submit", async (ev) => {
      ev.preventDefault();
      result.replaceChildren(el("p", {}, "Analyzing…"));
      try {
        const data = await api("analyze", null, {method: "POST", headers: {"Content-Type": "application/json"}, body: JSON.stringify(formValues(form))});
        result.replaceChildren(...renderDoc(data, "h2"));
      } catch (error) {
        result.replaceChildren(failure(error));
      }
    });
    show(el("h1", {}, "Analyze an article"), el("p", {}, "Paste an article; it is analyzed on the spot and not stored."), form, result);
  }

  /* --- router ------------------------------------------------------------------------- */

  function route() {
    const hash = location.hash || "#/dyads";
    if (!hash.startsWith("#/")) return;  // an in-page anchor such as the skip link
    const [path, query] = hash.slice(2).split("?");
    const params = Object.fromEntries(new URLSearchParams(query || ""));
    const [view, ...rest] = path.split("/");
    for (const link of document.querySelectorAll("nav a[data-view]")) {
      if (link.dataset.view === (view || "dyads")) link.setAttribute("aria-current", "page");
      else link.removeAttribute("aria-current");
    }
    if (view === "article") articleView(decodeURIComponent(rest.join("/")));
    else if (view === "events") eventsView(params);
    else if (view === "analyze") analyzeView();
    else dyadView(params);
  }

  window.addEventListener("hashchange", route);
  route();
})();
