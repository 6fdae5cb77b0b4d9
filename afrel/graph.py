"""The relation graph: records, their lookups and the time arrays, answering questions about a day or a window.

:class:`RelationGraph` holds actors, relations, events, sources, periods and leaders, and answers
time queries. It is a container, not a god object: metrics, plots and exports are functions that
take it, or one of its snapshots, as their first argument.

Snapshots
---------
A snapshot is a plain :class:`networkx.MultiDiGraph`:

- one node per actor that exists on the day, keyed by actor id, with every actor field as a node
  attribute (``name``, ``kind``, ``state``, ``iso3``, ``start``, ...);
- one edge per relation that holds on the day, from ``source`` to ``target`` and keyed by the
  relation id, with every relation field as an edge attribute (``id``, ``kind``, ``sign``,
  ``intensity``, ``start``, ``end``, ``directed``, ``sources``, ...). An undirected relation is
  one edge with ``directed=False``;
- ``G.graph["date"]`` (ISO day of the snapshot) or ``G.graph["window"]`` (for :meth:`during`).

Attribute values keep their types: dates are :class:`~afrel.dates.PartialDate`, kinds are
enums (which compare equal to their strings), lists of ids are tuples.

A relation never shows outside the existence of its actors: when a bound given at year or month
precision reaches beyond an actor's existence (a tie "from 1978" with a government formed on
28 April 1978), the graph holds it only while both actors exist. The record itself is unchanged.

Layers
------
This module keeps the records, their lookups and the time arrays. Which records meet a day is
the job of :mod:`afrel.index`; building networkx graphs from them is the job of
:mod:`afrel.snapshots`; the rules records must follow are in :mod:`afrel.validation` (the graph
runs :func:`afrel.validation.identity`, the ones it needs to be built); stepping through time
is :func:`afrel.dates.days`.

Scope
-----
A query before the first dated record or after today is answered, but with a
:class:`~afrel.errors.ScopeWarning` naming the scope: the data cannot know that time, so an
empty or unchanging answer there says nothing about the world.
"""

from __future__ import annotations

import datetime
import warnings
from collections.abc import Iterable, Iterator, Mapping, Sequence
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Literal, overload

from afrel.dates import DateLike, Step, days, query_day, window
from afrel.errors import DataError, Problem, ScopeWarning, UnknownActorError, close_matches
from afrel.index import IntervalIndex
from afrel.kinds import EventKind, RelationKind, coerce
from afrel.model import Actor, Event, Leader, Period, Relation, Source
from afrel.schema import COLLECTIONS, Collection
from afrel.snapshots import SnapshotBuilder
from afrel.validation import identity

if TYPE_CHECKING:
    import networkx as nx
    import numpy as np
    import numpy.typing as npt

__all__ = ["RelationGraph", "Step"]


