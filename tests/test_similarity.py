from __future__ import annotations

import csv
import gzip
import itertools
import math
import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any
from unittest import mock

import numpy as np
import pandas as pd
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from afrel import similarity
from afrel.similarity import agreement, cohen_kappa, kendall_tau_b, s_score, scotts_pi

try:
    from scipy import stats as scipy_stats
except ImportError:  # scipy is not a dependency: it only cross-checks kendall_tau_b when present
    scipy_stats = None

needs_scipy = pytest.mark.skipif(scipy_stats is None, reason="scipy is not installed (optional cross-check)")

# the raw votes beside the repository, or wherever AFREL_UNGA points
UNGA = Path(os.environ.get("AFREL_UNGA", Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "unga"))

# Signorino and Ritter (1999, Table 6): alliance portfolios of Germany and Russia in 1914 over
# the European states, coded 0 (no alliance) to 3 (defence pact), with each state's share of
# European capabilities. The same 20 rows are fpsim's example data set `gmyrus14`.
GMYRUS14 = [
    # state, syscap, gmy, rus
    ("GMY", 0.25, 3, 0),
    ("RUS", 0.21, 0, 3),
    ("UKG", 0.20, 0, 1),
    ("FRN", 0.08, 0, 3),
    ("AUH", 0.08, 3, 0),
    ("ITA", 0.05, 3, 1),
    ("BEL", 0.03, 0, 0),
    ("SPN", 0.03, 0, 0),
    ("TUR", 0.02, 0, 0),
    ("NTH", 0.01, 0, 0),
    ("SWD", 0.01, 0, 0),
    ("RUM", 0.01, 3, 0),
    ("POR", 0.01, 0, 0),
    ("SWZ", 0.01, 0, 0),
    ("GRC", 0.00, 0, 0),
    ("DEN", 0.00, 0, 0),
    ("YUG", 0.00, 0, 0),
    ("BUL", 0.00, 0, 0),
    ("NOR", 0.00, 0, 0),
    ("ALB", 0.00, 0, 0),
]
SYSCAP = [row[1] for row in GMYRUS14]
GMY = [row[2] for row in GMYRUS14]
RUS = [row[3] for row in GMYRUS14]


# --- fpsim's documented example outputs ------------------------------------------------------
# Expected numbers are the outputs printed in the reference manual of the R package fpsim
# (Steven V. Miller, version 0.1.0; man pages of srs(), cohenk(), spi() and taub(), and the
# author's blog post on weighting alliance ties that reproduces Signorino and Ritter's Table 6).
# fpsim's cohenk() is quadratically weighted by default (w_exp = 2), hence weights="quadratic".
# fpsim prints 7 significant digits, so the tolerance is 1e-8.


def test_fpsim_gmyrus14_s_score() -> None:
    # srs(gmyrus14$gmy, gmyrus14$rus, distances = 'absolute') -> 0.4
    assert s_score(GMY, RUS) == pytest.approx(0.4, abs=1e-12)
    # srs(..., distances = 'absolute', weights = gmyrus14$syscap) -> -0.46
    assert s_score(GMY, RUS, weights=SYSCAP) == pytest.approx(-0.46, abs=1e-12)


def test_fpsim_gmyrus14_chance_corrected() -> None:
    # cohenk(gmyrus14$gmy, gmyrus14$rus, levels = 0:3) -> -0.07758621
    assert cohen_kappa(GMY, RUS, weights="quadratic", levels=range(4)) == pytest.approx(-0.07758621, abs=1e-8)
    # spi(gmyrus14$gmy, gmyrus14$rus, levels = 0:3) -> -0.04477612
    assert scotts_pi(GMY, RUS, levels=range(4)) == pytest.approx(-0.04477612, abs=1e-8)
    # taub(gmyrus14$gmy, gmyrus14$rus) -> 0.03031695
    assert kendall_tau_b(GMY, RUS) == pytest.approx(0.03031695, abs=1e-8)


