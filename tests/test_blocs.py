from __future__ import annotations

import math

import pytest

import afrel
from afrel import RelationGraph


def test_bloc_members(world: RelationGraph) -> None:
    assert afrel.bloc_members(world, "east", "1985") == {"SUN", "POL"}
    assert afrel.bloc_members(world, "east", "1982-06") == {"SUN"}  # suspended
    assert afrel.bloc_members(world, "east", "1950") == {"SUN"}  # the Soviet Union leads its camp before the pact
    assert afrel.bloc_members(world, "west", "1940") == {"USA"}  # the Western powers before NATO
    assert afrel.bloc_members(world, "west", "1985") == {"USA", "JPN"}  # NATO plus a US treaty ally
    assert afrel.bloc_members(world, "east", "1995") == frozenset()  # no CSTO, SCO, Russia or China here
    with pytest.raises(ValueError, match="unknown bloc 'south'"):
        afrel.bloc_members(world, "south", "1985")
    m = afrel.bloc_membership(world, [1985])
    assert sorted(map(tuple, m[m.bloc != "nam"].values.tolist())) == [
        (1985, "east", "POL"),
        (1985, "east", "SUN"),
        (1985, "west", "JPN"),
        (1985, "west", "USA"),
    ]


def test_camps_can_be_redefined(world: RelationGraph) -> None:
    camps = (
        afrel.Camp("west", "Japan alone", None, None, states=("JPN",)),
        afrel.Camp("east", "Poland", None, None, states=("POL",)),
    )
    assert afrel.bloc_members(world, "west", "1985", camps=camps) == {"JPN"}
    both = (*camps, afrel.Camp("east", "also Japan", "1980", None, states=("JPN",)))
    with pytest.raises(ValueError, match="camps overlap"):
        afrel.bloc_members(world, "east", "1985", camps=both)
    shared = (
        afrel.Camp("west", "W", None, None, states=("JPN", "USA")),
        afrel.Camp("east", "E", None, None, states=("JPN",)),
    )
    assert afrel.bloc_members(world, "west", "1985", camps=shared) == {"USA"}  # in both camps: in neither
    with pytest.raises(ValueError, match="'west' or 'east'"):
        afrel.Camp("south", "S", None, None)


def test_bundled_camps_in_every_era(bundled: RelationGraph) -> None:
    assert {"GBR", "FRA", "USA"} <= afrel.bloc_members(bundled, "west", "1930")
    assert afrel.bloc_members(bundled, "east", "1930") == {"SUN", "MNG"}
    assert {"RUS", "CHN", "KAZ", "TJK"} <= afrel.bloc_members(bundled, "east", "2010")
    assert {"IND", "PAK"} <= afrel.bloc_members(bundled, "east", "2018")  # SCO members from 2017
    assert {"USA", "DEU", "POL", "JPN"} <= afrel.bloc_members(bundled, "west", "2010")
    # (the two camps never share a member by construction: a state in both counts in neither, so
    # checking their intersection could not fail; specific members and non-members can)
    west, east = afrel.bloc_members(bundled, "west", "2010"), afrel.bloc_members(bundled, "east", "2010")
    assert "TUR" in west and {"BLR", "UZB"} <= east  # NATO; CSTO and SCO
    assert not {"AFG", "IRN"} & (west | east)  # in neither camp


def test_un_bloc_agreement_from_a_table(world: RelationGraph) -> None:
    import pandas as pd

    table = pd.DataFrame({"year": [1985, 1985, 1985], "partner": ["SUN", "POL", "USA"], "agreement": [0.9, 0.7, 0.2]})
    u = afrel.un_bloc_agreement(world, [1985], actor="AFG", table=table)
    assert u.loc[1985, "east"] == pytest.approx(0.8) and u.loc[1985, "n_east"] == 2
    assert u.loc[1985, "west"] == pytest.approx(0.2) and u.loc[1985, "n_west"] == 1
    with pytest.raises(ValueError, match="no column 'kappa'"):
        afrel.un_bloc_agreement(world, [1985], actor="AFG", table=table, measure="kappa")
    with pytest.raises(ValueError, match="say whose votes the table measures"):
        afrel.un_bloc_agreement(world, [1985], table=table)  # a table of another state must not pass for AFG's


def test_un_agreement_after_1991_has_an_eastern_camp(bundled: RelationGraph) -> None:
    u = afrel.un_bloc_agreement(bundled, [1985, 2010])
    assert u.loc[1985, "east"] > u.loc[1985, "west"] + 0.3
    assert u.loc[2010, "n_east"] >= 5 and not math.isnan(u.loc[2010, "east"])
    with pytest.raises(ValueError, match="no UN table is shipped for 'PAK'"):
        afrel.un_bloc_agreement(bundled, [1985], actor="PAK")


def test_blocs_of_groups_every_actor_and_marks_the_focal_state(world: RelationGraph) -> None:
    groups = afrel.blocs_of(world, "1985-07-01")
    assert groups == {"SUN": "east", "POL": "east", "WARSAW": "east", "USA": "west", "JPN": "west", "NATO": "west"}
    marked = afrel.blocs_of(world, "1985-07-01", "AFG")
    assert {a: marked[a] for a in ("AFG", "AFG-DRA", "MUJAHIDEEN")} == {
        "AFG": "focus",
        "AFG-DRA": "focus",
        "MUJAHIDEEN": "movement",
    }
    assert afrel.blocs_of(world, "1982-06-01", "AFG").get("POL") is None  # suspended from its pact that year
    focused_on_a_camp_member = afrel.blocs_of(world, "1985-07-01", "USA")
    assert focused_on_a_camp_member["USA"] == "focus"  # the focal state's own group wins over its camp
    with pytest.raises(KeyError, match="ZZZ"):
        afrel.blocs_of(world, "1985", "ZZZ")
