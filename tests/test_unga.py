from __future__ import annotations

import csv
import datetime
import functools
import gzip
import math
import os
from collections import defaultdict
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

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


def test_the_package_reexports_each_module() -> None:
    from afrel.unga import measures, shipped, votes

    for module in (votes, measures, shipped):
        assert module.__doc__ and "one job" in module.__doc__
        for name in module.__all__:
            assert getattr(unga, name) is getattr(module, name), name
    assert set(unga.__all__) <= set(votes.__all__) | set(measures.__all__) | set(shipped.__all__)
