"""Plots of the relation graph, alignment and UN voting (matplotlib).

Every function draws on the Axes it is given (``ax=``) or on a new figure, returns the Axes (or
the Figure for multi-panel plots), and never calls ``plt.show()`` or changes global settings.
Colours are fixed per relation kind (:data:`KIND_COLORS`) and per bloc (:data:`BLOC_COLORS`) so
that figures compare across eras.
"""

from __future__ import annotations

import datetime
import math
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Final

from afrel.blocs import BLOCS, bloc_members
from afrel.dates import DateLike
from afrel.kinds import ActorKind, RelationKind
from afrel.shifts import change_points

if TYPE_CHECKING:
    import networkx as nx
    import pandas as pd
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from afrel.graph import RelationGraph

__all__ = [
    "BLOC_COLORS",
    "KIND_COLORS",
    "RINGS_KM",
    "agreement_heatmap",
    "network",
    "network_panels",
    "stable_layout",
    "timeline",
    "trajectories",
]

KIND_COLORS: Final[Mapping[RelationKind, str]] = {
    RelationKind.DIPLOMATIC: "#9e9e9e",
    RelationKind.EMBASSY: "#616161",
    RelationKind.ACCREDITATION: "#bdbdbd",
    RelationKind.ECONOMIC_AID: "#2e7d32",
    RelationKind.MILITARY_AID: "#6a1b9a",
    RelationKind.HUMANITARIAN_AID: "#66bb6a",
    RelationKind.TREATY: "#1565c0",
    RelationKind.MEMBERSHIP: "#90caf9",
    RelationKind.RECOGNITION: "#00897b",
    RelationKind.INTERVENTION: "#c62828",
    RelationKind.ARMED_SUPPORT: "#ef6c00",
    RelationKind.DISPUTE: "#8d6e63",
    RelationKind.SANCTIONS: "#ad1457",
    RelationKind.SUSPENSION: "#f9a825",
}
"""Colour of each relation kind."""

BLOC_COLORS: Final[Mapping[str, str]] = {
    "west": "#1f77b4",
    "east": "#d62728",
    "nam": "#2ca02c",
    "oic": "#9467bd",
    "none": "#bdbdbd",
    "focus": "#000000",
}
"""Colour of each bloc (``none`` for actors in no bloc, ``focus`` for the focal state)."""


def _mpl() -> Any:
    try:
        import matplotlib.pyplot as plt
    except ImportError:  # pragma: no cover - matplotlib is a core dependency
        raise ImportError("afrel.plot needs matplotlib: pip install matplotlib") from None
    return plt


def _new_ax(ax: Axes | None, size: tuple[float, float]) -> Axes:
    if ax is not None:
        return ax
    plt = _mpl()
    fig = plt.figure(figsize=size, layout="constrained")
    new: Axes = fig.add_subplot()
    return new


def _year(ordinal: int) -> float:
    day = datetime.date.fromordinal(ordinal)
    start = datetime.date(day.year, 1, 1).toordinal()
    length = datetime.date(day.year + 1, 1, 1).toordinal() - start
    return day.year + (ordinal - start) / length


def _shade_periods(ax: Axes, g: RelationGraph, lo: float, hi: float, *, labels: bool = True) -> None:
    for i, p in enumerate(g.periods):
        a = max(_year(p.lo), lo)
        b = min(_year(p.hi) if p.end is not None else hi, hi)
        if b <= a:
            continue
        ax.axvspan(a, b, color="#000000", alpha=0.04 if i % 2 == 0 else 0.0, lw=0, zorder=0)
        if labels:
            ax.text(
                (a + b) / 2, 1.0, p.name, transform=ax.get_xaxis_transform(), ha="center", va="bottom",
                fontsize=6, rotation=30, color="#555555", clip_on=False,
            )  # fmt: skip


