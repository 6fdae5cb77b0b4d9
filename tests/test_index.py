from __future__ import annotations

import itertools

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from afrel.index import IntervalIndex

intervals = st.lists(
    st.tuples(st.integers(0, 400), st.integers(-20, 120)).map(lambda t: (t[0], t[0] + t[1])),
    max_size=600,
)


def brute_stab(ivs: list[tuple[int, int]], t: int) -> list[int]:
    return [i for i, (lo, hi) in enumerate(ivs) if lo <= t < hi]


def brute_overlap(ivs: list[tuple[int, int]], a: int, b: int) -> list[int]:
    return [i for i, (lo, hi) in enumerate(ivs) if lo < b and hi > a and a < b and lo < hi]


@given(intervals, st.lists(st.integers(-5, 530), min_size=1, max_size=20))
def test_stab_equals_brute_force(ivs: list[tuple[int, int]], ts: list[int]) -> None:
    idx = IntervalIndex([lo for lo, _ in ivs], [hi for _, hi in ivs])
    for t in ts:
        assert idx.stab(t).tolist() == brute_stab(ivs, t)


@given(intervals, st.lists(st.tuples(st.integers(-5, 530), st.integers(0, 200)), min_size=1, max_size=20))
def test_overlap_equals_brute_force(ivs: list[tuple[int, int]], windows: list[tuple[int, int]]) -> None:
    idx = IntervalIndex([lo for lo, _ in ivs], [hi for _, hi in ivs])
    for a, w in windows:
        assert idx.overlap(a, a + w).tolist() == brute_overlap(ivs, a, a + w)


@given(intervals, st.lists(st.integers(-5, 530), min_size=2, max_size=12).map(sorted))
def test_changes_equal_the_difference_of_two_stabs(ivs: list[tuple[int, int]], days: list[int]) -> None:
    idx = IntervalIndex([lo for lo, _ in ivs], [hi for _, hi in ivs])
    steps = list(idx.changes(days))
    assert len(steps) == len(days) - 1
    for (prev, t), (gone, new) in zip(itertools.pairwise(days), steps, strict=True):
        before, after = set(brute_stab(ivs, prev)), set(brute_stab(ivs, t))
        assert sorted(gone) == sorted(before - after)
        assert sorted(new) == sorted(after - before)


def test_large_random_index_against_numpy_scan() -> None:
    rng = np.random.default_rng(7)
    lo = rng.integers(0, 100_000, 20_000)
    hi = lo + rng.integers(1, 30_000, 20_000)
    idx = IntervalIndex(lo, hi)
    for t in rng.integers(-10, 140_000, 50):
        assert idx.stab(int(t)).tolist() == np.flatnonzero((lo <= t) & (hi > t)).tolist()
    for a in rng.integers(0, 130_000, 20):
        b = a + 5_000
        assert idx.overlap(int(a), int(b)).tolist() == np.flatnonzero((lo < b) & (hi > a)).tolist()


def test_degenerate_inputs() -> None:
    assert IntervalIndex([], []).stab(3).tolist() == []
    same = IntervalIndex([0] * 1000, [5] * 1000)
    assert len(same.stab(4)) == 1000 and len(same.stab(5)) == 0
    assert IntervalIndex([3], [3]).stab(3).tolist() == []
