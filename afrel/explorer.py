"""The explorer: one self-contained HTML page to travel through a state's relations, year by year.

:func:`explore` writes a single file with every script, style and datum inline: it opens from
disk, offline, makes no request to any other host, and can be mailed or put on a website. A year
slider (with play and pause) drives a network of the focal state and its partners, grouped by
camp as in the report's figures (:func:`afrel.plot.camp_layout`: the West on the left, the East
on the right, the strongest ties closest), the era of the year, and the number of relations of
each kind. Clicking a partner lists every relation with it that holds at some time in the year,
with its kind, dates at their precision, certainty, note and sources (as links). The state is in
the address: ``explorer.html#year=1985&partner=SUN`` opens on that year and that partner.

Why hand-written JavaScript rather than a plotting library that writes standalone HTML (Bokeh,
Plotly): the page needs a slider, an SVG network and a panel of linked sources, about 300 lines
of plain JavaScript and no dependency; a library's inline runtime alone weighs 1-4 MB and the
click-to-sources behaviour would still need custom JavaScript.
"""

from __future__ import annotations

import datetime
import json
import os
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from afrel.align import partner_scores
from afrel.blocs import CAMPS, Camp, blocs_of, scope
from afrel.dates import latest_year
from afrel.style import BLOC_COLORS, BLOC_LABELS, KIND_COLORS, SECTORS, short_name

if TYPE_CHECKING:
    from afrel.graph import RelationGraph

__all__ = ["explore", "payload"]


def payload(
    g: RelationGraph,
    *,
    actor: str = "AFG",
    years: Iterable[int] | None = None,
    year: int | None = None,
    camps: Iterable[Camp] = CAMPS,
) -> dict[str, Any]:
    """Everything the explorer page shows, as plain JSON-ready data.

    Parameters
    ----------
    g : RelationGraph
        The graph.
    actor : str, default "AFG"
        The focal state.
    years : iterable of int, optional
        The years of the slider; by default from the first year of the state's relations to
        this year.
    year : int, optional
        The year the page opens on (unless its address names another); by default the year
        with the most partners.
    camps : iterable of Camp
        The camps the partners are grouped by.

    Returns
    -------
    dict
        ``actor``, ``name``, ``years``, ``start`` (the year the page opens on), ``eras`` (name,
        first year, last year), ``actors``
        (id -> [name, kind]), ``sources`` (id -> [citation, url]), ``relations`` (one list per
        relation of the focal state, its governments or its movements: id, source, target, kind,
        start, end, first year, last year, sign, intensity, certainty, rank, note, source ids,
        alternatives), ``frames`` (year -> [partner, group, score] on 1 July), ``colors``,
        ``labels`` and ``sectors``.

    Examples
    --------
    >>> import afrel
    >>> data = payload(afrel.load(), years=[1985])
    >>> next(p for p in data["frames"]["1985"] if p[0] == "SUN")[1]
    'east'
    """
    camps = tuple(camps)
    g.actor(actor)
    today = datetime.date.today().year
    own, movements = scope(g, actor)
    mine = own | movements
    rels = [r for r in g.records("relations") if (r.source in mine) != (r.target in mine)]
    last = latest_year()  # each year is shown as of 1 July
    first = min((r.start.first_day().year for r in rels), default=last)
    span = list(years) if years is not None else list(range(first, last + 1))
    if not span:
        raise ValueError("give at least one year")
    opening = year
    if opening is not None and opening not in span:
        raise ValueError(f"year {opening} is not among the years shown ({span[0]}-{span[-1]})")
    cited = {s for r in rels for s in r.sources}
    involved = {a for r in rels for a in (r.source, r.target)} | {actor}
    relations: list[list[Any]] = []
    for r in rels:
        last_day = datetime.date.fromordinal(min(r.hi, datetime.date(today + 1, 1, 1).toordinal()) - 1)
        relations.append(
            [
                r.id, r.source, r.target, r.kind.value, str(r.start), str(r.end) if r.end else "",
                r.start.first_day().year, last_day.year, r.sign, r.intensity, r.certainty.value,
                r.rank.value if r.rank else "", r.note, list(r.sources), [str(a) for a in r.alternatives],
            ]
        )  # fmt: skip
    frames: dict[str, list[list[Any]]] = {}
    for year in span:
        day = datetime.date(year, 7, 1)
        groups = blocs_of(g, day, actor, camps=camps)
        scores = partner_scores(g, actor, day)
        active = {
            a
            for row in relations
            if row[6] <= year <= row[7]
            for a in (row[1], row[2])
            if (a not in own and g.actors[a].holds_on(day)) or a in movements
        }
        frames[str(year)] = [
            [p, groups.get(p, "movement" if p in movements else "none"), round(scores.get(p, 0.0), 2)]
            for p in sorted(active)
            if p not in own
        ]
    eras = []
    for p in g.periods:
        last = datetime.date.fromordinal(p.hi - 1).year if p.end is not None else today
        eras.append([p.name, p.start.first_day().year, last])
    if opening is None:
        opening = max(span, key=lambda y: (len(frames[str(y)]), -y))
    return {
        "actor": actor,
        "name": g.actors[actor].name,
        "years": span,
        "start": opening,
        "eras": eras,
        "actors": {a: [short_name(g, a, 24), g.actors[a].name, g.actors[a].kind.value] for a in sorted(involved)},
        "sources": {s: [g.sources[s].citation, g.sources[s].url or ""] for s in sorted(cited) if s in g.sources},
        "relations": relations,
        "frames": frames,
        "colors": {"kinds": {k.value: c for k, c in KIND_COLORS.items()}, "groups": dict(BLOC_COLORS)},
        "labels": dict(BLOC_LABELS),
        "sectors": {k: list(v) for k, v in SECTORS.items()},
    }


