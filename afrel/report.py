"""The main job: key figures and a summary of a state's shifts, written to a folder.

``afrel report OUTDIR [--actor ID]`` (or :func:`write_report`) writes, each as PNG and SVG:

- ``headline``: the East-West index from ties, with its range over the disputed dates, above
  the same index from UN votes, on shared eras;
- ``timeline``: the state's relations by partner, overlapping relations in lanes of their own;
- ``alignment``: the index under each weighting, and each camp's score (the level of ties);
- ``un_agreement``: UN agreement with the Soviet Union/Russia and the United States, with the
  shifts :func:`afrel.change_points` detects;
- ``network_eras``: the network in the middle of each era, partners grouped by camp;
- ``un_heatmap``: UN agreement with chosen partners by year;

``explorer.html``, the page to travel through the years (:func:`afrel.explore`), and
``summary.md``: what the data cover, what each measure is, the shifts found with their sizes
and uncertainty, and what is not covered. Every number in it is computed in the run.

The report works for any state of the data. Afghanistan's settings (:data:`ERAS`,
:data:`PARTNERS`, :data:`SPAN`, :data:`TITLES`) are its defaults for ``actor="AFG"``; for
another state the eras are those of the camps (:func:`camp_eras`), the years run from its
first relation, and the titles describe. UN votes come with afrel for Afghanistan only: for
another state give the raw votes (``unga=``), or the figures and sections built on votes are
left out and the summary says so.

The figures are drawn on ``matplotlib.figure.Figure`` objects, without pyplot: the report
leaves matplotlib's backend and pyplot's figures as it found them.
"""

from __future__ import annotations

import datetime
import itertools
import math
import os
import shutil
import time
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, TextIO

from afrel.blocs import CAMPS, Camp
from afrel.dates import latest_year

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.figure import Figure

    from afrel.graph import RelationGraph

__all__ = ["DEFAULT_ACTOR", "ERAS", "OPEN_YEAR", "PARTNERS", "SAMPLES", "SPAN", "TITLES", "camp_eras", "write_report"]

DEFAULT_ACTOR: Final = "AFG"
"""The state the report is about by default, and the one whose settings below are its defaults."""

PARTNERS: Final = ("SUN/RUS", "USA", "GBR", "DEU", "CHN", "IND", "PAK", "IRN", "SAU", "TUR")
"""Rows of Afghanistan's heatmap."""

ERAS: Final[Mapping[str, tuple[int, int]]] = {
    "non-aligned monarchy and republic": (1955, 1977),
    "Soviet war": (1980, 1988),
    "civil war and first emirate": (1992, 2001),
    "Islamic Republic": (2002, 2020),
    "second emirate": (2022, 2026),
}
"""Afghanistan's eras compared in the summary (years included)."""

HEADLINE_TITLE: Final = (
    "Afghanistan's ties turned East in 1978-1980 and West after the Soviet collapse; its UN votes did not follow"
)
SPAN: Final = (1919, 2026)
"""The years of Afghanistan's figures (both included)."""

TITLES: Final[Mapping[str, str]] = {
    "headline": HEADLINE_TITLE,
    "timeline": "Afghanistan's main partners: Soviet aid and arms to 1991, Western troops and aid after 2001",
    "alignment": "The index under three weightings: the Soviet war East, the Islamic Republic West",
    "levels": "The level of ties with each camp (kinds weighting): the West's level doubles in 2002",
    "un_agreement": "In the UN, Afghanistan voted more with Moscow than with Washington from 1953, and almost always "
    "from 1980",
    "network_eras": "Afghanistan's partners in each era: the West on the left, the East on the right",
    "un_heatmap": "Afghanistan voted with its neighbours and with Moscow, rarely with Washington",
}
"""The message of each of Afghanistan's figures (``levels`` is the lower panel of ``alignment``)."""

OPEN_YEAR: Final = 1985
"""The year Afghanistan's explorer page opens on."""

SAMPLES: Final = 24
"""Datings of the disputed records evaluated for the ranges, by default (``--samples``)."""
SUPERPOWERS: Final[Mapping[str, tuple[str, ...]]] = {"USSR/Russia": ("SUN", "RUS"), "United States": ("USA",)}
"""The two series of the UN agreement figure: the leaders of the two camps."""