class RelationGraph:
    """Actors and dated relations, indexed for time queries.

    Parameters
    ----------
    actors : iterable of Actor
        Every actor a relation, event or leader refers to.
    relations : iterable of Relation
        The ties.
    events, sources, periods, leaders : iterable, optional
        The other records; periods are kept in start order.

    Raises
    ------
    DataError
        If two records of one kind share an id, or a relation, event or leader names an actor
        that is not among ``actors``. (:func:`afrel.check` runs the full set of rules.)
    TypeError
        If a collection holds something other than the expected records.

    Examples
    --------
    >>> import afrel
    >>> g = afrel.RelationGraph(
    ...     [afrel.Actor(id="AFG", name="Afghanistan", kind="state"),
    ...      afrel.Actor(id="IND", name="India", kind="state", start="1947-08-15")],
    ...     [afrel.Relation(id="r1", source="AFG", target="IND", kind="diplomatic",
    ...                     start="1947", sources=["s1"])])
    >>> snap = g.at("1950-06-01")
    >>> sorted(snap.nodes), list(snap.edges(keys=True))
    (['AFG', 'IND'], [('AFG', 'IND', 'r1')])
    >>> g.at("1947-03-01").number_of_edges()  # India did not yet exist
    0
    """

    def __init__(
        self,
        actors: Iterable[Actor],
        relations: Iterable[Relation],
        events: Iterable[Event] = (),
        sources: Iterable[Source] = (),
        periods: Iterable[Period] = (),
        leaders: Iterable[Leader] = (),
    ) -> None:
        self._actor_list: tuple[Actor, ...] = _records(actors, Actor, "actors")
        self._relation_list: tuple[Relation, ...] = _records(relations, Relation, "relations")
        self._event_list: tuple[Event, ...] = _records(events, Event, "events")
        self._source_list: tuple[Source, ...] = _records(sources, Source, "sources")
        period_input: tuple[Period, ...] = _records(periods, Period, "periods")
        self._period_list = tuple(sorted(period_input, key=lambda p: (p.lo, p.hi)))
        self._leader_list: tuple[Leader, ...] = _records(leaders, Leader, "leaders")
        inputs: dict[Collection, tuple[Any, ...]] = {
            "actors": self._actor_list,
            "relations": self._relation_list,
            "events": self._event_list,
            "sources": self._source_list,
            "periods": period_input,
            "leaders": self._leader_list,
        }
        self._inputs: dict[str, tuple[Any, ...]] = {key: inputs[key] for key in COLLECTIONS}
        problems = identity(self._inputs)
        if problems:
            raise DataError(problems)
        self._actors = {a.id: a for a in self._actor_list}
        self._relations = {r.id: r for r in self._relation_list}
        self._sources = {s.id: s for s in self._source_list}
        self._periods = {p.id: p for p in self._period_list}

        import numpy as np

        actor_pos = {a.id: i for i, a in enumerate(self._actor_list)}
        a_lo = np.fromiter((a.lo for a in self._actor_list), dtype=np.int64, count=len(self._actor_list))
        a_hi = np.fromiter((a.hi for a in self._actor_list), dtype=np.int64, count=len(self._actor_list))
        # an actor exists on one or more spans (more when its existence was interrupted); the
        # actor index holds spans, and span_actor maps a span back to its actor
        spans = [(i, lo, hi) for i, a in enumerate(self._actor_list) for lo, hi in a.spans]
        span_actor = np.fromiter((i for i, _, _ in spans), dtype=np.int64, count=len(spans))
        s_lo = np.fromiter((lo for _, lo, _ in spans), dtype=np.int64, count=len(spans))
        s_hi = np.fromiter((hi for _, _, hi in spans), dtype=np.int64, count=len(spans))
        n = len(self._relation_list)
        src = np.fromiter((actor_pos[r.source] for r in self._relation_list), dtype=np.int64, count=n)
        tgt = np.fromiter((actor_pos[r.target] for r in self._relation_list), dtype=np.int64, count=n)
        r_lo = np.fromiter((r.lo for r in self._relation_list), dtype=np.int64, count=n)
        r_hi = np.fromiter((r.hi for r in self._relation_list), dtype=np.int64, count=n)
        # each relation's rank in (start, end, id) order, the order relations() answers in
        ids = np.array([r.id for r in self._relation_list], dtype=str)
        self._chronological = np.empty(n, dtype=np.int64)
        self._chronological[np.lexsort((ids, r_hi, r_lo))] = np.arange(n)
        others: list[Event | Period | Leader] = [*self._event_list, *self._period_list, *self._leader_list]
        firsts = [int(r_lo.min())] if n else []
        self._first_day = min((*firsts, *(x.lo for x in others)), default=None)
        # clip each relation to the existence of both its actors (see the module docstring)
        r_lo = np.maximum(r_lo, np.maximum(a_lo[src], a_lo[tgt]))
        r_hi = np.minimum(r_hi, np.minimum(a_hi[src], a_hi[tgt]))
        _clip_to_gaps(self._relation_list, self._actors, r_lo, r_hi, problems)
        if problems:
            raise DataError(problems)
        self._relation_index = IntervalIndex(r_lo, r_hi)
        self._snapshots = SnapshotBuilder(
            self._actor_list, self._relation_list, IntervalIndex(s_lo, s_hi), span_actor, self._relation_index
        )
        self._state_of = {a.id: a.state for a in self._actor_list}

    # --- collections -----------------------------------------------------------------------

    @property
    def actors(self) -> Mapping[str, Actor]:
        """Actor id -> :class:`Actor`, in input order (read-only)."""
        return MappingProxyType(self._actors)

    @property
    def periods(self) -> tuple[Period, ...]:
        """The named eras, in chronological order."""
        return self._period_list

    @property
    def sources(self) -> Mapping[str, Source]:
        """Source id -> :class:`Source` (read-only)."""
        return MappingProxyType(self._sources)

    @property
    def leaders(self) -> tuple[Leader, ...]:
        """Terms in office, in input order."""
        return self._leader_list

    @overload
    def records(self, kind: Literal["actors"]) -> tuple[Actor, ...]: ...
    @overload
    def records(self, kind: Literal["relations"]) -> tuple[Relation, ...]: ...
    @overload
    def records(self, kind: Literal["events"]) -> tuple[Event, ...]: ...
    @overload
    def records(self, kind: Literal["sources"]) -> tuple[Source, ...]: ...
    @overload
    def records(self, kind: Literal["periods"]) -> tuple[Period, ...]: ...
    @overload
    def records(self, kind: Literal["leaders"]) -> tuple[Leader, ...]: ...
    @overload
    def records(self, kind: str) -> tuple[Actor | Relation | Event | Source | Period | Leader, ...]: ...

    def records(self, kind: str) -> tuple[Actor | Relation | Event | Source | Period | Leader, ...]:
        """Every record of one kind, in input order (the order :func:`afrel.write` keeps).

        Parameters
        ----------
        kind : str
            One of :data:`afrel.schema.COLLECTIONS`: ``"actors"``, ``"relations"``,
            ``"events"``, ``"sources"``, ``"periods"`` or ``"leaders"``.

        Examples
        --------
        >>> import afrel
        >>> afrel.load().records("periods")[0].id
        'p1919-independence'
        """
        try:
            return self._inputs[kind]
        except KeyError:
            raise ValueError(f"records() takes one of {', '.join(map(repr, COLLECTIONS))}; got {kind!r}") from None

    @property
    def scope(self) -> tuple[datetime.date, datetime.date] | None:
        """The days the data can speak for: its first dated record through today (None if empty).

        Examples
        --------
        >>> import afrel
        >>> afrel.load().scope[0]  # a 1916 event comes before independence
        datetime.date(1916, 1, 24)
        """
        if self._first_day is None:
            return None
        return datetime.date.fromordinal(self._first_day), datetime.date.today()

    def _check_scope(self, lo: int, hi: int) -> None:
        """Warn when a query's first days ``lo`` to ``hi`` (of its first and last bound) leave :attr:`scope`.

        A window ``("1990", "2026")`` asked in 2026 ends on 31 December, after today, but the
        year it names has begun: the test is on the first day of each bound.
        """
        if self._first_day is None:
            return
        today = datetime.date.today()
        if lo < self._first_day or hi > today.toordinal():
            first = datetime.date.fromordinal(self._first_day)
            asked = datetime.date.fromordinal(lo).isoformat()
            if hi != lo:
                asked += f" to {datetime.date.fromordinal(hi).isoformat()}"
            warnings.warn(
                f"{asked} reaches outside the data's scope ({first.isoformat()} to today, {today.isoformat()}): "
                "the records say nothing about that time",
                ScopeWarning,
                stacklevel=3,
            )

    def __len__(self) -> int:
        """Number of relations."""
        return len(self._relation_list)

    def __repr__(self) -> str:
        return (
            f"<RelationGraph: {len(self._actor_list)} actors, {len(self._relation_list)} relations, "
            f"{len(self._event_list)} events, {len(self._period_list)} periods>"
        )

    def actor(self, actor_id: str) -> Actor:
        """The actor with this id.

        Raises
        ------
        UnknownActorError
            When no actor has this id, suggesting the actor a name, alias or code stands for
            (``"USSR"``: did you mean ``'SUN'``?) or, failing that, close ids.

        Examples
        --------
        >>> import afrel
        >>> afrel.load().actor("USSR")
        Traceback (most recent call last):
        ...
        afrel.errors.UnknownActorError: unknown actor 'USSR'; did you mean 'SUN'?
        """
        try:
            actor: Actor = self._actors[actor_id]
        except KeyError:
            raise UnknownActorError(actor_id, self._suggest(actor_id)) from None
        return actor

    def _suggest(self, actor_id: object) -> list[str]:
        """Ids this graph holds that an unknown id may have meant (see :func:`afrel.names.suggest`)."""
        from afrel.names import suggest

        return suggest(actor_id, self) if isinstance(actor_id, str) else []

    def relation(self, relation_id: str) -> Relation:
        """The relation with this id (KeyError if none)."""
        try:
            relation: Relation = self._relations[relation_id]
        except KeyError:
            hint = close_matches(relation_id, self._relations)
            extra = f"; did you mean {' or '.join(map(repr, hint))}?" if hint else ""
            raise KeyError(f"unknown relation {relation_id!r}{extra}") from None
        return relation

    def _period_by_id(self, period_id: str) -> Period:
        try:
            period: Period = self._periods[period_id]
        except KeyError:
            hint = close_matches(period_id, self._periods)
            extra = f"; did you mean {' or '.join(map(repr, hint))}?" if hint else ""
            raise KeyError(f"unknown period {period_id!r}{extra}") from None
        return period

    def period(self, day_or_id: DateLike) -> Period | None:
        """An era by its id, or the era a day falls in (None when the day is in none).

        Parameters
        ----------
        day_or_id : str or date-like
            A period id (``"soviet-war"``), or a day (a partial date means its first day).

        Raises
        ------
        KeyError
            For a string that is neither a period id nor a date, with close ids.

        Examples
        --------
        >>> import afrel
        >>> g = afrel.load()
        >>> g.period("1985-06-01").id, g.period("p1919-independence").start
        ('p1978-dra-soviet-war', PartialDate(year=1919, month=2, day=28))
        """
        if isinstance(day_or_id, str) and day_or_id in self._periods:
            by_id: Period = self._periods[day_or_id]
            return by_id
        try:
            t = query_day(day_or_id)
        except ValueError:
            if isinstance(day_or_id, str):
                self._period_by_id(day_or_id)  # raises, with close ids
            raise
        self._check_scope(t, t)
        found: Period | None = next((p for p in self._period_list if p.lo <= t < p.hi), None)
        return found

    # --- queries ---------------------------------------------------------------------------

    def relations(
        self,
        *,
        actor: str | None = None,
        partner: str | None = None,
        kind: RelationKind | str | Iterable[RelationKind | str] | None = None,
        sign: int | None = None,
        active_at: DateLike | None = None,
        between: tuple[DateLike, DateLike] | None = None,
        period: Period | str | None = None,
    ) -> list[Relation]:
        """Relations matching every filter given, in chronological order (start, end, id).

        Parameters
        ----------
        actor : str, optional
            Relations with this actor at either end. A state id also matches its governments
            and movements (``"AFG"`` matches ``"AFG-DRA"``).
        partner : str, optional
            With ``actor``: only relations between the two (the same state rule applies).
        kind : RelationKind or str or iterable of them, optional
            Only these kinds.
        sign : int, optional
            ``1`` or ``-1``.
        active_at : date-like, optional
            Only relations holding on this day (a partial date means its first day).
        between : (date-like, date-like), optional
            Only relations holding at some time in this window (both bounds included).
        period : Period or str, optional
            Only relations holding at some time in this era (a :class:`Period` or its id).

        Examples
        --------
        >>> import afrel
        >>> g = afrel.load()
        >>> [r.id for r in g.relations(actor="AFG", partner="PAK", kind="diplomatic")]
        ['dip-afg-pak-1948', 'dip-afg-pak-1963', 'dip-afg-iea1-pak-1997']
        """
        if actor is not None:
            self.actor(actor)
        if partner is not None:
            self.actor(partner)
            if actor is None:
                raise ValueError("'partner' needs 'actor'")
        kinds = _kinds(kind)
        if sign is not None and sign not in (1, -1):
            raise ValueError(f"sign must be 1 or -1, got {sign!r}")
        if sum(x is not None for x in (active_at, between, period)) > 1:
            raise ValueError("give at most one of 'active_at', 'between' and 'period'")
        if period is not None:
            p = self._period_by_id(period) if isinstance(period, str) else period
            positions: Iterable[int] = self._relation_index.overlap(p.lo, p.hi).tolist()
        elif active_at is not None:
            t = query_day(active_at)
            self._check_scope(t, t)
            positions = self._relation_index.stab(t).tolist()
        elif between is not None:
            lo, hi = window(*between)
            self._check_scope(lo, query_day(between[1]))
            positions = self._relation_index.overlap(lo, hi).tolist()
        else:
            positions = range(len(self._relation_list))
        found: list[int] = []
        for i in positions:
            r = self._relation_list[i]
            if kinds is not None and r.kind not in kinds:
                continue
            if sign is not None and r.sign != sign:
                continue
            if actor is not None:
                if self._is(r.source, actor):
                    other = r.target
                elif self._is(r.target, actor):
                    other = r.source
                else:
                    continue
                if partner is not None and not self._is(other, partner):
                    continue
            found.append(i)
        if len(found) > 1:
            import numpy as np

            at = np.asarray(found)
            found = at[np.argsort(self._chronological[at])].tolist()
        return [self._relation_list[i] for i in found]

    def events(
        self,
        *,
        between: tuple[DateLike, DateLike] | None = None,
        actor: str | None = None,
        kind: EventKind | str | Iterable[EventKind | str] | None = None,
    ) -> list[Event]:
        """Events matching every filter given, in date order.

        Parameters
        ----------
        between : (date-like, date-like), optional
            Events whose date falls in this window, both bounds included (an event dated
            ``1979`` falls in any window that meets 1979).
        actor : str, optional
            Events involving this actor (a state also matches its governments).
        kind : EventKind or str or iterable of them, optional
            Only these kinds.
        """
        if actor is not None:
            self.actor(actor)
        kinds: frozenset[EventKind] | None = None
        if kind is not None:
            items = [kind] if isinstance(kind, str) else list(kind)
            kinds = frozenset(coerce(EventKind, k) for k in items)
        lo, hi = window(*between) if between is not None else (0, 10**9)
        out = [
            e
            for e in self._event_list
            if e.lo < hi
            and e.hi > lo
            and (kinds is None or e.kind in kinds)
            and (actor is None or any(self._is(a, actor) for a in e.actors))
        ]
        out.sort(key=lambda e: (e.lo, e.hi, e.id))
        return out

    def _is(self, actor_id: str, query: str) -> bool:
        return actor_id == query or self._state_of.get(actor_id) == query

    # --- snapshots -------------------------------------------------------------------------

    def at(self, day: DateLike) -> nx.MultiDiGraph[str]:
        """The network as of one day.

        Parameters
        ----------
        day : datetime.date, PartialDate or ISO string
            ``"1985-06-01"``, ``"1985-06"`` or ``"1985"`` (a partial date means its first day).

        Returns
        -------
        networkx.MultiDiGraph
            Actors existing that day and relations holding that day; see the module docstring
            for attribute names. Independent of the graph: change it freely.

        Examples
        --------
        >>> import afrel
        >>> snap = afrel.load().at("1985-06-01")
        >>> snap.graph["date"], snap.has_edge("SUN", "AFG-DRA")
        ('1985-06-01', True)
        """
        t = query_day(day)
        self._check_scope(t, t)
        return self._snapshots.at(t)

    def during(self, start: DateLike, end: DateLike) -> nx.MultiDiGraph[str]:
        """Every actor and relation present at some time in a window, both bounds included.

        ``g.during("1978", "1990")`` covers 1 January 1978 through 31 December 1990.
        """
        lo, hi = window(start, end)
        self._check_scope(lo, query_day(end))
        return self._snapshots.during(lo, hi)

    def snapshots(
        self, start: DateLike, end: DateLike, step: Step = "year", *, copy: bool = False
    ) -> Iterator[tuple[datetime.date, nx.MultiDiGraph[str]]]:
        """Walk time from ``start`` to ``end`` (included), yielding ``(day, snapshot)`` pairs.

        The walk is incremental: between two days it applies only the relations and actors
        that start or end in between, instead of rebuilding from scratch.

        Parameters
        ----------
        start, end : date-like
            First and last day (a partial date means its first day).
        step : "year", "month", "day" or datetime.timedelta
            Calendar steps keep the day of the month (clamped to the month's length: stepping
            by month from 31 January gives 28 or 29 February, then 31 March).
        copy : bool, default False
            **With copy=False one graph is yielded again and again, updated in place between
            days: read it (or copy it) before advancing the iterator, and don't modify it.**
            With copy=True every yielded graph is independent.

        Examples
        --------
        >>> import afrel
        >>> g = afrel.load()
        >>> war = "int-sun-afg-dra-1979"
        >>> [(d.year, s.has_edge("SUN", "AFG-DRA", war)) for d, s in g.snapshots("1978-07-01", "1990-07-01")][::4]
        [(1978, False), (1982, True), (1986, True), (1990, False)]
        """
        steps = days(start, end, step)
        if steps:
            self._check_scope(steps[0], steps[-1])
        return self._snapshots.walk(steps, copy=copy)


