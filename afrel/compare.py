"""Comparing eras and measuring centrality over time.

:func:`compare_periods` lists an actor's partners in two eras and what happened to each tie;
:func:`centrality` measures the actor and its partners in yearly snapshots.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import TYPE_CHECKING

from afrel.blocs import BLOCS, bloc_members, scope
from afrel.dates import DateLike, start_bound, to_partial
from afrel.kinds import ActorKind, RelationKind
from afrel.model import Period

if TYPE_CHECKING:
    import pandas as pd

    from afrel.graph import RelationGraph

__all__ = ["centrality", "compare_periods"]

Era = Period | str | tuple[DateLike, DateLike]


def _window(g: RelationGraph, era: Era) -> tuple[int, int, str]:
    if isinstance(era, Period):
        return era.lo, era.hi, era.name
    if isinstance(era, str):
        match = [p for p in g.periods if p.id == era]
        if not match:
            ids = ", ".join(p.id for p in g.periods)
            raise KeyError(f"unknown period {era!r}; the graph has {ids}")
        return match[0].lo, match[0].hi, match[0].name
    a, b = to_partial(era[0]), to_partial(era[1])
    return start_bound(a), b.last_day().toordinal() + 1, f"{a}-{b}"


def _ties(g: RelationGraph, actor: str, lo: int, hi: int) -> dict[str, list[tuple[RelationKind, int]]]:
    own, _ = scope(g, actor)
    out: dict[str, list[tuple[RelationKind, int]]] = defaultdict(list)
    for r in g.relations(actor=actor):
        if r.lo < hi and r.hi > lo and (r.source in own) != (r.target in own):
            other = r.target if r.source in own else r.source
            if g.actors[other].state == actor:  # the state's own movements are not partners
                continue
            out[other].append((r.kind, r.sign))
    return out


def compare_periods(g: RelationGraph, actor: str, a: Era, b: Era) -> pd.DataFrame:
    """An actor's partners in two eras and what became of each tie.

    A partner is any actor with a relation to the focal state or one of its governments holding
    at some time in the era.

    Parameters
    ----------
    g : RelationGraph
        The graph.
    actor : str
        The focal state.
    a, b : Period, period id or (start, end)
        The two eras; a (start, end) window includes both bounds.

    Returns
    -------
    pandas.DataFrame
        One row per partner in either era: ``partner``, ``name``, ``status`` (``gained``,
        ``lost``, ``changed``: the kinds or the net sign differ, or ``kept``), ``kinds_a``,
        ``kinds_b`` (sorted ``;``-joined kinds), ``sign_a``, ``sign_b`` (net sign of the ties:
        1, -1 or 0, NaN when absent), ``bloc`` (blocs the partner belonged to at the start of
        era b, or of era a if it is gone by then), sorted by status and partner.

    Examples
    --------
    >>> import afrel
    >>> c = compare_periods(afrel.load(), "AFG", (1985, 1985), (2010, 2010))
    >>> c[c.partner == "SUN"][["status", "kinds_a"]].to_dict("records")[0]["status"]
    'lost'
    >>> c.groupby("status").size().index.tolist()
    ['changed', 'gained', 'kept', 'lost']
    """
    import pandas as pd

    lo_a, hi_a, _ = _window(g, a)
    lo_b, hi_b, _ = _window(g, b)
    ta, tb = _ties(g, actor, lo_a, hi_a), _ties(g, actor, lo_b, hi_b)
    day_a = _day_of(lo_a)
    day_b = _day_of(lo_b)
    blocs_a = {bloc: bloc_members(g, bloc, day_a) for bloc in BLOCS}
    blocs_b = {bloc: bloc_members(g, bloc, day_b) for bloc in BLOCS}
    rows = []
    for partner in sorted(set(ta) | set(tb)):
        ka, kb = _kinds(ta.get(partner)), _kinds(tb.get(partner))
        sa, sb = _net_sign(ta.get(partner)), _net_sign(tb.get(partner))
        if partner not in ta:
            status = "gained"
        elif partner not in tb:
            status = "lost"
        elif ka != kb or sa != sb:
            status = "changed"
        else:
            status = "kept"
        member_of = blocs_b if partner in tb else blocs_a
        blocs = ";".join(name for name, members in member_of.items() if partner in members)
        rows.append(
            {
                "partner": partner,
                "name": g.actors[partner].name,
                "status": status,
                "kinds_a": ka,
                "kinds_b": kb,
                "sign_a": sa,
                "sign_b": sb,
                "bloc": blocs,
            }
        )
    frame = pd.DataFrame(rows, columns=["partner", "name", "status", "kinds_a", "kinds_b", "sign_a", "sign_b", "bloc"])
    return frame.sort_values(["status", "partner"], ignore_index=True)


def _day_of(ordinal: int) -> str:
    import datetime

    return datetime.date.fromordinal(max(ordinal, 1)).isoformat()


def _kinds(ties: list[tuple[RelationKind, int]] | None) -> str:
    return ";".join(sorted({k.value for k, _ in ties})) if ties else ""


def _net_sign(ties: list[tuple[RelationKind, int]] | None) -> float:
    if not ties:
        return math.nan
    total = sum(s for _, s in ties)
    return float((total > 0) - (total < 0))


def centrality(
    g: RelationGraph,
    years: Iterable[int],
    *,
    actors: Iterable[str] | None = None,
    focus: str | None = None,
    month_day: tuple[int, int] = (7, 1),
) -> pd.DataFrame:
    """Centrality of actors in the snapshot of each year.

    Measures, per actor and year (snapshot on ``month_day``):

    - ``degree``: relations at either end; ``degree_<kind>`` the same by kind;
    - ``strength``: sum of ``sign * intensity`` over those relations;
    - ``eigenvector``: eigenvector centrality of the undirected graph that joins two actors
      when at least one relation links them, weighted by the number of such relations
      (networkx's power iteration; NaN if it does not converge).

    A state's governments are merged into it first (``AFG-DRA`` counts as ``AFG``), so the
    state's centrality does not split across its governments.

    Parameters
    ----------
    years : iterable of int
        The years.
    actors : iterable of str, optional
        Whom to report; by default ``focus`` and every actor tied to it that year, or every
        actor of the snapshot without ``focus``.
    focus : str, optional
        The focal state when ``actors`` is not given.

    Returns
    -------
    pandas.DataFrame
        Columns ``year``, ``actor``, ``degree``, ``strength``, ``eigenvector`` and one
        ``degree_<kind>`` per relation kind; sorted by year, then degree (descending).

    Examples
    --------
    >>> import afrel
    >>> c = centrality(afrel.load(), [1985], focus="AFG")
    >>> c.loc[c.actor == "SUN", ["degree_intervention", "degree_treaty"]].to_dict("records")
    [{'degree_intervention': 2, 'degree_treaty': 3}]
    """
    import datetime

    import networkx as nx
    import pandas as pd

    wanted = None if actors is None else set(actors)
    merge = {
        a.id: a.state
        for a in g.actors.values()
        if a.kind is ActorKind.GOVERNMENT and a.state is not None and a.state in g.actors
    }
    kinds = list(RelationKind)
    rows = []
    for year in years:
        snap = g.at(datetime.date(year, *month_day))
        degree: Counter[str] = Counter()
        by_kind: dict[str, Counter[RelationKind]] = defaultdict(Counter)
        strength: Counter[str] = Counter()
        simple: nx.Graph[str] = nx.Graph()
        for u, v, d in snap.edges(data=True):
            u, v = merge.get(u, u), merge.get(v, v)
            if u == v:
                continue
            for x in (u, v):
                degree[x] += 1
                by_kind[x][d["kind"]] += 1
                strength[x] += d["sign"] * d["intensity"]
            w = simple.get_edge_data(u, v, {"weight": 0})["weight"]
            simple.add_edge(u, v, weight=w + 1)
        try:
            eig = nx.eigenvector_centrality(simple, max_iter=1000, weight="weight") if simple.number_of_edges() else {}
        except nx.PowerIterationFailedConvergence:
            eig = {}
        if wanted is not None:
            report = wanted
        elif focus is None:
            report = set(simple)
        else:
            report = {focus} | set(simple.neighbors(focus)) if focus in simple else set()
        for actor in sorted(report):
            row = {"year": year, "actor": actor, "degree": degree[actor], "strength": strength[actor]}
            row["eigenvector"] = eig.get(actor, math.nan)
            row.update({f"degree_{k.value}": by_kind[actor][k] for k in kinds})
            rows.append(row)
    columns = ["year", "actor", "degree", "strength", "eigenvector", *[f"degree_{k.value}" for k in kinds]]
    frame = pd.DataFrame(rows, columns=columns)
    return frame.sort_values(["year", "degree", "actor"], ascending=[True, False, True], ignore_index=True)