def camp_eras(span: tuple[int, int], camps: Iterable[Camp] = CAMPS) -> dict[str, tuple[int, int]]:
    """The eras of the camps' definitions, clipped to ``span``: the eras compared for any state.

    A year belongs to the definition that holds on its 1 July, the day the yearly measures use.

    Examples
    --------
    >>> for name, years in camp_eras((1919, 2026)).items():
    ...     print(years, name)
    (1919, 1948) Western powers / Soviet Russia and the USSR
    (1949, 1991) NATO, Western pacts and US allies / Warsaw Pact and COMECON
    (1992, 2026) NATO, EU and US allies / Russia, China, CSTO and SCO
    """
    out: dict[str, tuple[int, int]] = {}
    camps = tuple(camps)
    west = sorted(
        (c for c in camps if c.bloc == "west"), key=lambda c: c.start.first_day() if c.start else datetime.date.min
    )
    for c in west:
        lo, hi = span
        if c.start is not None:
            day = c.start.first_day()
            lo = max(lo, day.year + (day > datetime.date(day.year, 7, 1)))
        if c.end is not None:
            end = c.end.first_day()
            hi = min(hi, end.year - (end <= datetime.date(end.year, 7, 1)))
        east = [e.name for e in camps if e.bloc == "east" and e.holds_on(datetime.date(max(lo, 1), 7, 1))]
        if lo <= hi:
            out[" / ".join([c.name, *east])] = (lo, hi)
    return out


def _series(table: pd.DataFrame, partners: Sequence[str], column: str = "agreement", min_votes: int = 10) -> pd.Series:
    sub = table[table["partner"].isin(partners) & (table["n_votes"] >= min_votes)]
    return sub.set_index("year")[column].sort_index()


