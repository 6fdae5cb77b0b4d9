r"""Blocs and alignment: which camp an actor's ties, and its UN votes, lean to, year by year.

Blocs and camps
---------------
The ``nam`` and ``oic`` blocs are organisations: their members on a day are the states holding
an active ``membership`` relation to one of them, less those under an active ``suspension`` by
it. The organisations themselves count as part of their bloc.

The ``west`` and ``east`` blocs are the two *camps* of great-power rivalry, defined for every
era by :data:`CAMPS` (a :class:`Camp` says which organisations' members, which states, and which
states' treaty allies belong to a camp over a date range):

==============  ===========================================  ==========================================
era             west                                         east
==============  ===========================================  ==========================================
to April 1949   Britain, France, the United States           Soviet Russia / the USSR, Mongolia
1949-1991       NATO, SEATO, CENTO, ANZUS members, and the   Warsaw Pact and COMECON members, and the
                states with an alliance-level treaty          Soviet Union
                (``treaty`` of intensity 3) with the US
from 26 Dec     NATO and EU members, and US treaty allies    CSTO and SCO members, Russia and China
1991
==============  ===========================================  ==========================================

A state that one day belongs to both camps (none does in the bundled data) counts in neither.
Pass your own ``camps`` to change the definition; ``docs/measures.md`` argues this one.

Alignment from ties
-------------------
:func:`afrel.alignment` (module :mod:`afrel.align`) measures the focal state's ties with the two
camps.

Alignment from UN votes
-----------------------
:func:`un_bloc_agreement` averages a UN voting measure (agreement by default) between the focal
state and each bloc's members that year, from a table shaped like
:func:`afrel.unga.country_measures` (by default the table shipped with afrel, Afghanistan's).
"""

from __future__ import annotations

import datetime
import weakref
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Final

import attrs

from afrel.dates import DateLike, PartialDate, end_bound, query_day, start_bound, to_partial_or_none
from afrel.kinds import ActorKind, RelationKind

if TYPE_CHECKING:
    import pandas as pd

    from afrel.graph import RelationGraph

__all__ = [
    "BLOCS",
    "CAMPS",
    "SHIPPED_TABLE_ACTOR",
    "Camp",
    "bloc_members",
    "bloc_membership",
    "blocs_of",
    "camp_for",
    "camp_organisations",
    "scope",
    "un_bloc_agreement",
]

BLOCS: Final[Mapping[str, tuple[str, ...]]] = {
    "west": ("NATO", "ANZUS", "SEATO", "CENTO", "EU"),
    "east": ("WARSAW", "COMECON", "CSTO", "SCO"),
    "nam": ("NONALIGNED",),
    "oic": ("OIC",),
}
"""Bloc name -> every organisation that defines it in some era (the camps say which, when)."""

SHIPPED_TABLE_ACTOR: Final = "AFG"
"""The state whose UN votes the table shipped with afrel measures (:func:`afrel.unga.afghanistan_table`)."""

CAMP_BLOCS: Final = ("west", "east")
"""The blocs defined by :data:`CAMPS` rather than by organisations alone."""


@attrs.frozen
class Camp:
    """Who belongs to one camp (``west`` or ``east``) over a date range.

    Attributes
    ----------
    bloc : str
        ``"west"`` or ``"east"``.
    name : str
        What the camp is in this era, for tables and legends.
    start, end : PartialDate or None
        The days ``[start, end)`` this definition holds (None: open).
    organisations : tuple of str
        Members of these organisations belong to the camp (the organisations too).
    states : tuple of str
        These states belong to the camp while they exist.
    allies_of : tuple of str
        States holding an alliance-level treaty (``treaty`` of intensity 3) with one of these
        belong to the camp.
    note : str
        Why.
    """

    bloc: str
    name: str
    start: PartialDate | None = attrs.field(converter=to_partial_or_none)
    end: PartialDate | None = attrs.field(converter=to_partial_or_none)
    organisations: tuple[str, ...] = ()
    states: tuple[str, ...] = ()
    allies_of: tuple[str, ...] = ()
    note: str = ""

    def __attrs_post_init__(self) -> None:
        if self.bloc not in CAMP_BLOCS:
            raise ValueError(f"a camp's bloc is 'west' or 'east', got {self.bloc!r}")

    def holds_on(self, day: DateLike) -> bool:
        """Whether this definition applies on a day."""
        t = query_day(day)
        return start_bound(self.start) <= t < end_bound(self.end)


