from __future__ import annotations

import csv
import datetime
import functools
import gzip
import itertools
import math
import os
from collections import defaultdict
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

import afrel
from afrel import similarity, unga

FIXTURE = Path(__file__).parent / "fixtures" / "unga"
# the raw votes beside the repository, or wherever AFREL_UNGA points
SHARED_UNGA = Path(
    os.environ.get("AFREL_UNGA", Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "unga")
)
needs_shared = pytest.mark.skipif(
    not (SHARED_UNGA / "un_votes.csv.gz").is_file(),
    reason="the raw UN votes are not beside the repository (../shared/data/unga)",
)


@pytest.fixture(scope="module")
def small() -> pd.DataFrame:
    return unga.load_votes(FIXTURE)


def dyad(*args: Any, **kwargs: Any) -> pd.DataFrame:
    """dyad_measures on the fixture, whose years hold a few roll calls each."""
    return unga.dyad_measures(*args, min_roll_calls=1, **kwargs)


def country(*args: Any, **kwargs: Any) -> pd.DataFrame:
    return unga.country_measures(*args, min_roll_calls=1, **kwargs)


def test_years_with_too_few_roll_calls_are_not_measured(small: pd.DataFrame) -> None:
    assert unga.MIN_ROLL_CALLS == 10
    with pytest.raises(ValueError, match="cast no vote"):  # two votes a year in the fixture
        unga.country_measures(small, "AFG")
    assert set(country(small, "AFG").year) == {1971, 1991, 1992}
    assert set(unga.country_measures(small, "AFG", min_roll_calls=2).year) == {1971, 1992}  # 1991: one vote
    t = unga.afghanistan_table()
    assert {1951, 2020}.isdisjoint(set(t.year)) and t.year.max() == 2019
    assert unga.coverage(t) == (1946, 2019, [1951, 1964])


def test_load_maps_codes_with_their_quirks(small: pd.DataFrame) -> None:
    by = {(r.rcid, r.country): r.actor for r in small.itertuples()}
    assert by[(1, "China")] == "TWN"  # the Republic of China held the seat through 25 October 1971
    assert by[(2, "China")] == "CHN"
    assert by[(3, "Russia")] == "SUN"
    assert by[(4, "Russia")] == "RUS"
    assert by[(1, "Namibia")] == "NAM"  # 'NA' is Namibia, not a missing value
    assert by[(1, "Federal Republic of Germany")] == "DEU"
    assert by[(3, "Yemen Arab Republic")] == "YEM"
    assert list(small.columns[:10]) == [
        "rcid",
        "date",
        "year",
        "session",
        "important",
        "actor",
        "country",
        "country_code",
        "vote",
        "choice",
    ]
    assert small["important"].isna().sum() == 3  # rcid 4 is unmarked: kept unknown, not coerced to False
    assert small.loc[small.rcid == 5, "issue_hr"].all() and not small.loc[small.rcid == 4, "issue_hr"].any()


def test_dyad_measures_hand_computed(small: pd.DataFrame) -> None:
    d = dyad(small, "AFG", "DEU")
    row = d.loc[1971]
    assert row.n_votes == 2
    assert row.agreement == 0.0
    assert row.s_score == pytest.approx(-0.5)
    assert row.kappa == pytest.approx(-1 / 3)
    assert row.pi == pytest.approx(-0.6)
    r = dyad(small, "AFG", "RUS").loc[1992]
    assert (r.n_votes, r.agreement, r.s_score) == (2, 0.5, 0.5)
    assert r.kappa == pytest.approx(1 / 3)
    assert r.pi == pytest.approx(0.2)
    t = dyad(small, "AFG", "TWN").loc[1971]
    assert t.agreement == 1.0 and math.isnan(t.kappa) and math.isnan(t.pi)  # both always 'yes': undefined
    n = dyad(small, "AFG", "NAM")
    assert n.loc[1971].s_score == -1.0 and n.loc[1971].kappa == 0.0 and n.loc[1971].pi == -1.0


def test_filters(small: pd.DataFrame) -> None:
    assert dyad(small, "AFG", "RUS", important=True).loc[1992].agreement == 1.0
    assert dyad(small, "AFG", "RUS", issue="co").loc[1992].n_votes == 2
    assert dyad(small, "AFG", "RUS", issue="Human rights").loc[1992].n_votes == 1
    with pytest.raises(ValueError, match="unknown issue 'sports'"):
        dyad(small, "AFG", "RUS", issue="sports")
    with pytest.raises(ValueError, match="share no vote"):
        dyad(small, "TWN", "RUS")