def timeline(
    g: RelationGraph,
    actor: str = "AFG",
    *,
    partners: Sequence[str] | None = None,
    kinds: Iterable[RelationKind | str] | None = None,
    start: int = 1919,
    end: int = 2026,
    events: bool = True,
    periods: bool = True,
    max_partners: int = 30,
    ax: Axes | None = None,
) -> Axes:
    """Relations of an actor by partner and kind: intervals as bars, events as marks, eras shaded.

    Parameters
    ----------
    g : RelationGraph
        The graph.
    actor : str, default "AFG"
        The focal actor (a state includes its governments and movements).
    partners : sequence of str, optional
        Rows to draw, top to bottom; by default the ``max_partners`` partners with the most
        relations, ordered by their first tie.
    kinds : iterable of RelationKind or str, optional
        Only these kinds.
    start, end : int
        Years shown.
    events : bool, default True
        Mark the focal actor's events on a top row.
    periods : bool, default True
        Shade and label the eras.
    ax : matplotlib Axes, optional
        Where to draw.

    Returns
    -------
    matplotlib.axes.Axes
        One bar (``BrokenBarHCollection``-like rectangles in ``ax.patches``) per relation, its
        face colour from :data:`KIND_COLORS`, hatched when hostile; the relation id is the
        patch's ``gid``.
    """
    from matplotlib.patches import Patch, Rectangle

    rels = g.relations(actor=actor, kind=list(kinds) if kinds is not None else None, between=(start, end))
    own = {a.id for a in g.actors.values() if a.id == actor or a.state == actor}

    def other(r: Any) -> str:
        return str(r.target if r.source in own else r.source)

    if partners is None:
        counts: dict[str, int] = {}
        first: dict[str, int] = {}
        for r in rels:
            p = other(r)
            counts[p] = counts.get(p, 0) + 1
            first[p] = min(first.get(p, r.lo), r.lo)
        top = sorted(counts, key=lambda p: (-counts[p], p))[:max_partners]
        partners = sorted(top, key=lambda p: (first[p], p))
    rows = {p: i for i, p in enumerate(partners)}
    ax = _new_ax(ax, (11, max(3.0, 0.28 * len(rows) + 1.5)))
    lo, hi = float(start), float(end + 1)
    for r in rels:
        p = other(r)
        if p not in rows:
            continue
        a = max(_year(r.lo), lo)
        b = min(_year(r.hi) if r.end is not None else hi, hi)
        if b <= a:
            continue
        hostile = r.sign < 0
        rect = Rectangle(
            (a, rows[p] - 0.38), b - a, 0.76, facecolor=KIND_COLORS[r.kind], edgecolor="#333333" if hostile else "none",
            hatch="////" if hostile else None, lw=0.4, alpha=0.85, gid=r.id,
        )  # fmt: skip
        ax.add_patch(rect)
    if events:
        ev = list(g.events(actor=actor, between=(start, end)))
        ys = [-1.0] * len(ev)
        ax.scatter([_year(e.lo) for e in ev], ys, marker="v", s=18, color="#212121", zorder=3, label="events")
    if periods:
        _shade_periods(ax, g, lo, hi)
    names = [g.actors[p].name if p in g.actors else p for p in partners]
    ax.set_yticks(range(len(partners)), names, fontsize=7)
    ax.set_ylim(len(partners) - 0.5, -1.6 if events else -0.6)
    ax.set_xlim(lo, hi)
    ax.set_xlabel("year")
    ax.set_title(f"Relations of {g.actors[actor].name} by partner and kind", loc="left", pad=28 if periods else 6)
    used = sorted({r.kind for r in rels if other(r) in rows}, key=list(RelationKind).index)
    handles = [Patch(facecolor=KIND_COLORS[k], label=k.value.replace("_", " ")) for k in used]
    handles.append(Patch(facecolor="white", edgecolor="#333333", hatch="////", label="hostile (sign -1)"))
    ax.legend(handles=handles, fontsize=6, loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False)
    return ax