CAMPS: Final[tuple[Camp, ...]] = (
    Camp(
        "west",
        "Western powers",
        None,
        "1949-04-04",
        states=("GBR", "FRA", "USA"),
        note="Before NATO: Britain, whose protectorate Afghanistan left in 1919, and the Western powers of the day.",
    ),
    Camp(
        "east",
        "Soviet Russia and the USSR",
        None,
        "1949-04-04",
        states=("SUN", "MNG"),
        note="Before the Cold War pacts: the Soviet state and Mongolia, its one ally.",
    ),
    Camp(
        "west",
        "NATO, Western pacts and US allies",
        "1949-04-04",
        "1991-12-26",
        organisations=("NATO", "SEATO", "CENTO", "ANZUS"),
        allies_of=("USA",),
        note="The Cold War West: the US-led pacts and the states bound to the US by an alliance treaty.",
    ),
    Camp(
        "east",
        "Warsaw Pact and COMECON",
        "1949-04-04",
        "1991-12-26",
        organisations=("WARSAW", "COMECON"),
        states=("SUN",),
        note="The Soviet bloc: its military pact and its economic council.",
    ),
    Camp(
        "west",
        "NATO, EU and US allies",
        "1991-12-26",
        None,
        organisations=("NATO", "EU"),
        allies_of=("USA",),
        note="After the Soviet Union: NATO, the European Union and the US treaty allies.",
    ),
    Camp(
        "east",
        "Russia, China, CSTO and SCO",
        "1991-12-26",
        None,
        organisations=("CSTO", "SCO"),
        states=("RUS", "CHN"),
        note="After the Soviet Union: the Russian-led CSTO and the Russian-Chinese SCO "
        "(India and Pakistan from 2017, Iran from 2023).",
    ),
)
"""The two camps in every era (see the module docstring and ``docs/measures.md``)."""


def camp_for(bloc: str, day: DateLike, camps: Iterable[Camp] = CAMPS) -> Camp | None:
    """The definition of a camp that holds on a day (None if no camp of that bloc does).

    Examples
    --------
    >>> camp_for("east", "2010-07-01").name
    'Russia, China, CSTO and SCO'
    """
    found = [c for c in camps if c.bloc == bloc and c.holds_on(day)]
    if len(found) > 1:
        raise ValueError(f"camps overlap: {found[0].name!r} and {found[1].name!r} both define {bloc!r} on {day}")
    return found[0] if found else None


def bloc_members(g: RelationGraph, bloc: str, day: DateLike, *, camps: Iterable[Camp] = CAMPS) -> frozenset[str]:
    """The states in a bloc on a day (see the module docstring).

    Examples
    --------
    >>> import afrel
    >>> g = afrel.load()
    >>> east = bloc_members(g, "east", "1985-07-01")
    >>> sorted(east & {"SUN", "DDR", "POL", "CUB", "VNM", "FRA"})
    ['CUB', 'DDR', 'POL', 'SUN', 'VNM']
    >>> sorted(bloc_members(g, "east", "2010-07-01") & {"RUS", "CHN", "KAZ", "IND"})
    ['CHN', 'KAZ', 'RUS']
    """
    if bloc not in BLOCS:
        raise ValueError(f"unknown bloc {bloc!r}; choose one of {', '.join(BLOCS)}")
    if bloc not in CAMP_BLOCS:
        return _org_members(g, frozenset(o for o in BLOCS[bloc] if o in g.actors), day)
    camps = tuple(camps)
    mine = _camp_members(g, camp_for(bloc, day, camps), day)
    other = _camp_members(g, camp_for("east" if bloc == "west" else "west", day, camps), day)
    return mine - other


_ORG_MEMBERS: weakref.WeakKeyDictionary[RelationGraph, dict[tuple[frozenset[str], int], frozenset[str]]] = (
    weakref.WeakKeyDictionary()
)
"""Per graph (its records never change), the members of a set of organisations on a day."""


