"""afrel benchmark suite (issue 6): afrel against temporal-graph peers and baselines, side by side.

Run ``python benchmarks/run.py`` (full) or ``python benchmarks/run.py --quick`` (CI, < 60 s).
Method, peers, interval mapping and the latest results are in ``benchmarks/README.md``.
Targets are reported as PASS/FAIL, never asserted; the script fails only when two
implementations disagree on a snapshot (a correctness error, not a timing).
"""

from __future__ import annotations

import argparse
import bisect
import datetime
import gc
import math
import os
import platform
import random
import statistics
import subprocess
import sys
import time
import tracemalloc
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
UNGA = ROOT.parent / "shared" / "data" / "unga"
SEED = 6
KINDS = ("diplomatic", "embassy", "economic_aid", "treaty", "membership", "dispute")
FIRST_DAY = datetime.date(1816, 1, 1).toordinal()
LAST_DAY = datetime.date(2026, 12, 31).toordinal()
YEAR_START, YEAR_END = datetime.date(1816, 7, 1), datetime.date(2026, 7, 1)
WINDOW = (datetime.date(1914, 7, 28), datetime.date(1918, 11, 11))  # both bounds included


@dataclass(frozen=True)
class Mode:
    name: str
    n_actors: int
    n_relations: int
    n_dates: int  # random dates for the one-snapshot median
    repeat: int  # repeats (median) of the fast measurements
    dynetx_relations: int  # relations DyNetX is run on (the first ones); extrapolated linearly when fewer
    nxt_relations: int  # the same for networkx-temporal
    un_years: tuple[int, int] | None  # None: every year
    startup_runs: int


FULL = Mode("full", 250, 200_000, 50, 3, 200_000, 20_000, None, 7)
QUICK = Mode("quick", 250, 20_000, 10, 1, 5_000, 2_000, (1980, 1984), 3)


# --- helpers ---------------------------------------------------------------------------------


def consume(G: Any) -> int:
    """What every series does with each snapshot it gets: take its number of nodes.

    ``len(G)`` costs O(1) for every implementation, so the times measure producing the
    snapshots (all peers build their graphs eagerly) rather than walking them afterwards.
    """
    return len(G)


def clock(fn: Callable[[], Any]) -> tuple[float, Any]:
    gc.collect()
    t0 = time.perf_counter()
    out = fn()
    return time.perf_counter() - t0, out


def median_time(fn: Callable[[], Any], repeat: int) -> float:
    return statistics.median(clock(fn)[0] for _ in range(repeat))


def version(dist: str) -> str:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "not installed"


def fmt_time(seconds: float | None) -> str:
    if seconds is None:
        return "n/a"
    if seconds < 1e-3:
        return f"{seconds * 1e6:.0f} us"
    if seconds < 1:
        return f"{seconds * 1e3:.1f} ms"
    return f"{seconds:.2f} s"


@dataclass
class Row:
    """One line of the results table: afrel's time (or value) against one reference."""

    workload: str
    afrel: str
    reference: str
    ref_value: str
    ratio: str
    target: str
    verdict: str


