"""The main job: key figures and a summary of a state's shifts, written to a folder.

``afrel report OUTDIR`` (or :func:`write_report`) writes, each as PNG and SVG:

- ``headline``: the East-West index from ties, with its range over the disputed dates, above
  the same index from UN votes, 1919-2026 on shared eras;
- ``timeline``: the state's relations by partner, overlapping relations in lanes of their own;
- ``alignment``: the index under each weighting, and each camp's score (the level of ties);
- ``un_agreement``: UN agreement with the Soviet Union/Russia and the United States, with the
  shifts :func:`afrel.change_points` detects;
- ``network_eras``: the network in the middle of each era, partners grouped by camp;
- ``un_heatmap``: UN agreement with chosen partners by year;

``explorer.html``, the page to travel through the years (:func:`afrel.explore`), and
``summary.md``: what the data cover, what each measure is, the shifts found with their sizes
and uncertainty, and what is not covered. Every number in it is computed in the run.
"""

from __future__ import annotations

import datetime
import itertools
import math
import os
import time
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, TextIO

if TYPE_CHECKING:
    import pandas as pd

    from afrel.graph import RelationGraph

__all__ = ["ERAS", "write_report"]

PARTNERS: Final = ("SUN/RUS", "USA", "GBR", "DEU", "CHN", "IND", "PAK", "IRN", "SAU", "TUR")
"""Rows of the heatmap."""

ERAS: Final[Mapping[str, tuple[int, int]]] = {
    "non-aligned monarchy and republic": (1955, 1977),
    "Soviet war": (1980, 1988),
    "civil war and first emirate": (1992, 2001),
    "Islamic Republic": (2002, 2020),
    "second emirate": (2022, 2026),
}
"""Afghanistan's eras compared in the summary (years included); the report's default."""

