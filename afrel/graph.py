"""The temporal relation graph: records in, networkx snapshots out.

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
"""

from __future__ import annotations

import calendar
import datetime
import itertools
from collections.abc import Iterable, Iterator, Mapping, Sequence
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Literal

import attrs

from afrel.dates import DateLike, query_day, to_partial, window
from afrel.errors import DataError, Problem, UnknownActorError, close_matches
from afrel.index import IntervalIndex
from afrel.kinds import EventKind, RelationKind, coerce
from afrel.model import Actor, Event, Leader, Period, Relation, Source

if TYPE_CHECKING:
    import networkx as nx
    import numpy as np
    import numpy.typing as npt

__all__ = ["RelationGraph", "Step"]

Step = Literal["year", "month", "day"] | datetime.timedelta
"""A step between snapshots: a calendar year or month, a day, or a fixed :class:`~datetime.timedelta`."""


def _attrs_of(record: Actor | Relation) -> dict[str, Any]:
    return {a.name: getattr(record, a.name) for a in attrs.fields(type(record))}


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
        self._actor_list = _records(actors, Actor, "actors")
        self._relation_list = _records(relations, Relation, "relations")
        self._event_list = _records(events, Event, "events")
        self._source_list = _records(sources, Source, "sources")
        period_input = _records(periods, Period, "periods")
        self._period_list = tuple(sorted(period_input, key=lambda p: (p.lo, p.hi)))
        self._leader_list = _records(leaders, Leader, "leaders")
        self._inputs: dict[str, tuple[Any, ...]] = {
            "actors": self._actor_list,
            "relations": self._relation_list,
            "events": self._event_list,
            "sources": self._source_list,
            "periods": period_input,
            "leaders": self._leader_list,
        }

        problems: list[Problem] = []
        self._actors = _by_id(self._actor_list, "actors", problems)
        self._relations = _by_id(self._relation_list, "relations", problems)
        self._events = _by_id(self._event_list, "events", problems)
        self._sources = _by_id(self._source_list, "sources", problems)
        self._periods = _by_id(self._period_list, "periods", problems)
        self._leaders = _by_id(self._leader_list, "leaders", problems)
        known = self._actors
        for r in self._relation_list:
            for col, ref in (("source", r.source), ("target", r.target)):
                if ref not in known:
                    problems.append(_ref_problem("relation", r.id, col, ref, known))
        for e in self._event_list:
            for ref in e.actors:
                if ref not in known:
                    problems.append(_ref_problem("event", e.id, "actors", ref, known))
        for ld in self._leader_list:
            if ld.actor not in known:
                problems.append(_ref_problem("leader", ld.id, "actor", ld.actor, known))
        if problems:
            raise DataError(problems)

        import numpy as np

        actor_pos = {a.id: i for i, a in enumerate(self._actor_list)}
        a_lo = np.fromiter((a.lo for a in self._actor_list), dtype=np.int64, count=len(self._actor_list))
        a_hi = np.fromiter((a.hi for a in self._actor_list), dtype=np.int64, count=len(self._actor_list))
        # an actor exists on one or more spans (more when its existence was interrupted); the
        # actor index holds spans, and _span_actor maps a span back to its actor
        spans = [(i, lo, hi) for i, a in enumerate(self._actor_list) for lo, hi in a.spans]
        self._span_actor = np.fromiter((i for i, _, _ in spans), dtype=np.int64, count=len(spans))
        s_lo = np.fromiter((lo for _, lo, _ in spans), dtype=np.int64, count=len(spans))
        s_hi = np.fromiter((hi for _, _, hi in spans), dtype=np.int64, count=len(spans))
        n = len(self._relation_list)
        src = np.fromiter((actor_pos[r.source] for r in self._relation_list), dtype=np.int64, count=n)
        tgt = np.fromiter((actor_pos[r.target] for r in self._relation_list), dtype=np.int64, count=n)
        r_lo = np.fromiter((r.lo for r in self._relation_list), dtype=np.int64, count=n)
        r_hi = np.fromiter((r.hi for r in self._relation_list), dtype=np.int64, count=n)
        # clip each relation to the existence of both its actors (see the module docstring)
        r_lo = np.maximum(r_lo, np.maximum(a_lo[src], a_lo[tgt]))
        r_hi = np.minimum(r_hi, np.minimum(a_hi[src], a_hi[tgt]))
        _clip_to_gaps(self._relation_list, self._actors, r_lo, r_hi, problems)
        if problems:
            raise DataError(problems)
        self._actor_index = IntervalIndex(s_lo, s_hi)
        self._relation_index = IntervalIndex(r_lo, r_hi)
        self._edge_attrs: list[dict[str, Any]] | None = None
        self._node_attrs: list[dict[str, Any]] | None = None
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

    def records(self, kind: str) -> tuple[Any, ...]:
        """Every record of one kind, in input order (the order :func:`afrel.write` keeps).

        Parameters
        ----------
        kind : str
            ``"actors"``, ``"relations"``, ``"events"``, ``"sources"``, ``"periods"`` or ``"leaders"``.
        """
        try:
            return self._inputs[kind]
        except KeyError:
            raise ValueError(f"records() takes one of {', '.join(map(repr, self._inputs))}; got {kind!r}") from None

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
            With close matches, when no actor has this id.
        """
        try:
            actor: Actor = self._actors[actor_id]
        except KeyError:
            raise UnknownActorError(actor_id, close_matches(actor_id, self._actors)) from None
        return actor

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

    def period(self, day: DateLike) -> Period | None:
        """The era a day falls in, or None."""
        t = query_day(day)
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
            positions = self._relation_index.stab(query_day(active_at)).tolist()
        elif between is not None:
            positions = self._relation_index.overlap(*window(*between)).tolist()
        else:
            positions = range(len(self._relation_list))
        out = []
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
            out.append(r)
        out.sort(key=lambda r: (r.lo, r.hi, r.id))
        return out

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

    def _ensure_attrs(self) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        if self._edge_attrs is None or self._node_attrs is None:
            self._node_attrs = [_attrs_of(a) for a in self._actor_list]
            self._edge_attrs = [_attrs_of(r) for r in self._relation_list]
        return self._node_attrs, self._edge_attrs

    def _graph(self, nodes: Iterable[int], edges: Iterable[int], **graph_attrs: str) -> nx.MultiDiGraph:
        """A new MultiDiGraph of these actors and relations, each with a copy of its attributes.

        The adjacency dicts are filled directly rather than through ``add_edge``: every endpoint
        is among ``nodes`` (relations are clipped to their actors' lifetimes), so none of
        ``add_edge``'s checks apply, and this is the hot path of ``at`` and ``snapshots``.
        ``tests/test_graph.py`` checks the result against graphs built with ``add_edge``.
        """
        import networkx as nx

        node_attrs, edge_attrs = self._ensure_attrs()
        actors, relations = self._actor_list, self._relation_list
        G: nx.MultiDiGraph = nx.MultiDiGraph(**graph_attrs)
        node, succ, pred = G._node, G._succ, G._pred
        for i in nodes:
            aid = actors[i].id
            node[aid] = node_attrs[i].copy()
            succ[aid] = {}
            pred[aid] = {}
        for i in edges:
            _put_edge(succ, pred, relations[i], edge_attrs[i])
        return G

    def at(self, day: DateLike) -> nx.MultiDiGraph:
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
        return self._graph(
            self._span_actor[self._actor_index.stab(t)].tolist(),
            self._relation_index.stab(t).tolist(),
            date=datetime.date.fromordinal(t).isoformat(),
        )

    def during(self, start: DateLike, end: DateLike) -> nx.MultiDiGraph:
        """Every actor and relation present at some time in a window, both bounds included.

        ``g.during("1978", "1990")`` covers 1 January 1978 through 31 December 1990.
        """
        lo, hi = window(start, end)
        first = datetime.date.fromordinal(lo).isoformat()
        last = datetime.date.fromordinal(hi - 1).isoformat()
        return self._graph(
            sorted(set(self._span_actor[self._actor_index.overlap(lo, hi)].tolist())),
            self._relation_index.overlap(lo, hi).tolist(),
            window=f"{first}/{last}",
        )

    def snapshots(
        self, start: DateLike, end: DateLike, step: Step = "year", *, copy: bool = False
    ) -> Iterator[tuple[datetime.date, nx.MultiDiGraph]]:
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
        days = _days(start, end, step)
        if not days:
            return
        if copy:
            yield from self._walk_copies(days)
        else:
            yield from self._walk_in_place(days)

    def _sorted_bounds(
        self, index: IntervalIndex
    ) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64], npt.NDArray[np.int64], npt.NDArray[np.int64]]:
        import numpy as np

        by_lo = np.argsort(index.lo, kind="stable")
        by_hi = np.argsort(index.hi, kind="stable")
        return by_lo, index.lo[by_lo], by_hi, index.hi[by_hi]

    def _changes(
        self, index: IntervalIndex, days: Sequence[int], owner: npt.NDArray[np.int64] | None = None
    ) -> Iterator[tuple[list[int], list[int]]]:
        """For each consecutive pair of days, what ends (was active) and what starts (stays active).

        With ``owner``, positions are mapped through it (actor spans to actors); spans of one
        actor never overlap, so an actor ends or starts at most once between two days.
        """
        import numpy as np

        by_lo, lo_sorted, by_hi, hi_sorted = self._sorted_bounds(index)
        lo, hi = index.lo, index.hi
        for prev, t in itertools.pairwise(days):
            a, b = np.searchsorted(hi_sorted, [prev, t], side="right")
            ended = by_hi[a:b]
            ended = ended[lo[ended] <= prev]
            a, b = np.searchsorted(lo_sorted, [prev, t], side="right")
            started = by_lo[a:b]
            started = started[hi[started] > t]
            if owner is not None:
                ended, started = owner[ended], owner[started]
                both = np.intersect1d(ended, started)  # one gap fully between two days: no change
                if both.size:
                    ended, started = np.setdiff1d(ended, both), np.setdiff1d(started, both)
            yield ended.tolist(), started.tolist()

    def _walk_in_place(self, days: Sequence[int]) -> Iterator[tuple[datetime.date, nx.MultiDiGraph]]:
        node_attrs, edge_attrs = self._ensure_attrs()
        actors, relations = self._actor_list, self._relation_list
        first = datetime.date.fromordinal(days[0])
        G = self.at(first)
        yield first, G
        node, succ, pred = G._node, G._succ, G._pred
        node_changes = self._changes(self._actor_index, days, self._span_actor)
        edge_changes = self._changes(self._relation_index, days)
        for t, (gone_nodes, new_nodes), (gone_edges, new_edges) in zip(
            days[1:], node_changes, edge_changes, strict=True
        ):
            # the same bookkeeping as remove_edge/add_edge, without their checks (see _graph)
            for i in gone_edges:
                r = relations[i]
                keys = succ[r.source][r.target]
                del keys[r.id]
                if not keys:
                    del succ[r.source][r.target]
                    del pred[r.target][r.source]
            for i in gone_nodes:
                aid = actors[i].id
                if succ[aid] or pred[aid]:  # only if the user added edges to the yielded graph
                    G.remove_node(aid)
                else:
                    del node[aid], succ[aid], pred[aid]
            for i in new_nodes:
                aid = actors[i].id
                node[aid] = node_attrs[i].copy()
                succ[aid] = {}
                pred[aid] = {}
            for i in new_edges:
                _put_edge(succ, pred, relations[i], edge_attrs[i])
            cache = getattr(G, "__networkx_cache__", None)
            if cache:
                cache.clear()
            day = datetime.date.fromordinal(t)
            G.graph["date"] = day.isoformat()
            yield day, G

    def _walk_copies(self, days: Sequence[int]) -> Iterator[tuple[datetime.date, nx.MultiDiGraph]]:
        nodes = set(self._span_actor[self._actor_index.stab(days[0])].tolist())
        edges = set(self._relation_index.stab(days[0]).tolist())
        first = datetime.date.fromordinal(days[0])
        yield first, self._graph(sorted(nodes), sorted(edges), date=first.isoformat())
        node_changes = self._changes(self._actor_index, days, self._span_actor)
        edge_changes = self._changes(self._relation_index, days)
        for t, (gone_nodes, new_nodes), (gone_edges, new_edges) in zip(
            days[1:], node_changes, edge_changes, strict=True
        ):
            nodes.difference_update(gone_nodes)
            nodes.update(new_nodes)
            edges.difference_update(gone_edges)
            edges.update(new_edges)
            day = datetime.date.fromordinal(t)
            yield day, self._graph(sorted(nodes), sorted(edges), date=day.isoformat())


# --- helpers -------------------------------------------------------------------------------


def _put_edge(succ: dict[str, Any], pred: dict[str, Any], r: Relation, attrs: dict[str, Any]) -> None:
    """Add a relation's edge to MultiDiGraph adjacency dicts, as ``add_edge`` would."""
    out = succ[r.source]
    keys = out.get(r.target)
    if keys is None:
        keys = out[r.target] = pred[r.target][r.source] = {}
    keys[r.id] = attrs.copy()


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


def _by_id(records: Iterable[Any], label: str, problems: list[Problem]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for r in records:
        if r.id in out:
            problems.append(Problem("<records>", None, "id", f"{label}: duplicate id {r.id!r}"))
        else:
            out[r.id] = r
    return out


def _ref_problem(label: str, rid: str, column: str, ref: str, known: Mapping[str, Actor]) -> Problem:
    hint = close_matches(ref, known)
    extra = f"; did you mean {' or '.join(map(repr, hint))}?" if hint else ""
    return Problem("<records>", None, column, f"{label} {rid!r}: unknown actor {ref!r}{extra}")


def _kinds(kind: RelationKind | str | Iterable[RelationKind | str] | None) -> frozenset[RelationKind] | None:
    if kind is None:
        return None
    items = [kind] if isinstance(kind, str) else list(kind)
    return frozenset(coerce(RelationKind, k) for k in items)


def _add_months(day: datetime.date, months: int) -> datetime.date:
    total = day.year * 12 + day.month - 1 + months
    year, month = divmod(total, 12)
    month += 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _days(start: DateLike, end: DateLike, step: Step) -> list[int]:
    first = to_partial(start).first_day()
    last = to_partial(end).first_day()
    if last < first:
        raise ValueError(f"end {end} is before start {start}")
    out: list[int] = []
    if isinstance(step, datetime.timedelta):
        if step <= datetime.timedelta(0) or step.days * 86400 != step.total_seconds():
            raise ValueError(f"a timedelta step must be a positive whole number of days, got {step}")
        return list(range(first.toordinal(), last.toordinal() + 1, step.days))
    if step == "day":
        return list(range(first.toordinal(), last.toordinal() + 1))
    if step not in ("year", "month"):
        raise ValueError(f"step must be 'year', 'month', 'day' or a timedelta, got {step!r}")
    months = 12 if step == "year" else 1
    i = 0
    while True:
        day = _add_months(first, months * i)
        if day > last:
            return out
        out.append(day.toordinal())
        i += 1
