r"""Finding the years where a yearly series changes level.

:func:`change_points` splits a series into segments of constant mean by *optimal
partitioning*: among all segmentations it returns the one minimising

.. math:: \\sum_{\\text{segments } s} \\sum_{t \\in s} (x_t - \\bar{x}_s)^2 + \\beta \\cdot (\\text{number of changes})

computed exactly by dynamic programming in O(n^2) (n is a few hundred years at most). The
penalty :math:`\\beta` trades fit against the number of shifts. By default it is the Schwarz
(BIC) penalty for a change in mean, :math:`\\beta = 2 \\hat\\sigma^2 \\ln n`, with the noise
variance :math:`\\hat\\sigma^2` estimated robustly from the median absolute first difference
(so the shifts themselves do not inflate it). Give ``penalty`` to ask for fewer (larger) or
more (smaller) shifts.

References
----------
Jackson, B. et al. (2005). "An algorithm for optimal partitioning of data on an interval".
IEEE Signal Processing Letters 12(2): 105-108.

Killick, R., Fearnhead, P. and Eckley, I. A. (2012). "Optimal detection of changepoints with a
linear computational cost". Journal of the American Statistical Association 107(500): 1590-1598.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

import attrs

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["ChangePoint", "change_points"]


@attrs.frozen
class ChangePoint:
    """A shift in level.

    Attributes
    ----------
    year : int
        The first year of the new level.
    size : float
        ``after - before``.
    before, after : float
        Mean of the segment that ends the year before, and of the segment that starts at
        ``year``.
    """

    year: int
    size: float
    before: float
    after: float


def change_points(
    series: pd.Series | Mapping[int, float] | Iterable[tuple[int, float]],
    *,
    penalty: float | None = None,
    min_size: int = 2,
) -> list[ChangePoint]:
    """The years where a yearly series shifts level.

    Parameters
    ----------
    series : pandas.Series, mapping or iterable of (year, value)
        Values by year; missing values (NaN) are left out and gaps in the years are allowed.
    penalty : float, optional
        Cost of one more shift, in squared units of the series; by default the BIC penalty
        described in the module docstring.
    min_size : int, default 2
        Fewest years in a segment.

    Returns
    -------
    list of ChangePoint
        In year order; empty if the series has one level.

    Raises
    ------
    ValueError
        If fewer than ``2 * min_size`` values remain, years repeat, or ``penalty`` is negative.

    Examples
    --------
    >>> shifts = change_points({1975: 0.70, 1976: 0.72, 1977: 0.69, 1978: 0.71,
    ...                         1979: 0.93, 1980: 0.95, 1981: 0.94, 1982: 0.96})
    >>> [(c.year, round(c.size, 2)) for c in shifts]
    [(1979, 0.24)]
    """
    years, values = _points(series)
    n = len(values)
    if min_size < 1:
        raise ValueError(f"min_size must be at least 1, got {min_size}")
    if n < 2 * min_size:
        raise ValueError(f"need at least {2 * min_size} values to look for a shift, got {n}")
    if penalty is None:
        penalty = default_penalty(values)
    elif penalty < 0 or math.isnan(penalty):
        raise ValueError(f"penalty must be a non-negative number, got {penalty}")

    prefix = [0.0]
    prefix2 = [0.0]
    for v in values:
        prefix.append(prefix[-1] + v)
        prefix2.append(prefix2[-1] + v * v)

    def cost(i: int, j: int) -> float:  # squared deviations of values[i:j] from their mean
        s, s2, m = prefix[j] - prefix[i], prefix2[j] - prefix2[i], j - i
        return s2 - s * s / m

    best = [0.0] + [math.inf] * n
    last = [0] * (n + 1)
    for j in range(min_size, n + 1):
        for i in range(j - min_size + 1):
            if i != 0 and i < min_size:
                continue
            if math.isinf(best[i]):
                continue
            c = best[i] + cost(i, j) + (penalty if i > 0 else 0.0)
            if c < best[j]:
                best[j], last[j] = c, i
    bounds = []
    j = n
    while j > 0:
        bounds.append(j)
        j = last[j]
    bounds.append(0)
    bounds.reverse()
    means = [(prefix[b] - prefix[a]) / (b - a) for a, b in itertools.pairwise(bounds)]
    return [
        ChangePoint(year=years[b], size=after - before, before=before, after=after)
        for b, before, after in zip(bounds[1:-1], means, means[1:], strict=False)
    ]


def default_penalty(values: list[float]) -> float:
    """BIC penalty ``2 * sigma^2 * ln(n)`` with a robust noise estimate (see the module docstring)."""
    n = len(values)
    diffs = sorted(abs(b - a) for a, b in itertools.pairwise(values))
    if not diffs:
        return 0.0
    mid = len(diffs) // 2
    mad = diffs[mid] if len(diffs) % 2 else (diffs[mid - 1] + diffs[mid]) / 2
    sigma = mad / (0.6745 * math.sqrt(2))
    if sigma == 0:  # a flat series with jumps: fall back on the overall spread
        mean = sum(values) / n
        sigma = math.sqrt(sum((v - mean) ** 2 for v in values) / n) or 1.0
    return 2.0 * sigma * sigma * math.log(n)


def _points(series: object) -> tuple[list[int], list[float]]:
    if hasattr(series, "items") and callable(series.items):
        pairs = list(series.items())
    elif isinstance(series, Iterable) and not isinstance(series, str | bytes):
        pairs = list(series)
    else:
        raise TypeError(f"expected a Series, a mapping or (year, value) pairs, got {type(series).__name__}")
    out: list[tuple[int, float]] = []
    for item in pairs:
        try:
            year, value = item
        except (TypeError, ValueError):
            raise TypeError(f"expected (year, value) pairs, got {item!r}") from None
        v = float(value)
        if not math.isnan(v):
            out.append((int(year), v))
    out.sort()
    years = [y for y, _ in out]
    if len(set(years)) != len(years):
        raise ValueError("a year appears twice in the series")
    return years, [v for _, v in out]