def _usamex46() -> tuple[list[int], list[int]]:
    """fpsim's `usamex46`: US and Mexican votes in 1946 on the roll calls both cast a vote on."""
    code = {"yes": 1, "abstain": 2, "no": 3}
    with gzip.open(UNGA / "un_roll_calls.csv.gz", "rt", newline="", encoding="utf-8") as f:
        rcids = {row["rcid"] for row in csv.DictReader(f) if row["date"].startswith("1946")}
    votes: dict[str, dict[int, int]] = {"US": {}, "MX": {}}
    with gzip.open(UNGA / "un_votes.csv.gz", "rt", newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["country_code"] in votes and row["rcid"] in rcids:
                votes[row["country_code"]][int(float(row["rcid"]))] = code[row["vote"]]
    both = sorted(votes["US"].keys() & votes["MX"].keys())
    return [votes["US"][r] for r in both], [votes["MX"][r] for r in both]


@pytest.mark.shared
@pytest.mark.skipif(not UNGA.is_dir(), reason="the UN votes in ../shared are absent")
def test_fpsim_usamex46() -> None:
    us, mx = _usamex46()
    assert len(us) == 38  # fpsim: "A data frame with 38 observations"
    # cohenk(usamex46$vote1, usamex46$vote2) -> -0.01222707
    assert cohen_kappa(us, mx, weights="quadratic") == pytest.approx(-0.01222707, abs=1e-8)
    # spi(usamex46$vote1, usamex46$vote2) -> -0.02775801
    assert scotts_pi(us, mx) == pytest.approx(-0.02775801, abs=1e-8)
    # taub(usamex46$vote1, usamex46$vote2) -> 0.01431261
    assert kendall_tau_b(us, mx) == pytest.approx(0.01431261, abs=1e-8)


# --- tiny cases computed by hand ----------------------------------------------------------------
# x = [1, 1, 2, 3, 3, 1], y = [1, 2, 2, 3, 1, 1]: 4 of 6 agree; x's shares (1/2, 1/6, 1/3), y's
# (1/2, 1/3, 1/6). Kappa: p_e = 13/36, (24/36 - 13/36) / (23/36) = 11/23. Linear: disagreement
# 1.5/6 observed, 4/9 expected -> 1 - 9/16 = 7/16. Quadratic: 1.25/6 and 25/72 -> 2/5.
# Pi: pooled shares (1/2, 1/4, 1/4), p_e = 3/8 -> (2/3 - 3/8) / (5/8) = 7/15.
# Tau-b: 6 concordant, 2 discordant, 4 pairs tied in x and 4 in y of 15 -> 4/11.
X6 = [1, 1, 2, 3, 3, 1]
Y6 = [1, 2, 2, 3, 1, 1]


@pytest.mark.parametrize(
    ("measure", "x", "y", "kwargs", "expected"),
    [
        (s_score, [1, 2, 3], [3, 2, 1], {}, -1 / 3),  # 1 - 2 * 4 / (3 * 2)
        (s_score, [1, 1], [3, 3], {}, -1.0),
        (s_score, [1, 1, 2], [2, 3, 2], {}, 0.0),  # 1 - 2 * 3 / (3 * 2)
        (s_score, [1, 1, 2], [2, 3, 2], {"distance": "squared"}, 1 / 6),  # 1 - 2 * 5 / (3 * 4)
        (s_score, [1, 1, 2], [2, 3, 2], {"weights": [0, 1, 3]}, 0.5),  # 1 - 2 * 2 / (4 * 2)
        (s_score, [1, 2, 1], [1, 1, 1], {}, 1 / 3),  # observed levels 1..2: d_max = 1
        (s_score, [1, 2, 1], [1, 1, 1], {"levels": (1, 2, 3)}, 2 / 3),
        (s_score, [3, 0, 1, 0], [3, 1, 1, 3], {"distance": "squared"}, 4 / 9),  # 1 - 2 * 10 / (4 * 9)
        (cohen_kappa, [1, 1, 1, 2], [1, 1, 2, 2], {}, 0.5),  # p_o = 3/4, p_e = 1/2
        (cohen_kappa, X6, Y6, {}, 11 / 23),
        (cohen_kappa, X6, Y6, {"weights": "linear"}, 7 / 16),
        (cohen_kappa, X6, Y6, {"weights": "quadratic"}, 2 / 5),
        (cohen_kappa, X6, Y6, {"levels": (0, 1, 2, 3, 4)}, 11 / 23),  # unused levels change nothing
        (cohen_kappa, [1, 1], [3, 3], {}, 0.0),  # p_o = p_e = 0
        (scotts_pi, X6, Y6, {}, 7 / 15),
        (scotts_pi, [1, 1, 1, 1], [3, 3, 3, 3], {}, -1.0),  # p_o = 0, p_e = 1/2
        (kendall_tau_b, X6, Y6, {}, 4 / 11),
        (kendall_tau_b, [1, 2, 3], [3, 2, 1], {}, -1.0),
        (kendall_tau_b, [1, 2, 1, 2], [2, 3, 2, 3], {}, 1.0),
        (agreement, [1, 1, 2, 3], [1, 2, 2, 1], {}, 0.5),
        (agreement, [1, 1, 2, 3], [1, 2, 2, 1], {"half_for_abstain": True}, 0.625),  # 1 + .5 + 1 + 0
        (agreement, [2, 2, 1, 3], [2, 3, 3, 1], {"half_for_abstain": True}, 0.375),  # 1 + .5 + 0 + 0
        (agreement, [0, 5, 5], [0, 5, 9], {"half_for_abstain": True, "abstain": 9}, 2.5 / 3),
        (agreement, [0, 5, 5], [0, 5, 9], {"abstain": 9}, 2 / 3),  # abstain alone changes nothing
    ],
)
def test_hand_computed(
    measure: Callable[..., float], x: list[int], y: list[int], kwargs: dict[str, Any], expected: float
) -> None:
    result = measure(x, y, **kwargs)
    assert type(result) is float
    assert result == pytest.approx(expected, abs=1e-12)


@pytest.mark.parametrize(
    "convert",
    [np.array, tuple, pd.Series, lambda v: np.array(v, dtype=np.int8), lambda v: np.array(v, dtype=float)],
)
def test_accepts_sequences_and_arrays(convert: Callable[[list[int]], Any]) -> None:
    x, y = convert(X6), convert(Y6)
    assert s_score(x, y) == pytest.approx(s_score(X6, Y6))
    assert cohen_kappa(x, y) == pytest.approx(11 / 23)
    assert scotts_pi(x, y) == pytest.approx(7 / 15)
    assert kendall_tau_b(x, y) == pytest.approx(4 / 11)
    assert agreement(x, y) == pytest.approx(4 / 6)


def test_boolean_portfolios() -> None:
    x, y = np.array([True, True, False, False]), np.array([True, False, False, False])
    assert agreement(x, y) == 0.75
    assert s_score(x, y) == pytest.approx(0.5)


# --- errors ------------------------------------------------------------------------------------
NAN = float("nan")


@pytest.mark.parametrize(
    ("measure", "x", "y", "kwargs", "match"),
    [
        (s_score, [], [], {}, "empty"),
        (agreement, [], [], {}, "empty"),
        (s_score, [1, 2], [1], {}, r"same length; got 2 and 1 items"),
        (kendall_tau_b, [1], [1, 2, 3], {}, r"same length; got 1 and 3 items"),
        (s_score, [1, NAN], [1, 2], {}, r"x has 1 missing or infinite value\(s\) \(first at position 1"),
        (cohen_kappa, [1, 2], [1, float("inf")], {}, "y has 1 missing or infinite"),
        (agreement, [1, 2], [NAN, NAN], {}, r"drop those items from both vectors"),
        (s_score, [1, 4], [1, 2], {"levels": (1, 2, 3)}, r"x has value\(s\) \[4\] outside levels \[1, 2, 3\]"),
        (cohen_kappa, [1, 2], [1, 0], {"levels": (1, 2, 3)}, r"y has value\(s\) \[0\] outside levels"),
        (scotts_pi, [1, 2], [1, 2], {"levels": (1,)}, r"x has value\(s\) \[2\] outside levels \[1\]"),
        (scotts_pi, [1, 2], [1, 2], {"levels": []}, "levels is empty"),
        (s_score, [1, 2], [1, NAN], {"levels": (1, 2)}, "missing or infinite"),
        (s_score, [1, 2], [1, 2], {"weights": [1, -0.5]}, r"non-negative, got -0.5 at position 1"),
        (s_score, [1, 2], [1, 2], {"weights": [0, 0]}, "weights are all zero"),
        (s_score, [1, 2], [1, 2], {"weights": [1, 2, 3]}, r"one value per item \(2\), got 3"),
        (s_score, [1, 2], [1, 2], {"weights": [1, NAN]}, "weights has 1 missing"),
        (
            s_score,
            [1, 2],
            [1, 2],
            {"distance": "euclidean"},
            "distance must be 'absolute' or 'squared', got 'euclidean'",
        ),
        (s_score, [2, 2], [2, 2], {}, "only one choice is possible"),
        (s_score, [2, 2], [2, 2], {"levels": (2,)}, r"pass levels= with all the values"),
        (cohen_kappa, [1, 2], [1, 2], {"weights": "squared"}, "weights must be None, 'linear' or 'quadratic'"),
        (cohen_kappa, [1, 1, 1], [1, 1, 1], {}, "Cohen's kappa is undefined: both vectors are 1 on every item"),
        (cohen_kappa, [3, 3], [3, 3], {"weights": "linear", "levels": (1, 2, 3)}, "chance agreement is 1"),
        (scotts_pi, [2, 2], [2, 2], {}, "Scott's pi is undefined: both vectors are 2 on every item"),
        (kendall_tau_b, [1, 1, 1], [1, 2, 3], {}, "tau-b is undefined: x makes the same choice on all 3 items"),
        (kendall_tau_b, [1, 2, 3], [2, 2, 2], {}, "tau-b is undefined: y makes the same choice"),
        (kendall_tau_b, [1], [2], {}, "tau-b is undefined"),
        (s_score, [[1, 2], [1, 2]], [[1, 2], [1, 2]], {}, r"x must be 1-d .* shape \(2, 2\)"),
        (s_score, 1, 1, {}, r"x must be 1-d"),
        (agreement, [1, 2], [1, 2], {"half_for_abstain": True, "abstain": NAN}, "abstain must be a finite number"),
    ],
)
def test_errors(measure: Callable[..., float], x: Any, y: Any, kwargs: dict[str, Any], match: str) -> None:
    with pytest.raises(ValueError, match=match):
        measure(x, y, **kwargs)


@pytest.mark.parametrize(
    ("x", "kwargs", "match"),
    [
        ("yes", {}, "x must be a 1-d sequence of numbers, got the string 'yes'"),
        (["yes", "no"], {}, "x must hold numbers .* got values of dtype <U3"),
        ([1, None], {}, "x must hold numbers"),
        ([1, 2], {"weights": "linear"}, "s_score weights must be one number per item, got the string 'linear'"),
    ],
)
def test_type_errors(x: Any, kwargs: dict[str, Any], match: str) -> None:
    with pytest.raises(TypeError, match=match):
        s_score(x, [1, 2], **kwargs)


# --- independent re-implementations, written as plain loops ------------------------------------


def ref_s(
    x: Sequence[float], y: Sequence[float], distance: str, weights: Sequence[float] | None, levels: Sequence[int]
) -> float:
    w = weights if weights is not None else [1.0] * len(x)
    span = max(levels) - min(levels)
    if distance == "squared":
        span = span**2
    total = 0.0
    for xi, yi, wi in zip(x, y, w, strict=True):
        d = abs(xi - yi) if distance == "absolute" else (xi - yi) ** 2
        total += wi * d
    return 1 - 2 * total / (sum(w) * span)


def _shares(x: list[int], y: list[int], levels: list[int]) -> tuple[list[list[float]], list[float], list[float]]:
    n = len(x)
    table = [[0.0] * len(levels) for _ in levels]
    for xi, yi in zip(x, y, strict=True):
        table[levels.index(xi)][levels.index(yi)] += 1 / n
    rows = [sum(table[j][k] for k in range(len(levels))) for j in range(len(levels))]
    cols = [sum(table[j][k] for j in range(len(levels))) for k in range(len(levels))]
    return table, rows, cols


def ref_kappa(x: list[int], y: list[int], weights: str | None, levels: list[int]) -> float:
    table, rows, cols = _shares(x, y, levels)
    span = max(levels) - min(levels)
    observed = expected = 0.0
    for j, lj in enumerate(levels):
        for k, lk in enumerate(levels):
            if weights is None:
                v = 0.0 if j == k else 1.0
            elif weights == "linear":
                v = abs(lj - lk) / span
            else:
                v = (abs(lj - lk) / span) ** 2
            observed += v * table[j][k]
            expected += v * rows[j] * cols[k]
    return 1 - observed / expected


def ref_pi(x: list[int], y: list[int]) -> float:
    n = len(x)
    p_o = sum(1 for xi, yi in zip(x, y, strict=True) if xi == yi) / n
    p_e = 0.0
    for level in set(x) | set(y):
        p_e += ((x.count(level) + y.count(level)) / (2 * n)) ** 2
    return (p_o - p_e) / (1 - p_e)


def ref_tau(x: Sequence[float], y: Sequence[float]) -> float:
    concordant = discordant = only_x = only_y = 0
    for i, j in itertools.combinations(range(len(x)), 2):
        dx, dy = x[i] - x[j], y[i] - y[j]
        if dx == 0 and dy == 0:
            continue
        if dx == 0:
            only_x += 1
        elif dy == 0:
            only_y += 1
        elif (dx > 0) == (dy > 0):  # not dx * dy > 0, which underflows to 0 for subnormal gaps
            concordant += 1
        else:
            discordant += 1
    return (concordant - discordant) / math.sqrt(
        (concordant + discordant + only_x) * (concordant + discordant + only_y)
    )


def ref_agreement(x: list[int], y: list[int], half: bool, abstain: int) -> float:
    total = 0.0
    for xi, yi in zip(x, y, strict=True):
        if xi == yi:
            total += 1
        elif half and (xi == abstain or yi == abstain):
            total += 0.5
    return total / len(x)


@st.composite
def pairs(draw: st.DrawFn, values: st.SearchStrategy[Any], min_size: int = 1) -> Any:
    n = draw(st.integers(min_size, 25))
    same = st.lists(values, min_size=n, max_size=n)
    return draw(same), draw(same)


def _defined(x: list[int], y: list[int]) -> bool:
    """Chance agreement is below 1 unless both vectors are one and the same constant."""
    return len(set(x) | set(y)) > 1


@given(
    pairs(st.integers(0, 4)),
    st.sampled_from(["absolute", "squared"]),
    st.booleans(),
    st.data(),
)
def test_s_score_matches_loop(
    xy: tuple[list[int], list[int]], distance: Any, weighted: bool, data: st.DataObject
) -> None:
    x, y = xy
    levels = [0, 1, 2, 3, 4]
    weights = None
    if weighted:
        weights = data.draw(st.lists(st.floats(0, 10), min_size=len(x), max_size=len(x)))
        assume(sum(weights) > 0)
    expected = ref_s(x, y, distance, weights, levels)
    assert s_score(x, y, distance=distance, weights=weights, levels=levels) == pytest.approx(expected, abs=1e-9)
    assert -1 - 1e-12 <= expected <= 1 + 1e-12


@given(pairs(st.integers(1, 4)), st.sampled_from([None, "linear", "quadratic"]))
def test_cohen_kappa_matches_loop(xy: tuple[list[int], list[int]], weights: Any) -> None:
    x, y = xy
    assume(_defined(x, y))
    levels = sorted(set(x) | set(y))
    kappa = cohen_kappa(x, y, weights=weights)
    assert kappa == pytest.approx(ref_kappa(x, y, weights, levels), abs=1e-9)
    assert kappa <= 1 + 1e-12
    assert cohen_kappa(y, x, weights=weights) == pytest.approx(kappa, abs=1e-12)
    assert cohen_kappa(x, y, weights=weights, levels=[0, 1, 2, 3, 4, 5]) == pytest.approx(kappa, abs=1e-12)


@given(pairs(st.integers(1, 4)))
def test_scotts_pi_matches_loop(xy: tuple[list[int], list[int]]) -> None:
    x, y = xy
    assume(_defined(x, y))
    pi = scotts_pi(x, y)
    assert pi == pytest.approx(ref_pi(x, y), abs=1e-9)
    assert -1 - 1e-12 <= pi <= 1 + 1e-12
    assert scotts_pi(y, x) == pytest.approx(pi, abs=1e-12)


@given(pairs(st.integers(1, 4), min_size=2))
def test_kendall_tau_b_matches_loop(xy: tuple[list[int], list[int]]) -> None:
    x, y = xy
    assume(len(set(x)) > 1 and len(set(y)) > 1)
    tau = kendall_tau_b(x, y)
    assert tau == pytest.approx(ref_tau(x, y), abs=1e-12)
    assert -1 - 1e-12 <= tau <= 1 + 1e-12
    assert kendall_tau_b(y, x) == pytest.approx(tau, abs=1e-12)


@given(pairs(st.floats(-10, 10, allow_nan=False) | st.integers(-3, 3), min_size=2))
def test_kendall_tau_b_pairwise_path_matches_table_path(xy: tuple[list[float], list[float]]) -> None:
    x, y = xy
    assume(len(set(x)) > 1 and len(set(y)) > 1)
    via_table = kendall_tau_b(x, y)
    with mock.patch.object(similarity, "_MAX_TABLE_CELLS", 1):
        via_pairs = kendall_tau_b(x, y)
    assert via_pairs == via_table
    assert via_table == pytest.approx(ref_tau(x, y), abs=1e-12)


@needs_scipy
@given(pairs(st.floats(-10, 10, allow_nan=False) | st.integers(1, 3), min_size=2))
def test_kendall_tau_b_matches_scipy(xy: tuple[list[float], list[float]]) -> None:
    x, y = xy
    assume(len(set(x)) > 1 and len(set(y)) > 1)
    expected = scipy_stats.kendalltau(x, y, variant="b").statistic
    assert kendall_tau_b(x, y) == pytest.approx(expected, abs=1e-12)


@needs_scipy
def test_kendall_tau_b_large_matches_scipy() -> None:
    rng = np.random.default_rng(1946)
    x = rng.normal(size=3000)
    y = x + rng.normal(size=3000)
    expected = scipy_stats.kendalltau(x, y).statistic
    assert kendall_tau_b(x, y) == pytest.approx(expected, abs=1e-12)  # 9e6 cells: pairwise path
    votes_x, votes_y = rng.integers(1, 4, size=5000), rng.integers(1, 4, size=5000)
    assert kendall_tau_b(votes_x, votes_y) == pytest.approx(scipy_stats.kendalltau(votes_x, votes_y).statistic)


@given(pairs(st.integers(1, 3)), st.booleans(), st.sampled_from([1, 2, 3]))
def test_agreement_matches_loop(xy: tuple[list[int], list[int]], half: bool, abstain: int) -> None:
    x, y = xy
    share = agreement(x, y, half_for_abstain=half, abstain=abstain)
    assert share == ref_agreement(x, y, half, abstain)
    assert 0 <= share <= 1
    assert agreement(y, x, half_for_abstain=half, abstain=abstain) == share
    assert share >= agreement(x, y)


# --- properties --------------------------------------------------------------------------------


@given(pairs(st.integers(1, 3)), st.sampled_from(["absolute", "squared"]))
def test_s_score_bounds_and_symmetry(xy: tuple[list[int], list[int]], distance: Any) -> None:
    x, y = xy
    s = s_score(x, y, distance=distance, levels=(1, 2, 3))
    assert -1 <= s <= 1
    assert s_score(y, x, distance=distance, levels=(1, 2, 3)) == s


@given(pairs(st.integers(1, 3)))
def test_identical_vectors_score_one(xy: tuple[list[int], list[int]]) -> None:
    x, _ = xy
    assert s_score(x, x, levels=(1, 2, 3)) == 1.0
    assert s_score(x, x, distance="squared", levels=(1, 2, 3)) == 1.0
    assert agreement(x, x) == 1.0
    assert agreement(x, x, half_for_abstain=True) == 1.0
    if len(set(x)) > 1:
        for weights in (None, "linear", "quadratic"):
            assert cohen_kappa(x, x, weights=weights) == pytest.approx(1.0, abs=1e-12)
        assert scotts_pi(x, x) == pytest.approx(1.0, abs=1e-12)
        assert kendall_tau_b(x, x) == pytest.approx(1.0, abs=1e-12)


@given(pairs(st.integers(0, 1)))
def test_binary_choices(xy: tuple[list[int], list[int]]) -> None:
    x, y = xy
    # on a 0/1 scale the absolute distance is 0 or 1, so S = 2 * agreement - 1
    assert s_score(x, y, levels=(0, 1)) == pytest.approx(2 * agreement(x, y) - 1, abs=1e-12)
    if _defined(x, y):
        # with two levels every disagreement weighs the same
        kappa = cohen_kappa(x, y)
        assert cohen_kappa(x, y, weights="linear") == pytest.approx(kappa, abs=1e-12)
        assert cohen_kappa(x, y, weights="quadratic") == pytest.approx(kappa, abs=1e-12)


@given(pairs(st.integers(1, 3)), st.floats(0.01, 100))
def test_equal_weights_are_no_weights(xy: tuple[list[int], list[int]], weight: float) -> None:
    x, y = xy
    weighted = s_score(x, y, weights=[weight] * len(x), levels=(1, 2, 3))
    assert weighted == pytest.approx(s_score(x, y, levels=(1, 2, 3)), abs=1e-12)


@given(pairs(st.integers(1, 3)))
def test_recoding_the_scale_changes_nothing(xy: tuple[list[int], list[int]]) -> None:
    # 1/2/3 recoded to 0/0.5/1: an increasing affine map of the codes and of the levels
    x, y = xy
    rx, ry = [(v - 1) / 2 for v in x], [(v - 1) / 2 for v in y]
    assert s_score(rx, ry, levels=(0, 0.5, 1)) == pytest.approx(s_score(x, y, levels=(1, 2, 3)), abs=1e-12)
    if _defined(x, y):
        for weights in (None, "linear", "quadratic"):
            assert cohen_kappa(rx, ry, weights=weights) == pytest.approx(cohen_kappa(x, y, weights=weights), abs=1e-12)
        assert scotts_pi(rx, ry) == pytest.approx(scotts_pi(x, y), abs=1e-12)
