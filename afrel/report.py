"""The main job: key figures and a short summary of Afghanistan's shifts, written to a folder.

``afrel report OUTDIR`` (or :func:`write_report`) writes, each as PNG and SVG:

- ``timeline``: Afghanistan's relations by partner and kind, eras shaded;
- ``alignment``: the East-West index from ties and UN agreement with each bloc, by year;
- ``un_agreement``: UN agreement with the Soviet Union/Russia and the United States, with the
  shifts :func:`afrel.change_points` detects;
- ``network_eras``: the network in the middle of each era, on one layout centred on the focal state;
- ``un_heatmap``: UN agreement with chosen partners by year;

and ``summary.md`` with the detected shifts and the alignment of each era, every number computed
in the run.
"""

from __future__ import annotations

import datetime
import math
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    import pandas as pd

    from afrel.graph import RelationGraph

__all__ = ["write_report"]

PARTNERS = ("SUN/RUS", "USA", "GBR", "DEU", "CHN", "IND", "PAK", "IRN", "SAU", "TUR")
"""Rows of the heatmap."""


def _series(table: pd.DataFrame, partners: list[str], column: str = "agreement", min_votes: int = 10) -> pd.Series:
    sub = table[table["partner"].isin(partners) & (table["n_votes"] >= min_votes)]
    return sub.set_index("year")[column].sort_index()