def explore(
    g: RelationGraph,
    path: str | os.PathLike[str],
    *,
    actor: str = "AFG",
    year: int | None = None,
    camps: Iterable[Camp] = CAMPS,
) -> Path:
    """Write the explorer page for a state to one self-contained HTML file.

    Parameters
    ----------
    g : RelationGraph
        The graph.
    path : str or path-like
        The ``.html`` file to write (its folder must exist).
    actor : str, default "AFG"
        The focal state.
    year : int, optional
        The year the page opens on; by default the year with the most partners.
    camps : iterable of Camp
        The camps the partners are grouped by (:data:`afrel.CAMPS`).

    Returns
    -------
    Path
        The file written.

    Raises
    ------
    FileNotFoundError
        If the folder does not exist.
    """
    out = Path(path)
    if not out.parent.is_dir():
        raise FileNotFoundError(f"no folder {out.parent} to write {out.name} into")
    data = json.dumps(payload(g, actor=actor, year=year, camps=camps), ensure_ascii=False, separators=(",", ":"))
    data = data.replace("</", "<\\/")  # never close the script element early
    name = g.actors[actor].name
    page = _PAGE.replace("__TITLE__", f"{name}: foreign relations explorer").replace("__DATA__", data)
    out.write_text(page, encoding="utf-8")
    return out


