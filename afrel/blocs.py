r"""Blocs and alignment: which camp an actor's ties, and its UN votes, lean to, year by year.

Blocs
-----
A bloc is a set of organisations; its members on a day are the states holding an active
``membership`` relation to one of them, less those under an active ``suspension`` by it
(:func:`bloc_members`). The organisations themselves count as part of their bloc.

=========  ===========================================================================
bloc       organisations (those present in the graph)
=========  ===========================================================================
``west``   NATO, ANZUS, SEATO, CENTO, plus every state holding an alliance-level treaty
           (``treaty`` of intensity 3) with the United States
``east``   the Warsaw Pact (``WARSAW``) and COMECON
``nam``    the Non-Aligned Movement (``NONALIGNED``)
``oic``    the Organisation of Islamic Cooperation
=========  ===========================================================================

Alignment from ties
-------------------
:func:`alignment` scores, each year on one day (1 July by default), the relations holding
between the focal actor (a state and its governments, not its armed movements) and each bloc
(its members and organisations, the focal actor excluded):

.. math:: A_{b} = \\sum_{r \\in R(b)} w_{\\text{kind}(r)} \\cdot \\text{intensity}(r) \\cdot \\text{sign}(r)

with the kind weights :data:`DEFAULT_WEIGHTS` (aid, intervention and armed support weigh most,
a plain diplomatic tie least). Ties between a bloc and the focal state's armed movements (the
opposition, such as the mujahideen of the 1980s or the Taliban insurgency of 2001-2021) count
with the opposite sign: arming the rebels is hostility towards the government, fighting them
is support. The East-West index is

.. math:: \\text{east\\_west} = \\frac{A_{east} - A_{west}}{|A_{east}| + |A_{west}|} \\in [-1, 1]

(0 when both are 0): +1 means all weight on cooperative ties with the East or hostile ties with
the West, -1 the reverse. A bloc with no member that year (the East after 1991) scores NaN,
and so does the index.

Alignment from UN votes
-----------------------
:func:`un_bloc_agreement` averages a UN voting measure (agreement by default) between the focal
state and each bloc's members that year, from a table shaped like
:func:`afrel.unga.country_measures` (by default the Afghanistan table shipped with afrel).
"""

from __future__ import annotations

import datetime
import math
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Final

from afrel.dates import DateLike
from afrel.kinds import ActorKind, RelationKind

if TYPE_CHECKING:
    import pandas as pd

    from afrel.graph import RelationGraph

__all__ = ["BLOCS", "DEFAULT_WEIGHTS", "alignment", "bloc_members", "bloc_membership", "un_bloc_agreement"]

BLOCS: Final[Mapping[str, tuple[str, ...]]] = {
    "west": ("NATO", "ANZUS", "SEATO", "CENTO"),
    "east": ("WARSAW", "COMECON"),
    "nam": ("NONALIGNED",),
    "oic": ("OIC",),
}
"""Bloc name -> organisation ids (see the module docstring)."""

WEST_PATRON: Final = "USA"
"""States with an alliance-level treaty with this state count as West."""

DEFAULT_WEIGHTS: Final[Mapping[RelationKind, float]] = {
    RelationKind.DIPLOMATIC: 1.0,
    RelationKind.EMBASSY: 1.0,
    RelationKind.ACCREDITATION: 0.5,
    RelationKind.MEMBERSHIP: 1.0,
    RelationKind.RECOGNITION: 1.0,
    RelationKind.HUMANITARIAN_AID: 1.0,
    RelationKind.TREATY: 2.0,
    RelationKind.ECONOMIC_AID: 2.0,
    RelationKind.DISPUTE: 2.0,
    RelationKind.SANCTIONS: 2.0,
    RelationKind.SUSPENSION: 2.0,
    RelationKind.MILITARY_AID: 3.0,
    RelationKind.INTERVENTION: 3.0,
    RelationKind.ARMED_SUPPORT: 3.0,
}
"""Weight of each kind of relation in :func:`alignment`; multiplied by intensity and sign."""