def test_all_dyads_and_country_measures_agree(small: pd.DataFrame) -> None:
    long = unga.all_dyads(small, measure="kappa")
    assert list(long.columns) == ["year", "a", "b", "n_votes", "value"]
    assert (long.a < long.b).all()
    row = long[(long.year == 1971) & (long.a == "AFG") & (long.b == "DEU")].iloc[0]
    assert row.value == pytest.approx(-1 / 3)
    wide = country(small, "AFG")
    assert set(wide.partner[wide.year == 1992]) == {"RUS", "NAM"}
    with pytest.raises(ValueError, match="unknown measure"):
        unga.all_dyads(small, measure="cosine")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="load_votes"):
        unga.all_dyads([1, 2])  # type: ignore[arg-type]


def test_errors_name_the_file(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match=r"lacks un_votes\.csv\.gz"):
        unga.load_votes(tmp_path)
    for name in unga.FILES:
        (tmp_path / name).write_bytes((FIXTURE / name).read_bytes())
    with gzip.open(tmp_path / "un_votes.csv.gz", "at") as fh:
        fh.write("5,Atlantis,XX,yes\n5,Namibia,NA,maybe\n")
    with pytest.raises(afrel.DataError) as info:
        unga.load_votes(tmp_path / "un_votes.csv.gz")
    assert "un_votes.csv.gz:20: column 'vote': 'maybe' is not yes, abstain or no" in str(info.value)


def test_shipped_table_reads_back() -> None:
    t = unga.afghanistan_table()
    assert list(t.columns) == ["year", "partner", "n_votes", "agreement", "s_score", "kappa", "pi"]
    assert t.year.min() == 1946 and t.year.max() >= 2019
    assert "NAM" in set(t.partner)  # Namibia survives reading
    assert t.kappa.isna().any()  # undefined kappas are missing values, not zeros


# --- against the real data -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def real() -> pd.DataFrame:
    return unga.load_votes(SHARED_UNGA)


@needs_shared
def test_derived_table_is_reproduced_exactly(real: pd.DataFrame) -> None:
    from afrel.io import data_path

    text = unga.table_to_csv(unga.country_measures(real, "AFG"))
    assert text == (data_path() / unga.TABLE).read_text(encoding="utf-8")


@needs_shared
def test_afghanistan_vote_count(real: pd.DataFrame) -> None:
    assert (real.actor == "AFG").sum() == 5605


@functools.cache
def _raw_pairs() -> dict[tuple[int, str], dict[int, str]]:
    """(year, code) -> {rcid: vote}, read with the csv module alone."""
    with gzip.open(SHARED_UNGA / "un_roll_calls.csv.gz", "rt", newline="") as fh:
        year = {int(r["rcid"]): int(r["date"][:4]) for r in csv.DictReader(fh)}
    out: dict[tuple[int, str], dict[int, str]] = defaultdict(dict)
    with gzip.open(SHARED_UNGA / "un_votes.csv.gz", "rt", newline="") as fh:
        for r in csv.DictReader(fh):
            rc = int(r["rcid"])
            out[(year[rc], r["country_code"])][rc] = r["vote"]
    return out


@needs_shared
@pytest.mark.parametrize(
    ("a", "b", "code_a", "code_b", "year"),
    [
        ("AFG", "USA", "AF", "US", 1965),
        ("AFG", "SUN", "AF", "RU", 1985),
        ("AFG", "RUS", "AF", "RU", 2005),
        ("AFG", "PAK", "AF", "PK", 1998),
        ("AFG", "NAM", "AF", "NA", 2010),
        ("IND", "CHN", "IN", "CN", 1990),
    ],
)
def test_measures_recomputed_from_raw_rows(
    real: pd.DataFrame, a: str, b: str, code_a: str, code_b: str, year: int
) -> None:
    raw = _raw_pairs()
    va, vb = raw[(year, code_a)], raw[(year, code_b)]
    common = sorted(set(va) & set(vb))
    code = {"yes": 1, "abstain": 2, "no": 3}
    x = [code[va[r]] for r in common]
    y = [code[vb[r]] for r in common]
    n = len(common)
    agree = sum(p == q for p, q in zip(x, y, strict=False)) / n
    s = 1 - sum(abs(p - q) for p, q in zip(x, y, strict=False)) / n
    fa = [x.count(k) / n for k in (1, 2, 3)]
    fb = [y.count(k) / n for k in (1, 2, 3)]
    pe_k = sum(p * q for p, q in zip(fa, fb, strict=False))
    pe_p = sum(((p + q) / 2) ** 2 for p, q in zip(fa, fb, strict=False))
    got = unga.dyad_measures(real, a, b).loc[year]
    assert got.n_votes == n
    assert got.agreement == pytest.approx(agree)
    assert got.s_score == pytest.approx(s)
    assert got.kappa == pytest.approx((agree - pe_k) / (1 - pe_k))
    assert got.pi == pytest.approx((agree - pe_p) / (1 - pe_p))