# --- helpers -------------------------------------------------------------------------------


def _clip_to_gaps(
    relations: Sequence[Relation],
    actors: Mapping[str, Actor],
    lo: npt.NDArray[np.int64],
    hi: npt.NDArray[np.int64],
    problems: list[Problem],
) -> None:
    """Clip, in place, relations whose imprecise bounds reach into a gap of one of their actors.

    A relation that starts in a gap starts when the gap ends; one that ends in a gap ends when
    it starts. A relation that spans a whole gap cannot be held by one interval: a problem.
    """
    gapped = {a.id for a in actors.values() if a.gaps}
    if not gapped:
        return
    for i, r in enumerate(relations):
        for end in (r.source, r.target):
            if end not in gapped:
                continue
            for gap in actors[end].gaps:
                if gap.lo <= lo[i] < gap.hi:
                    lo[i] = gap.hi
                if gap.lo < hi[i] <= gap.hi:
                    hi[i] = gap.lo
                if lo[i] < gap.lo and hi[i] > gap.hi:
                    problems.append(
                        Problem("<records>", None, "end", f"relation {r.id!r} spans the gap {gap} in {end}'s existence")
                    )
        if hi[i] < lo[i]:
            hi[i] = lo[i]


def _records(items: Iterable[Any], cls: type[Any], label: str) -> tuple[Any, ...]:
    if _is_frame(items):
        raise TypeError(
            f"{label}: got a pandas DataFrame; build {cls.__name__} records first, "
            f"for example with afrel.load() or [{cls.__name__}(**row) for row in df.to_dict('records')]"
        )
    if isinstance(items, str | bytes):
        raise TypeError(f"{label}: expected an iterable of {cls.__name__} records, got a string")
    out = tuple(items)
    for x in out:
        if not isinstance(x, cls):
            raise TypeError(f"{label}: expected {cls.__name__} records, got {type(x).__name__}")
    return out


def _is_frame(obj: object) -> bool:
    return type(obj).__name__ == "DataFrame" and hasattr(obj, "columns")


def _kinds(kind: RelationKind | str | Iterable[RelationKind | str] | None) -> frozenset[RelationKind] | None:
    if kind is None:
        return None
    items = [kind] if isinstance(kind, str) else list(kind)
    return frozenset(coerce(RelationKind, k) for k in items)