def _org_members(g: RelationGraph, orgs: frozenset[str], day: DateLike) -> frozenset[str]:
    cache = _ORG_MEMBERS.setdefault(g, {})
    key = (orgs, query_day(day))
    if key not in cache:
        cache[key] = _find_org_members(g, orgs, day)
    return cache[key]


def _find_org_members(g: RelationGraph, orgs: frozenset[str], day: DateLike) -> frozenset[str]:
    members: set[str] = set()
    suspended: set[str] = set()
    for r in g.relations(active_at=day, kind=(RelationKind.MEMBERSHIP, RelationKind.SUSPENSION)):
        if r.kind is RelationKind.MEMBERSHIP and r.target in orgs:
            members.add(r.source)
        elif r.kind is RelationKind.SUSPENSION and r.source in orgs:
            suspended.add(r.target)
    return frozenset(m for m in members - suspended if g.actors[m].kind is ActorKind.STATE)


def _camp_members(g: RelationGraph, camp: Camp | None, day: DateLike) -> frozenset[str]:
    if camp is None:
        return frozenset()
    members = set(_org_members(g, frozenset(o for o in camp.organisations if o in g.actors), day))
    t = datetime.date.fromordinal(query_day(day))
    members.update(s for s in camp.states if s in g.actors and g.actors[s].holds_on(t))
    for patron in camp.allies_of:
        if patron not in g.actors:
            continue
        for r in g.relations(actor=patron, kind=RelationKind.TREATY, active_at=day):
            if r.intensity == 3:
                members.update(a for a in (r.source, r.target) if g.actors[a].kind is ActorKind.STATE)
    return frozenset(members)


def camp_organisations(g: RelationGraph, bloc: str, day: DateLike, *, camps: Iterable[Camp] = CAMPS) -> frozenset[str]:
    """The organisations of a bloc that exist on a day (for camps: those of the camp of the day)."""
    if bloc in CAMP_BLOCS:
        camp = camp_for(bloc, day, tuple(camps))
        ids: Iterable[str] = camp.organisations if camp is not None else ()
    else:
        ids = BLOCS[bloc]
    t = query_day(day)
    return frozenset(o for o in ids if o in g.actors and g.actors[o].holds_on(datetime.date.fromordinal(t)))


def blocs_of(
    g: RelationGraph, day: DateLike, focus: str | None = None, *, camps: Iterable[Camp] = CAMPS
) -> dict[str, str]:
    """Every actor's group on a day: the input of the network figures and the explorer.

    Parameters
    ----------
    g : RelationGraph
        The graph.
    day : date-like
        The day (a year or month means its first day).
    focus : str, optional
        The focal state: it and its governments get the group ``"focus"``, its armed movements
        ``"movement"`` (see :func:`scope`), whatever their blocs.
    camps : iterable of Camp
        The definition of the ``west`` and ``east`` blocs.

    Returns
    -------
    dict
        Actor id -> ``"west"``, ``"east"``, ``"nam"`` or ``"oic"`` (the members of each bloc and
        the organisations that define it that day; an actor in several blocs gets the first in
        :data:`BLOCS` order, so a camp wins over the Non-Aligned), ``"focus"`` or
        ``"movement"``. Actors in no bloc are left out.

    Raises
    ------
    afrel.UnknownActorError
        If ``focus`` is not an actor of ``g``.

    See Also
    --------
    bloc_members : the members of one bloc.
    afrel.plot.network : draws a snapshot with these groups.

    Examples
    --------
    >>> import afrel
    >>> groups = blocs_of(afrel.load(), "1985-07-01", "AFG")
    >>> [groups.get(a) for a in ("SUN", "USA", "IND", "AFG-DRA", "MUJAHIDEEN", "WARSAW")]
    ['east', 'west', 'nam', 'focus', 'movement', 'east']
    """
    camps = tuple(camps)
    t = datetime.date.fromordinal(query_day(day))
    out: dict[str, str] = {}
    for bloc in BLOCS:
        for m in sorted(bloc_members(g, bloc, t, camps=camps) | camp_organisations(g, bloc, t, camps=camps)):
            out.setdefault(m, bloc)
    if focus is not None:
        own, movements = scope(g, focus)
        out.update(dict.fromkeys(own, "focus"))
        out.update(dict.fromkeys(movements, "movement"))
    return out


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


