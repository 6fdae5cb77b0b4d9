"""A static interval index over half-open integer intervals ``[lo, hi)``.

:class:`IntervalIndex` is a centred interval tree stored in flat numpy arrays. A point query
(:meth:`IntervalIndex.stab`) walks one root-to-leaf path, taking from each node a contiguous
slice of intervals sorted by start or by end, so it costs O(log n + k) for k answers; a window
query (:meth:`IntervalIndex.overlap`) costs O(log n + k) as well. Building sorts each node's
intervals once: O(n log n).

Answers are arrays of interval positions (the order the intervals were given in), sorted
ascending, so callers get the same answer as a scan in input order.

Examples
--------
>>> idx = IntervalIndex([0, 5, 10], [10, 6, 20])
>>> idx.stab(5).tolist(), idx.stab(6).tolist(), idx.overlap(6, 11).tolist()
([0, 1], [0], [0, 2])
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    IntArray = npt.NDArray[np.int64]

__all__ = ["IntervalIndex"]

LEAF_SIZE: Final = 256
"""Nodes with at most this many intervals are scanned instead of split further."""


class IntervalIndex:
    """Centred interval tree over ``[lo[i], hi[i])``; see the module docstring.

    Parameters
    ----------
    lo, hi : sequence of int or int64 array
        Inclusive starts and exclusive ends, same length. An empty interval (``hi[i] <= lo[i]``)
        never matches; :attr:`lo` and :attr:`hi` report it as ``[min, min)`` of int64.
    """

    __slots__ = (
        "_center",
        "_e_hi",
        "_e_idx",
        "_hi",
        "_leaf",
        "_left",
        "_lo",
        "_right",
        "_s_idx",
        "_s_lo",
    )

    def __init__(self, lo: Sequence[int] | IntArray, hi: Sequence[int] | IntArray) -> None:
        import numpy as np

        self._lo: IntArray = np.array(lo, dtype=np.int64)
        self._hi: IntArray = np.array(hi, dtype=np.int64)
        if self._lo.shape != self._hi.shape or self._lo.ndim != 1:
            raise ValueError(f"lo and hi must be 1-d and of equal length, got {self._lo.shape} and {self._hi.shape}")
        empty = self._hi <= self._lo
        self._lo[empty] = self._hi[empty] = np.iinfo(np.int64).min  # never meets any point or window
        self._center: list[int] = []
        self._left: list[int] = []
        self._right: list[int] = []
        self._leaf: list[bool] = []
        # per node: centre-set positions sorted by start (with the starts), and by end (with the ends);
        # for a leaf, _s_idx holds its positions and _s_lo/_e_hi their bounds in the same order.
        self._s_idx: list[IntArray] = []
        self._s_lo: list[IntArray] = []
        self._e_idx: list[IntArray] = []
        self._e_hi: list[IntArray] = []
        self._build(np.arange(len(self._lo), dtype=np.int64))

    def __len__(self) -> int:
        return len(self._lo)

    @property
    def lo(self) -> IntArray:
        """The inclusive starts, in input order (read-only view)."""
        view = self._lo.view()
        view.flags.writeable = False
        return view

    @property
    def hi(self) -> IntArray:
        """The exclusive ends, in input order (read-only view)."""
        view = self._hi.view()
        view.flags.writeable = False
        return view

    def _new_node(self) -> int:
        self._center.append(0)
        self._left.append(-1)
        self._right.append(-1)
        self._leaf.append(False)
        empty = _empty()
        self._s_idx.append(empty)
        self._s_lo.append(empty)
        self._e_idx.append(empty)
        self._e_hi.append(empty)
        return len(self._center) - 1

    def _build(self, positions: IntArray) -> None:
        import numpy as np

        stack = [(self._new_node(), positions)]
        while stack:
            node, pos = stack.pop()
            lo, hi = self._lo[pos], self._hi[pos]
            if len(pos) <= LEAF_SIZE:
                self._make_leaf(node, pos)
                continue
            ends = np.concatenate((lo, hi))
            mid = (len(ends) - 1) // 2
            c = int(np.partition(ends, mid)[mid])
            in_center = (lo <= c) & (hi > c)
            go_left = hi <= c
            go_right = lo > c
            n_left, n_right = int(go_left.sum()), int(go_right.sum())
            if n_left == len(pos) or n_right == len(pos):
                self._make_leaf(node, pos)
                continue
            self._center[node] = c
            cpos = pos[in_center]
            by_start = np.argsort(lo[in_center], kind="stable")
            by_end = np.argsort(hi[in_center], kind="stable")
            self._s_idx[node] = cpos[by_start]
            self._s_lo[node] = lo[in_center][by_start]
            self._e_idx[node] = cpos[by_end]
            self._e_hi[node] = hi[in_center][by_end]
            if n_left:
                child = self._new_node()
                self._left[node] = child
                stack.append((child, pos[go_left]))
            if n_right:
                child = self._new_node()
                self._right[node] = child
                stack.append((child, pos[go_right]))

    def _make_leaf(self, node: int, pos: IntArray) -> None:
        self._leaf[node] = True
        self._s_idx[node] = pos
        self._s_lo[node] = self._lo[pos]
        self._e_hi[node] = self._hi[pos]

    def stab(self, t: int) -> IntArray:
        """Positions of the intervals that contain ``t``, ascending."""
        import numpy as np

        parts: list[IntArray] = []
        node = 0 if self._center else -1
        while node >= 0:
            if self._leaf[node]:
                mask = (self._s_lo[node] <= t) & (self._e_hi[node] > t)
                parts.append(self._s_idx[node][mask])
                break
            if t < self._center[node]:
                k = int(np.searchsorted(self._s_lo[node], t, side="right"))
                parts.append(self._s_idx[node][:k])
                node = self._left[node]
            else:
                k = int(np.searchsorted(self._e_hi[node], t, side="right"))
                parts.append(self._e_idx[node][k:])
                node = self._right[node]
        return _merge(parts)

    def overlap(self, a: int, b: int) -> IntArray:
        """Positions of the intervals that meet the window ``[a, b)``, ascending.

        An interval ``[lo, hi)`` meets the window when ``lo < b`` and ``hi > a``.
        """
        import numpy as np

        parts: list[IntArray] = []
        if a >= b or not self._center:
            return _empty()
        stack = [0]
        while stack:
            node = stack.pop()
            if self._leaf[node]:
                mask = (self._s_lo[node] < b) & (self._e_hi[node] > a)
                parts.append(self._s_idx[node][mask])
                continue
            c = self._center[node]
            if b <= c:
                k = int(np.searchsorted(self._s_lo[node], b, side="left"))
                parts.append(self._s_idx[node][:k])
                if self._left[node] >= 0:
                    stack.append(self._left[node])
            elif a > c:
                k = int(np.searchsorted(self._e_hi[node], a, side="right"))
                parts.append(self._e_idx[node][k:])
                if self._right[node] >= 0:
                    stack.append(self._right[node])
            else:
                parts.append(self._s_idx[node])
                if self._left[node] >= 0:
                    stack.append(self._left[node])
                if self._right[node] >= 0:
                    stack.append(self._right[node])
        return _merge(parts)


def _empty() -> IntArray:
    import numpy as np

    return np.empty(0, dtype=np.int64)


def _merge(parts: list[IntArray]) -> IntArray:
    import numpy as np

    parts = [p for p in parts if len(p)]
    if not parts:
        return _empty()
    out = parts[0].copy() if len(parts) == 1 else np.concatenate(parts)
    out.sort()
    return out