def _figure(size: tuple[float, float]) -> Figure:
    """A figure drawn with Agg and never registered with pyplot (the user's backend is left alone)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=size, layout="constrained")
    FigureCanvasAgg(fig)
    return fig


def _shifts(series: pd.Series) -> list[Any]:
    """The shifts of a series, none when it is too short to look for any."""
    from afrel.shifts import change_points

    values = series.dropna()
    return change_points(values) if len(values) >= 4 else []


def write_report(
    outdir: str | os.PathLike[str],
    *,
    g: RelationGraph | None = None,
    actor: str = DEFAULT_ACTOR,
    unga: str | os.PathLike[str] | None = None,
    eras: Mapping[str, tuple[int, int]] | None = None,
    partners: Sequence[str] | None = None,
    span: tuple[int, int] | None = None,
    titles: Mapping[str, str] | None = None,
    periods: bool | None = None,
    samples: int = SAMPLES,
    progress: TextIO | None = None,
) -> list[Path]:
    """Write the key figures, the explorer page and ``summary.md`` for a state to a folder.

    Parameters
    ----------
    outdir : str or path-like
        Created if needed (and removed again if the report fails); files of the same names are
        replaced.
    g : RelationGraph, optional
        By default the bundled dataset.
    actor : str, default "AFG"
        The state the report is about.
    unga : str or path-like, optional
        A folder of raw UN votes (as for :func:`afrel.unga.load_votes`) to compute the state's
        UN table from; by default the table shipped with afrel, for Afghanistan only.
    eras : mapping of name to (first year, last year), optional
        The eras the summary compares; by default :data:`ERAS` for Afghanistan, else
        :func:`camp_eras`.
    partners : sequence of str, optional
        Rows of the UN heatmap (``"SUN/RUS"`` joins two ids in one row); by default
        :data:`PARTNERS` for Afghanistan, else the Soviet Union/Russia, the United States and
        the state's eight partners with the most relations.
    span : (int, int), optional
        Years of the figures; by default :data:`SPAN` for Afghanistan, else from the state's
        first relation to this year.
    titles : mapping of figure name to title, optional
        Each figure's message; by default :data:`TITLES` for Afghanistan, else descriptions.
    periods : bool, optional
        Shade and number the graph's periods (its named eras) in the figures. By default yes,
        unless the report is about another state than Afghanistan and the graph's periods are
        those of the bundled data (Afghanistan's eras).
    samples : int, default 24
        Datings of the disputed records to evaluate for the ranges (:func:`afrel.sensitivity`).
    progress : text stream, optional
        Receives one line per step.

    Returns
    -------
    list of Path
        The files written.

    Raises
    ------
    afrel.UnknownActorError
        If ``actor`` is not in the data.
    NotADirectoryError
        If ``outdir`` is an existing file.
    """
    from afrel.explorer import explore
    from afrel.io import load
    from afrel.unga import afghanistan_table, country_measures, load_votes

    out = Path(outdir)
    if out.exists() and not out.is_dir():
        raise NotADirectoryError(f"{out} is a file: give a folder to write the report into")
    written: list[Path] = []
    steps = 8

    def step(i: int, what: str, fn: Callable[[], Any]) -> Any:
        t0 = time.perf_counter()
        result = fn()
        if progress is not None:
            print(f"[{i}/{steps}] {what} ({time.perf_counter() - t0:.1f} s)", file=progress, flush=True)
        return result

    def loaded() -> RelationGraph:
        graph = g if g is not None else load()
        graph.actor(actor)  # an unknown actor fails here, before any output
        return graph

    graph: RelationGraph = step(1, "load the dataset", loaded)
    name = graph.actor(actor).name
    own = actor == DEFAULT_ACTOR  # Afghanistan: the defaults below are its settings
    if span is None:
        first = min((r.start.year for r in graph.relations(actor=actor)), default=None)
        if first is None:
            raise ValueError(f"{name} ({actor}) has no relation in the data: nothing to report")
        span = SPAN if own else (first, latest_year())
    if eras is None:
        eras = ERAS if own else camp_eras(span)
    if titles is None:
        titles = TITLES if own else {}
    bundled = g is None or graph.records("periods") == load().records("periods")  # Afghanistan's eras
    if periods is None:
        periods = own or not bundled
    years = range(span[0], span[1] + 1)
    if unga:
        source = f"UN voting table from {unga}"
    elif own:
        source = "UN voting table (shipped with afrel)"
    else:
        source = "UN voting table: none shipped for this state"
    table: pd.DataFrame | None = step(
        2,
        source,
        lambda: country_measures(load_votes(unga), actor) if unga else (afghanistan_table() if own else None),
    )
    no_votes = (
        f"no UN votes: afrel ships the UN table for Afghanistan only; give the raw votes (--unga) to compute {name}'s"
    )
    created = not out.exists()
    out.mkdir(parents=True, exist_ok=True)
    try:
        _figures_and_summary(
            out, written, step, graph, actor, table, no_votes, eras, partners, span, titles, periods, samples, own,
            bundled,
        )  # fmt: skip
        opening = OPEN_YEAR if own and OPEN_YEAR in years else None
        written.append(explore(graph, out / "explorer.html", actor=actor, year=opening))
    except BaseException:
        if created:  # leave no half-written folder behind
            shutil.rmtree(out, ignore_errors=True)
        raise
    return written


def _figures_and_summary(
    out: Path,
    written: list[Path],
    step: Callable[[int, str, Callable[[], Any]], Any],
    graph: RelationGraph,
    actor: str,
    table: pd.DataFrame | None,
    no_votes: str,
    eras: Mapping[str, tuple[int, int]],
    partners: Sequence[str] | None,
    span: tuple[int, int],
    titles: Mapping[str, str],
    periods: bool,
    samples: int,
    own: bool,
    bundled: bool,
) -> None:
    import pandas as pd

    from afrel import plot
    from afrel.align import WEIGHTINGS, alignment, weighting_table
    from afrel.blocs import blocs_of, un_bloc_agreement
    from afrel.findings import Findings, summarise
    from afrel.sensitivity import sensitivity
    from afrel.unga import coverage, coverage_note

    name = graph.actor(actor).name
    years = range(span[0], span[1] + 1)
    shaded = graph if periods else None

    def save(fig: Any, stem: str) -> None:
        for ext in ("png", "svg"):
            path = out / f"{stem}.{ext}"
            fig.savefig(path, dpi=130, bbox_inches="tight")
            written.append(path)

    def index_of(h: RelationGraph) -> pd.Series:
        return alignment(h, actor, years)["east_west"]

    dated: dict[tuple[int, ...], RelationGraph] = {}  # the datings' graphs, shared by the report's three ranges

    band: pd.DataFrame = step(
        3,
        f"the index over the disputed dates ({samples} samples)",
        lambda: sensitivity(graph, index_of, samples=samples, cache=dated),
    )
    if table is not None:
        vote_first, vote_last, vote_missing = coverage(table)
        note = coverage_note(table)
        un_blocs: pd.DataFrame | None = un_bloc_agreement(
            graph, range(vote_first, vote_last + 1), actor=actor, table=table
        )
    else:
        vote_missing, note, un_blocs = [], no_votes, None

    def do_headline() -> None:
        fig = plot.headline(
            band,
            un_blocs["east_west"] if un_blocs is not None else None,
            graph,
            actor=actor,
            un_note=coverage_note(table, span=span) if table is not None else no_votes,
            span=span,
            title=titles.get("headline"),
            periods=periods,
            fig=_figure((10, 6.6)),
        )
        save(fig, "headline")

    step(4, "headline figure", do_headline)

    def do_timeline() -> None:
        fig = _figure((9.5, 3.5))
        ax = plot.timeline(
            graph, actor, max_partners=14, start=span[0], end=span[1], periods=periods, ax=fig.add_subplot(),
            title=titles.get("timeline", f"{name}'s relations with its main partners, {span[0]}-{span[1]}"),
        )  # fmt: skip
        rows = ax.get_ylim()[0]  # the timeline's height in lanes, as when it makes its own figure
        fig.set_size_inches(9.5, max(3.5, 0.13 * rows + 2.4))
        save(fig, "timeline")

    step(5, "timeline of relations", do_timeline)
    kinds = alignment(graph, actor, years)
    by_weighting = pd.DataFrame(
        {w: kinds["east_west"] if w == "kinds" else alignment(graph, actor, years, weighting=w)["east_west"]
         for w in WEIGHTINGS}
    )  # fmt: skip
    levels = kinds[["west", "east"]]

    def do_alignment() -> None:
        fig = _figure((10, 7.6))
        top, bottom = fig.subplots(2, 1, sharex=True)
        plot.trajectories(
            by_weighting, g=shaded, ax=top, ylabel="West (-1) ... East (+1)", span=span, era_key=False,
            colors={"kinds": "#000000", "counts": "#999999", "material": "#009e73"},
            title=titles.get("alignment", f"{name}'s East-West index from ties under three weightings"),
            note="gaps in 'material': no material tie with either camp that year",
        )  # fmt: skip
        top.set_xlabel("")
        plot.trajectories(
            levels.rename(columns={"west": "West camp", "east": "East camp"}), g=shaded, ax=bottom,
            span=span, era_names=False, ylabel="mean score of the closest partners",
            colors={"West camp": plot.BLOC_COLORS["west"], "East camp": plot.BLOC_COLORS["east"]},
            title=titles.get("levels", f"The level of {name}'s ties with each camp (kinds weighting)"),
        )  # fmt: skip
        lo, hi = top.get_ylim()
        top.set_ylim(min(lo, -1.05), max(hi, 1.05))  # the whole range of the index, whatever the data
        highest = float(levels.max().max()) if levels.notna().any().any() else 0.0
        bottom.set_ylim(0, 16 if own else max(1.0, math.ceil(highest * 1.15)))  # Afghanistan: 1991 drawn apart
        if own:
            bottom.annotate(
                f"1991: {float(levels['east'].get(1991, float('nan'))):.0f}, the Soviet Union alone\n"
                "in its camp (pact and council dissolved)",
                xy=(1991, 16), xytext=(1960, 13.5), fontsize=7.5, arrowprops={"arrowstyle": "->", "color": "#757575"},
            )  # fmt: skip
        save(fig, "alignment")

    step(6, "alignment by weighting and camp", do_alignment)
    series = {k: _series(table, ids) for k, ids in SUPERPOWERS.items()} if table is not None else {}
    shifts = {k: _shifts(v) for k, v in series.items()}

    def do_agreement_and_network() -> None:
        if table is not None:
            lo = max(span[0], 1946)
            fig = _figure((10, 4))
            plot.trajectories(
                pd.DataFrame(series), g=shaded, shifts={k: [c.year for c in v] for k, v in shifts.items()},
                span=(lo, span[1]), ylabel=f"UN agreement with {name}", note=coverage_note(table, span=(lo, span[1])),
                colors={"USSR/Russia": plot.BLOC_COLORS["east"], "United States": plot.BLOC_COLORS["west"]},
                legend="upper left", ax=fig.add_subplot(),
                title=titles.get("un_agreement", f"{name}'s agreement with Moscow and Washington in the UN"),
            )  # fmt: skip
            save(fig, "un_agreement")
        days = {}
        if periods and graph.periods:
            for p in graph.periods:
                first = datetime.date.fromordinal(p.lo)
                last = datetime.date.fromordinal(p.hi) if p.end is not None else datetime.date(span[1], 1, 1)
                mid = datetime.date.fromordinal((first.toordinal() + last.toordinal()) // 2)
                if span[0] <= mid.year <= span[1]:
                    days[f"{p.name} ({mid.year})"] = mid
        else:  # the middle of each era the state lived through
            born = graph.actor(actor).start
            since = span[0]
            if born is not None:
                since = born.first_day().year + (born.first_day() > datetime.date(born.year, 7, 1))
            for era, (a, b) in eras.items():
                if max(a, since) <= b:
                    middle = datetime.date((max(a, since) + b) // 2, 7, 1)
                    days[f"{era} ({middle.year})"] = middle
        fig = plot.network_panels(
            graph,
            days,
            blocs=[blocs_of(graph, day, actor) for day in days.values()],
            focus=actor,
            ncols=4,
            title=titles.get(
                "network_eras", f"{name}'s partners in each era: the West on the left, the East on the right"
            ),
            fig=_figure((10, 6)),
        )
        save(fig, "network_eras")

    step(7, "UN agreement and networks by era" if table is not None else "networks by era", do_agreement_and_network)

    def do_heatmap_and_summary() -> None:
        if table is not None:
            rows = list(partners) if partners is not None else (list(PARTNERS) if own else _partners(graph, actor))
            fig = _figure((9.5, max(4.0, 0.38 * len(rows) + 1.9)))  # as agreement_heatmap's own figure
            vote_first, vote_last, _ = coverage(table)
            default = f"{name}'s UN agreement with its main partners"
            plot.agreement_heatmap(
                table, rows, years=range(vote_first, vote_last + 1), g=graph, ax=fig.add_subplot(),
                title=f"{titles.get('un_heatmap', default)}\n{note}; grey: not measured or not a member",
            )  # fmt: skip
            save(fig, "un_heatmap")
        era_table = weighting_table(graph, actor, eras)
        every = _shifts(band["base"])
        cuts = [c.year for c in every]  # the segments change_points found, so that the base changes match
        found = [c for c in every if abs(c.size) >= 0.1]
        shift_ranges: list[tuple[Any, tuple[float, float]]] = []
        if cuts:

            def changes(h: RelationGraph) -> pd.Series:
                return _segment_changes(index_of(h), cuts)

            bounds: dict[Any, Any] = sensitivity(graph, changes, samples=samples, cache=dated).to_dict("index")
            shift_ranges = [(c, (float(bounds[c.year]["low"]), float(bounds[c.year]["high"]))) for c in found]
        era_band = sensitivity(
            graph,
            lambda h: weighting_table(h, actor, eras, weightings=["kinds"])["kinds"],
            samples=samples,
            cache=dated,
        )
        text = summarise(
            Findings(
                g=graph,
                actor=actor,
                own=own,
                era_years=eras,
                band=band,
                by_weighting=by_weighting,
                levels=levels,
                un_blocs=un_blocs,
                eras=era_table,
                era_band=era_band,
                shifts=shifts,
                shift_ranges=shift_ranges,
                note=note,
                vote_missing=vote_missing,
                figures=[p.stem for p in written if p.suffix == ".png"],
                bundled=bundled,
            )
        )
        path = out / "summary.md"
        path.write_text(text, encoding="utf-8")
        written.append(path)

    step(8, "heatmap and summary" if table is not None else "summary", do_heatmap_and_summary)


def _partners(g: RelationGraph, actor: str, n: int = 8) -> list[str]:
    """The heatmap's rows for a state: the camps' leaders, then its ``n`` states with the most relations."""
    from afrel.blocs import scope
    from afrel.kinds import ActorKind

    own, movements = scope(g, actor)
    counts: Counter[str] = Counter()
    for r in g.relations(actor=actor):
        for a in (r.source, r.target):
            if a not in own and a not in movements and g.actors[a].kind is ActorKind.STATE:
                counts[a] += 1
    leaders = [i for ids in SUPERPOWERS.values() for i in ids]
    rest = [a for a, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])) if a not in leaders][:n]
    return ["/".join(ids) for ids in SUPERPOWERS.values()] + rest


def _segment_changes(series: pd.Series, cuts: list[int]) -> pd.Series:
    """At each cut year, the mean of the series from the cut to the next minus the mean from the previous cut."""
    import pandas as pd

    values = series.dropna()
    bounds = [int(values.index.min()), *cuts, int(values.index.max()) + 1]
    means = [values.loc[a : b - 1].mean() for a, b in itertools.pairwise(bounds)]
    return pd.Series({cut: float(means[i + 1] - means[i]) for i, cut in enumerate(cuts)}, dtype=float)
