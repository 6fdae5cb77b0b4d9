"""afrel.sensitivity: a measure over the alternative datings of disputed records."""

from __future__ import annotations

import datetime
import itertools

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

import afrel
from afrel.dates import PartialDate, end_bound, start_bound
from afrel.sensitivity import datings

YEARS = range(1940, 1961)


def ties_per_year(g: afrel.RelationGraph) -> pd.Series:
    """The measure under test: relations holding on 1 July of each year."""
    return pd.Series({y: len(g.relations(active_at=datetime.date(y, 7, 1))) for y in YEARS}, dtype=float)


def brute(choices: list[list[tuple[PartialDate, PartialDate | None]]]) -> pd.DataFrame:
    """The reference: every combination of datings, counted straight from the intervals."""
    rows = []
    for combo in itertools.product(*choices):
        counts = {}
        for y in YEARS:
            t = datetime.date(y, 7, 1).toordinal()
            counts[y] = float(sum(start_bound(s) <= t < end_bound(e) for s, e in combo))
        rows.append(counts)
    frame = pd.DataFrame(rows)
    return pd.DataFrame({"base": frame.iloc[0], "low": frame.min(), "high": frame.max()})


def year(y: int) -> PartialDate:
    return PartialDate(y)


@st.composite
def disputed(draw: st.DrawFn, i: int) -> afrel.Relation:
    start = draw(st.integers(1940, 1958))
    end = draw(st.one_of(st.none(), st.integers(start, 1962)))
    alts = []
    for y in draw(st.lists(st.integers(1938, 1962), max_size=2, unique=True)):
        if y != start:
            alts.append(f"start={y}")
    if end is not None:
        for y in draw(st.lists(st.integers(1940, 1964), max_size=2, unique=True)):
            if y != end:
                alts.append(f"end={y}")
    return afrel.Relation(
        id=f"r{i}",
        source="AFG",
        target="IND",
        kind="treaty",
        start=str(start),
        end=None if end is None else str(end),
        certainty="disputed" if alts else "exact",
        alternatives=alts,
        sources=["s"],
    )


@pytest.mark.filterwarnings("ignore::afrel.ScopeWarning")  # days before the first record of the fixture
@given(st.integers(1, 4).flatmap(lambda n: st.tuples(*(disputed(i) for i in range(n)))))
def test_exhaustive_equals_brute_force(relations: tuple[afrel.Relation, ...]) -> None:
    actors = [afrel.Actor(id="AFG", name="A", kind="state"), afrel.Actor(id="IND", name="I", kind="state")]
    g = afrel.RelationGraph(actors, relations)
    band = afrel.sensitivity(g, ties_per_year, max_exhaustive=10_000)
    assert band.attrs["method"] == "exhaustive"
    expected = brute([datings(r) for r in relations])
    pd.testing.assert_frame_equal(band, expected, check_names=False, check_index_type=False)
    assert band.attrs["combinations"] == len(list(itertools.product(*(datings(r) for r in relations))))


def test_datings_drop_empty_intervals() -> None:
    r = afrel.Relation(
        id="r", source="AFG", target="IND", kind="treaty", start="1950", end="1955",
        certainty="disputed", alternatives=["start=1956", "end=1960"], sources=["s"],
    )  # fmt: skip
    assert [(str(s), str(e)) for s, e in datings(r)] == [("1950", "1955"), ("1950", "1960"), ("1956", "1960")]


@pytest.mark.filterwarnings("ignore::afrel.ScopeWarning")  # days before the first record of the fixture
def test_sampled_mode_is_reproducible_and_includes_the_corners() -> None:
    actors = [afrel.Actor(id="AFG", name="A", kind="state"), afrel.Actor(id="IND", name="I", kind="state")]
    relations = [
        afrel.Relation(
            id=f"r{i}",
            source="AFG",
            target="IND",
            kind="treaty",
            start="1950",
            end="1955",
            certainty="disputed",
            alternatives=["start=1945", "end=1958"],
            sources=["s"],
        )
        for i in range(6)
    ]
    g = afrel.RelationGraph(actors, relations)
    a = afrel.sensitivity(g, ties_per_year, samples=5, seed=3, max_exhaustive=10)
    b = afrel.sensitivity(g, ties_per_year, samples=5, seed=3, max_exhaustive=10)
    pd.testing.assert_frame_equal(a, b)
    assert a.attrs | {} == {
        "method": "sampled", "combinations": 4**6, "evaluated": 8, "disputed": 6, "skipped": 0, "seed": 3,
    }  # fmt: skip
    # the corners: all six start in 1945 (earliest), or all run to 1958 (latest)
    assert a.loc[1946, "high"] == 6 and a.loc[1957, "high"] == 6
    assert (a["low"] <= a["base"]).all() and (a["base"] <= a["high"]).all()


def test_a_measure_must_return_a_series(tiny: afrel.RelationGraph) -> None:
    with pytest.raises(ValueError, match="must return a pandas Series, got int"):
        afrel.sensitivity(tiny, lambda h: len(h))  # type: ignore[arg-type, return-value]


def test_a_cache_builds_each_dated_graph_once_for_several_measures() -> None:
    g = afrel.load()
    cache: dict[tuple[int, ...], afrel.RelationGraph] = {}
    first = afrel.sensitivity(g, lambda h: afrel.alignment(h, "AFG", [1930, 1985])["east_west"], samples=3, cache=cache)
    built = dict(cache)
    assert len(built) == first.attrs["evaluated"] - 1  # every dating but the recorded one
    second = afrel.sensitivity(g, lambda h: pd.Series({"n": float(len(h))}), samples=3, cache=cache)
    assert cache == built and all(cache[k] is built[k] for k in built)
    assert second.attrs["evaluated"] == first.attrs["evaluated"]
