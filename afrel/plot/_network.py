"""Networks of one day: the focal state in the middle, its partners grouped by camp or on a map."""

from __future__ import annotations

import datetime
import math
import textwrap
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, Final

from afrel.blocs import scope
from afrel.dates import DateLike
from afrel.kinds import ActorKind, RelationKind
from afrel.plot._style import era_title, mpl, new_ax, renderer_of
from afrel.style import BLOC_COLORS, BLOC_LABELS, KIND_COLORS, SECTORS, short_name

if TYPE_CHECKING:
    import networkx as nx
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from afrel.graph import RelationGraph

EARTH_RADIUS_KM: Final = 6371.0088
"""Mean Earth radius, for the distance rings of the centred layout."""

RINGS_KM: Final[tuple[int, ...]] = (1000, 3000, 6000, 10000)
"""Distances (km) drawn as rings around the focal state on the centred layout."""

LAYOUTS: Final = ("camps", "centred", "geographic")


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
        its great-circle distance (the far side of the globe at radius 1).

    Returns
    -------
    dict
        ``{actor id: (x, y)}``. Actors without coordinates (most organisations and movements)
        are placed once, in id order, on a row below the map; governments sit slightly off their
        state.

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
    for a in g.actors.values():
        if a.kind is ActorKind.GOVERNMENT and a.id in pos and a.state in pos and pos[a.id] == pos[a.state]:
            x, y = pos[a.id]
            pos[a.id] = (x + nudge, y - nudge)
    return pos


def _groups(g: RelationGraph, blocs: Mapping[str, str], focus: str | None) -> tuple[str, dict[str, str]]:
    """The focal state and every actor's group: ``blocs``, with the focal state's own actors marked."""
    if not isinstance(blocs, Mapping):
        raise TypeError(
            f"blocs must map actor ids to groups, as afrel.blocs_of(g, day, focus) returns, not {type(blocs).__name__}"
        )
    unknown = sorted({str(b) for b in blocs.values()} - set(BLOC_COLORS))
    if unknown:
        raise ValueError(
            f"blocs has groups without a colour: {', '.join(map(repr, unknown))}; use {', '.join(BLOC_COLORS)}"
        )
    if focus is None:
        marked = sorted(
            a for a, b in blocs.items() if b == "focus" and a in g.actors and g.actors[a].kind is ActorKind.STATE
        )
        if len(marked) != 1:
            found = f"marks {', '.join(marked)}" if marked else "marks no state"
            raise ValueError(
                f"give focus=: blocs {found} as the focus; compute them with afrel.blocs_of(g, day, focus)"
            )
        focus = marked[0]
    own, movements = scope(g, focus)
    groups = {a: b for a, b in blocs.items() if b not in ("focus", "movement")}
    groups.update(dict.fromkeys(own, "focus"))
    groups.update(dict.fromkeys(movements, "movement"))
    return focus, groups


def _strength(snapshot: nx.MultiDiGraph[str], own: set[str]) -> dict[str, float]:
    """Sum of intensity x sign of each partner's ties with the focal actors (for radii and labels)."""
    out: dict[str, float] = {}
    for u, v, d in snapshot.edges(data=True):
        if (u in own) == (v in own):
            continue
        other = v if u in own else u
        out[other] = out.get(other, 0.0) + d["intensity"] * d["sign"]
    return out


def camp_layout(
    nodes: Sequence[str], groups: Mapping[str, str], strength: Mapping[str, float]
) -> dict[str, tuple[float, float]]:
    """Partners grouped by camp around the centre: the West on the left, the East on the right.

    The Non-Aligned sit above, the Islamic Cooperation and the rest below (:data:`SECTORS`);
    within a group partners are spread in id order, and the stronger a partner's ties the
    closer it sits (hostile partners on the outer ring). The focal state is at the centre,
    its armed movements just below it.
    """
    top = max((s for s in strength.values() if s > 0), default=1.0)
    pos: dict[str, tuple[float, float]] = {}
    by_group: dict[str, list[str]] = {}
    movements = sorted(n for n in nodes if groups.get(n) == "movement")
    for n in nodes:
        group = groups.get(n, "none")
        if group == "focus":
            pos[n] = (0.0, 0.0)
        elif group != "movement":
            by_group.setdefault(group, []).append(n)
    for i, m in enumerate(movements):
        pos[m] = (0.22 * (i - (len(movements) - 1) / 2), -0.3)
    for group, members in by_group.items():
        centre, width = SECTORS.get(group, SECTORS["none"])
        members.sort()
        k = len(members)
        for j, n in enumerate(members):
            angle = math.radians(centre - width / 2 + width * (j + 0.5) / k)
            s = strength.get(n, 0.0)
            r = 1.02 if s < 0 else 0.95 - 0.55 * min(1.0, s / top)
            pos[n] = (r * math.cos(angle), r * math.sin(angle))
    return pos