def test_map_code_rejects_unknown() -> None:
    with pytest.raises(ValueError, match="unknown ISO 3166-1 alpha-2 code 'XX'"):
        unga.map_code("XX", "Atlantis", datetime.date(1990, 1, 1))
    with pytest.raises(ValueError, match="without a country code"):
        unga.map_code("", "Atlantis", datetime.date(1990, 1, 1))


def test_matrix_measures_equal_the_similarity_functions(small: pd.DataFrame) -> None:
    pivot = small.pivot_table(index="rcid", columns="actor", values="choice", aggfunc="first")
    for year, a, b in [(1971, "AFG", "DEU"), (1992, "AFG", "RUS"), (1992, "AFG", "NAM")]:
        rows = pivot.loc[small[small.year == year].rcid.unique(), [a, b]].dropna()
        x, y = rows[a].to_numpy(), rows[b].to_numpy()
        got = dyad(small, a, b).loc[year]
        assert got.agreement == pytest.approx(similarity.agreement(x, y))
        assert got.s_score == pytest.approx(similarity.s_score(x, y, levels=(1, 2, 3)))
        assert got.kappa == pytest.approx(similarity.cohen_kappa(x, y, levels=(1, 2, 3)))
        assert got.pi == pytest.approx(similarity.scotts_pi(x, y, levels=(1, 2, 3)))


# --- the vectorised measures against afrel.similarity, on random vote matrices ------------------

ACTORS = ("AFG", "IND", "PAK", "SUN", "USA")
ABSENT = 0  # a cell of the matrix where the member cast no vote


@st.composite
def vote_matrices(draw: st.DrawFn) -> tuple[list[int], list[list[int]]]:
    """(year of each roll call, one row of choices per member: 0 absent, 1 yes, 2 abstain, 3 no).

    Rows are drawn random, constant (one choice whenever present) or copied from an earlier row
    with some absences, so identical votes, single-choice pairs (kappa and pi undefined) and
    pairs without a common vote come up often.
    """
    n_calls = draw(st.integers(1, 12))
    years = draw(st.lists(st.sampled_from([1980, 1981]), min_size=n_calls, max_size=n_calls))
    cell = st.integers(0, 3)
    rows: list[list[int]] = []
    for _ in range(draw(st.integers(2, len(ACTORS)))):
        kind = draw(st.sampled_from(["random", "constant", "copy"]))
        if kind == "constant":
            choice = draw(st.integers(1, 3))
            present = draw(st.lists(st.booleans(), min_size=n_calls, max_size=n_calls))
            rows.append([choice if p else ABSENT for p in present])
        elif kind == "copy" and rows:
            source = rows[draw(st.integers(0, len(rows) - 1))]
            present = draw(st.lists(st.booleans(), min_size=n_calls, max_size=n_calls))
            rows.append([v if p else ABSENT for v, p in zip(source, present, strict=True)])
        else:
            rows.append(draw(st.lists(cell, min_size=n_calls, max_size=n_calls)))
    return years, rows


def votes_frame(years: list[int], rows: list[list[int]], order: list[int]) -> pd.DataFrame:
    """The matrix as load_votes returns votes: one row per vote cast, in the given order."""
    records = [
        (rcid, years[rcid], ACTORS[i], choice)
        for i, row in enumerate(rows)
        for rcid, choice in enumerate(row)
        if choice != ABSENT
    ]
    records = [records[k] for k in order if k < len(records)]
    frame = pd.DataFrame(records, columns=["rcid", "year", "actor", "choice"])
    return pd.DataFrame(
        {
            "rcid": frame["rcid"].astype("int64"),
            "year": frame["year"].astype("int64"),
            "important": pd.array([False] * len(frame), dtype="boolean"),
            "actor": pd.Categorical(frame["actor"], categories=sorted(set(frame["actor"]))),
            "choice": frame["choice"].astype("int8"),
        }
    )