def write_report(
    outdir: str | os.PathLike[str],
    *,
    g: RelationGraph | None = None,
    unga: str | os.PathLike[str] | None = None,
    progress: TextIO | None = None,
) -> list[Path]:
    """Write the key figures and ``summary.md`` to a folder.

    Parameters
    ----------
    outdir : str or path-like
        Created if needed; existing files of the same names are replaced.
    g : RelationGraph, optional
        By default the bundled dataset.
    unga : str or path-like, optional
        A folder of raw UN votes (as for :func:`afrel.unga.load_votes`) to recompute the
        Afghanistan table from; by default the table shipped with afrel.
    progress : text stream, optional
        Receives one line per step.

    Returns
    -------
    list of Path
        The files written.
    """
    import matplotlib

    if matplotlib.get_backend().lower() not in ("agg", "svg", "pdf") and "inline" not in matplotlib.get_backend():
        matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import pandas as pd

    from afrel import plot
    from afrel.align import alignment
    from afrel.blocs import un_bloc_agreement
    from afrel.io import load
    from afrel.shifts import change_points
    from afrel.unga import afghanistan_table, country_measures, load_votes

    out = Path(outdir)
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    steps = 7

    def step(i: int, what: str, fn: Callable[[], Any]) -> Any:
        t0 = time.perf_counter()
        result = fn()
        if progress is not None:
            print(f"[{i}/{steps}] {what} ({time.perf_counter() - t0:.1f} s)", file=progress, flush=True)
        return result

    def save(fig: Any, name: str) -> None:
        for ext in ("png", "svg"):
            path = out / f"{name}.{ext}"
            fig.savefig(path, dpi=130)
            written.append(path)
        plt.close(fig)

    graph: RelationGraph = step(1, "load the dataset", lambda: g if g is not None else load())
    table: pd.DataFrame = step(
        2,
        "UN voting table" + (f" from {unga}" if unga else " (shipped with afrel)"),
        lambda: country_measures(load_votes(unga), "AFG") if unga else afghanistan_table(),
    )
    last_year = min(2019, int(table["year"].max()))
    years = list(range(1946, last_year + 1))

    def do_timeline() -> None:
        ax = plot.timeline(graph, "AFG", max_partners=28)
        save(ax.figure, "timeline")

    step(3, "timeline of relations", do_timeline)

    ties = alignment(graph, "AFG", range(1920, 2026))
    un_blocs = un_bloc_agreement(graph, years, table=table)

    def do_alignment() -> None:
        fig, (top, bottom) = plt.subplots(2, 1, figsize=(10, 7.5), layout="constrained")
        index = ties[["east_west"]].rename(columns={"east_west": "East-West index (ties)"})
        # a step series read from dated records: every change is a recorded event, so no shift detection
        plot.trajectories(index, g=graph, shifts=False, ax=top, ylabel="East (+1) - West (-1)")
        frame = un_blocs[["west", "east", "nam", "oic"]].rename(columns=str.upper)
        plot.trajectories(frame, g=graph, shifts=False, ax=bottom, ylabel="mean UN agreement with bloc")
        save(fig, "alignment")

    step(4, "alignment from ties and UN votes", do_alignment)

    seat = _series(table, ["SUN", "RUS"])
    seat = seat[seat.index <= last_year]
    usa = _series(table, ["USA"])
    usa = usa[usa.index <= last_year]
    shifts = {"USSR/Russia": change_points(seat), "United States": change_points(usa)}

    def do_agreement() -> None:
        frame = pd.DataFrame({"USSR/Russia": seat, "United States": usa})
        ax = plot.trajectories(
            frame,
            g=graph,
            shifts={k: [c.year for c in v] for k, v in shifts.items()},
            ylabel="UN agreement with Afghanistan",
        )
        save(ax.figure, "un_agreement")

    step(5, "UN agreement and detected shifts", do_agreement)

    def do_network() -> None:
        days = []
        for p in graph.periods:
            lo = datetime.date.fromordinal(p.lo)
            hi = datetime.date.fromordinal(p.hi) if p.end is not None else datetime.date(2026, 1, 1)
            days.append(datetime.date.fromordinal((lo.toordinal() + hi.toordinal()) // 2))
        fig = plot.network_panels(graph, days, ncols=4)
        save(fig, "network_eras")

    step(6, "network in each era", do_network)

    def do_heatmap_and_summary() -> None:
        ax = plot.agreement_heatmap(table, list(PARTNERS), years=years, g=graph)
        save(ax.figure, "un_heatmap")
        path = out / "summary.md"
        path.write_text(_summary(graph, ties, un_blocs, shifts, seat, usa), encoding="utf-8")
        written.append(path)

    step(7, "heatmap and summary", do_heatmap_and_summary)
    return written


def _fmt(x: float) -> str:
    return "n/a" if x is None or (isinstance(x, float) and math.isnan(x)) else f"{x:+.2f}"


def _summary(
    g: RelationGraph, ties: pd.DataFrame, un_blocs: pd.DataFrame, shifts: dict[str, Any], seat: Any, usa: Any
) -> str:
    lines = ["# Afghanistan's alignment: what the data shows", ""]
    lines.append(f"Dataset: {len(g.actors)} actors, {len(g)} relations, {len(g.records('events'))} events.")
    lines.append("")
    lines.append("## Shifts in UN General Assembly agreement with Afghanistan")
    lines.append("")
    lines.append("| partner | year | before | after | change |")
    lines.append("| --- | --- | --- | --- | --- |")
    for name, found in shifts.items():
        for c in found:
            lines.append(f"| {name} | {c.year} | {c.before:.2f} | {c.after:.2f} | {_fmt(c.size)} |")
    lines.append("")
    lines.append("## Alignment by era")
    lines.append("")
    lines.append("East-West index from ties (mean of yearly values on 1 July; +1 East, -1 West) and mean UN")
    lines.append("agreement with the members of each bloc.")
    lines.append("")
    lines.append("| era | years | East-West (ties) | UN: West | UN: East | UN: NAM | UN: OIC |")
    lines.append("| --- | --- | --- | --- | --- | --- | --- |")
    for p in g.periods:
        first = datetime.date.fromordinal(p.lo).year
        last = (datetime.date.fromordinal(p.hi - 1).year) if p.end is not None else 2025
        ew = ties.loc[(ties.index >= first) & (ties.index <= last), "east_west"].mean()
        un = un_blocs.loc[(un_blocs.index >= first) & (un_blocs.index <= last)]
        cells = [un[b].mean() if len(un) else float("nan") for b in ("west", "east", "nam", "oic")]
        un_cells = " | ".join("n/a" if math.isnan(c) else f"{c:.2f}" for c in cells)
        lines.append(f"| {p.name} | {first}-{last} | {_fmt(ew)} | {un_cells} |")
    lines.append("")
    peak = seat.idxmax()
    low = usa.idxmin()
    lines.append(
        f"Highest yearly agreement with the Soviet Union/Russia: {seat.max():.2f} in {peak}; "
        f"lowest with the United States: {usa.min():.2f} in {low}."
    )
    lines.append("")
    lines.append("Figures: timeline, alignment, un_agreement, network_eras, un_heatmap (PNG and SVG).")
    return "\n".join(lines) + "\n"