def network(
    snapshot: nx.MultiDiGraph[str],
    g: RelationGraph,
    *,
    blocs: Mapping[str, str],
    focus: str | None = None,
    ego: bool = True,
    layout: str = "camps",
    pos: Mapping[str, tuple[float, float]] | None = None,
    labels: int = 10,
    title: str | None = None,
    legend: bool = True,
    ax: Axes | None = None,
) -> Axes:
    """Draw one day's network around the focal state: nodes by camp, edges by kind and sign.

    Parameters
    ----------
    snapshot : networkx.MultiDiGraph
        From ``g.at(day)``.
    g : RelationGraph
        Where names, kinds and positions come from.
    blocs : mapping of actor id to group
        The group of each actor that day, as computed by :func:`afrel.blocs_of` for the
        snapshot's day (``"west"``, ``"east"``, ``"nam"``, ``"oic"``, ``"focus"``,
        ``"movement"``; an actor left out is in no bloc). It colours the nodes and, for the
        camp layout, places them.
    focus : str, optional
        The focal state, drawn in black at the centre with its governments; by default the
        state that ``blocs`` marks as ``"focus"``. Its armed movements are actors of their own
        (orange, just below the centre): a partner's support to them is an edge to them, not
        to the state.
    ego : bool, default True
        Draw only the focal state, its governments and movements and their direct partners.
    layout : {"camps", "centred", "geographic"}, default "camps"
        ``"camps"`` groups partners by camp (West left, East right, Non-Aligned above, the rest
        below), the strongest ties closest to the centre, so that a shift of alignment shows as
        edges moving from one side to the other (:func:`camp_layout`). ``"centred"`` puts every
        partner at its true bearing from the focal capital, farther out the farther away, with
        rings at :data:`RINGS_KM`; ``"geographic"`` plots longitude against latitude.
    pos : mapping, optional
        Node positions, overriding ``layout`` (for the map layouts, pass the same
        ``stable_layout(g, ...)`` to several calls).
    labels : int, default 10
        Name the focal state, its movements and this many partners with the strongest ties;
        a name that would overlap one already placed is left out.
    title : str, optional
        Default: the era of the day and its year.
    legend : bool, default True
        Legends for the node colours and the edge kinds, under the axes.
    ax : matplotlib Axes, optional
        Where to draw.

    Returns
    -------
    matplotlib.axes.Axes
        ``ax.collections[0]`` holds the edges (one segment per relation, in snapshot edge order,
        coloured by :data:`KIND_COLORS`, dashed when hostile) and ``ax.collections[1]`` the nodes
        (coloured by :data:`BLOC_COLORS`).

    Raises
    ------
    ValueError
        If ``snapshot`` is not from :meth:`RelationGraph.at`, ``layout`` is unknown, a group in
        ``blocs`` has no colour, or no focal state is given or marked.

    Examples
    --------
    >>> import afrel
    >>> from afrel import plot
    >>> g = afrel.load()
    >>> ax = plot.network(g.at("1985-07-01"), g, blocs=afrel.blocs_of(g, "1985-07-01", "AFG"))
    >>> " ".join(ax.get_title(loc="left").split())
    'The Democratic Republic and the Soviet war (1985)'
    """
    from matplotlib.collections import LineCollection

    if "date" not in snapshot.graph:
        raise ValueError("expected a snapshot from RelationGraph.at() (it records its date in graph['date'])")
    if layout not in LAYOUTS:
        raise ValueError(f"layout must be one of {', '.join(map(repr, LAYOUTS))}, not {layout!r}")
    day = datetime.date.fromisoformat(snapshot.graph["date"])
    focus, groups = _groups(g, blocs, focus)
    own = {n for n in snapshot if groups.get(n) == "focus"}
    mine = own | {n for n in snapshot if groups.get(n) == "movement"}
    edges = [(u, v, d) for u, v, d in snapshot.edges(data=True) if not ego or u in mine or v in mine]
    nodes = sorted(
        {n for u, v, _ in edges for n in (u, v)} | ({n for n in mine if n in snapshot} if ego else set(snapshot))
    )
    strength = _strength(snapshot, own)
    if pos is None:
        if layout == "camps":
            pos = camp_layout(nodes, groups, strength)
        else:
            pos = stable_layout(g, centre=focus if layout == "centred" else None)
    elif layout == "centred" and tuple(pos.get(focus, ())) != (0.0, 0.0):
        raise ValueError(
            f"pos does not centre on {focus!r}: pass pos=stable_layout(g, centre={focus!r}), or layout='geographic'"
        )
    if layout == "camps":
        pos = {**pos, **dict.fromkeys(own, (0.0, 0.0))}
    ax = new_ax(ax, (6.6, 7.4) if layout != "geographic" else (10, 6))
    segments = [[pos[u], pos[v]] for u, v, _ in edges]
    from matplotlib.colors import to_rgba

    routine = {RelationKind.DIPLOMATIC, RelationKind.ACCREDITATION, RelationKind.MEMBERSHIP}
    ax.add_collection(
        LineCollection(
            segments,
            colors=[
                to_rgba(KIND_COLORS[RelationKind(d["kind"])], 0.25 if d["kind"] in routine else 0.9)
                for _, _, d in edges
            ],
            linestyles=["dashed" if d["sign"] < 0 else "solid" for _, _, d in edges],
            linewidths=[(0.3 if d["kind"] in routine else 0.6) * (1 + d["intensity"]) for _, _, d in edges],
            zorder=1,
        )
    )
    shown = [n for n in nodes if not (layout == "camps" and n in own and n != focus)]
    top = max((v for v in strength.values() if v > 0), default=1.0)
    xs, ys, colors, sizes = [], [], [], []
    for n in shown:
        xs.append(pos[n][0])
        ys.append(pos[n][1])
        colors.append(BLOC_COLORS[groups.get(n, "none")])
        sizes.append(70.0 if n == focus else 12.0 + 70.0 * max(strength.get(n, 0.0), 0.0) / top)
    nodes_drawn = ax.scatter(xs, ys, s=sizes, c=colors, zorder=2, edgecolors="#ffffff", linewidths=0.5)
    for marker, which in (("s", ActorKind.ORGANIZATION), ("D", ActorKind.MOVEMENT)):
        extra = [i for i, n in enumerate(shown) if g.actors[n].kind is which]
        if extra:  # organisations as squares, movements as diamonds, over the round state markers
            ax.scatter([xs[i] for i in extra], [ys[i] for i in extra], s=[sizes[i] + 8 for i in extra],
                       c=[colors[i] for i in extra], marker=marker, zorder=2.1, edgecolors="#212121",
                       linewidths=0.5)  # fmt: skip
    del nodes_drawn
    if not edges:  # say what is missing rather than leave an empty panel
        ax.text(0.5, 0.38, "no relation recorded that day", transform=ax.transAxes, ha="center", va="top",
                fontsize=7.5, color="#757575")  # fmt: skip
    if labels:
        place_labels(ax, g, focus, shown, groups, strength, pos, labels)
    if layout == "centred":
        from matplotlib.patches import Circle

        for km in RINGS_KM:
            r = _ring(km)
            ax.add_patch(Circle((0, 0), r, fill=False, lw=0.4, ls=":", color="#9e9e9e", zorder=0))
            a = math.radians(150)
            ax.annotate(f"{km:,} km", (r * math.sin(a), r * math.cos(a)), fontsize=5, color="#757575")
    if layout == "geographic":
        ax.set_xlim(-180, 180)
        ax.set_ylim(-80, 80)
    else:
        ax.set_xlim(-1.25, 1.25)
        ax.set_ylim(-1.3 if layout == "centred" else -1.15, 1.15)
        if layout == "camps":
            for text, x in (("West", -1.2), ("East", 1.2)):
                ax.text(x, 1.1, text, ha="left" if x < 0 else "right", va="top", fontsize=8, weight="bold",
                        color=BLOC_COLORS[text.lower()])  # fmt: skip
    ax.set_aspect("equal")
    ax.set_xticks([])
    ax.set_yticks([])
    for side in ax.spines.values():
        side.set_visible(False)
    ax.set_title(textwrap.fill(title or era_title(g, day), 44), fontsize=8.5, loc="left")
    if legend:
        legend_for(ax, [d for _, _, d in edges], [groups.get(n, "none") for n in shown])
    return ax