@dataclass
class Report:
    rows: list[Row] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def speedup(self, workload: str, ours: float, name: str, theirs: float | None, need: float | None) -> None:
        """A row where afrel should be ``need`` times faster than ``theirs`` (ratio = theirs / ours)."""
        if theirs is None:
            self.rows.append(Row(workload, fmt_time(ours), name, "n/a", "n/a", "", ""))
            return
        ratio = theirs / ours
        target = f">= {need:g}x faster" if need else ""
        verdict = ("PASS" if ratio >= need else "FAIL") if need else ""
        self.rows.append(Row(workload, fmt_time(ours), name, fmt_time(theirs), f"{ratio:.1f}x faster", target, verdict))

    def within(self, workload: str, ours: float, name: str, theirs: float, limit: float | None) -> None:
        """A row where afrel should take at most ``limit`` times the reference (ratio = ours / theirs)."""
        ratio = ours / theirs
        target = f"<= {limit:g}x" if limit else ""
        verdict = ("PASS" if ratio <= limit else "FAIL") if limit else ""
        self.rows.append(Row(workload, fmt_time(ours), name, fmt_time(theirs), f"{ratio:.2f}x", target, verdict))

    def absolute(self, workload: str, ours: float, limit: float, unit: str = "s") -> None:
        verdict = "PASS" if ours < limit else "FAIL"
        shown = fmt_time(ours) if unit == "s" else f"{ours:.0f} {unit}"
        self.rows.append(Row(workload, shown, "absolute", "", "", f"< {limit:g} {unit}", verdict))

    def print(self) -> None:
        head = Row("workload", "afrel", "against", "their time", "ratio", "target", "")
        cols = list(
            zip(
                *[
                    [r.workload, r.afrel, r.reference, r.ref_value, r.ratio, r.target, r.verdict]
                    for r in [head, *self.rows]
                ],
                strict=True,
            )
        )
        widths = [max(len(c) for c in col) for col in cols]
        for i, r in enumerate([head, *self.rows]):
            cells = [r.workload, r.afrel, r.reference, r.ref_value, r.ratio, r.target, r.verdict]
            print(
                "  ".join(
                    c.ljust(w) if j in (0, 2, 5) else c.rjust(w)
                    for j, (c, w) in enumerate(zip(cells, widths, strict=True))
                ).rstrip()
            )
            if i == 0:
                print("  ".join("-" * w for w in widths))
        for note in self.notes:
            print(f"  * {note}")


# --- workload 1: the world-scale temporal graph ---------------------------------------------


@dataclass
class World:
    """The synthetic world: afrel records and the same relations as plain rows for the others."""

    actors: list[Any]
    relations: list[Any]
    ids: list[str]  # relation ids, input order
    src: list[str]
    tgt: list[str]
    lo: list[int]  # inclusive start ordinal
    hi: list[int]  # exclusive end ordinal
    node_attrs: list[tuple[str, dict[str, Any]]]
    edge_attrs: list[dict[str, Any]]  # every relation field, as afrel puts on a snapshot edge


def make_world(n_actors: int, n_relations: int, seed: int = SEED) -> World:
    import attrs

    import afrel

    rng = random.Random(seed)
    actors = [afrel.Actor(id=f"A{i:03d}", name=f"Actor {i}", kind="state") for i in range(n_actors)]
    names = [a.id for a in actors]
    lo_dur, hi_dur = math.log(30), math.log(80 * 365.25)
    relations = []
    for j in range(n_relations):
        u, v = rng.sample(names, 2)  # two distinct actors: no self-loops
        start = rng.randint(FIRST_DAY, LAST_DAY)
        end = start + round(math.exp(rng.uniform(lo_dur, hi_dur)))
        relations.append(
            afrel.Relation(
                id=f"R{j:06d}",
                source=u,
                target=v,
                kind=KINDS[j % len(KINDS)],
                start=datetime.date.fromordinal(start),
                end=datetime.date.fromordinal(end),
                sources=("bench",),
            )
        )
    return World(
        actors=actors,
        relations=relations,
        ids=[r.id for r in relations],
        src=[r.source for r in relations],
        tgt=[r.target for r in relations],
        lo=[r.lo for r in relations],
        hi=[r.hi for r in relations],
        node_attrs=[(a.id, attrs.asdict(a, recurse=False)) for a in actors],
        edge_attrs=[attrs.asdict(r, recurse=False) for r in relations],
    )


def yearly_days() -> list[int]:
    return [datetime.date(y, 7, 1).toordinal() for y in range(YEAR_START.year, YEAR_END.year + 1)]


