"""The time index: which of many half-open integer intervals ``[lo, hi)`` meet a day or a window.

This module's one job is answering those two questions fast over fixed intervals (day ordinals
of actors and relations). :class:`IntervalIndex` keeps the bounds in input order, plus the
positions sorted by start and by end. A query finds by binary search the intervals that start
before its end, and those that end after its start; it takes the smaller of the two sets and
keeps, with one numpy mask, the ones that meet the other condition. That is O(log n + m) for m
candidates: O(n) in the worst case (a day in the middle of a long history, with many intervals
on both sides), but a single vectorised pass. On 200,000 random relations a point query takes
about 0.3 ms, where the centred interval tree this design replaced took 0.06 ms: both are
around 1% of the 20-odd ms a snapshot of that graph takes to build, and this is half the code,
with no tree to get wrong. The sorted bounds also give :meth:`IntervalIndex.changes`, the walk from one day to
the next that :mod:`afrel.snapshots` uses.

Answers are arrays of interval positions (the order the intervals were given in), sorted
ascending, so callers get the same answer as a scan in input order.

Examples
--------
>>> idx = IntervalIndex([0, 5, 10], [10, 6, 20])
>>> idx.stab(5).tolist(), idx.stab(6).tolist(), idx.overlap(6, 11).tolist()
([0, 1], [0], [0, 2])
>>> [(sorted(gone), sorted(new)) for gone, new in idx.changes([4, 5, 12])]
[([], [1]), ([0, 1], [2])]
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    IntArray = npt.NDArray[np.int64]

__all__ = ["IntervalIndex"]


class IntervalIndex:
    """Fixed half-open intervals ``[lo[i], hi[i])``, indexed by their sorted bounds.

    Parameters
    ----------
    lo, hi : sequence of int or int64 array
        Inclusive starts and exclusive ends, same length. An empty interval (``hi[i] <= lo[i]``)
        never matches; :attr:`lo` and :attr:`hi` report it as ``[min, min)`` of int64.

    Notes
    -----
    Building sorts the bounds twice: O(n log n) time, 6n integers of memory. :meth:`stab` and
    :meth:`overlap` cost O(log n + m + k log k), with m the smaller of the intervals starting
    before the query's end and those ending after its start, and k the answers (so O(n) at
    worst); :meth:`changes` costs O(log n + c) per step for the c intervals that start or end
    within the step.
    """

    __slots__ = ("_by_hi", "_by_lo", "_hi", "_hi_sorted", "_lo", "_lo_sorted")

    def __init__(self, lo: Sequence[int] | IntArray, hi: Sequence[int] | IntArray) -> None:
        import numpy as np

        self._lo: IntArray = np.array(lo, dtype=np.int64)
        self._hi: IntArray = np.array(hi, dtype=np.int64)
        if self._lo.shape != self._hi.shape or self._lo.ndim != 1:
            raise ValueError(f"lo and hi must be 1-d and of equal length, got {self._lo.shape} and {self._hi.shape}")
        empty = self._hi <= self._lo
        self._lo[empty] = self._hi[empty] = np.iinfo(np.int64).min  # never meets any point or window
        self._by_lo: IntArray = np.argsort(self._lo, kind="stable")
        self._lo_sorted: IntArray = self._lo[self._by_lo]
        self._by_hi: IntArray = np.argsort(self._hi, kind="stable")
        self._hi_sorted: IntArray = self._hi[self._by_hi]
        for a in (self._lo, self._hi, self._by_lo, self._lo_sorted, self._by_hi, self._hi_sorted):
            a.flags.writeable = False

    def __len__(self) -> int:
        return len(self._lo)

    @property
    def lo(self) -> IntArray:
        """The inclusive starts, in input order (read-only)."""
        return self._lo

    @property
    def hi(self) -> IntArray:
        """The exclusive ends, in input order (read-only)."""
        return self._hi

    def stab(self, t: int) -> IntArray:
        """Positions of the intervals that contain ``t``, ascending."""
        return self.overlap(t, t + 1)

    def overlap(self, a: int, b: int) -> IntArray:
        """Positions of the intervals that meet the window ``[a, b)``, ascending.

        An interval ``[lo, hi)`` meets the window when ``lo < b`` and ``hi > a``.
        """
        import numpy as np

        if a >= b:
            return np.empty(0, dtype=np.int64)
        # either side of the sorted bounds gives candidates meeting one condition; mask the
        # smaller side with the other (early days have few starts before them, late days few
        # ends after them)
        n_started = int(np.searchsorted(self._lo_sorted, b, side="left"))
        k_ended = int(np.searchsorted(self._hi_sorted, a, side="right"))
        if n_started <= len(self._hi_sorted) - k_ended:
            started = self._by_lo[:n_started]
            out = started[self._hi[started] > a]
        else:
            unfinished = self._by_hi[k_ended:]
            out = unfinished[self._lo[unfinished] < b]
        out.sort()
        return out

    def changes(self, days: Sequence[int]) -> Iterator[tuple[list[int], list[int]]]:
        """For each consecutive pair of days, the intervals that stop holding and those that start.

        From ``prev`` to ``t``: gone are the intervals that held on ``prev`` and not on ``t``;
        new are those that hold on ``t`` and not on ``prev``. An interval that starts and ends
        between the two days is in neither. Each list is in the order of the bound that
        decides it (ends for the gone, starts for the new), not sorted by position.
        """
        import numpy as np

        lo, hi = self._lo, self._hi
        for prev, t in itertools.pairwise(days):
            a, b = np.searchsorted(self._hi_sorted, [prev, t], side="right")
            gone = self._by_hi[a:b]
            gone = gone[lo[gone] <= prev]
            a, b = np.searchsorted(self._lo_sorted, [prev, t], side="right")
            new = self._by_lo[a:b]
            new = new[hi[new] > t]
            yield gone.tolist(), new.tolist()
