"""Building networkx snapshots from indexed records: the one module that knows networkx internals.

A snapshot is a plain :class:`networkx.MultiDiGraph` (see :mod:`afrel.graph` for its node, edge
and graph attributes). :class:`SnapshotBuilder` turns positions found by the time index
(:mod:`afrel.index`) into such graphs, one at a time or as an incremental walk through time.

Its hot paths fill networkx's adjacency dicts (``G._node``, ``G._succ``, ``G._pred``) directly
instead of calling ``add_node``/``add_edge``: every endpoint of an edge is among the nodes
(relations are clipped to their actors' existence before they are indexed), so none of
``add_edge``'s checks apply. ``tests/test_snapshots.py`` compares every snapshot with one built
through networkx's public API, and is the guard to run when networkx changes.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

import attrs

if TYPE_CHECKING:
    import networkx as nx
    import numpy as np
    import numpy.typing as npt

    from afrel.index import IntervalIndex
    from afrel.model import Actor, Relation

__all__ = ["SnapshotBuilder", "attributes"]


def attributes(record: Actor | Relation) -> dict[str, Any]:
    """A record's fields as a node or edge attribute dict (values keep their types).

    Examples
    --------
    >>> from afrel.model import Actor
    >>> attributes(Actor(id="AFG", name="Afghanistan", kind="state"))["kind"]
    <ActorKind.STATE: 'state'>
    """
    return {a.name: getattr(record, a.name) for a in attrs.fields(type(record))}


class SnapshotBuilder:
    """Snapshots of fixed actors and relations, from the time index over them.

    Parameters
    ----------
    actors, relations : sequence of Actor, sequence of Relation
        The records, in the order the indexes number them.
    actor_index : IntervalIndex
        The spans of existence of the actors (one or more per actor).
    span_actor : int64 array
        For each span of ``actor_index``, the position of its actor in ``actors``.
    relation_index : IntervalIndex
        The relations' intervals, already clipped to their actors' existence.
    """

    __slots__ = (
        "_actor_index",
        "_actors",
        "_edge_attrs",
        "_node_attrs",
        "_relation_index",
        "_relations",
        "_span_actor",
    )

    def __init__(
        self,
        actors: Sequence[Actor],
        relations: Sequence[Relation],
        actor_index: IntervalIndex,
        span_actor: npt.NDArray[np.int64],
        relation_index: IntervalIndex,
    ) -> None:
        self._actors = actors
        self._relations = relations
        self._actor_index = actor_index
        self._span_actor = span_actor
        self._relation_index = relation_index
        self._node_attrs: list[dict[str, Any]] | None = None
        self._edge_attrs: list[dict[str, Any]] | None = None

    def _attrs(self) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        if self._node_attrs is None or self._edge_attrs is None:
            self._node_attrs = [attributes(a) for a in self._actors]
            self._edge_attrs = [attributes(r) for r in self._relations]
        return self._node_attrs, self._edge_attrs

    def actors_at(self, t: int) -> list[int]:
        """Positions of the actors that exist on day ``t``, ascending."""
        found: list[int] = self._span_actor[self._actor_index.stab(t)].tolist()
        return found

    def build(self, nodes: Iterable[int], edges: Iterable[int], **graph_attrs: str) -> nx.MultiDiGraph[str]:
        """A new MultiDiGraph of these actors and relations, each with a copy of its attributes."""
        import networkx as nx

        node_attrs, edge_attrs = self._attrs()
        G: nx.MultiDiGraph[str] = nx.MultiDiGraph()
        G.graph.update(graph_attrs)
        node, succ, pred = _adjacency(G)
        for i in nodes:
            aid = self._actors[i].id
            node[aid] = node_attrs[i].copy()
            succ[aid] = {}
            pred[aid] = {}
        for i in edges:
            _put_edge(succ, pred, self._relations[i], edge_attrs[i])
        return G

    def at(self, t: int) -> nx.MultiDiGraph[str]:
        """The snapshot of day ``t`` (an ordinal)."""
        day = datetime.date.fromordinal(t).isoformat()
        return self.build(self.actors_at(t), self._relation_index.stab(t).tolist(), date=day)

    def during(self, lo: int, hi: int) -> nx.MultiDiGraph[str]:
        """Every actor and relation present at some time in ``[lo, hi)``."""
        first = datetime.date.fromordinal(lo).isoformat()
        last = datetime.date.fromordinal(hi - 1).isoformat()
        return self.build(
            sorted(set(self._span_actor[self._actor_index.overlap(lo, hi)].tolist())),
            self._relation_index.overlap(lo, hi).tolist(),
            window=f"{first}/{last}",
        )

    def walk(self, days: Sequence[int], *, copy: bool) -> Iterator[tuple[datetime.date, nx.MultiDiGraph[str]]]:
        """``(day, snapshot)`` for each day, applying only what changes between two days.

        With ``copy=False`` one graph is yielded again and again, updated in place; with
        ``copy=True`` every graph is new.
        """
        if not days:
            return
        if copy:
            yield from self._walk_copies(days)
        else:
            yield from self._walk_in_place(days)

    def _actor_changes(self, days: Sequence[int]) -> Iterator[tuple[list[int], list[int]]]:
        """:meth:`IntervalIndex.changes` of the actor spans, as actor positions.

        Spans of one actor never overlap, so an actor ends or starts at most once between two
        days; one that ends and starts again between them (a gap fully inside the step) does
        not change.
        """
        owner = self._span_actor
        for gone, new in self._actor_index.changes(days):
            ended = owner[gone].tolist()
            started = owner[new].tolist()
            both = set(ended) & set(started)
            if both:
                ended = [i for i in ended if i not in both]
                started = [i for i in started if i not in both]
            yield ended, started

    def _walk_in_place(self, days: Sequence[int]) -> Iterator[tuple[datetime.date, nx.MultiDiGraph[str]]]:
        node_attrs, edge_attrs = self._attrs()
        actors, relations = self._actors, self._relations
        first = datetime.date.fromordinal(days[0])
        G = self.at(days[0])
        yield first, G
        node, succ, pred = _adjacency(G)
        steps = zip(days[1:], self._actor_changes(days), self._relation_index.changes(days), strict=True)
        for t, (gone_nodes, new_nodes), (gone_edges, new_edges) in steps:
            # the same bookkeeping as remove_edge/add_edge, without their checks (module docstring)
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

    def _walk_copies(self, days: Sequence[int]) -> Iterator[tuple[datetime.date, nx.MultiDiGraph[str]]]:
        nodes = set(self.actors_at(days[0]))
        edges = set(self._relation_index.stab(days[0]).tolist())
        first = datetime.date.fromordinal(days[0])
        yield first, self.build(sorted(nodes), sorted(edges), date=first.isoformat())
        steps = zip(days[1:], self._actor_changes(days), self._relation_index.changes(days), strict=True)
        for t, (gone_nodes, new_nodes), (gone_edges, new_edges) in steps:
            nodes.difference_update(gone_nodes)
            nodes.update(new_nodes)
            edges.difference_update(gone_edges)
            edges.update(new_edges)
            day = datetime.date.fromordinal(t)
            yield day, self.build(sorted(nodes), sorted(edges), date=day.isoformat())


def _adjacency(G: nx.MultiDiGraph[str]) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
    """The node, successor and predecessor dicts behind a MultiDiGraph (not in its typed API)."""
    inside: Any = G
    return inside._node, inside._succ, inside._pred


def _put_edge(succ: dict[str, Any], pred: dict[str, Any], r: Relation, attrs: dict[str, Any]) -> None:
    """Add a relation's edge to MultiDiGraph adjacency dicts, as ``add_edge`` would."""
    out = succ[r.source]
    keys = out.get(r.target)
    if keys is None:
        keys = out[r.target] = pred[r.target][r.source] = {}
    keys[r.id] = attrs.copy()
