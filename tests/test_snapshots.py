"""The guard on afrel.snapshots, the one module that writes networkx's adjacency dicts directly.

Every snapshot it builds, one at a time or walking through time in place, must equal a graph
built through networkx's public API from a scan of the records, and keep networkx's own
invariants (``pred`` mirrors ``succ`` and shares its key dicts). Run this first when networkx
changes.
"""

from __future__ import annotations

import datetime
from typing import Any

import networkx as nx
import pytest

import afrel
from afrel.snapshots import attributes


def canon(G: nx.MultiDiGraph) -> tuple[Any, ...]:
    nodes = sorted((n, sorted(d.items())) for n, d in G.nodes(data=True))
    edges = sorted((u, v, k, sorted(d.items())) for u, v, k, d in G.edges(keys=True, data=True))
    return nodes, edges


def public_api_snapshot(g: afrel.RelationGraph, day: datetime.date) -> nx.MultiDiGraph:
    G = nx.MultiDiGraph(date=day.isoformat())
    alive = {a.id: a for a in g.records("actors") if a.holds_on(day)}
    G.add_nodes_from((aid, attributes(a)) for aid, a in alive.items())
    for r in g.records("relations"):
        if r.holds_on(day) and r.source in alive and r.target in alive:
            G.add_edge(r.source, r.target, key=r.id, **attributes(r))
    return G


def assert_networkx_invariants(G: nx.MultiDiGraph) -> None:
    assert set(G._succ) == set(G._pred) == set(G._node)
    for u, out in G._succ.items():
        for v, keys in out.items():
            assert keys, f"empty key dict {u}->{v}"
            assert G._pred[v][u] is keys
    for v, into in G._pred.items():
        for u in into:
            assert v in G._succ[u]


@pytest.mark.parametrize(
    ("start", "end", "step"), [("1919-07-01", "2026-07-01", "year"), ("1978-01-01", "1980-12-01", "month")]
)
def test_every_snapshot_equals_one_built_with_the_public_api(
    bundled: afrel.RelationGraph, start: str, end: str, step: afrel.dates.Step
) -> None:
    walked = 0
    for day, G in bundled.snapshots(start, end, step):
        assert_networkx_invariants(G)
        expected = public_api_snapshot(bundled, day)
        assert canon(G) == canon(expected), day
        assert G.graph == expected.graph
        walked += 1
    assert walked > 30


def test_a_snapshot_is_an_ordinary_mutable_graph(bundled: afrel.RelationGraph) -> None:
    G = bundled.at("1985-06-01")
    n = G.number_of_edges()
    G.add_edge("AFG", "PAK", key="new", kind="test")
    G.remove_edge("SUN", "AFG-DRA", key="int-sun-afg-dra-1979")
    assert G.number_of_edges() == n and "int-sun-afg-dra-1979" not in G["SUN"].get("AFG-DRA", {})
    assert_networkx_invariants(G)
    assert bundled.at("1985-06-01").has_edge("SUN", "AFG-DRA", "int-sun-afg-dra-1979")  # the graph is untouched