def bloc_members(g: RelationGraph, bloc: str, day: DateLike) -> frozenset[str]:
    """The states in a bloc on a day (see the module docstring).

    Examples
    --------
    >>> import afrel
    >>> east = bloc_members(afrel.load(), "east", "1985-07-01")
    >>> sorted(east & {"SUN", "DDR", "POL", "CUB", "VNM", "FRA"})
    ['CUB', 'DDR', 'POL', 'SUN', 'VNM']
    """
    orgs = _orgs(g, bloc)
    members: set[str] = set()
    suspended: set[str] = set()
    for r in g.relations(active_at=day, kind=(RelationKind.MEMBERSHIP, RelationKind.SUSPENSION)):
        if r.kind is RelationKind.MEMBERSHIP and r.target in orgs:
            members.add(r.source)
        elif r.kind is RelationKind.SUSPENSION and r.source in orgs:
            suspended.add(r.target)
    if bloc == "west" and WEST_PATRON in g.actors:
        for r in g.relations(actor=WEST_PATRON, kind=RelationKind.TREATY, active_at=day):
            if r.intensity == 3:
                members.update((r.source, r.target))
    return frozenset(m for m in members - suspended if g.actors[m].kind is ActorKind.STATE)


def _orgs(g: RelationGraph, bloc: str) -> frozenset[str]:
    if bloc not in BLOCS:
        raise ValueError(f"unknown bloc {bloc!r}; choose one of {', '.join(BLOCS)}")
    return frozenset(o for o in BLOCS[bloc] if o in g.actors)


def _existing(g: RelationGraph, ids: Iterable[str], day: datetime.date) -> frozenset[str]:
    return frozenset(i for i in ids if g.actors[i].holds_on(day))


def _day(year: int, month_day: tuple[int, int]) -> datetime.date:
    return datetime.date(year, *month_day)


def bloc_membership(g: RelationGraph, years: Iterable[int], *, month_day: tuple[int, int] = (7, 1)) -> pd.DataFrame:
    """Long table of bloc membership: one row per (year, bloc, actor), on ``month_day`` of each year.

    Examples
    --------
    >>> import afrel
    >>> m = bloc_membership(afrel.load(), [1985])
    >>> list(m.columns), bool(((m.bloc == "east") & (m.actor == "SUN")).any())
    (['year', 'bloc', 'actor'], True)
    """
    import pandas as pd

    rows = [
        (year, bloc, actor)
        for year in years
        for bloc in BLOCS
        for actor in sorted(bloc_members(g, bloc, _day(year, month_day)))
    ]
    return pd.DataFrame(rows, columns=["year", "bloc", "actor"])


def _focal(g: RelationGraph, actor: str) -> tuple[frozenset[str], frozenset[str]]:
    """The focal state with its governments, and its armed movements (the opposition)."""
    g.actor(actor)
    own = frozenset(
        a.id for a in g.actors.values() if a.id == actor or (a.state == actor and a.kind is ActorKind.GOVERNMENT)
    )
    opposition = frozenset(a.id for a in g.actors.values() if a.state == actor and a.kind is ActorKind.MOVEMENT)
    return own, opposition


