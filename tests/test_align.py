"""afrel.align: the East-West index from ties, its weightings and the camps of each era."""

from __future__ import annotations

import math

import pytest

import afrel
from afrel import RelationGraph
from afrel.align import partner_scores

ERAS = {"non-aligned": (1955, 1977), "Soviet war": (1980, 1988), "Islamic Republic": (2002, 2020)}


def test_index_by_hand(world: RelationGraph) -> None:
    a = afrel.alignment(world, "AFG", [1970, 1985, 1995])
    # 1970: camps of 3 (two states and a pact each, k = 3); one diplomatic tie each way
    assert a.loc[1970, "east"] == pytest.approx(1 / 3) and a.loc[1970, "west"] == pytest.approx(1 / 3)
    assert a.loc[1970, "east_west"] == 0.0
    # 1985: the Soviet Union supports the government (3 x 3) on top of its diplomatic tie;
    # arming the rebels counts against the United States (-(3 x 3))
    assert a.loc[1985, "east"] == pytest.approx(10 / 3) and a.loc[1985, "west"] == pytest.approx(-8 / 3)
    assert a.loc[1985, "east_west"] == pytest.approx(1.0)
    # 1995: no member of the post-1991 East in this graph
    assert a.loc[1995, "n_east"] == 0 and math.isnan(a.loc[1995, "east_west"])


def test_weightings(world: RelationGraph) -> None:
    counts = afrel.alignment(world, "AFG", [1985], weighting="counts")
    assert counts.loc[1985, "east"] == pytest.approx(2 / 3) and counts.loc[1985, "west"] == 0.0
    material = afrel.alignment(world, "AFG", [1970, 1985], weighting="material")
    assert math.isnan(material.loc[1970, "east_west"])  # no material tie with either camp
    assert material.loc[1985, "east"] == pytest.approx(3.0) and material.loc[1985, "west"] == pytest.approx(-3.0)
    custom = afrel.alignment(world, "AFG", [1985], weighting={"intervention": 0.0, "armed_support": 0.0})
    assert custom.loc[1985, "east_west"] == 0.0
    with pytest.raises(ValueError, match="unknown weighting 'breadth'; choose one of kinds, counts, material"):
        afrel.alignment(world, "AFG", [1985], weighting="breadth")


def test_each_kind_counts_once_per_partner() -> None:
    actors = [afrel.Actor(id="AFG", name="A", kind="state"), afrel.Actor(id="SUN", name="S", kind="state")]
    aid = [
        afrel.Relation(
            id=f"a{i}", source="SUN", target="AFG", kind="economic_aid", start="1955", intensity=i, sources=["s"]
        )
        for i in (1, 2, 3)
    ]
    scores = partner_scores(afrel.RelationGraph(actors, aid), "AFG", "1960")
    assert scores == {"SUN": 2.0 * 3}  # the strongest aid tie, once


def test_the_smaller_camp_sets_how_many_closest_partners_count() -> None:
    """A camp with more members does not win by numbers: each side counts its k closest partners."""
    S = ["s"]
    west = [afrel.Actor(id=c, name=c, kind="state") for c in ("USA", "GBR", "FRA")]
    actors = [afrel.Actor(id="AFG", name="A", kind="state"), afrel.Actor(id="SUN", name="S", kind="state"), *west]
    ties = [
        afrel.Relation(id=f"d{c.id}", source="AFG", target=c.id, kind="diplomatic", start="1930", sources=S)
        for c in west
    ]
    ties.append(afrel.Relation(id="dSUN", source="AFG", target="SUN", kind="diplomatic", start="1930", sources=S))
    a = afrel.alignment(afrel.RelationGraph(actors, ties), "AFG", [1935])
    assert a.loc[1935, "n_west"] == 3 and a.loc[1935, "n_east"] == 1
    assert a.loc[1935, "east_west"] == 0.0  # one tie each side, however many Western powers


def test_bundled_eras_under_every_weighting(bundled: RelationGraph) -> None:
    table = afrel.weighting_table(bundled, "AFG", ERAS)
    assert list(table.columns) == ["kinds", "counts", "material"]
    for name in table.columns:
        soviet, republic, nonaligned = (table.loc[e, name] for e in ("Soviet war", "Islamic Republic", "non-aligned"))
        assert soviet > 0.15 and republic < -0.15, name
        if name == "counts":
            # breadth alone: the monarchy had as many kinds of tie with its closest Western partners
            # as the Islamic Republic (docs/measures.md); depth (kinds, material) separates them
            assert abs(nonaligned - republic) < 0.1
        else:
            assert republic < nonaligned < soviet, name


def test_bundled_shift_around_the_soviet_intervention(bundled: RelationGraph) -> None:
    for name in ("kinds", "counts"):
        series = afrel.alignment(bundled, "AFG", range(1950, 2021), weighting=name)["east_west"]
        years = [c.year for c in afrel.change_points(series.dropna()) if c.size > 0.1]
        assert any(1978 <= y <= 1981 for y in years), (name, years)
