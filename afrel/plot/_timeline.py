"""The timeline of one actor's relations: a row per partner, a lane per overlapping relation."""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from afrel.kinds import ActorKind, RelationKind
from afrel.plot._style import eras, label_eras, new_ax, shade_eras, year_of
from afrel.style import KIND_COLORS, short_name

if TYPE_CHECKING:
    from matplotlib.axes import Axes

    from afrel.graph import RelationGraph
    from afrel.model import Relation

LANE: float = 0.8
"""Height of one lane; a partner's row has one lane per relation that overlaps another."""


def _lanes(spans: Sequence[tuple[float, float]]) -> list[int]:
    """Greedy interval colouring: the lane of each span (spans sorted by start), none overlapping."""
    ends: list[float] = []
    out = []
    for a, b in spans:
        for i, end in enumerate(ends):
            if end <= a:
                ends[i] = b
                out.append(i)
                break
        else:
            ends.append(b)
            out.append(len(ends) - 1)
    return out


def timeline(
    g: RelationGraph,
    actor: str,
    *,
    partners: Sequence[str] | None = None,
    kinds: Iterable[RelationKind | str] | None = None,
    start: int | None = None,
    end: int | None = None,
    events: bool = True,
    periods: bool = True,
    max_partners: int = 14,
    title: str | None = None,
    ax: Axes | None = None,
) -> Axes:
    """Relations of an actor by partner: every relation a bar, overlapping ones in lanes of their own.

    Parameters
    ----------
    g : RelationGraph
        The graph.
    actor : str
        The focal state (its governments count with it).
    partners : sequence of str, optional
        Rows to draw, top to bottom; by default the ``max_partners`` partners with the most
        relations, ordered by their first tie. A partner's ties with the focal state's armed
        movements get a row of their own, labelled with the movement (``United States ->
        Mujahideen``): they are not ties with the state.
    kinds : iterable of RelationKind or str, optional
        Only these kinds.
    start, end : int, optional
        Years shown (both included); by default from the first year of the actor's relations
        to this year.
    events : bool, default True
        Mark the focal actor's events on a top row.
    periods : bool, default True
        Shade the eras and name them above the axes.
    title : str, optional
        The figure's message; by default a description.
    ax : matplotlib Axes, optional
        Where to draw.

    Returns
    -------
    matplotlib.axes.Axes
        One rectangle per relation in ``ax.patches`` (its ``gid`` the relation id, its face
        colour from :data:`KIND_COLORS`, hatched when hostile). Relations of one row that
        overlap in time sit in separate lanes, so none hides another.
    """
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch, Rectangle

    g.actor(actor)
    if start is None:
        start = min((r.start.first_day().year for r in g.relations(actor=actor)), default=datetime.date.today().year)
    if end is None:
        end = datetime.date.today().year
    if end < start:
        raise ValueError(f"end ({end}) is before start ({start})")
    rels = g.relations(actor=actor, kind=list(kinds) if kinds is not None else None, between=(start, end))
    own = {a.id for a in g.actors.values() if a.id == actor or (a.state == actor and a.kind is ActorKind.GOVERNMENT)}
    movements = {a.id for a in g.actors.values() if a.state == actor and a.kind is ActorKind.MOVEMENT}

    def row_of(r: Relation) -> str | None:
        if r.source in own or r.target in own:
            return str(r.target if r.source in own else r.source)
        if r.source in movements or r.target in movements:
            movement, other = (r.source, r.target) if r.source in movements else (r.target, r.source)
            return None if other in own or other in movements else f"{other}>{movement}"
        return None

    keyed: list[tuple[str, Relation]] = []
    for r in rels:
        key = row_of(r)
        if key is not None:
            keyed.append((key, r))
    if partners is None:
        counts: dict[str, int] = {}
        first: dict[str, int] = {}
        for k, r in keyed:
            p = k.split(">")[0]
            counts[p] = counts.get(p, 0) + 1
            first[p] = min(first.get(p, r.lo), r.lo)
        most = sorted(counts, key=lambda p: (-counts[p], p))[:max_partners]
        partners = sorted(most, key=lambda p: (first[p], p))
    wanted = list(partners)
    rows: list[str] = []
    for p in wanted:
        rows.append(p)
        rows.extend(sorted({k for k, _ in keyed if k.startswith(f"{p}>")}))
    lo, hi = float(start), float(end + 1)
    placed: dict[str, list[tuple[float, float, Relation]]] = {row: [] for row in rows}
    for k, r in keyed:
        if k not in placed:
            continue
        a = max(year_of(r.lo), lo)
        b = min(year_of(r.hi) if r.end is not None else hi, hi)
        if b > a:
            placed[k].append((a, b, r))
    heights = {}
    y = 0.0
    centres = []
    for row in rows:
        bars = sorted(placed[row], key=lambda t: (t[0], t[1]))
        placed[row] = bars
        lanes = _lanes([(a, b) for a, b, _ in bars]) if bars else []
        n = max(lanes, default=0) + 1
        heights[row] = (y, lanes)
        centres.append(y + n * LANE / 2)
        y += n * LANE + 0.35
    total = y
    ax = new_ax(ax, (9.5, max(3.5, 0.13 * total + 2.4)))
    for row in rows:
        top, lanes = heights[row]
        for (a, b, r), lane in zip(placed[row], lanes, strict=True):
            hostile = r.sign < 0
            ax.add_patch(
                Rectangle(
                    (a, top + lane * LANE + 0.06),
                    b - a,
                    LANE - 0.12,
                    facecolor=KIND_COLORS[r.kind],
                    edgecolor="#212121" if hostile else "none",
                    hatch="////" if hostile else None,
                    lw=0.5,
                    gid=r.id,
                )
            )
    for row, (top, _) in zip(rows[1:], list(heights.values())[1:], strict=True):
        if ">" not in row:
            ax.axhline(top - 0.175, color="#e0e0e0", lw=0.6, zorder=0)
    has_events = False
    if events:
        ev = list(g.events(actor=actor, between=(start, end)))
        has_events = bool(ev)
        ax.scatter([year_of(e.lo) for e in ev], [-0.7] * len(ev), marker="v", s=16, color="#212121", zorder=3)
    spans = eras(g, lo, hi) if periods else []
    shade_eras(ax, spans)

    def name(key: str) -> str:
        if ">" in key:
            p, m = key.split(">")
            return f"{_short(g, p)} \u2192 {_short(g, m)}"
        partner = g.actors.get(key)
        state = partner.state if partner is not None and partner.kind is ActorKind.GOVERNMENT else None
        if state is not None and state in g.actors and state not in (actor, g.actors[actor].state):
            return f"{_short(g, state)}: {_short(g, key)}"  # another state's government: say whose
        return _short(g, key)

    ax.set_yticks(centres, [name(r) for r in rows], fontsize=8)
    ax.set_ylim(total, -1.3 if has_events else -0.3)
    ax.set_xlim(lo, hi)
    ax.set_xlabel("year")
    focal = g.actors[actor].name
    ax.set_title(title or f"{focal}'s relations with its main partners, {start}-{end}", loc="left", fontsize=10)
    used = sorted({r.kind for k, r in keyed if k in placed}, key=list(RelationKind).index)
    handles: list[Patch | Line2D] = [Patch(facecolor=KIND_COLORS[k], label=k.value.replace("_", " ")) for k in used]
    handles.append(Patch(facecolor="white", edgecolor="#212121", hatch="////", label="hostile tie"))
    if has_events:
        handles.append(Line2D([], [], marker="v", ls="", color="#212121", label=f"event of {focal}"))
    if spans:
        handles.append(Patch(facecolor=ERA_PATCH, label="eras (alternately shaded)"))
    ax.legend(handles=handles, fontsize=8, loc="upper left", bbox_to_anchor=(1.005, 1.0), frameon=False)
    if spans:
        label_eras(ax, spans)
    return ax


ERA_PATCH = "#ededed"


def _short(g: RelationGraph, actor_id: str) -> str:
    return short_name(g, actor_id, limit=22) if actor_id in g.actors else actor_id