HEADLINE_TITLE: Final = (
    "Afghanistan's ties turned East in 1978-1980 and West after the Soviet collapse; its UN votes did not follow"
)
SPAN: Final = (1919, 2026)
SAMPLES: Final = 24


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
    from afrel.align import WEIGHTINGS, alignment, weighting_table
    from afrel.blocs import un_bloc_agreement
    from afrel.explorer import explore
    from afrel.io import load
    from afrel.sensitivity import sensitivity
    from afrel.shifts import change_points
    from afrel.unga import afghanistan_table, country_measures, coverage, coverage_note, load_votes

    out = Path(outdir)
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    steps = 8
    years = range(SPAN[0], SPAN[1] + 1)

    def step(i: int, what: str, fn: Callable[[], Any]) -> Any:
        t0 = time.perf_counter()
        result = fn()
        if progress is not None:
            print(f"[{i}/{steps}] {what} ({time.perf_counter() - t0:.1f} s)", file=progress, flush=True)
        return result

    def save(fig: Any, name: str) -> None:
        for ext in ("png", "svg"):
            path = out / f"{name}.{ext}"
            fig.savefig(path, dpi=130, bbox_inches="tight")
            written.append(path)
        plt.close(fig)

    graph: RelationGraph = step(1, "load the dataset", lambda: g if g is not None else load())
    table: pd.DataFrame = step(
        2,
        "UN voting table" + (f" from {unga}" if unga else " (shipped with afrel)"),
        lambda: country_measures(load_votes(unga), "AFG") if unga else afghanistan_table(),
    )
    vote_first, vote_last, vote_missing = coverage(table)
    note = coverage_note(table)

    def index_of(h: RelationGraph) -> pd.Series:
        return alignment(h, "AFG", years)["east_west"]

    band: pd.DataFrame = step(
        3,
        f"the index over the disputed dates ({SAMPLES} samples)",
        lambda: sensitivity(graph, index_of, samples=SAMPLES),
    )
    un_blocs = un_bloc_agreement(graph, range(vote_first, vote_last + 1), table=table)

    def do_headline() -> None:
        fig = plot.headline(
            band,
            un_blocs["east_west"],
            graph,
            un_note=coverage_note(table, span=SPAN),
            span=SPAN,
            title=HEADLINE_TITLE,
        )
        save(fig, "headline")

    step(4, "headline figure", do_headline)

    def do_timeline() -> None:
        ax = plot.timeline(
            graph, "AFG", max_partners=14,
            title="Afghanistan's main partners: Soviet aid and arms to 1991, Western troops and aid after 2001",
        )  # fmt: skip
        save(ax.figure, "timeline")

    step(5, "timeline of relations", do_timeline)
    kinds = alignment(graph, "AFG", years)
    by_weighting = pd.DataFrame(
        {w: kinds["east_west"] if w == "kinds" else alignment(graph, "AFG", years, weighting=w)["east_west"]
         for w in WEIGHTINGS}
    )  # fmt: skip
    levels = kinds[["west", "east"]]

    def do_alignment() -> None:
        fig, (top, bottom) = plt.subplots(2, 1, figsize=(10, 7.6), layout="constrained", sharex=True)
        plot.trajectories(
            by_weighting, g=graph, shifts=False, ax=top, ylabel="West (-1) ... East (+1)", span=SPAN, era_key=False,
            colors={"kinds": "#000000", "counts": "#999999", "material": "#009e73"},
            title="The index under three weightings: the Soviet war East, the Islamic Republic West",
            note="gaps in 'material': no material tie with either camp that year",
        )  # fmt: skip
        top.set_xlabel("")
        plot.trajectories(
            levels.rename(columns={"west": "West camp", "east": "East camp"}), g=graph, shifts=False, ax=bottom,
            span=SPAN, era_names=False, ylabel="mean score of the closest partners",
            colors={"West camp": plot.BLOC_COLORS["west"], "East camp": plot.BLOC_COLORS["east"]},
            title="The level of ties with each camp (kinds weighting): the West's level doubles in 2002",
        )  # fmt: skip
        bottom.set_ylim(0, 16)
        bottom.annotate(
            f"1991: {float(levels['east'].get(1991, float('nan'))):.0f}, the Soviet Union alone\n"
            "in its camp (pact and council dissolved)",
            xy=(1991, 16), xytext=(1960, 13.5), fontsize=7.5, arrowprops={"arrowstyle": "->", "color": "#757575"},
        )  # fmt: skip
        save(fig, "alignment")

    step(6, "alignment by weighting and camp", do_alignment)
    seat = _series(table, ["SUN", "RUS"])
    usa = _series(table, ["USA"])
    shifts = {"USSR/Russia": change_points(seat), "United States": change_points(usa)}

    def do_agreement_and_network() -> None:
        frame = pd.DataFrame({"USSR/Russia": seat, "United States": usa})
        ax = plot.trajectories(
            frame, g=graph, shifts={k: [c.year for c in v] for k, v in shifts.items()}, span=(1946, SPAN[1]),
            ylabel="UN agreement with Afghanistan", note=coverage_note(table, span=(1946, SPAN[1])),
            colors={"USSR/Russia": plot.BLOC_COLORS["east"], "United States": plot.BLOC_COLORS["west"]},
            legend="upper left",
            title="In the UN, Afghanistan voted more with Moscow than with Washington from 1953, and almost always "
            "from 1980",
        )  # fmt: skip
        save(ax.figure, "un_agreement")
        days = {}
        for p in graph.periods:
            lo = datetime.date.fromordinal(p.lo)
            hi = datetime.date.fromordinal(p.hi) if p.end is not None else datetime.date(SPAN[1], 1, 1)
            mid = datetime.date.fromordinal((lo.toordinal() + hi.toordinal()) // 2)
            days[f"{p.name} ({mid.year})"] = mid
        fig = plot.network_panels(
            graph,
            days,
            ncols=4,
            title="Afghanistan's partners in each era: the West on the left, the East on the right",
        )
        save(fig, "network_eras")

    step(7, "UN agreement and networks by era", do_agreement_and_network)

    def do_heatmap_and_summary() -> None:
        ax = plot.agreement_heatmap(
            table, list(PARTNERS), years=range(vote_first, vote_last + 1), g=graph,
            title="Afghanistan voted with its neighbours and with Moscow, rarely with Washington\n"
            f"{note}; grey: not measured or not a member",
        )  # fmt: skip
        save(ax.figure, "un_heatmap")
        eras = weighting_table(graph, "AFG", ERAS)
        every = change_points(band["base"].dropna())
        cuts = [c.year for c in every]  # the segments change_points found, so that the base changes match
        found = [c for c in every if abs(c.size) >= 0.1]

        def changes(h: RelationGraph) -> pd.Series:
            return _segment_changes(index_of(h), cuts)

        change_band = sensitivity(graph, changes, samples=SAMPLES)
        bounds: dict[Any, Any] = change_band.to_dict("index")
        shift_ranges = [(c, (float(bounds[c.year]["low"]), float(bounds[c.year]["high"]))) for c in found]
        era_band = sensitivity(
            graph, lambda h: weighting_table(h, "AFG", ERAS, weightings=["kinds"])["kinds"], samples=SAMPLES
        )
        text = _summary(
            graph, band, by_weighting, levels, un_blocs, eras, era_band, shifts, shift_ranges, note, vote_missing
        )
        path = out / "summary.md"
        path.write_text(text, encoding="utf-8")
        written.append(path)

    step(8, "heatmap and summary", do_heatmap_and_summary)
    explorer = explore(graph, out / "explorer.html", actor="AFG")
    written.append(explorer)
    return written


def _fmt(x: float) -> str:
    return "n/a" if x is None or (isinstance(x, float) and math.isnan(x)) else f"{x:+.2f}"


def _summary(
    g: RelationGraph,
    band: pd.DataFrame,
    by_weighting: pd.DataFrame,
    levels: pd.DataFrame,
    un_blocs: pd.DataFrame,
    eras: pd.DataFrame,
    era_band: pd.DataFrame,
    shifts: Mapping[str, Any],
    shift_ranges: list[tuple[Any, tuple[float, float]]],
    note: str,
    vote_missing: list[int],
) -> str:
    disputed = sum(1 for r in g.records("relations") if r.alternatives)
    west_before, west_after = levels.loc[1993:2001, "west"].mean(), levels.loc[2002:2020, "west"].mean()
    east_before, east_after = levels.loc[1993:2001, "east"].mean(), levels.loc[2002:2020, "east"].mean()
    first = min(r.start.year for r in g.records("relations"))
    lines = ["# Afghanistan between West and East: what the data show", ""]
    lines += [
        "## Coverage",
        "",
        f"- Dataset: {len(g.actors)} actors, {len(g)} relations, {len(g.records('events'))} events, "
        f"{len(g.sources)} sources; relations dated from {first} to today.",
        f"- {note}.",
        f"- {disputed} relations have disputed dates with recorded alternatives; the ranges below recompute the "
        f"measures over {band.attrs['evaluated']} datings ({band.attrs['method']}, seed {band.attrs['seed']}), the "
        "earliest and latest of every disputed date included.",
        "",
        "## Measures, in one line each",
        "",
        "- **East-West index from ties** (`afrel.alignment`): for each camp of the era (the Western powers and "
        "Soviet Russia before 1949, the Cold War pacts, then NATO/EU/US allies against Russia/China/CSTO/SCO), the "
        "mean tie score of its k closest partners (k the size of the smaller camp), compared as "
        "(East - West) / (|East| + |West|); +1 East, -1 West.",
        "- **Weightings**: `kinds` (default; arms 3, aid 2, diplomacy 1, times intensity), `counts` (every kind 1), "
        "`material` (aid, arms, intervention and sanctions only).",
        "- **East-West index from UN votes** (`afrel.un_bloc_agreement`): the same comparison of Afghanistan's mean "
        "agreement with each camp's members in the General Assembly.",
        "",
        "## The eras under each weighting (mean yearly index)",
        "",
        "| era | years | kinds (range over disputed dates) | counts | material | UN votes |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    era_rows: dict[Any, Any] = eras.to_dict("index")
    era_bands: dict[Any, Any] = era_band.to_dict("index")
    for era, (lo, hi) in ERAS.items():
        un = un_blocs.loc[(un_blocs.index >= lo) & (un_blocs.index <= hi), "east_west"].mean()
        low, high = float(era_bands[era]["low"]), float(era_bands[era]["high"])
        rng = f"{_fmt(float(era_rows[era]['kinds']))} ({_fmt(low)} to {_fmt(high)})"
        counts, material = float(era_rows[era]["counts"]), float(era_rows[era]["material"])
        lines.append(f"| {era} | {lo}-{hi} | {rng} | {_fmt(counts)} | {_fmt(material)} | {_fmt(float(un))} |")
    lines += ["", "## Shifts found by `afrel.change_points`", ""]
    lines += [
        "Shifts of the index from ties of at least 0.1, with the range of each change when the disputed dates "
        "take their other values (the same segments, recomputed on every dating evaluated), and the shifts of "
        "UN agreement with the two superpowers.",
        "",
        "| series | year | before | after | change | range over disputed dates |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for c, (low, high) in shift_ranges:
        lines.append(
            f"| index from ties | {c.year} | {c.before:+.2f} | {c.after:+.2f} | {_fmt(c.size)} | "
            f"{_fmt(low)} to {_fmt(high)} |"
        )
    for name, found in shifts.items():
        for c in found:
            lines.append(f"| UN agreement, {name} | {c.year} | {c.before:.2f} | {c.after:.2f} | {_fmt(c.size)} | |")
    lines += [
        "",
        "## Reading the numbers",
        "",
        "- The Soviet war years lean East under every weighting and the Islamic Republic leans West; under `kinds` "
        "and `material` the non-aligned years lie between them. Under `counts` (breadth alone) the non-aligned "
        "monarchy looks as Western as the Islamic Republic: it had as many *kinds* of tie with its closest Western "
        "partners; what separates the eras is depth (aid, arms, troops).",
        "- The index moves West in 1992, not in 2001: after the Soviet collapse the new Eastern camp (Russia and "
        "its Central Asian allies) armed the United Front against Kabul's governments, which counts as hostility, "
        "while Afghan embassies in Western capitals stayed open. What 2002 changes is the *level* of ties with "
        f"the West: the mean score of the closest Western partners goes from {west_before:.1f} (1993-2001) to "
        f"{west_after:.1f} (2002-2020), while the Eastern camp's goes from {east_before:.1f} to {east_after:.1f}.",
        "- The UN votes stay on the East side of zero after 2001 while the ties swing West: in the General Assembly "
        "Afghanistan kept voting with the majority of the Non-Aligned and of the Russia/China camp. That gap is a "
        "finding, not an error of either measure.",
        "",
        "## Not covered",
        "",
        f"- UN votes after {un_blocs.index.max()} (the raw data end there)"
        + (f", and in {', '.join(map(str, vote_missing))} (fewer than 10 roll calls)" if vote_missing else "")
        + ".",
        "- About 70 UN members have no dated diplomatic relation in any source read; 160 missions rest on the "
        "Correlates of War data alone (residence unknown). See the datasheet (`data/README.md`).",
        "- The camps are one definition among several (`afrel.CAMPS`; pass your own `camps=`).",
        "",
        "Figures: headline, timeline, alignment, un_agreement, network_eras, un_heatmap (PNG and SVG); "
        "explorer.html travels through the years.",
    ]
    return "\n".join(lines) + "\n"


def _segment_changes(series: pd.Series, cuts: list[int]) -> pd.Series:
    """At each cut year, the mean of the series from the cut to the next minus the mean from the previous cut."""
    import pandas as pd

    values = series.dropna()
    bounds = [int(values.index.min()), *cuts, int(values.index.max()) + 1]
    means = [values.loc[a : b - 1].mean() for a, b in itertools.pairwise(bounds)]
    return pd.Series({cut: float(means[i + 1] - means[i]) for i, cut in enumerate(cuts)}, dtype=float)
