/* A dyad chart in plain SVG: one panel per direction; per period, cooperation stacked
   above the axis and conflict below it (PLOVER quad classes), and a point for the mean
   PLOVER score (right-hand scale, -10 to +10). Points are focusable buttons: click, Enter
   or Space selects the period. No library, nothing loaded from elsewhere. */
"use strict";

(function () {
  const SVG = "http://www.w3.org/2000/svg";
  const QUADS = [
    ["verbal_cooperation", "verbal cooperation", 1],
    ["material_cooperation", "material cooperation", 1],
    ["verbal_conflict", "verbal conflict", -1],
    ["material_conflict", "material conflict", -1],
  ];
  const W = 800, PANEL = 170, GAP = 34, LEFT = 44, RIGHT = 40, TOP = 24;

  function node(tag, attrs, text) {
    const el = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs || {})) el.setAttribute(k, String(v));
    if (text !== undefined) el.textContent = text;
    return el;
  }

  function directionsOf(rows) {
    const seen = new Map();
    for (const r of rows) seen.set(r.actor + "→" + r.recipient, [r.actor, r.recipient]);
    return [...seen.values()];
  }

  function periodLabel(period, freq) {
    return freq === "month" ? period.slice(0, 7) : period;
  }

  /* Draws the series into an <svg>; onSelect(row) runs when a period is chosen. */
  function dyadChart(rows, options) {
    const freq = options.freq || "month";
    const periods = [...new Set(rows.map((r) => r.period))];
    const dirs = directionsOf(rows);
    const height = TOP + dirs.length * (PANEL + GAP);
    const svg = node("svg", {viewBox: `0 0 ${W} ${height}`, class: "dyad-chart", role: "group",
      "aria-label": `Monthly cooperation and conflict, ${dirs.map((d) => d.join(" to ")).join(" and ")}`});
    const peak = Math.max(1, ...rows.map((r) => Math.max(r.verbal_cooperation + r.material_cooperation,
      r.verbal_conflict + r.material_conflict)));
    const step = (W - LEFT - RIGHT) / Math.max(1, periods.length);
    dirs.forEach((dir, i) => {
      const top = TOP + i * (PANEL + GAP);
      const panel = {top, mid: top + PANEL / 2, half: PANEL / 2 - 6, peak, step, periods, freq};
      svg.appendChild(drawPanel(rows.filter((r) => r.actor === dir[0] && r.recipient === dir[1]), dir, panel, options));
    });
    svg.appendChild(drawAxis(periods, step, height - GAP + 14, freq));
    return svg;
  }

  function drawPanel(rows, dir, p, options) {
    const g = node("g", {class: "panel", "data-direction": dir.join("-")});
    g.appendChild(node("text", {x: LEFT, y: p.top - 6, class: "panel-title"}, `${dir[0]} → ${dir[1]}`));
    g.appendChild(node("line", {x1: LEFT, x2: W - RIGHT, y1: p.mid, y2: p.mid, class: "zero"}));
    g.appendChild(node("text", {x: LEFT - 6, y: p.mid - p.half + 4, class: "tick", "text-anchor": "end"}, String(p.peak)));
    g.appendChild(node("text", {x: LEFT - 6, y: p.mid + p.half + 4, class: "tick", "text-anchor": "end"}, String(p.peak)));
    g.appendChild(node("text", {x: W - RIGHT + 6, y: p.mid - p.half + 4, class: "tick"}, "+10"));
    g.appendChild(node("text", {x: W - RIGHT + 6, y: p.mid + p.half + 4, class: "tick"}, "−10"));
    const points = [];
    for (const row of rows) {
      const x = LEFT + p.periods.indexOf(row.period) * p.step;
      g.appendChild(drawBars(row, x, p, options));
      if (row.events > 0) points.push([x + p.step / 2, scoreY(row.plover_score, p), row]);
    }
    if (points.length > 1) {
      g.appendChild(node("polyline", {class: "score-line", points: points.map((q) => `${q[0]},${q[1]}`).join(" ")}));
    }
    for (const [x, y, row] of points) g.appendChild(drawPoint(row, x, y, p.freq, options));
    return g;
  }

  function scoreY(score, p) {
    const s = score === null || score === undefined ? 0 : Math.max(-10, Math.min(10, score));
    return p.mid - (s / 10) * p.half;
  }

  function drawBars(row, x, p, options) {
    const g = node("g", {class: "bars"});
    const width = Math.max(1, Math.min(40, p.step * 0.8));
    let up = p.mid, down = p.mid;
    for (const [key, label, sign] of QUADS) {
      const h = (row[key] / p.peak) * p.half;
      if (!h) continue;
      const y = sign > 0 ? (up -= h) : down;
      if (sign < 0) down += h;
      const bar = node("rect", {x: x + (p.step - width) / 2, y, width, height: h, class: `bar ${key}`});
      bar.appendChild(node("title", {}, `${periodLabel(row.period, p.freq)}: ${row[key]} ${label}`));
      g.appendChild(bar);
    }
    if (row.events > 0) g.addEventListener("click", () => options.onSelect && options.onSelect(row));
    return g;
  }

  function drawPoint(row, x, y, freq, options) {
    const score = row.plover_score === null ? "no score" : `mean score ${row.plover_score.toFixed(1)}`;
    const label = `${row.actor} → ${row.recipient}, ${periodLabel(row.period, freq)}: ${row.events} events, ${score}`;
    const point = node("circle", {cx: x, cy: y, r: 5, class: "point", tabindex: 0, role: "button",
      "aria-label": label, "data-period": row.period, "data-direction": `${row.actor}-${row.recipient}`});
    point.appendChild(node("title", {}, label));
    const choose = () => options.onSelect && options.onSelect(row);
    point.addEventListener("click", choose);
    point.addEventListener("keydown", (ev) => {
      if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); choose(); }
    });
    return point;
  }

  function drawAxis(periods, step, y, freq) {
    const g = node("g", {class: "axis"});
    const every = Math.max(1, Math.ceil(periods.length / 8));
    periods.forEach((period, i) => {
      if (i % every) return;
      g.appendChild(node("text", {x: LEFT + i * step + step / 2, y, class: "tick", "text-anchor": "middle"},
        periodLabel(period, freq)));
    });
    return g;
  }

  window.CommuniqueChart = {dyadChart, QUADS};
})();
