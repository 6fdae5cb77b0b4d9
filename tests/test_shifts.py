from __future__ import annotations

import itertools
import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

import afrel
from afrel.shifts import change_points, default_penalty


def test_single_clean_shift() -> None:
    series = {y: (0.2 if y < 1980 else 0.9) for y in range(1960, 2000)}
    (cp,) = change_points(series)
    assert cp.year == 1980
    assert cp.size == pytest.approx(0.7)
    assert (cp.before, cp.after) == (pytest.approx(0.2), pytest.approx(0.9))


def test_flat_series_has_no_shift() -> None:
    assert change_points(dict.fromkeys(range(1950, 2000), 0.5)) == []


def test_gaps_and_nans_are_skipped() -> None:
    series = {1960: 0.1, 1961: 0.1, 1962: math.nan, 1963: 0.1, 1965: 0.8, 1966: 0.8, 1967: 0.8}
    assert [c.year for c in change_points(series)] == [1965]


def test_penalty_controls_the_number_of_shifts() -> None:
    rng = np.random.default_rng(3)
    levels = np.repeat([0.2, 0.5, 0.3, 0.9], 15) + rng.normal(0, 0.03, 60)
    series = dict(zip(range(1950, 2010), levels.tolist(), strict=True))
    assert [c.year for c in change_points(series)] == [1965, 1980, 1995]
    assert len(change_points(series, penalty=10.0)) == 0
    assert len(change_points(series, penalty=0.0, min_size=1)) > 3


def test_errors() -> None:
    with pytest.raises(ValueError, match="at least 4 values"):
        change_points({1990: 1.0, 1991: 2.0})
    with pytest.raises(ValueError, match="non-negative"):
        change_points(dict.fromkeys(range(10), 1.0), penalty=-1)
    with pytest.raises(ValueError, match="twice"):
        change_points([(1990, 1.0), (1990, 2.0), (1991, 1.0), (1992, 1.0)])
    with pytest.raises(TypeError, match="Series"):
        change_points(3.5)  # type: ignore[arg-type]


def brute_force(values: list[float], penalty: float, min_size: int) -> float:
    """Best total cost over every segmentation (exponential; tiny inputs only)."""
    n = len(values)

    def cost(seg: list[float]) -> float:
        m = sum(seg) / len(seg)
        return sum((v - m) ** 2 for v in seg)

    best = math.inf

    def walk(start: int, acc: float) -> None:
        nonlocal best
        if start == n:
            best = min(best, acc)
            return
        for end in range(start + min_size, n + 1):
            walk(end, acc + cost(values[start:end]) + (penalty if start else 0.0))

    walk(0, 0.0)
    return best


@given(st.lists(st.floats(-1, 1, allow_nan=False), min_size=4, max_size=11), st.floats(0, 0.5), st.integers(1, 2))
def test_optimal_partitioning_is_optimal(values: list[float], penalty: float, min_size: int) -> None:
    if len(values) < 2 * min_size:
        return
    cps = change_points(dict(enumerate(values)), penalty=penalty, min_size=min_size)
    cuts = [0, *[c.year for c in cps], len(values)]
    total = 0.0
    for a, b in itertools.pairwise(cuts):
        seg = values[a:b]
        m = sum(seg) / len(seg)
        total += sum((v - m) ** 2 for v in seg)
    total += penalty * len(cps)
    assert total == pytest.approx(brute_force(values, penalty, min_size), abs=1e-9)


def test_afghanistan_and_the_soviet_seat_breaks_where_history_says() -> None:
    table = afrel.unga.afghanistan_table()
    seat = table[table.partner.isin(["SUN", "RUS"]) & (table.year <= 2019)].set_index("year")["agreement"]
    years = [c.year for c in change_points(seat)]
    assert any(1979 <= y <= 1981 for y in years), years  # the Soviet intervention
    assert any(1990 <= y <= 1992 for y in years), years  # the end of the Soviet Union
    sizes = {c.year: c.size for c in change_points(seat)}
    assert sizes[next(y for y in years if 1979 <= y <= 1981)] > 0.15
    assert sizes[next(y for y in years if 1990 <= y <= 1992)] < -0.3
    assert default_penalty(seat.tolist()) > 0