def place_labels(
    ax: Axes,
    g: RelationGraph,
    focus: str,
    nodes: Sequence[str],
    groups: Mapping[str, str],
    strength: Mapping[str, float],
    pos: Mapping[str, tuple[float, float]],
    n: int,
) -> None:
    first = [focus, *sorted(m for m in nodes if groups.get(m) == "movement")]
    rest = sorted((m for m in nodes if m not in first), key=lambda m: (-abs(strength.get(m, 0.0)), m))[:n]
    fig = ax.get_figure(root=True)
    assert fig is not None  # an Axes always belongs to a figure
    fig.draw_without_rendering()  # settle the layout first: overlaps are measured in pixels
    renderer = renderer_of(fig)
    taken: list[Any] = []
    for m in first + rest:
        if m not in pos:
            continue
        from matplotlib import patheffects

        text = ax.annotate(
            short_name(g, m), pos[m], fontsize=7.5 if m != focus else 9, xytext=(3, 3), textcoords="offset points",
            weight="bold" if m == focus else "normal", zorder=3,
            path_effects=[patheffects.withStroke(linewidth=2.5, foreground="white")],
        )  # fmt: skip
        box = text.get_window_extent(renderer).expanded(1.15, 1.4)
        if any(box.overlaps(b) for b in taken):
            text.remove()
            continue
        taken.append(box)