def build_graph(nodes: Iterable[tuple[str, dict[str, Any]]], edges: Iterable[int], w: World, **graph_attr: str) -> Any:
    """The floor's and the rebuild baseline's graph: what afrel returns, with networkx's add_edge."""
    import networkx as nx

    G = nx.MultiDiGraph(**graph_attr)
    for n, d in nodes:
        G.add_node(n, **d)
    src, tgt, ids, attrs = w.src, w.tgt, w.ids, w.edge_attrs
    for i in edges:
        G.add_edge(src[i], tgt[i], key=ids[i], **attrs[i])
    return G


def scan(w: World, t: int) -> list[int]:
    """Positions of the relations holding on day ``t`` (a plain list scan)."""
    return [i for i, (a, b) in enumerate(zip(w.lo, w.hi, strict=True)) if a <= t < b]


def scan_window(w: World, a: int, b: int) -> list[int]:
    """Positions of the relations meeting ``[a, b)``."""
    return [i for i, (lo, hi) in enumerate(zip(w.lo, w.hi, strict=True)) if lo < b and hi > a]


def edge_ids(G: Any) -> set[str]:
    return {k for _, _, k in G.edges(keys=True)}


def pairs(G: Any) -> Counter[tuple[str, str]]:
    return Counter((u, v) for u, v in G.edges())


def subset_pairs(w: World, positions: Iterable[int]) -> Counter[tuple[str, str]]:
    return Counter((w.src[i], w.tgt[i]) for i in positions)


def undirected(edges: Iterable[tuple[str, str]]) -> set[frozenset[str]]:
    return {frozenset(e) for e in edges}


# DyNetX -----------------------------------------------------------------------------------


def dynetx_build(w: World, n: int) -> Any:
    """DyNetX's DynGraph over the first ``n`` relations.

    DyNetX keeps one edge per pair with a list of inclusive spans ``[t, e - 1]`` that must be
    added in time order and must not overlap (an interval inside an earlier one is appended and
    then hidden by its presence test), so the relations of each pair are merged first; that merge
    is part of the timed build. DynDiGraph is not used: its ``time_slice`` (0.3.2) reverses edges
    and drops some, so the comparison is on unordered pairs.
    """
    import dynetx

    G = dynetx.DynGraph()
    G.add_nodes_from(a.id for a in w.actors)
    ends = [(min(w.src[i], w.tgt[i]), max(w.src[i], w.tgt[i])) for i in range(n)]
    order = sorted(range(n), key=lambda i: (ends[i], w.lo[i]))
    k = 0
    while k < len(order):
        i = order[k]
        (u, v), lo, hi = ends[i], w.lo[i], w.hi[i]
        k += 1
        while k < len(order) and ends[order[k]] == (u, v):
            j = order[k]
            if w.lo[j] > hi:  # a gap of at least one day: close the span
                G.add_interaction(u, v, t=lo, e=hi)
                lo, hi = w.lo[j], w.hi[j]
            else:
                hi = max(hi, w.hi[j])
            k += 1
        G.add_interaction(u, v, t=lo, e=hi)  # holds on [lo, hi - 1], i.e. afrel's [lo, hi)
    return G


# networkx-temporal -------------------------------------------------------------------------


def nxt_yearly(w: World, n: int, days: Sequence[int]) -> Any:
    """networkx-temporal's snapshots of the first ``n`` relations at ``days``.

    networkx-temporal has no interval type: time is a discrete snapshot index, and an interval is
    unrolled into one event per snapshot it covers (``from_events``), then sliced by the ``time``
    attribute. Here the grid is the query's own dates, the smallest exact unrolling.
    """
    import networkx_temporal as tx

    events = []
    for i in range(n):
        a = bisect.bisect_left(days, w.lo[i])
        b = bisect.bisect_left(days, w.hi[i])
        events.extend((w.src[i], w.tgt[i], t) for t in range(a, b))
    return tx.from_events(events, directed=True, multigraph=True)


# the benchmark ----------------------------------------------------------------------------