def scope(g: RelationGraph, actor: str) -> tuple[frozenset[str], frozenset[str]]:
    """A state with its governments, and, apart, its armed movements (the opposition).

    Every measure of "the focal actor" uses this one rule: the state and each government whose
    ``state`` it is act as one; its movements (the mujahideen, the Taliban insurgency) are
    actors of their own, whose ties count against the state.

    Examples
    --------
    >>> import afrel
    >>> own, movements = scope(afrel.load(), "AFG")
    >>> "AFG-DRA" in own, "MUJAHIDEEN" in movements, "MUJAHIDEEN" in own
    (True, True, False)
    """
    g.actor(actor)
    own = frozenset(
        a.id for a in g.actors.values() if a.id == actor or (a.state == actor and a.kind is ActorKind.GOVERNMENT)
    )
    opposition = frozenset(a.id for a in g.actors.values() if a.state == actor and a.kind is ActorKind.MOVEMENT)
    return own, opposition


def un_bloc_agreement(
    g: RelationGraph,
    years: Iterable[int] | None = None,
    *,
    actor: str | None = None,
    table: pd.DataFrame | None = None,
    camps: Iterable[Camp] = CAMPS,
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
    actor : str, optional
        The state whose votes the table measures (left out of every bloc). Required with
        ``table``; without it, the state of the table shipped with afrel (:data:`SHIPPED_TABLE_ACTOR`).
    table : pandas.DataFrame, optional
        Columns ``year``, ``partner`` and ``measure`` as from
        :func:`afrel.unga.country_measures` for ``actor``; by default the table shipped with
        afrel (:func:`afrel.unga.afghanistan_table`, only for its state).
    camps : iterable of Camp, default CAMPS
        The definition of the ``west`` and ``east`` blocs.
    measure : str, default "agreement"
        Which column to average (``agreement``, ``s_score``, ``kappa`` or ``pi``).

    Returns
    -------
    pandas.DataFrame
        Indexed by ``year``; one column per bloc (NaN where no member voted with the state),
        ``n_<bloc>`` with the number of members averaged, and ``east_west``, the UN-vote
        counterpart of the index from ties: ``(east - west) / (east + west)`` of the mean
        agreement (in [-1, 1]; +1 when the state agrees only with the East).

    Examples
    --------
    >>> import afrel
    >>> u = un_bloc_agreement(afrel.load(), [1985])
    >>> u.loc[1985, ["west", "east", "nam"]].round(2).tolist()
    [0.39, 0.92, 0.86]
    """
    import pandas as pd

    if table is None:
        actor = SHIPPED_TABLE_ACTOR if actor is None else actor
        if actor != SHIPPED_TABLE_ACTOR:
            raise ValueError(
                f"no UN table is shipped for {actor!r}: pass table=afrel.unga.country_measures(votes, {actor!r})"
            )
        from afrel.unga import afghanistan_table

        table = afghanistan_table()
    elif actor is None:
        raise ValueError(
            "say whose votes the table measures: actor='XXX', the state given to afrel.unga.country_measures"
        )
    g.actor(actor)
    camps = tuple(camps)
    if measure not in table.columns:
        raise ValueError(f"the table has no column {measure!r}; it has {', '.join(map(str, table.columns))}")
    by_year = {int(str(y)): grp.set_index("partner")[measure] for y, grp in table.groupby("year")}
    rows, index = [], []
    for year in sorted(by_year) if years is None else years:
        values = by_year.get(int(year))
        row: dict[str, float] = {}
        for bloc in BLOCS:
            members = bloc_members(g, bloc, _day(int(year), month_day), camps=camps) - {actor}
            got = values[values.index.isin(members)].dropna() if values is not None else pd.Series(dtype=float)
            row[bloc] = float(got.mean()) if len(got) else float("nan")
            row[f"n_{bloc}"] = float(len(got))
        rows.append(row)
        index.append(int(year))
    out = pd.DataFrame(rows, index=pd.Index(index, name="year"))
    for bloc in BLOCS:
        out[f"n_{bloc}"] = out[f"n_{bloc}"].astype("int64")
    total = out["east"] + out["west"]
    out["east_west"] = ((out["east"] - out["west"]) / total).where(total > 0)
    return out