def alignment(
    g: RelationGraph,
    actor: str,
    years: Iterable[int],
    *,
    weights: Mapping[RelationKind | str, float] | None = None,
    month_day: tuple[int, int] = (7, 1),
) -> pd.DataFrame:
    """Weighted cooperative minus hostile ties to each bloc, and the East-West index, by year.

    Parameters
    ----------
    g : RelationGraph
        The graph.
    actor : str
        The focal state (its governments count with it, its armed movements do not).
    years : iterable of int
        Years to score, each on ``month_day``.
    weights : mapping of kind to float, optional
        Overrides of :data:`DEFAULT_WEIGHTS` (kinds not given keep their default).
    month_day : (int, int), default (7, 1)
        The day of each year on which ties are read.

    Returns
    -------
    pandas.DataFrame
        Indexed by ``year``; one column per bloc of :data:`BLOCS` (``west``, ``east``, ``nam``,
        ``oic``) and ``east_west``.

    Examples
    --------
    >>> import afrel
    >>> a = alignment(afrel.load(), "AFG", [1970, 1985, 2010])
    >>> a["east_west"].round(2).tolist()  # no East bloc after 1991: NaN
    [-0.18, 0.36, nan]
    """
    import pandas as pd

    w = {k: float(v) for k, v in DEFAULT_WEIGHTS.items()}
    for k, v in (weights or {}).items():
        w[RelationKind(k)] = float(v)
    focal, opposition = _focal(g, actor)
    rows = []
    index = []
    for year in years:
        day = _day(year, month_day)
        ties: list[tuple[str, float]] = []  # (other end, signed weight as seen from the focal state)
        for r in g.relations(active_at=day):
            for side, flip in ((focal, 1.0), (opposition, -1.0)):
                if (r.source in side) != (r.target in side):
                    other = r.target if r.source in side else r.source
                    if other not in focal and other not in opposition:
                        ties.append((other, flip * w[r.kind] * r.intensity * r.sign))
        scores: dict[str, float] = {}
        for bloc in BLOCS:
            members = bloc_members(g, bloc, day) | _existing(g, _orgs(g, bloc), day)
            members -= focal
            scores[bloc] = sum(v for other, v in ties if other in members) if members else math.nan
        east, west = scores["east"], scores["west"]
        denom = abs(east) + abs(west)
        scores["east_west"] = math.nan if math.isnan(denom) else (east - west) / denom if denom else 0.0
        rows.append(scores)
        index.append(year)
    return pd.DataFrame(rows, index=pd.Index(index, name="year"), columns=[*BLOCS, "east_west"])


def un_bloc_agreement(
    g: RelationGraph,
    years: Iterable[int] | None = None,
    *,
    table: pd.DataFrame | None = None,
    measure: str = "agreement",
    month_day: tuple[int, int] = (7, 1),
) -> pd.DataFrame:
    """Mean UN voting measure between a state and each bloc's members, by year.

    Parameters
    ----------
    g : RelationGraph
        Where bloc membership comes from.
    years : iterable of int, optional
        Default: every year of the table.
    table : pandas.DataFrame, optional
        Columns ``year``, ``partner`` and ``measure`` as from
        :func:`afrel.unga.country_measures`; by default the Afghanistan table shipped with afrel.
    measure : str, default "agreement"
        Which column to average (``agreement``, ``s_score``, ``kappa`` or ``pi``).

    Returns
    -------
    pandas.DataFrame
        Indexed by ``year``; one column per bloc (NaN where no member voted with the state),
        and ``n_<bloc>`` with the number of members averaged.

    Examples
    --------
    >>> import afrel
    >>> u = un_bloc_agreement(afrel.load(), [1985])
    >>> u.loc[1985, ["west", "east", "nam"]].round(2).tolist()
    [0.37, 0.92, 0.86]
    """
    import pandas as pd

    if table is None:
        from afrel.unga import afghanistan_table

        table = afghanistan_table()
    if measure not in table.columns:
        raise ValueError(f"the table has no column {measure!r}; it has {', '.join(map(str, table.columns))}")
    by_year = {int(str(y)): grp.set_index("partner")[measure] for y, grp in table.groupby("year")}
    rows, index = [], []
    for year in sorted(by_year) if years is None else years:
        values = by_year.get(int(year))
        row: dict[str, float] = {}
        for bloc in BLOCS:
            members = bloc_members(g, bloc, _day(int(year), month_day))
            got = values[values.index.isin(members)].dropna() if values is not None else pd.Series(dtype=float)
            row[bloc] = float(got.mean()) if len(got) else float("nan")
            row[f"n_{bloc}"] = float(len(got))
        rows.append(row)
        index.append(int(year))
    out = pd.DataFrame(rows, index=pd.Index(index, name="year"))
    for bloc in BLOCS:
        out[f"n_{bloc}"] = out[f"n_{bloc}"].astype("int64")
    return out