def legend_for(ax: Axes, edges: Sequence[Mapping[str, Any]], groups: Sequence[str], *, loc: str = "under") -> None:
    """Legends for node groups and edge kinds present, under the axes (or filling it: ``loc="fill"``)."""
    from matplotlib.lines import Line2D

    kinds = sorted({RelationKind(d["kind"]) for d in edges}, key=list(RelationKind).index)
    edge_handles = [Line2D([], [], color=KIND_COLORS[k], lw=1.5, label=k.value.replace("_", " ")) for k in kinds]
    if any(d["sign"] < 0 for d in edges):
        edge_handles.append(Line2D([], [], color="#616161", lw=1.2, ls="--", label="hostile tie"))
    order = [b for b in BLOC_LABELS if b in set(groups)]
    node_handles = [
        Line2D([], [], marker="D" if b == "movement" else "o", ls="", color=BLOC_COLORS[b], markersize=5,
               markeredgecolor="#212121" if b == "movement" else BLOC_COLORS[b], label=BLOC_LABELS[b])
        for b in order
    ]  # fmt: skip
    node_handles.append(Line2D([], [], marker="s", ls="", color="#ffffff", markeredgecolor="#212121", markersize=5,
                               label="organisation (square)"))  # fmt: skip
    node_handles.append(Line2D([], [], marker="o", ls="", color="#9e9e9e", markersize=8,
                               label="larger: stronger ties"))  # fmt: skip
    if loc == "fill":
        first = ax.legend(handles=node_handles, title="actors (camp of the day)", fontsize=8, title_fontsize=8,
                          loc="upper left", frameon=False)  # fmt: skip
        ax.add_artist(first)
        ax.legend(handles=edge_handles, title="ties", fontsize=8, title_fontsize=8, loc="lower left", frameon=False,
                  ncols=2)  # fmt: skip
        ax.axis("off")
        return
    first = ax.legend(handles=node_handles, fontsize=6, loc="upper left", bbox_to_anchor=(0, 0), ncols=3,
                      frameon=False, title="actors", title_fontsize=6)  # fmt: skip
    ax.add_artist(first)
    ax.legend(handles=edge_handles, fontsize=6, loc="upper right", bbox_to_anchor=(1, 0), ncols=2, frameon=False,
              title="ties", title_fontsize=6)  # fmt: skip