def trajectories(
    data: pd.DataFrame | Mapping[str, Mapping[int, float]],
    *,
    g: RelationGraph | None = None,
    shifts: bool | Mapping[str, Sequence[int]] = True,
    penalty: float | None = None,
    ylabel: str = "",
    ax: Axes | None = None,
) -> Axes:
    """Yearly series (alignment, UN agreement) with eras shaded and shift years marked.

    Parameters
    ----------
    data : pandas.DataFrame or mapping of name to {year: value}
        One series per column (or key), indexed by year.
    g : RelationGraph, optional
        Shade its eras.
    shifts : bool or mapping of name to years, default True
        True: mark the shifts :func:`afrel.change_points` finds in each series (with
        ``penalty``); a mapping: mark those years; False: none.
    ylabel : str
        Label of the y axis.
    ax : matplotlib Axes, optional
        Where to draw.

    Returns
    -------
    matplotlib.axes.Axes
        One line per series (labelled with its name) and one dashed vertical line per marked
        shift, labelled ``"shift <name> <year>"`` (find them in ``ax.lines``).
    """
    import pandas as pd

    frame = data if isinstance(data, pd.DataFrame) else pd.DataFrame(data)
    if frame.empty:
        raise ValueError("no data to plot")
    ax = _new_ax(ax, (10, 4))
    years = [int(str(y)) for y in frame.index]
    lo, hi = min(years), max(years) + 1
    if g is not None:
        _shade_periods(ax, g, lo, hi)
    colors = _mpl().rcParams["axes.prop_cycle"].by_key()["color"]
    for i, name in enumerate(frame.columns):
        series = frame[name].dropna()
        color = colors[i % len(colors)]
        ax.plot(
            [int(str(y)) for y in series.index],
            series.to_numpy(),
            marker=".",
            ms=3,
            lw=1.2,
            color=color,
            label=str(name),
        )
        if shifts is True:
            marks = [c.year for c in change_points(series, penalty=penalty)] if len(series) >= 4 else []
        elif shifts is False:
            marks = []
        else:
            marks = list(shifts.get(str(name), []))
        for y in marks:
            ax.axvline(y - 0.5, color=color, ls="--", lw=0.9, label=f"shift {name} {y}")
            ax.text(
                y - 0.5,
                0.02,
                str(y),
                transform=ax.get_xaxis_transform(),
                color=color,
                fontsize=7,
                ha="right",
                rotation=90,
            )
    ax.set_xlim(lo - 0.5, hi - 0.5)
    ax.set_xlabel("year")
    ax.set_ylabel(ylabel)
    handles, labels = ax.get_legend_handles_labels()
    keep = [(h, label) for h, label in zip(handles, labels, strict=True) if not label.startswith("shift ")]
    ax.legend([h for h, _ in keep], [label for _, label in keep], fontsize=7, loc="best", frameon=False)
    return ax


EARTH_RADIUS_KM: Final = 6371.0088
"""Mean Earth radius, for the distance rings of the centred layout."""

RINGS_KM: Final[tuple[int, ...]] = (1000, 3000, 6000, 10000)
"""Distances (km) drawn as rings around the focal state on the centred layout."""


def _ring(km: float) -> float:
    """Radius, on the centred layout, of the circle of points ``km`` away from the centre."""
    return math.sqrt(min(km / EARTH_RADIUS_KM, math.pi) / math.pi)


def _centred(lon: float, lat: float, lon0: float, lat0: float) -> tuple[float, float]:
    """Azimuthal position around (lon0, lat0): true bearing, radius sqrt(distance / half the globe)."""
    p, p0, dl = math.radians(lat), math.radians(lat0), math.radians(lon - lon0)
    cos_c = math.sin(p0) * math.sin(p) + math.cos(p0) * math.cos(p) * math.cos(dl)
    c = math.acos(max(-1.0, min(1.0, cos_c)))  # angular distance, 0..pi
    bearing = math.atan2(
        math.sin(dl) * math.cos(p), math.cos(p0) * math.sin(p) - math.sin(p0) * math.cos(p) * math.cos(dl)
    )
    rho = math.sqrt(c / math.pi)
    return (round(rho * math.sin(bearing), 6), round(rho * math.cos(bearing), 6))


