from __future__ import annotations

import math

import pytest

import afrel
from afrel import Actor, Period, Relation, RelationGraph


@pytest.fixture
def g() -> RelationGraph:
    S = ["s"]
    return RelationGraph(
        [
            Actor(id="AFG", name="Afghanistan", kind="state"),
            Actor(id="AFG-X", name="Gov X", kind="government", state="AFG", start="1990"),
            Actor(id="REB", name="Rebels", kind="movement", state="AFG"),
            Actor(id="AAA", name="A", kind="state"),
            Actor(id="BBB", name="B", kind="state"),
            Actor(id="CCC", name="C", kind="state"),
        ],
        [
            Relation(id="r1", source="AFG", target="AAA", kind="diplomatic", start="1950", sources=S),
            Relation(id="r2", source="AFG", target="BBB", kind="diplomatic", start="1950", end="1979", sources=S),
            Relation(id="r3", source="CCC", target="AFG-X", kind="economic_aid", start="1995", sources=S),
            Relation(id="r4", source="AAA", target="AFG-X", kind="intervention", sign=-1, start="1995", sources=S),
            Relation(id="r5", source="CCC", target="REB", kind="armed_support", start="1970", sources=S),
        ],
        periods=[Period(id="p1", name="Early", start="1960", end="1970"), Period(id="p2", name="Late", start="2000")],
    )


def test_compare_periods(g: RelationGraph) -> None:
    c = afrel.compare_periods(g, "AFG", "p1", "p2").set_index("partner")
    assert c.loc["BBB", "status"] == "lost"
    assert c.loc["CCC", "status"] == "gained" and c.loc["CCC", "kinds_b"] == "economic_aid"
    assert c.loc["AAA", "status"] == "changed"
    assert c.loc["AAA", "kinds_b"] == "diplomatic;intervention" and c.loc["AAA", "sign_b"] == 0.0
    assert math.isnan(c.loc["BBB", "sign_b"])
    assert "REB" not in c.index  # the state's own movements are not partners
    same = afrel.compare_periods(g, "AFG", ("1960", "1965"), ("1966", "1969"))
    assert same.set_index("partner").loc["AAA", "status"] == "kept"
    with pytest.raises(KeyError, match="unknown period 'p9'"):
        afrel.compare_periods(g, "AFG", "p9", "p2")


def test_centrality_merges_governments(g: RelationGraph) -> None:
    c = afrel.centrality(g, [2001], focus="AFG").set_index("actor")
    assert c.loc["AFG", "degree"] == 3  # r1 plus r3 and r4 through its government
    assert c.loc["AFG", "degree_intervention"] == 1
    assert c.loc["AFG", "strength"] == 1 + 1 - 1
    assert set(c.index) == {"AFG", "AAA", "CCC"}
    assert 0 < c.loc["AFG", "eigenvector"] <= 1
    every = afrel.centrality(g, [2001])  # without a focus: every actor with a relation that year
    assert set(every.actor) >= {"AFG", "AAA", "CCC"} and (every.degree > 0).all()
    assert every.set_index("actor").loc["AFG", "degree"] == 3
    only = afrel.centrality(g, [1960, 2001], actors=["BBB"])
    assert only.degree.tolist() == [1, 0]