def network_panels(
    g: RelationGraph,
    days: Sequence[DateLike] | Mapping[str, DateLike],
    *,
    blocs: Sequence[Mapping[str, str]],
    focus: str | None = None,
    ncols: int = 3,
    layout: str = "camps",
    title: str | None = None,
    fig: Figure | None = None,
) -> Figure:
    """Small multiples of the network on several days, titled with their era, sharing one legend.

    Parameters
    ----------
    g : RelationGraph
        The graph.
    days : sequence of date-like, or mapping of title to date-like
        One panel per day; with a mapping, its keys are the panel titles (by default each panel
        is titled with the era of its day).
    blocs : sequence of mappings of actor id to group
        One per day, in the same order: the groups of that day, as :func:`afrel.blocs_of`
        computes them (see :func:`network`).
    focus : str, optional
        The focal state; by default the state the first ``blocs`` marks as ``"focus"``.
    ncols : int, default 3
        Columns; the legend takes the first free panel, or a column of its own when the grid is full.
    layout : str
        As for :func:`network`.
    title : str, optional
        The figure's message, above the panels.
    fig : matplotlib Figure, optional
        An empty figure to draw on (a ``matplotlib.figure.Figure`` draws without pyplot); it is
        resized to fit the panels. By default a new pyplot figure.

    Returns
    -------
    matplotlib.figure.Figure
        One Axes per day, in order, then the legend's Axes.

    Examples
    --------
    >>> import afrel
    >>> from afrel import plot
    >>> g = afrel.load()
    >>> days = ["1965-07-01", "1985-07-01"]
    >>> fig = plot.network_panels(g, days, blocs=[afrel.blocs_of(g, d, "AFG") for d in days])
    >>> len(fig.axes)  # two panels and the legend
    3
    """
    if not days:
        raise ValueError("give at least one day")
    items = list(days.items()) if isinstance(days, Mapping) else [(None, d) for d in days]
    if isinstance(blocs, Mapping) or len(blocs) != len(items):
        got = "one mapping" if isinstance(blocs, Mapping) else f"{len(blocs)}"
        raise ValueError(
            f"give one blocs mapping per day ({len(items)}), not {got}: "
            "blocs=[afrel.blocs_of(g, day, focus) for day in days]"
        )
    marked = [_groups(g, b, focus) for b in blocs]
    focus = marked[0][0]
    n = len(items)
    cols = min(ncols, n)
    rows = math.ceil(n / cols)
    full = n == rows * cols  # no spare panel: the legend gets a column of its own
    w, h = (3.4, 3.8) if layout != "geographic" else (4.2, 2.6)
    width = w * cols + (2.4 if full else 0)
    if fig is None:
        fig = mpl().figure(figsize=(width, h * rows), layout="constrained")
    else:
        fig.set_size_inches(width, h * rows)
        fig.set_layout_engine("constrained")
    if full:
        grid = fig.add_gridspec(rows, cols + 1, width_ratios=[1.0] * cols + [0.75])
        axes = [fig.add_subplot(grid[r, c]) for r in range(rows) for c in range(cols)]
        axes.append(fig.add_subplot(grid[:, cols]))
    else:
        axes = list(fig.subplots(rows, cols, squeeze=False).ravel())
    pos = stable_layout(g, centre=focus if layout == "centred" else None) if layout != "camps" else None
    edges: list[Mapping[str, Any]] = []
    groups: list[str] = []
    later = []
    for ax, (name, day), (_, present) in zip(axes, items, marked, strict=False):
        snap = g.at(day)
        network(snap, g, blocs=present, focus=focus, layout=layout, pos=pos, title=name, legend=False, labels=0,
                ax=ax)  # fmt: skip
        own = {k for k, v in present.items() if v in ("focus", "movement")}
        mine = [(u, v, e) for u, v, e in snap.edges(data=True) if u in own or v in own]
        edges.extend(e for _, _, e in mine)
        groups.extend(present.get(x, "none") for u, v, _ in mine for x in (u, v))
        later.append((ax, snap, present))
    spare = axes[n:]
    legend_for(spare[0], edges, groups, loc="fill")
    for ax in spare[1:]:
        ax.remove()
    if title:
        fig.suptitle(title, x=0.01, ha="left", fontsize=11)
    # names last, once every panel is drawn and the layout is settled
    for ax, snap, present in later:
        focal = {k for k, v in present.items() if v == "focus"}
        ours = focal | {k for k, v in present.items() if v == "movement"}
        shown = sorted({x for u, v in snap.edges() if u in ours or v in ours for x in (u, v)} - (focal - {focus}))
        strength = _strength(snap, focal)
        where = camp_layout(shown, present, strength) if pos is None else pos
        place_labels(ax, g, focus, shown, present, strength, where, 6)
    return fig