_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>__TITLE__</title>
<style>
:root { --ink: #212121; --muted: #616161; --line: #e0e0e0; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); }
header { padding: 12px 16px 4px; }
h1 { font-size: 19px; margin: 0 0 2px; }
.sub { color: var(--muted); font-size: 13px; margin: 0; }
.controls { display: flex; align-items: center; gap: 10px; padding: 6px 16px; flex-wrap: wrap; }
#year-label { font-size: 26px; font-weight: 700; min-width: 64px; }
#slider { flex: 1 1 240px; min-width: 160px; }
button { font: inherit; padding: 4px 12px; border: 1px solid #9e9e9e; border-radius: 4px; background: #fff; cursor: pointer; }
#era { color: var(--muted); font-size: 14px; width: 100%; }
main { display: grid; grid-template-columns: minmax(0, 3fr) minmax(280px, 2fr); gap: 12px; padding: 0 16px 16px; }
#net { width: 100%; height: auto; max-height: 78vh; display: block; }
#net text { paint-order: stroke; stroke: #fff; }
.panel h2 { font-size: 15px; margin: 12px 0 6px; }
table { border-collapse: collapse; width: 100%; font-size: 13px; }
td { padding: 2px 4px; border-bottom: 1px solid var(--line); }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
.swatch { display: inline-block; width: 12px; height: 12px; border-radius: 2px; margin-right: 6px; vertical-align: -1px; }
#partners { display: flex; flex-wrap: wrap; gap: 4px; }
#partners button { font-size: 12px; padding: 2px 7px; border-color: var(--line); }
#partners button.on { background: #212121; color: #fff; }
.rel { border-top: 1px solid var(--line); padding: 6px 0; font-size: 13px; }
.rel .k { font-weight: 600; }
.rel .src { margin: 2px 0 0 0; padding-left: 18px; }
.legend { display: flex; flex-wrap: wrap; gap: 4px 12px; font-size: 12px; color: var(--muted); }
@media (max-width: 760px) { main { grid-template-columns: 1fr; } #net { max-height: none; } }
</style>
</head>
<body>
<header>
<h1 id="title"></h1>
<p class="sub">Partners on 1 July of each year, grouped by camp: the West on the left, the East on the right,
the Non-Aligned above; the stronger the ties, the closer to the centre and the larger the node.
Click a partner for its relations and their sources.</p>
</header>
<div class="controls">
<button id="play" type="button" aria-label="play">Play</button>
<span id="year-label"></span>
<input id="slider" type="range" aria-label="year">
<div id="era"></div>
</div>
<main>
<div>
<svg id="net" viewBox="-1.32 -1.22 2.64 2.44" role="img" aria-label="network of the year"></svg>
<div class="legend" id="legend"></div>
</div>
<div class="panel">
<div id="detail"></div>
<h2>Partners in <span class="y"></span> (click one)</h2>
<div id="partners"></div>
<h2>Relations in <span class="y"></span>, by kind</h2>
<table id="counts"></table>
</div>
</main>
<script id="data" type="application/json">__DATA__</script>
<script>
"use strict";
const D = JSON.parse(document.getElementById("data").textContent);
const SVGNS = "http://www.w3.org/2000/svg";
const years = D.years;
const state = { year: D.start, partner: null, timer: null };
const slider = document.getElementById("slider");
slider.min = years[0]; slider.max = years[years.length - 1]; slider.step = 1;
document.getElementById("title").textContent = D.name + ": foreign relations, " + years[0] + "-" + years[years.length - 1];

function el(tag, attrs, text) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}
function svg(tag, attrs) {
  const e = document.createElementNS(SVGNS, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  return e;
}
function name(id) { return D.actors[id] ? D.actors[id][0] : id; }
function fullName(id) { return D.actors[id] ? D.actors[id][1] : id; }
function activeIn(year) { return D.relations.filter(r => r[6] <= year && year <= r[7]); }
function eraOf(year) { const e = D.eras.find(e => e[1] <= year && year <= e[2]); return e ? e[0] : ""; }

function layout(frame) {
  const pos = {}, groups = {};
  const top = Math.max(1, ...frame.map(p => p[2]));
  const moves = frame.filter(p => p[1] === "movement").map(p => p[0]).sort();
  moves.forEach((m, i) => { pos[m] = [0.22 * (i - (moves.length - 1) / 2), 0.3]; });
  for (const p of frame) if (p[1] !== "movement") (groups[p[1]] = groups[p[1]] || []).push(p);
  for (const [g, members] of Object.entries(groups)) {
    const [centre, width] = D.sectors[g] || D.sectors["none"];
    members.sort((a, b) => (a[0] < b[0] ? -1 : 1));
    members.forEach((p, j) => {
      const a = (centre - width / 2 + width * (j + 0.5) / members.length) * Math.PI / 180;
      const r = p[2] < 0 ? 1.02 : 0.95 - 0.55 * Math.min(1, p[2] / top);
      pos[p[0]] = [r * Math.cos(a), -r * Math.sin(a)];
    });
  }
  return pos;
}

function draw() {
  const year = state.year;
  const frame = D.frames[String(year)] || [];
  const pos = layout(frame);
  const byId = Object.fromEntries(frame.map(p => [p[0], p]));
  const top = Math.max(1, ...frame.map(p => p[2]));
  const net = document.getElementById("net");
  net.replaceChildren();
  const unit = 2.64 / Math.max(200, net.getBoundingClientRect().width);  // one screen pixel in SVG units
  net.style.fontSize = (12 * unit) + "px";
  net.style.strokeWidth = (3 * unit) + "px";
  const rels = activeIn(year);
  const mine = new Set(frame.filter(p => p[1] === "movement").map(p => p[0]));
  const best = {};
  for (const r of rels) {
    const [s, t] = [r[1], r[2]];
    const other = byId[s] && !mine.has(s) ? s : (byId[t] && !mine.has(t) ? t : null);
    if (!other) continue;
    const end = mine.has(s) ? s : (mine.has(t) ? t : "_focus");
    const key = other + ">" + end;
    const weight = r[9] * (["diplomatic", "accreditation", "membership"].includes(r[3]) ? 1 : 3);
    if (!best[key] || weight > best[key].w) best[key] = { w: weight, r: r, other: other, end: end };
  }
  for (const b of Object.values(best)) {
    const a = pos[b.other], z = b.end === "_focus" ? [0, 0] : pos[b.end];
    if (!a || !z) continue;
    const routine = ["diplomatic", "accreditation", "membership"].includes(b.r[3]);
    net.append(svg("line", { x1: a[0], y1: a[1], x2: z[0], y2: z[1], stroke: D.colors.kinds[b.r[3]],
      "stroke-width": (routine ? 0.004 : 0.008) * (1 + b.r[9]), "stroke-opacity": routine ? 0.35 : 0.9,
      "stroke-dasharray": b.r[8] < 0 ? "0.03 0.02" : "none" }));
  }
  const ranked = frame.slice().sort((a, b) => Math.abs(b[2]) - Math.abs(a[2]));
  const labelled = new Set(ranked.slice(0, 12).map(p => p[0]).concat([...mine]));
  if (state.partner) labelled.add(state.partner);
  const labels = [];
  for (const p of frame) {
    const xy = pos[p[0]];
    const size = 0.018 + 0.03 * Math.max(0, p[2]) / top;
    const shape = p[1] === "movement"
      ? svg("rect", { x: xy[0] - size, y: xy[1] - size, width: 2 * size, height: 2 * size, transform: "rotate(45 " + xy[0] + " " + xy[1] + ")" })
      : svg("circle", { cx: xy[0], cy: xy[1], r: size });
    shape.setAttribute("fill", D.colors.groups[p[1]] || D.colors.groups.none);
    shape.setAttribute("stroke", state.partner === p[0] ? "#000" : "#fff");
    shape.setAttribute("stroke-width", state.partner === p[0] ? 0.012 : 0.004);
    shape.setAttribute("data-id", p[0]);
    shape.style.cursor = "pointer";
    const t = svg("title", {}); t.textContent = fullName(p[0]); shape.append(t);
    shape.addEventListener("click", () => select(p[0]));
    net.append(shape);
    if (labelled.has(p[0])) labels.push([p[0], xy, size]);
  }
  const placed = [];
  labels.sort((a, b) => (b[0] === state.partner) - (a[0] === state.partner));  // the selected partner first
  for (const [id, xy, size] of labels) {  // names that would overlap one already placed are left out
    const right = xy[0] > 0.45;  // on the right-hand side, names go left of their node to stay in view
    const label = svg("text", { x: right ? xy[0] - size - 3 * unit : xy[0] + size + 3 * unit, y: xy[1] + 4 * unit,
      "text-anchor": right ? "end" : "start" });
    label.textContent = name(id);
    net.append(label);
    const b = label.getBBox();
    if (id !== state.partner && placed.some(o => b.x < o.x + o.width && o.x < b.x + b.width && b.y < o.y + o.height && o.y < b.y + b.height)) label.remove();
    else placed.push(b);
  }
  net.append(svg("circle", { cx: 0, cy: 0, r: 0.05, fill: "#000" }));
  const focus = svg("text", { x: 0.06, y: -0.04, "font-weight": "700" }); focus.textContent = D.name; net.append(focus);
  for (const [text, x, anchor, colour] of [["West", -1.28, "start", D.colors.groups.west], ["East", 1.28, "end", D.colors.groups.east]]) {
    const t = svg("text", { x: x, y: -1.12, "text-anchor": anchor, fill: colour, "font-weight": "700" });
    t.textContent = text; net.append(t);
  }
  panel(year, frame, rels);
}

function panel(year, frame, rels) {
  document.getElementById("year-label").textContent = year;
  document.querySelectorAll(".y").forEach(e => { e.textContent = year; });
  document.getElementById("era").textContent = eraOf(year);
  slider.value = year;
  const counts = {};
  for (const r of rels) counts[r[3]] = (counts[r[3]] || 0) + 1;
  const table = document.getElementById("counts");
  table.replaceChildren();
  for (const [k, n] of Object.entries(counts).sort((a, b) => b[1] - a[1])) {
    const tr = el("tr");
    const td = el("td"); td.append(el("span", { class: "swatch", style: "background:" + D.colors.kinds[k] }), k.replace("_", " "));
    tr.append(td, el("td", { class: "n" }, String(n)));
    table.append(tr);
  }
  const list = document.getElementById("partners");
  list.replaceChildren();
  for (const p of frame.slice().sort((a, b) => b[2] - a[2])) {
    const b = el("button", { type: "button", "data-id": p[0], class: state.partner === p[0] ? "on" : "" }, name(p[0]));
    b.style.borderLeft = "4px solid " + (D.colors.groups[p[1]] || D.colors.groups.none);
    b.addEventListener("click", () => select(p[0]));
    list.append(b);
  }
  detail(year, rels);
}

function detail(year, rels) {
  const box = document.getElementById("detail");
  box.replaceChildren();
  const p = state.partner;
  if (!p) return;
  const mine = rels.filter(r => r[1] === p || r[2] === p);
  box.append(el("h2", {}, fullName(p) + " in " + year + ": " + mine.length + " relation" + (mine.length === 1 ? "" : "s")));
  if (!mine.length) box.append(el("p", {}, "No relation with " + D.name + " holds in " + year + "."));
  for (const r of mine) {
    const div = el("div", { class: "rel" });
    const other = r[1] === p ? r[2] : r[1];
    const dates = r[4] + " to " + (r[5] || "today");
    div.append(el("span", { class: "k" }, r[3].replace("_", " ") + (r[11] ? " (" + r[11] + ")" : "")),
      document.createTextNode(" " + (r[8] < 0 ? "hostile, " : "") + dates + " | " + r[10] + (other !== D.actor ? " | with " + fullName(other) : "")));
    if (r[14].length) div.append(el("div", {}, "other datings: " + r[14].join(", ")));
    if (r[12]) div.append(el("div", {}, r[12]));
    const ul = el("ul", { class: "src" });
    for (const s of r[13]) {
      const [citation, url] = D.sources[s] || [s, ""];
      const li = el("li");
      if (url) { const a = el("a", { href: url, rel: "noopener", target: "_blank" }, citation); li.append(a); }
      else li.append(document.createTextNode(citation));
      ul.append(li);
    }
    div.append(ul);
    box.append(div);
  }
}

function writeHash() {
  const h = "#year=" + state.year + (state.partner ? "&partner=" + encodeURIComponent(state.partner) : "");
  if (location.hash !== h) history.replaceState(null, "", h);
}
function readHash() {
  const q = new URLSearchParams(location.hash.replace(/^#/, ""));
  const y = parseInt(q.get("year"), 10);
  if (!isNaN(y)) state.year = Math.min(years[years.length - 1], Math.max(years[0], y));
  state.partner = q.get("partner") || null;
}
function select(id) {
  state.partner = id; writeHash(); draw();
  document.getElementById("detail").scrollIntoView({ block: "nearest", behavior: "smooth" });
}
function setYear(y) { state.year = y; writeHash(); draw(); }

slider.addEventListener("input", () => setYear(parseInt(slider.value, 10)));
document.getElementById("play").addEventListener("click", () => {
  const button = document.getElementById("play");
  if (state.timer) { clearInterval(state.timer); state.timer = null; button.textContent = "Play"; return; }
  button.textContent = "Pause";
  state.timer = setInterval(() => {
    const next = state.year >= years[years.length - 1] ? years[0] : state.year + 1;
    setYear(next);
  }, 600);
});
window.addEventListener("hashchange", () => { readHash(); draw(); });
let resizing = null;  // names keep their screen size when the window changes
window.addEventListener("resize", () => { clearTimeout(resizing); resizing = setTimeout(draw, 150); });
const legend = document.getElementById("legend");
for (const g of ["west", "east", "nam", "oic", "none", "movement"]) {
  const s = el("span"); s.append(el("span", { class: "swatch", style: "background:" + D.colors.groups[g] }), D.labels[g]); legend.append(s);
}
legend.append(el("span", {}, "lines: the strongest tie with each partner, coloured by kind; dashed: hostile"));
readHash();
draw();
</script>
</body>
</html>
"""