def stable_layout(g: RelationGraph, *, centre: str | None = None) -> dict[str, tuple[float, float]]:
    """Positions for every actor, the same on every date.

    Parameters
    ----------
    g : RelationGraph
        Where the actors and their coordinates come from.
    centre : str, optional
        Without it, states (and actors with coordinates) sit at their capital's longitude and
        latitude. With an actor id, the map is centred on that actor's capital instead: every
        actor keeps its true bearing from the centre, at a radius growing with the square root of
        its great-circle distance (the far side of the globe at radius 1). Neighbours then spread
        out instead of piling up on the centre, and Europe no longer crowds one corner.

    Returns
    -------
    dict
        ``{actor id: (x, y)}``. Actors without coordinates (most organisations and movements)
        are placed once, in id order, on a row below the map, so that a network drawn for
        different dates keeps every node in place; governments sit slightly off their state.

    Examples
    --------
    >>> import afrel
    >>> pos = stable_layout(afrel.load())
    >>> pos["AFG"]
    (69.17, 34.53)
    >>> centred = stable_layout(afrel.load(), centre="AFG")
    >>> centred["AFG"], centred["PAK"][0] > 0  # Islamabad lies east of Kabul
    ((0.0, 0.0), True)
    """
    located: dict[str, tuple[float, float]] = {}
    loose = []
    for a in g.actors.values():
        if a.lat is not None and a.lon is not None:
            located[a.id] = (a.lon, a.lat)
        elif a.state is not None and a.state in g.actors and g.actors[a.state].lat is not None:
            st = g.actors[a.state]
            assert st.lat is not None
            assert st.lon is not None
            located[a.id] = (st.lon, st.lat)
        else:
            loose.append(a.id)
    if centre is None:
        pos = dict(located)
        row, left, width, nudge = -70.0, -170.0, 340.0, 4.0
    else:
        if centre not in located:
            raise ValueError(f"cannot centre the layout on {centre!r}: it has no coordinates (lat, lon)")
        lon0, lat0 = located[centre]
        pos = {k: _centred(lon, lat, lon0, lat0) for k, (lon, lat) in located.items()}
        row, left, width, nudge = -1.2, -1.0, 2.0, 0.03
    loose.sort()
    n = max(len(loose), 1)
    for i, aid in enumerate(loose):
        pos[aid] = (left + width * (i + 0.5) / n, row)
    # governments share their state's capital: fan them out slightly so each stays visible
    for a in g.actors.values():
        if a.kind is ActorKind.GOVERNMENT and a.id in pos and a.state in pos and pos[a.id] == pos[a.state]:
            x, y = pos[a.id]
            pos[a.id] = (x + nudge, y - nudge)
    return pos