def reference(x: list[int], y: list[int]) -> dict[str, float]:
    """afrel.similarity on one pair's common votes; NaN where a chance-corrected one is undefined."""
    out = {
        "agreement": similarity.agreement(x, y),
        "s_score": similarity.s_score(x, y, levels=(1, 2, 3)),
    }
    for name, fn in (("kappa", similarity.cohen_kappa), ("pi", similarity.scotts_pi)):
        if len(set(x) | set(y)) == 1:  # one and the same choice throughout: chance agreement is 1
            with pytest.raises(ValueError, match="undefined"):
                fn(x, y, levels=(1, 2, 3))
            out[name] = math.nan
        else:
            out[name] = fn(x, y, levels=(1, 2, 3))
    return out


def assert_same(got: float, want: float) -> None:
    if math.isnan(want):
        assert math.isnan(got)
    else:
        assert got == pytest.approx(want, abs=1e-9)


@given(vote_matrices(), st.randoms(use_true_random=False))
def test_vectorised_measures_equal_the_similarity_functions(
    matrix: tuple[list[int], list[list[int]]], rnd: Any
) -> None:
    years, rows = matrix
    order = list(range(sum(v != ABSENT for row in rows for v in row)))
    rnd.shuffle(order)  # the measures must not depend on the order of the rows
    votes = votes_frame(years, rows, order)

    expected: dict[tuple[int, str, str], tuple[int, dict[str, float]]] = {}
    for year in sorted(set(years)):
        calls = [r for r, y in enumerate(years) if y == year]
        for i, j in itertools.combinations(range(len(rows)), 2):
            common = [r for r in calls if rows[i][r] != ABSENT and rows[j][r] != ABSENT]
            if common:
                x, y = [rows[i][r] for r in common], [rows[j][r] for r in common]
                expected[(year, ACTORS[i], ACTORS[j])] = (len(common), reference(x, y))

    # every pair at once, one measure at a time
    for measure in unga.MEASURES:
        long = unga.all_dyads(votes, measure=measure)
        columns = zip(long.year, long.a, long.b, long.n_votes, long.value, strict=True)
        got = {(int(y), str(a), str(b)): (int(n), float(v)) for y, a, b, n, v in columns}
        assert got.keys() == expected.keys()
        for key, (n, value) in got.items():
            assert n == expected[key][0]
            assert_same(value, expected[key][1][measure])

    # one member against every other, every measure at once (the path of the shipped table)
    for actor in sorted(set(votes["actor"])):
        wide = unga.country_measures(votes, actor, min_roll_calls=1)
        mine = {k: v for k, v in expected.items() if actor in k[1:]}
        assert {(int(y), *sorted((actor, str(p)))) for y, p in zip(wide.year, wide.partner, strict=True)} == set(mine)
        for r in wide.to_dict("records"):
            n, want = mine[(int(r["year"]), *sorted((actor, str(r["partner"]))))]
            assert r["n_votes"] == n
            for measure in unga.MEASURES:
                assert_same(r[measure], want[measure])


def test_chance_corrected_measures_on_long_runs_are_not_mistaken_for_undefined() -> None:
    # 200,000 roll calls, one 'no' among them: chance agreement is within 1e-5 of 1, yet kappa
    # and pi are defined (both 0 here for kappa); only identical single-choice votes are NaN
    n = 200_000
    x = np.ones(n, dtype=np.int8)
    y = x.copy()
    y[0] = 3
    votes = pd.DataFrame(
        {
            "rcid": np.tile(np.arange(n, dtype=np.int64), 2),
            "year": np.full(2 * n, 1990, dtype=np.int64),
            "actor": pd.Categorical(["AFG"] * n + ["IND"] * n),
            "choice": np.concatenate([x, y]),
        }
    )
    got = unga.dyad_measures(votes, "AFG", "IND").loc[1990]
    assert got.kappa == pytest.approx(similarity.cohen_kappa(x, y, levels=(1, 2, 3)), abs=1e-9)
    assert got.pi == pytest.approx(similarity.scotts_pi(x, y, levels=(1, 2, 3)), abs=1e-9)
    assert not math.isnan(got.kappa) and not math.isnan(got.pi)


def test_the_package_reexports_each_module() -> None:
    from afrel.unga import measures, shipped, votes

    for module in (votes, measures, shipped):
        assert module.__doc__ and "one job" in module.__doc__
        for name in module.__all__:
            assert getattr(unga, name) is getattr(module, name), name
    assert set(unga.__all__) <= set(votes.__all__) | set(measures.__all__) | set(shipped.__all__)