def check(label: str, ok: bool, detail: str = "") -> None:
    if not ok:
        raise SystemExit(f"CHECK FAILED: {label} {detail}")
    print(f"  ok  {label}")


def bench_world(mode: Mode, report: Report) -> None:
    import networkx as nx

    import afrel

    print(f"\n[1] world-scale temporal graph: {mode.n_actors} actors, {mode.n_relations:,} relations")
    t_make, w = clock(lambda: make_world(mode.n_actors, mode.n_relations))
    print(f"  records made in {fmt_time(t_make)} (not timed)")
    days = yearly_days()
    rng = random.Random(SEED + 1)
    one_days = [rng.randint(FIRST_DAY, LAST_DAY) for _ in range(mode.n_dates)]
    win_lo, win_hi = WINDOW[0].toordinal(), WINDOW[1].toordinal() + 1
    nodes = w.node_attrs  # actors have no dates: every actor exists on every day

    # --- correctness first: every implementation, same edges -------------------------------
    g = afrel.RelationGraph(w.actors, w.relations)
    check_days = [days[0], days[len(days) // 2], days[-1], *one_days[:3]]
    active = sum(len(scan(w, t)) for t in days[::10]) / len(days[::10])
    print(f"  about {active:,.0f} relations active on a yearly date")
    for t in check_days:
        expect = {w.ids[i] for i in scan(w, t)}
        check(
            f"afrel at({datetime.date.fromordinal(t)}) == list scan ({len(expect)} edges)",
            edge_ids(g.at(datetime.date.fromordinal(t))) == expect,
        )
    expect_win = {w.ids[i] for i in scan_window(w, win_lo, win_hi)}
    check(f"afrel during{tuple(str(d) for d in WINDOW)} == list scan", edge_ids(g.during(*WINDOW)) == expect_win)
    walk_ok = all(
        edge_ids(G) == {w.ids[i] for i in scan(w, days[k])}
        for k, (_, G) in enumerate(g.snapshots(YEAR_START, YEAR_END, step="year", copy=False))
        if k % 30 == 0
    )
    check("afrel snapshots(copy=False) == list scan at every 30th year", walk_ok)
    copies = [G for k, (_, G) in enumerate(g.snapshots(YEAR_START, YEAR_END, step="year", copy=True)) if k % 30 == 0]
    check(
        "afrel snapshots(copy=True) == list scan at every 30th year",
        all(edge_ids(G) == {w.ids[i] for i in scan(w, days[30 * k])} for k, G in enumerate(copies)),
    )
    G0 = g.at(datetime.date.fromordinal(days[100]))
    F0 = build_graph(nodes, scan(w, days[100]), w, date=datetime.date.fromordinal(days[100]).isoformat())
    check(
        "afrel snapshot == floor graph (nodes, keys, attributes)",
        nx.utils.edges_equal(G0.edges(keys=True, data=True), F0.edges(keys=True, data=True))
        and dict(G0.nodes(data=True)) == dict(F0.nodes(data=True)),
    )

    n_dx = min(mode.dynetx_relations, mode.n_relations)
    dx_build, dx = clock(lambda: dynetx_build(w, n_dx))
    for t in check_days:
        check(
            f"DyNetX time_slice({t}) == list scan, as unordered pairs [{n_dx:,} relations]",
            undirected(dx.time_slice(t).edges()) == undirected(subset_pairs(w, (i for i in scan(w, t) if i < n_dx))),
        )
    check(
        "DyNetX time_slice(window) == list scan, as unordered pairs",
        undirected(dx.time_slice(win_lo, win_hi - 1).edges())
        == undirected(subset_pairs(w, (i for i in scan_window(w, win_lo, win_hi) if i < n_dx))),
    )

    n_nx = min(mode.nxt_relations, mode.n_relations)
    tg = nxt_yearly(w, n_nx, days)
    check(f"networkx-temporal has one snapshot per yearly date [{n_nx:,} relations]", len(tg) == len(days))
    for k in (0, len(days) // 2, len(days) - 1):
        check(
            f"networkx-temporal snapshot {k} == list scan, as (u, v) multiset",
            pairs(tg[k]) == subset_pairs(w, (i for i in scan(w, days[k]) if i < n_nx)),
        )
    del tg, copies

    # --- timings -----------------------------------------------------------------------------
    r = mode.repeat
    t_build = median_time(lambda: afrel.RelationGraph(w.actors, w.relations), r)
    g = afrel.RelationGraph(w.actors, w.relations)
    t_cold, _ = clock(lambda: g.at(datetime.date.fromordinal(one_days[0])))  # fills the attribute cache
    # one snapshot: afrel, the floor and the rebuild timed in turn on each date, medians
    one: dict[str, list[float]] = {"afrel": [], "floor": [], "scan": []}
    for t in one_days:
        day = datetime.date.fromordinal(t)
        ready = scan(w, t)
        one["afrel"].append(clock(lambda day=day: g.at(day))[0])
        one["floor"].append(clock(lambda day=day, ready=ready: build_graph(nodes, ready, w, date=day.isoformat()))[0])
        one["scan"].append(clock(lambda day=day, t=t: build_graph(nodes, scan(w, t), w, date=day.isoformat()))[0])
    t_one, t_one_floor, t_one_scan = (statistics.median(one[k]) for k in ("afrel", "floor", "scan"))

    def walk(copy: bool) -> int:
        total = 0
        for _, G in g.snapshots(YEAR_START, YEAR_END, step="year", copy=copy):
            total += consume(G)
        return total

    t_walk = median_time(lambda: walk(False), r)
    t_walk_copy = median_time(lambda: walk(True), r)
    yearly_edges = {t: scan(w, t) for t in days}

    def floor_series() -> int:
        total = 0
        for t in days:
            G = build_graph(nodes, yearly_edges[t], w, date=datetime.date.fromordinal(t).isoformat())
            total += consume(G)
        return total

    def rebuild_series() -> int:
        total = 0
        for t in days:
            G = build_graph(nodes, scan(w, t), w, date=datetime.date.fromordinal(t).isoformat())
            total += consume(G)
        return total

    t_floor = median_time(floor_series, r)
    t_rebuild = median_time(rebuild_series, 1)
    t_win = median_time(lambda: g.during(*WINDOW), r)
    win_edges = scan_window(w, win_lo, win_hi)
    t_win_floor = median_time(lambda: build_graph(nodes, win_edges, w, window="w"), r)
    t_win_scan = median_time(lambda: build_graph(nodes, scan_window(w, win_lo, win_hi), w, window="w"), r)

    # DyNetX: the build above; slices on every yearly date
    scale_dx = mode.n_relations / n_dx
    t_dx_one = statistics.median(clock(lambda t=t: consume(dx.time_slice(t)))[0] for t in one_days[:10])
    t_dx_walk, _ = clock(lambda: sum(consume(dx.time_slice(t)) for t in days))
    t_dx_win, _ = clock(lambda: dx.time_slice(win_lo, win_hi - 1))
    # networkx-temporal: unroll + from_events + slice + count every snapshot
    scale_nx = mode.n_relations / n_nx
    t_nx_walk, _ = clock(lambda: sum(consume(S) for S in nxt_yearly(w, n_nx, days)))

    def x(t: float, scale: float) -> float:
        return t * scale

    dx_note = "" if scale_dx == 1 else f" (x{scale_dx:g} extrapolated)"
    nx_note = "" if scale_nx == 1 else f" (x{scale_nx:g} extrapolated)"
    report.absolute("build: index all relations", t_build, 1.0)
    report.speedup("build", t_build, f"DyNetX{dx_note}", x(dx_build, scale_dx), None)
    report.within("one snapshot g.at(day), median", t_one, "floor: add_edge from list", t_one_floor, 1.3)
    report.speedup("one snapshot", t_one, "rebuild: list scan + build", t_one_scan, None)
    report.speedup("one snapshot", t_one, f"DyNetX time_slice{dx_note}", x(t_dx_one, scale_dx), None)
    report.speedup(
        "211 yearly snapshots, copy=False", t_walk, f"DyNetX time_slice{dx_note}", x(t_dx_walk, scale_dx), 20
    )
    report.speedup(
        "211 yearly snapshots, copy=False", t_walk, f"networkx-temporal{nx_note}", x(t_nx_walk, scale_nx), 20
    )
    report.speedup("211 yearly snapshots, copy=False", t_walk, "rebuild: list scan + build", t_rebuild, 3)
    report.within("211 yearly snapshots, copy=True", t_walk_copy, "floor: add_edge from list", t_floor, 1.3)
    report.speedup("211 yearly snapshots, copy=True", t_walk_copy, "rebuild: list scan + build", t_rebuild, None)
    report.within("window g.during(1914-07-28, 1918-11-11)", t_win, "floor: add_edge from list", t_win_floor, None)
    report.speedup("window", t_win, "rebuild: list scan + build", t_win_scan, None)
    report.speedup("window", t_win, f"DyNetX time_slice(a, b){dx_note}", x(t_dx_win, scale_dx), None)
    report.notes.append(f"first g.at() after the build (fills the per-record attribute cache): {fmt_time(t_cold)}")
    report.notes.append(
        f"DyNetX on the first {n_dx:,} relations, networkx-temporal on the first {n_nx:,}; 'xN extrapolated' = "
        "measured time times N (linear in relations; see README)"
    )
    report.notes.append(f"snapshots hold about {active:,.0f} edges and {mode.n_actors} nodes")

    bench_memory(w, report)


def bench_memory(w: World, report: Report) -> None:
    import networkx as nx

    import afrel

    def measured(fn: Callable[[], Any]) -> int:
        gc.collect()
        tracemalloc.start()
        base = tracemalloc.get_traced_memory()[0]
        keep = fn()
        gc.collect()
        used = tracemalloc.get_traced_memory()[0] - base
        tracemalloc.stop()
        del keep
        return used

    import numpy  # noqa: F401  (imported before measuring: module objects are not the graph)

    def afrel_graph() -> Any:
        g = afrel.RelationGraph(w.actors, w.relations)
        g.at(datetime.date(1900, 7, 1))  # the attribute cache a first snapshot builds is part of the structure
        return g

    def one_graph() -> Any:
        G = nx.MultiDiGraph()
        for n, d in w.node_attrs:
            G.add_node(n, **d)
        for i in range(len(w.ids)):
            G.add_edge(w.src[i], w.tgt[i], key=w.ids[i], **w.edge_attrs[i])
        return G

    a = measured(afrel_graph)
    b = measured(one_graph)
    bare = measured(lambda: afrel.RelationGraph(w.actors, w.relations))
    report.within(f"memory: indexed graph ({len(w.ids):,} relations)", a, "one MultiDiGraph, all edges", b, 2.0)
    report.rows[-1].afrel = f"{a / 2**20:.1f} MiB"
    report.rows[-1].ref_value = f"{b / 2**20:.1f} MiB"
    report.notes.append(
        f"memory by tracemalloc, records excluded (shared); afrel without the attribute cache: {bare / 2**20:.1f} MiB"
    )


# --- workload 2: UN votes, every pair ----------------------------------------------------------


def pandas_all_pairs(path: Path, years: tuple[int, int] | None) -> Any:
    """What a user writes: read the CSVs, self-merge on rcid, group by year and pair."""
    import numpy as np
    import pandas as pd

    votes = pd.read_csv(path / "un_votes.csv.gz", keep_default_na=False, na_values=[])
    calls = pd.read_csv(path / "un_roll_calls.csv.gz", usecols=["rcid", "date"])
    calls["year"] = pd.to_datetime(calls["date"]).dt.year
    votes = votes.merge(calls[["rcid", "year"]], on="rcid")
    if years is not None:
        votes = votes[votes["year"].between(*years)]
    votes["who"] = votes["country_code"].where(votes["country_code"] != "", votes["country"])
    votes["choice"] = votes["vote"].map({"yes": 1, "abstain": 2, "no": 3})
    votes = votes[["rcid", "year", "who", "choice"]]
    parts = []
    for _, v in votes.groupby("year"):  # one year at a time keeps the merge in memory
        m = v.merge(v, on=["rcid", "year"], suffixes=("_a", "_b"))
        m = m[m["who_a"] < m["who_b"]]
        ca, cb = m["choice_a"], m["choice_b"]
        m = m.assign(
            same=(ca == cb),
            **{f"a{k}": ca == k for k in (1, 2, 3)},
            **{f"b{k}": cb == k for k in (1, 2, 3)},
        )
        cols = ["same", "a1", "a2", "a3", "b1", "b2", "b3"]
        s = m.groupby(["year", "who_a", "who_b"])[cols].sum()
        n = m.groupby(["year", "who_a", "who_b"]).size()
        out = pd.DataFrame({"n_votes": n})
        out["agreement"] = s["same"] / n
        p_e = sum((s[f"a{k}"] / n) * (s[f"b{k}"] / n) for k in (1, 2, 3))
        out["kappa"] = np.where(np.isclose(p_e, 1.0), np.nan, (out["agreement"] - p_e) / (1 - p_e))
        parts.append(out)
    return pd.concat(parts).reset_index()


def bench_unga(mode: Mode, report: Report) -> None:
    print("\n[2] UN votes, every pair, every year")
    if not all((UNGA / f).is_file() for f in ("un_votes.csv.gz", "un_roll_calls.csv.gz", "un_roll_call_issues.csv.gz")):
        msg = f"skipped: the UN votes are not at {UNGA}"
        print(f"  {msg}")
        report.notes.append(f"UN votes {msg}")
        return
    import numpy as np

    import afrel
    import afrel.unga

    years = None if mode.un_years is None else list(range(mode.un_years[0], mode.un_years[1] + 1))

    def ours() -> tuple[Any, Any]:
        votes = afrel.unga.load_votes(UNGA)
        return afrel.unga.all_dyads(votes, measure="agreement", years=years), afrel.unga.all_dyads(
            votes, measure="kappa", years=years
        )

    t_ours, (agr, kap) = clock(ours)
    t_pd, theirs = clock(lambda: pandas_all_pairs(UNGA, mode.un_years))
    t_load, _ = clock(lambda: afrel.unga.load_votes(UNGA))
    print(f"  afrel: {len(agr):,} year-pairs; pandas: {len(theirs):,} year-pairs")

    # equal values on a sample of pairs with plain ISO codes (both sides name the same seat)
    plain = theirs[theirs["who_a"].str.fullmatch("[A-Z]{2}") & theirs["who_b"].str.fullmatch("[A-Z]{2}")]
    plain = plain[~plain["who_a"].isin(["RU", "CN"]) & ~plain["who_b"].isin(["RU", "CN"])]
    sample = plain.sample(n=min(200, len(plain)), random_state=SEED)
    day = datetime.date(2000, 1, 1)
    ours_by = {
        (y, a, b): (v, k)
        for y, a, b, v, k in zip(agr["year"], agr["a"], agr["b"], agr["value"], kap["value"], strict=True)
    }
    check(
        "afrel agreement and kappa frames are aligned",
        (agr[["year", "a", "b"]].to_numpy() == kap[["year", "a", "b"]].to_numpy()).all(),
    )
    bad = 0
    for y, a, b, va, vk in zip(
        sample["year"], sample["who_a"], sample["who_b"], sample["agreement"], sample["kappa"], strict=True
    ):
        ia, ib = afrel.unga.map_code(a, "", day), afrel.unga.map_code(b, "", day)
        got = ours_by.get((int(y), min(ia, ib), max(ia, ib)))
        if (
            got is None
            or not np.isclose(got[0], va)
            or not (np.isclose(got[1], vk) or (np.isnan(got[1]) and np.isnan(vk)))
        ):
            bad += 1
    check(f"afrel == pandas on agreement and kappa for {len(sample)} sampled year-pairs", bad == 0, f"({bad} differ)")

    scope = "all years" if years is None else f"{mode.un_years[0]}-{mode.un_years[1]}"  # type: ignore[index]
    if years is None:
        report.absolute(f"UN all pairs, agreement + kappa ({scope})", t_ours, 10.0)
    report.speedup(f"UN all pairs ({scope}), from raw files", t_ours, "pandas self-merge", t_pd, 10)
    report.notes.append(f"of afrel's UN time, load_votes (reading and mapping the raw files) takes {fmt_time(t_load)}")


# --- workload 3: start-up ----------------------------------------------------------------------


def fresh(code: str, runs: int) -> float:
    """Median of the time ``code`` reports (it prints seconds) in fresh interpreters."""
    out = []
    for _ in range(runs):
        res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
        out.append(float(res.stdout.strip().splitlines()[-1]))
    return statistics.median(out)


def bench_startup(mode: Mode, report: Report) -> None:
    print("\n[3] start-up (fresh interpreters)")
    timer = "import time; t0 = time.perf_counter(); {}; print(time.perf_counter() - t0)"
    t_afrel = fresh(timer.format("import afrel"), mode.startup_runs)
    t_nx = fresh(timer.format("import networkx, attrs"), mode.startup_runs)
    t_load = fresh(
        "import afrel, time; t0 = time.perf_counter(); afrel.load(); print(time.perf_counter() - t0)", mode.startup_runs
    )
    t_load_warm = fresh(
        "import afrel, time; afrel.load(); t0 = time.perf_counter(); afrel.load(); print(time.perf_counter() - t0)",
        mode.startup_runs,
    )
    report.within("import afrel", t_afrel, "import networkx + attrs", t_nx, 1.5)
    report.absolute("afrel.load() bundled data, first call", t_load, 0.3)
    report.notes.append(f"afrel.load() second call in the same process: {fmt_time(t_load_warm)}")


# --- main ----------------------------------------------------------------------------------------


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (
        f"{os.cpu_count()} CPUs ({cpu}), Python {platform.python_version()}, {platform.system()} {platform.release()}"
    )


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--quick", action="store_true", help="small sizes for CI (under 60 s); the full run is the default"
    )
    parser.add_argument(
        "--only", choices=["world", "unga", "startup"], action="append", help="run only these workloads"
    )
    args = parser.parse_args(argv)
    mode = QUICK if args.quick else FULL
    only = set(args.only or ["world", "unga", "startup"])
    sys.path.insert(0, str(ROOT))
    t0 = time.perf_counter()
    print(f"afrel benchmarks, {mode.name} mode, seed {SEED}")
    print(f"machine: {machine()}")
    print(
        "versions: "
        + ", ".join(
            f"{d} {version(d)}"
            for d in ("afrel", "networkx", "numpy", "pandas", "attrs", "dynetx", "networkx-temporal")
        )
    )
    report = Report()
    if mode is QUICK:
        report.notes.append(
            "quick mode: small workloads so the suite runs in CI; the targets are those of the full mode, "
            "so PASS/FAIL here is indicative only (the UN row reads the whole raw file for five years of votes)"
        )
    if "world" in only:
        bench_world(mode, report)
    if "unga" in only:
        bench_unga(mode, report)
    if "startup" in only:
        bench_startup(mode, report)
    print(f"\nresults ({mode.name} mode; ratios measured side by side in this run)\n")
    report.print()
    print(f"\ntotal wall time {time.perf_counter() - t0:.1f} s")


if __name__ == "__main__":
    main()