def _bloc_of(g: RelationGraph, day: DateLike, focus: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for bloc in BLOCS:
        for m in bloc_members(g, bloc, day):
            out.setdefault(m, bloc)
        for org in BLOCS[bloc]:
            out.setdefault(org, bloc)
    for a in g.actors.values():
        if a.id == focus or a.state == focus:
            out[a.id] = "focus"
    return out


def network(
    snapshot: nx.MultiDiGraph,
    g: RelationGraph,
    *,
    focus: str = "AFG",
    ego: bool = True,
    layout: str = "centred",
    pos: Mapping[str, tuple[float, float]] | None = None,
    ax: Axes | None = None,
) -> Axes:
    """Draw a snapshot on a stable (geographic) layout, nodes by bloc, edges by kind and sign.

    Parameters
    ----------
    snapshot : networkx.MultiDiGraph
        From ``g.at(day)``; its ``graph["date"]`` sets the day for bloc colours.
    g : RelationGraph
        Where blocs and positions come from.
    focus : str, default "AFG"
        The focal state, drawn in black.
    ego : bool, default True
        Draw only the focal state, its governments and movements and their direct partners.
    layout : {"centred", "geographic"}, default "centred"
        ``"centred"`` puts the focal state in the middle, every partner at its true bearing and
        at a radius growing with its distance, with rings at :data:`RINGS_KM`;
        ``"geographic"`` plots longitude against latitude (see :func:`stable_layout`).
    pos : mapping, optional
        Node positions, overriding ``layout``: pass the same ``stable_layout(g, ...)`` to
        several calls to avoid recomputing it.
    ax : matplotlib Axes, optional
        Where to draw.

    Returns
    -------
    matplotlib.axes.Axes
        ``ax.collections[0]`` holds the edges (one segment per relation, in snapshot edge order,
        coloured by :data:`KIND_COLORS`, dashed when hostile) and ``ax.collections[1]`` the
        nodes (one point per actor, coloured by :data:`BLOC_COLORS`).
    """
    from matplotlib.collections import LineCollection
    from matplotlib.lines import Line2D

    if "date" not in snapshot.graph:
        raise ValueError("expected a snapshot from RelationGraph.at() (it records its date in graph['date'])")
    if layout not in ("centred", "geographic"):
        raise ValueError(f"layout must be 'centred' or 'geographic', not {layout!r}")
    day = snapshot.graph["date"]
    centred = layout == "centred"
    if pos is None:
        pos = stable_layout(g, centre=focus if centred else None)
    elif centred and tuple(pos.get(focus, ())) != (0.0, 0.0):
        raise ValueError(
            f"pos does not centre on {focus!r}: pass pos=stable_layout(g, centre={focus!r}), or layout='geographic'"
        )
    own = {a.id for a in g.actors.values() if a.id == focus or a.state == focus}
    edges = [
        (u, v, d)
        for u, v, d in snapshot.edges(data=True)
        if not ego or u in own or v in own
    ]  # fmt: skip
    nodes = sorted(
        {n for u, v, _ in edges for n in (u, v)} | ({n for n in own if n in snapshot} if ego else set(snapshot))
    )
    ax = _new_ax(ax, (6.4, 6.8) if centred else (10, 5.5))
    segments = [[pos[u], pos[v]] for u, v, _ in edges]
    colors = [KIND_COLORS[RelationKind(d["kind"])] for _, _, d in edges]
    styles = ["dashed" if d["sign"] < 0 else "solid" for _, _, d in edges]
    widths = [0.4 + 0.4 * d["intensity"] for _, _, d in edges]
    ax.add_collection(
        LineCollection(segments, colors=colors, linestyles=styles, linewidths=widths, alpha=0.7, zorder=1)
    )
    bloc = _bloc_of(g, day, focus)
    node_colors = [BLOC_COLORS[bloc.get(n, "none")] for n in nodes]
    ax.scatter(
        [pos[n][0] for n in nodes],
        [pos[n][1] for n in nodes],
        s=22,
        c=node_colors,
        zorder=2,
        edgecolors="white",
        linewidths=0.4,
    )
    drawn: dict[str, int] = {}
    for u, v, _ in edges:
        drawn[u] = drawn.get(u, 0) + 1
        drawn[v] = drawn.get(v, 0) + 1
    for n in nodes:
        # label the focal state and its densest partners, not the focal state's own governments
        if n == focus or (drawn.get(n, 0) >= 3 and n not in own):
            ax.annotate(n, pos[n], fontsize=6, xytext=(2, 2), textcoords="offset points")
    if centred:
        from matplotlib.patches import Circle

        for km in RINGS_KM:
            r = _ring(km)
            ax.add_patch(Circle((0, 0), r, fill=False, lw=0.4, ls=":", color="#9e9e9e", zorder=0))
            a = math.radians(150)  # labels along one bearing, south-south-east of the centre
            ax.annotate(f"{km:,} km", (r * math.sin(a), r * math.cos(a)), fontsize=5, color="#757575")
        ax.set_xlim(-1.08, 1.08)
        ax.set_ylim(-1.3, 1.08)
    else:
        ax.set_xlim(-180, 180)
        ax.set_ylim(-80, 80)
    ax.set_aspect("equal")
    ax.set_xticks([])
    ax.set_yticks([])
    ax.set_title(f"{g.actors[focus].name if focus in g.actors else focus}, {day}", fontsize=9, loc="left")
    handles = [Line2D([], [], marker="o", ls="", color=c, label=b) for b, c in BLOC_COLORS.items()]
    ax.legend(handles=handles, fontsize=6, loc="lower left", frameon=False, ncols=3)
    return ax


def network_panels(
    g: RelationGraph,
    days: Sequence[DateLike],
    *,
    focus: str = "AFG",
    ncols: int = 3,
    layout: str = "centred",
    fig: Figure | None = None,
) -> Figure:
    """Small multiples of the same network on several days, with one layout for all panels.

    ``layout`` is passed to :func:`network`.

    Returns
    -------
    matplotlib.figure.Figure
        One Axes per day, in order.
    """
    if not days:
        raise ValueError("give at least one day")
    plt = _mpl()
    nrows = math.ceil(len(days) / ncols)
    w, h = (3.3, 3.6) if layout == "centred" else (4.2, 2.6)
    fig = plt.figure(figsize=(w * min(ncols, len(days)), h * nrows), layout="constrained") if fig is None else fig
    axes = fig.subplots(nrows, min(ncols, len(days)), squeeze=False).ravel()
    pos = stable_layout(g, centre=focus if layout == "centred" else None)
    for ax, day in zip(axes, days, strict=False):
        network(g.at(day), g, focus=focus, layout=layout, pos=pos, ax=ax)
        legend = ax.get_legend()
        if legend is not None and ax is not axes[0]:
            legend.remove()
    for ax in axes[len(days) :]:
        ax.remove()
    return fig


def agreement_heatmap(
    table: pd.DataFrame,
    partners: Sequence[str],
    *,
    years: Iterable[int] | None = None,
    measure: str = "agreement",
    min_votes: int = 10,
    g: RelationGraph | None = None,
    ax: Axes | None = None,
) -> Axes:
    """UN voting similarity of one state with chosen partners, by year, as a heatmap.

    Parameters
    ----------
    table : pandas.DataFrame
        Columns ``year``, ``partner`` and ``measure`` (from :func:`afrel.unga.country_measures`
        or :func:`afrel.unga.afghanistan_table`).
    partners : sequence of str
        Rows, top to bottom (afrel ids; ``"SUN"`` and ``"RUS"`` may share a row as ``"SUN/RUS"``).
    years : iterable of int, optional
        Columns; by default every year of the table.
    measure : str, default "agreement"
        Which column to show.
    min_votes : int, default 10
        Leave a cell empty when the two shared fewer votes that year (needs an ``n_votes``
        column); a year with a handful of votes says little.
    g : RelationGraph, optional
        For partner names on the rows.
    ax : matplotlib Axes, optional
        Where to draw.

    Returns
    -------
    matplotlib.axes.Axes
        ``ax.images[0]`` holds the matrix (rows = partners, columns = years; NaN where the two
        shared fewer than ``min_votes`` votes).
    """
    import numpy as np

    if measure not in table.columns:
        raise ValueError(f"the table has no column {measure!r}")
    cols = sorted({int(y) for y in table["year"]}) if years is None else [int(y) for y in years]
    index = {y: j for j, y in enumerate(cols)}
    matrix = np.full((len(partners), len(cols)), np.nan)
    for i, p in enumerate(partners):
        ids = p.split("/")
        sub = table[table["partner"].isin(ids)]
        if "n_votes" in sub.columns:
            sub = sub[sub["n_votes"] >= min_votes]
        for y, v in zip(sub["year"], sub[measure], strict=True):
            if int(y) in index:
                matrix[i, index[int(y)]] = v
    ax = _new_ax(ax, (11, 0.35 * len(partners) + 1.5))
    vmin = -1.0 if measure in ("kappa", "pi", "s_score") else 0.0
    image = ax.imshow(matrix, aspect="auto", cmap="viridis", vmin=vmin, vmax=1.0, interpolation="nearest")
    names = []
    for p in partners:
        ids = p.split("/")
        names.append("/".join(g.actors[i].name if g is not None and i in g.actors else i for i in ids))
    ax.set_yticks(range(len(partners)), names, fontsize=7)
    step = max(1, len(cols) // 15)
    ax.set_xticks(range(0, len(cols), step), [str(cols[j]) for j in range(0, len(cols), step)], fontsize=7, rotation=90)
    ax.figure.colorbar(image, ax=ax, label=measure, shrink=0.8)
    ax.set_title(f"UN General Assembly {measure} by year", loc="left", fontsize=9)
    return ax
