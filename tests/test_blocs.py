from __future__ import annotations

import math

import pytest

import afrel
from afrel import Actor, Relation, RelationGraph


@pytest.fixture
def world() -> RelationGraph:
    S = ["s"]
    actors = [
        Actor(id="AFG", name="Afghanistan", kind="state"),
        Actor(id="AFG-DRA", name="DRA", kind="government", state="AFG", start="1978-04-28", end="1992-04-28"),
        Actor(id="MUJAHIDEEN", name="Mujahideen", kind="movement", state="AFG", start="1978", end="1992-04-28"),
        Actor(id="SUN", name="Soviet Union", kind="state", end="1991-12-26"),
        Actor(id="POL", name="Poland", kind="state"),
        Actor(id="USA", name="United States", kind="state"),
        Actor(id="JPN", name="Japan", kind="state"),
        Actor(id="WARSAW", name="Warsaw Pact", kind="organization", start="1955-05-14", end="1991-07-01"),
        Actor(id="NATO", name="NATO", kind="organization", start="1949-08-24"),
    ]
    relations = [
        Relation(
            id="m1", source="SUN", target="WARSAW", kind="membership", start="1955-05-14", end="1991-07-01", sources=S
        ),
        Relation(
            id="m2", source="POL", target="WARSAW", kind="membership", start="1955-05-14", end="1991-07-01", sources=S
        ),
        Relation(id="m3", source="USA", target="NATO", kind="membership", start="1949-08-24", sources=S),
        Relation(id="t1", source="USA", target="JPN", kind="treaty", start="1952-04-28", intensity=3, sources=S),
        Relation(id="d1", source="AFG", target="SUN", kind="diplomatic", start="1919", end="1991-12-26", sources=S),
        Relation(id="d2", source="AFG", target="USA", kind="diplomatic", start="1935", sources=S),
        Relation(
            id="i1",
            source="SUN",
            target="AFG-DRA",
            kind="intervention",
            start="1979-12",
            end="1989-02-15",
            intensity=3,
            sources=S,
        ),
        Relation(
            id="a1",
            source="USA",
            target="MUJAHIDEEN",
            kind="armed_support",
            start="1980",
            end="1992",
            intensity=3,
            sources=S,
        ),
        Relation(
            id="s1", source="WARSAW", target="POL", kind="suspension", start="1982", end="1983", sign=-1, sources=S
        ),
    ]
    return RelationGraph(actors, relations)


def test_bloc_members(world: RelationGraph) -> None:
    assert afrel.bloc_members(world, "east", "1985") == {"SUN", "POL"}
    assert afrel.bloc_members(world, "east", "1982-06") == {"SUN"}  # suspended
    assert afrel.bloc_members(world, "east", "1950") == frozenset()
    assert afrel.bloc_members(world, "west", "1985") == {"USA", "JPN"}  # NATO plus a US treaty ally
    with pytest.raises(ValueError, match="unknown bloc 'south'"):
        afrel.bloc_members(world, "south", "1985")
    m = afrel.bloc_membership(world, [1985])
    assert sorted(map(tuple, m[m.bloc != "nam"].values.tolist())) == [
        (1985, "east", "POL"),
        (1985, "east", "SUN"),
        (1985, "west", "JPN"),
        (1985, "west", "USA"),
    ]


def test_alignment_scores_and_index(world: RelationGraph) -> None:
    a = afrel.alignment(world, "AFG", [1970, 1985, 1995])
    # 1970: one diplomatic tie each way
    assert a.loc[1970, "east"] == 1.0 and a.loc[1970, "west"] == 1.0 and a.loc[1970, "east_west"] == 0.0
    # 1985: SUN supports the government (3 * 3 * +1) and arming the rebels counts against the US (-(3*3))
    assert a.loc[1985, "east"] == 1.0 + 9.0
    assert a.loc[1985, "west"] == 1.0 - 9.0
    assert a.loc[1985, "east_west"] == pytest.approx((10 - (-8)) / (10 + 8))
    # no Eastern bloc left in 1995
    assert math.isnan(a.loc[1995, "east"]) and math.isnan(a.loc[1995, "east_west"])
    assert math.isnan(a.loc[1985, "nam"])  # no NAM organisation in this graph
    w = afrel.alignment(world, "AFG", [1985], weights={"intervention": 0.0, "armed_support": 0.0})
    assert w.loc[1985, "east"] == 1.0 and w.loc[1985, "west"] == 1.0


@pytest.mark.parametrize("year", range(1950, 2026, 3))
def test_east_west_index_is_bounded(year: int, bundled: RelationGraph) -> None:
    value = afrel.alignment(bundled, "AFG", [year]).loc[year, "east_west"]
    assert math.isnan(value) or -1.0 <= value <= 1.0


def test_un_bloc_agreement_from_a_table(world: RelationGraph) -> None:
    import pandas as pd

    table = pd.DataFrame({"year": [1985, 1985, 1985], "partner": ["SUN", "POL", "USA"], "agreement": [0.9, 0.7, 0.2]})
    u = afrel.un_bloc_agreement(world, [1985], table=table)
    assert u.loc[1985, "east"] == pytest.approx(0.8) and u.loc[1985, "n_east"] == 2
    assert u.loc[1985, "west"] == pytest.approx(0.2) and u.loc[1985, "n_west"] == 1
    with pytest.raises(ValueError, match="no column 'kappa'"):
        afrel.un_bloc_agreement(world, [1985], table=table, measure="kappa")


def test_bundled_data_tells_the_cold_war_story(bundled: RelationGraph) -> None:
    a = afrel.alignment(bundled, "AFG", [1985])
    assert a.loc[1985, "east_west"] > 0.3  # the Soviet war years lean East
    u = afrel.un_bloc_agreement(bundled, [1985])
    assert u.loc[1985, "east"] > u.loc[1985, "west"] + 0.3
