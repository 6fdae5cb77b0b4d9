"""Foreign-policy similarity between two actors' vectors of ordinal choices.

Each function takes two equally long vectors, one entry per item both actors chose on: a UN
General Assembly roll call coded ``1`` = yes, ``2`` = abstain, ``3`` = no, or a third state
in an alliance portfolio coded ``0`` = no alliance up to ``3`` = defence pact. Each returns a
Python float.

- :func:`agreement`: the share of identical choices (optionally Voeten's half credit when
  exactly one side abstains);
- :func:`s_score`: Signorino and Ritter's *S*, one minus the normalised distance;
- :func:`cohen_kappa` and :func:`scotts_pi`: agreement corrected for chance (Häge 2011),
  with unweighted or linearly / quadratically weighted disagreement;
- :func:`kendall_tau_b`: rank correlation with the correction for ties.

The formulas follow the R package fpsim (Steven V. Miller: ``srs()``, ``cohenk()``,
``spi()``, ``taub()``), whose documented example outputs ``tests/test_similarity.py``
reproduces. Deliberate differences: fpsim drops items where either vote is missing, while
these functions raise on NaN, so that missing votes are dropped on purpose
(``keep = ~(np.isnan(x) | np.isnan(y))``) and never by accident; ``cohenk()`` is quadratically
weighted by default, :func:`cohen_kappa` unweighted; and ``srs()`` ignores weights with squared
distances, :func:`s_score` applies them. Where fpsim returns ``NA`` or ``NaN`` for an undefined statistic,
these functions raise a ``ValueError`` that says why.

Examples
--------
>>> us = [1, 1, 3, 2, 1, 3]
>>> mx = [1, 2, 3, 1, 1, 1]
>>> agreement(us, mx), agreement(us, mx, half_for_abstain=True)
(0.5, 0.6666666666666666)
>>> round(s_score(us, mx), 4), round(scotts_pi(us, mx), 4)
(0.3333, 0.122)
"""

from __future__ import annotations

import math
import numbers
from typing import Final, Literal

import numpy as np
import numpy.typing as npt

__all__ = [
    "agreement",
    "cohen_kappa",
    "kendall_tau_b",
    "s_score",
    "scotts_pi",
]

_DISTANCES: Final = ("absolute", "squared")
_KAPPA_WEIGHTS: Final = ("linear", "quadratic")

_MAX_TABLE_CELLS = 1_000_000
"""Above this many (distinct x) * (distinct y) cells, :func:`kendall_tau_b` compares pairs in
blocks instead of through a contingency table."""

_Floats = npt.NDArray[np.float64]


def s_score(
    x: npt.ArrayLike,
    y: npt.ArrayLike,
    *,
    distance: Literal["absolute", "squared"] = "absolute",
    weights: npt.ArrayLike | None = None,
    levels: npt.ArrayLike | None = None,
) -> float:
    r"""Signorino and Ritter's *S*: one minus the normalised distance between two portfolios.

    .. math::

        S = 1 - \frac{2 \sum_i w_i \, d(x_i, y_i)}{d_{\max} \sum_i w_i}

    where :math:`d(x, y) = |x - y|` (``distance="absolute"``) or :math:`(x - y)^2`
    (``"squared"``), and :math:`d_{\max}` is the largest possible distance,
    ``max(levels) - min(levels)`` or its square. Without weights every :math:`w_i = 1`.
    *S* runs from -1 (as far apart as the scale allows on every item) to 1 (identical).

    Parameters
    ----------
    x, y : array_like
        The two actors' choices, 1-d, numeric, equally long, no NaN.
    distance : {"absolute", "squared"}
        The distance between two choices. Signorino and Ritter used absolute distance.
    weights : array_like, optional
        Non-negative weight per item (for example the target state's share of capabilities),
        not all zero; they need not sum to 1. Unlike fpsim's ``srs()``, which ignores weights
        with squared distances, they apply to both distances here.
    levels : array_like, optional
        Every value a choice could take. Only the smallest and the largest matter (they set
        :math:`d_{\max}`), and every choice must be one of them. Defaults to the values
        observed in ``x`` and ``y``: pass ``levels=(1, 2, 3)`` for UN votes, or a pair that
        never voted "no" gets a smaller :math:`d_{\max}` and a lower *S*.

    Returns
    -------
    float
        *S*, in [-1, 1].

    Raises
    ------
    ValueError
        If the inputs are empty, of different lengths, not 1-d, contain NaN or infinity, or a
        choice outside ``levels``; if ``distance`` is not one of the two names; if a weight is
        negative or all are zero; or if only one level is possible, so :math:`d_{\max}` is 0.
    TypeError
        If an input holds something other than numbers.

    See Also
    --------
    agreement : the share of identical choices.
    cohen_kappa, scotts_pi : similarity corrected for chance agreement.

    References
    ----------
    .. [1] Signorino, Curtis S., and Jeffrey M. Ritter. 1999. "Tau-b or Not Tau-b: Measuring
       the Similarity of Foreign Policy Positions." *International Studies Quarterly*
       43(1): 115-144.
    .. [2] Häge, Frank M. 2011. "Choice or Circumstance? Adjusting Measures of Foreign Policy
       Similarity for Chance Agreement." *Political Analysis* 19(3): 287-305.
    .. [3] Miller, Steven V. fpsim: Compute Measures of Foreign Policy Similarity/Agreement.
       R package, function ``srs()``.

    Examples
    --------
    Two alliance portfolios over four states, coded 0 (none) to 3 (defence pact):

    >>> round(s_score([3, 0, 1, 0], [3, 1, 1, 3]), 4)
    0.3333
    >>> round(s_score([3, 0, 1, 0], [3, 1, 1, 3], distance="squared"), 4)
    0.4444
    >>> round(s_score([3, 0, 1, 0], [3, 1, 1, 3], weights=[0.5, 0.2, 0.2, 0.1]), 4)
    0.6667

    Two UN members that never voted "no": the default scale is yes to abstain only.

    >>> round(s_score([1, 2, 1], [1, 1, 1]), 4), round(s_score([1, 2, 1], [1, 1, 1], levels=(1, 2, 3)), 4)
    (0.3333, 0.6667)
    """
    if distance not in _DISTANCES:
        raise ValueError(f"distance must be 'absolute' or 'squared', got {distance!r}")
    a, b = _pair(x, y)
    scale = _levels(levels, a, b)
    span = float(scale[-1] - scale[0])
    if span == 0:
        raise ValueError(
            f"S is undefined when only one choice is possible (every level is {scale[0]:g}); "
            "pass levels= with all the values a choice could take, e.g. levels=(1, 2, 3) for UN votes"
        )
    w = np.ones_like(a) if weights is None else _weights(weights, a.size)
    gap = np.abs(a - b)
    if distance == "squared":
        gap, span = gap**2, span**2
    return float(1.0 - 2.0 * np.sum(w * gap) / (np.sum(w) * span))


def cohen_kappa(
    x: npt.ArrayLike,
    y: npt.ArrayLike,
    *,
    weights: Literal["linear", "quadratic"] | None = None,
    levels: npt.ArrayLike | None = None,
) -> float:
    r"""Cohen's kappa: agreement corrected for what the two actors' own habits predict.

    Unweighted, with :math:`p_o` the share of identical choices and :math:`p_e = \sum_k
    p_{x,k} \, p_{y,k}` the share expected if each actor chose independently with its own
    frequencies (its marginal distribution):

    .. math::

        \kappa = \frac{p_o - p_e}{1 - p_e}

    Weighted (Cohen 1968), with :math:`o_{jk}` the observed and :math:`e_{jk} = p_{x,j} \,
    p_{y,k}` the expected share of items where ``x`` chose level :math:`j` and ``y`` level
    :math:`k`, and disagreement weights :math:`v_{jk} = |l_j - l_k| / (l_{\max} - l_{\min})`
    (``"linear"``) or its square (``"quadratic"``):

    .. math::

        \kappa_w = 1 - \frac{\sum_{jk} v_{jk} \, o_{jk}}{\sum_{jk} v_{jk} \, e_{jk}}

    The weights use the level values themselves, as fpsim's ``cohenk()`` does, so for evenly
    spaced codes such as 1, 2, 3 they are the usual linear and quadratic weights. fpsim's
    default is quadratic (``w_exp = 2``); the default here is unweighted.

    Parameters
    ----------
    x, y : array_like
        The two actors' choices, 1-d, numeric, equally long, no NaN.
    weights : {None, "linear", "quadratic"}
        How much a disagreement counts: ``None`` treats every disagreement alike (nominal
        choices); ``"linear"`` and ``"quadratic"`` grow with the distance between levels.
    levels : array_like, optional
        Every value a choice could take; every choice must be one of them. Levels nobody chose
        do not change kappa. Defaults to the values observed in ``x`` and ``y``.

    Returns
    -------
    float
        Kappa: 1 for perfect agreement, 0 for agreement at chance level, negative below it.

    Raises
    ------
    ValueError
        For the input problems :func:`s_score` lists; if ``weights`` is not one of the
        names; or if kappa is undefined because both actors made one and the same choice on
        every item, so chance alone predicts full agreement (:math:`p_e = 1`).
    TypeError
        If an input holds something other than numbers.

    See Also
    --------
    scotts_pi : chance correction from the pooled choices of both actors.

    References
    ----------
    .. [1] Cohen, Jacob. 1960. "A Coefficient of Agreement for Nominal Scales." *Educational
       and Psychological Measurement* 20(1): 37-46.
    .. [2] Cohen, Jacob. 1968. "Weighted Kappa: Nominal Scale Agreement with Provision for
       Scaled Disagreement or Partial Credit." *Psychological Bulletin* 70(4): 213-220.
    .. [3] Häge, Frank M. 2011. "Choice or Circumstance? Adjusting Measures of Foreign Policy
       Similarity for Chance Agreement." *Political Analysis* 19(3): 287-305.
    .. [4] Miller, Steven V. fpsim: Compute Measures of Foreign Policy Similarity/Agreement.
       R package, function ``cohenk()``.

    Examples
    --------
    >>> x, y = [1, 1, 2, 3, 3, 1], [1, 2, 2, 3, 1, 1]
    >>> round(cohen_kappa(x, y), 4)
    0.4783
    >>> round(cohen_kappa(x, y, weights="linear"), 4), round(cohen_kappa(x, y, weights="quadratic"), 4)
    (0.4375, 0.4)
    >>> cohen_kappa([1, 1, 1], [1, 1, 1])  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: Cohen's kappa is undefined: both vectors are 1 on every item, so chance agreement is 1; ...
    """
    if weights is not None and weights not in _KAPPA_WEIGHTS:
        raise ValueError(
            f"weights must be None, 'linear' or 'quadratic', got {weights!r}; "
            "per-item weights belong to s_score(weights=...)"
        )
    a, b = _pair(x, y)
    scale = _levels(levels, a, b)
    _require_chance_below_one("Cohen's kappa", a, b)
    observed = _crosstab(a, b, scale)
    expected = np.outer(observed.sum(axis=1), observed.sum(axis=0))
    if weights is None:
        p_o, p_e = float(np.trace(observed)), float(np.trace(expected))
        return (p_o - p_e) / (1.0 - p_e)
    gap = np.abs(np.subtract.outer(scale, scale)) / float(scale[-1] - scale[0])
    if weights == "quadratic":
        gap = gap**2
    return float(1.0 - np.sum(gap * observed) / np.sum(gap * expected))


def scotts_pi(x: npt.ArrayLike, y: npt.ArrayLike, *, levels: npt.ArrayLike | None = None) -> float:
    r"""Scott's pi: agreement corrected for chance, with one distribution for both actors.

    .. math::

        \pi = \frac{p_o - p_e}{1 - p_e}, \qquad
        p_e = \sum_k \left(\frac{n_{x,k} + n_{y,k}}{2n}\right)^2

    where :math:`p_o` is the share of identical choices, :math:`n_{x,k}` and :math:`n_{y,k}`
    count the items on which ``x`` and ``y`` chose level :math:`k`, and :math:`n` is the number
    of items. Unlike Cohen's kappa, chance agreement comes from the pooled choices of both
    actors, so a difference in their habits counts as disagreement (Häge 2011).

    Parameters
    ----------
    x, y : array_like
        The two actors' choices, 1-d, numeric, equally long, no NaN.
    levels : array_like, optional
        Every value a choice could take; every choice must be one of them. Levels nobody chose
        do not change pi. Defaults to the values observed in ``x`` and ``y``.

    Returns
    -------
    float
        Pi: 1 for perfect agreement, 0 at chance level, negative below it (at least -1).

    Raises
    ------
    ValueError
        For the input problems :func:`s_score` lists, or if pi is undefined because both
        actors made one and the same choice on every item (:math:`p_e = 1`).
    TypeError
        If an input holds something other than numbers.

    See Also
    --------
    cohen_kappa : chance correction from each actor's own choices.

    References
    ----------
    .. [1] Scott, William A. 1955. "Reliability of Content Analysis: The Case of Nominal Scale
       Coding." *Public Opinion Quarterly* 19(3): 321-325.
    .. [2] Häge, Frank M. 2011. "Choice or Circumstance? Adjusting Measures of Foreign Policy
       Similarity for Chance Agreement." *Political Analysis* 19(3): 287-305.
    .. [3] Miller, Steven V. fpsim: Compute Measures of Foreign Policy Similarity/Agreement.
       R package, function ``spi()``.

    Examples
    --------
    >>> round(scotts_pi([1, 1, 2, 3, 3, 1], [1, 2, 2, 3, 1, 1]), 4)
    0.4667
    >>> scotts_pi([1, 1, 1, 1], [3, 3, 3, 3])
    -1.0
    """
    a, b = _pair(x, y)
    scale = _levels(levels, a, b)
    _require_chance_below_one("Scott's pi", a, b)
    table = _crosstab(a, b, scale)
    pooled = (table.sum(axis=0) + table.sum(axis=1)) / 2.0
    p_o, p_e = float(np.trace(table)), float(np.sum(pooled**2))
    return (p_o - p_e) / (1.0 - p_e)


def kendall_tau_b(x: npt.ArrayLike, y: npt.ArrayLike) -> float:
    r"""Kendall's tau-b: rank correlation corrected for ties.

    .. math::

        \tau_b = \frac{n_c - n_d}{\sqrt{(n_0 - n_x)(n_0 - n_y)}}

    where, over the :math:`n_0 = n(n - 1) / 2` pairs of items, :math:`n_c` pairs are ordered
    the same way by both actors (concordant), :math:`n_d` the opposite way (discordant), and
    :math:`n_x` and :math:`n_y` pairs are tied in ``x`` and in ``y``. This is what
    ``scipy.stats.kendalltau`` and R's ``cor(method = "kendall")`` compute, and what Signorino
    and Ritter (1999) argue against as a similarity measure: it measures association, so two
    actors that disagree on every item in a consistent way can still score 1.

    Parameters
    ----------
    x, y : array_like
        The two actors' choices, 1-d, numeric, equally long, no NaN.

    Returns
    -------
    float
        Tau-b, in [-1, 1].

    Raises
    ------
    ValueError
        For the input problems :func:`s_score` lists, or if tau-b is undefined because a
        vector makes the same choice on every item (its ties fill the denominator).
    TypeError
        If an input holds something other than numbers.

    References
    ----------
    .. [1] Kendall, Maurice G. 1945. "The Treatment of Ties in Ranking Problems."
       *Biometrika* 33(3): 239-251.
    .. [2] Signorino, Curtis S., and Jeffrey M. Ritter. 1999. "Tau-b or Not Tau-b: Measuring
       the Similarity of Foreign Policy Positions." *International Studies Quarterly*
       43(1): 115-144.
    .. [3] Miller, Steven V. fpsim: Compute Measures of Foreign Policy Similarity/Agreement.
       R package, function ``taub()``.

    Examples
    --------
    >>> round(kendall_tau_b([1, 1, 2, 3, 3, 1], [1, 2, 2, 3, 1, 1]), 4)
    0.3636
    >>> kendall_tau_b([1, 2, 1, 2], [2, 3, 2, 3])  # never the same choice, yet tau-b is 1
    1.0
    """
    a, b = _pair(x, y)
    n = a.size
    x_codes, x_counts = np.unique(a, return_inverse=True, return_counts=True)[1:]
    y_codes, y_counts = np.unique(b, return_inverse=True, return_counts=True)[1:]
    for name, counts in (("x", x_counts), ("y", y_counts)):
        if counts.size == 1:
            raise ValueError(
                f"Kendall's tau-b is undefined: {name} makes the same choice on all {n} items, so every "
                "pair is tied and the denominator is 0; use agreement() or s_score() instead"
            )
    pairs = n * (n - 1) // 2
    x_ties = int(np.sum(x_counts * (x_counts - 1))) // 2
    y_ties = int(np.sum(y_counts * (y_counts - 1))) // 2
    net = _net_concordance(x_codes, y_codes, x_counts.size, y_counts.size)
    return net / math.sqrt((pairs - x_ties) * (pairs - y_ties))


def agreement(
    x: npt.ArrayLike,
    y: npt.ArrayLike,
    *,
    half_for_abstain: bool = False,
    abstain: float = 2,
) -> float:
    r"""The share of items on which the two actors made the same choice.

    .. math::

        A = \frac{1}{n} \sum_i a_i, \qquad
        a_i = \begin{cases}
            1 & x_i = y_i \\
            \tfrac12 & \text{half\_for\_abstain and exactly one of } x_i, y_i \text{ is abstain} \\
            0 & \text{otherwise}
        \end{cases}

    With ``half_for_abstain=True`` this is Voeten's convention for UN votes: a yes or a no
    against an abstention is half an agreement, a yes against a no none.

    Parameters
    ----------
    x, y : array_like
        The two actors' choices, 1-d, numeric, equally long, no NaN.
    half_for_abstain : bool
        Count a pair where exactly one side abstains as half an agreement.
    abstain : float
        The code of an abstention, used only with ``half_for_abstain``. The default, 2, is the
        middle level of the usual coding 1 = yes, 2 = abstain, 3 = no.

    Returns
    -------
    float
        The share, in [0, 1].

    Raises
    ------
    ValueError
        If the inputs are empty, of different lengths, not 1-d, or contain NaN or infinity,
        or if ``abstain`` is not a finite number.
    TypeError
        If an input holds something other than numbers.

    See Also
    --------
    s_score : agreement that also counts how far apart two choices are.
    cohen_kappa, scotts_pi : agreement corrected for chance.

    References
    ----------
    .. [1] Voeten, Erik. 2000. "Clashes in the Assembly." *International Organization*
       54(2): 185-215.
    .. [2] Häge, Frank M. 2011. "Choice or Circumstance? Adjusting Measures of Foreign Policy
       Similarity for Chance Agreement." *Political Analysis* 19(3): 287-305.

    Examples
    --------
    >>> agreement([1, 1, 2, 3], [1, 2, 2, 1])
    0.5
    >>> agreement([1, 1, 2, 3], [1, 2, 2, 1], half_for_abstain=True)
    0.625
    >>> agreement([0, 5, 5], [0, 5, 9], half_for_abstain=True, abstain=9)
    0.8333333333333334
    """
    a, b = _pair(x, y)
    score = (a == b).astype(np.float64)
    if half_for_abstain:
        if isinstance(abstain, bool) or not isinstance(abstain, numbers.Real) or not math.isfinite(abstain):
            raise ValueError(f"abstain must be a finite number (the code of an abstention), got {abstain!r}")
        score[(a == abstain) != (b == abstain)] = 0.5
    return float(np.mean(score))


def _pair(x: npt.ArrayLike, y: npt.ArrayLike) -> tuple[_Floats, _Floats]:
    """Both vectors as float arrays, checked for shape, length and missing values."""
    a, b = _vector(x, "x"), _vector(y, "y")
    if a.size != b.size:
        raise ValueError(f"x and y must have one choice per item, so the same length; got {a.size} and {b.size} items")
    if a.size == 0:
        raise ValueError("x and y are empty; a similarity needs at least one item both actors chose on")
    return a, b


def _vector(values: npt.ArrayLike, name: str) -> _Floats:
    if isinstance(values, str | bytes):
        raise TypeError(f"{name} must be a 1-d sequence of numbers, got the string {values!r}")
    array = np.asarray(values)
    if array.dtype.kind not in "biuf":
        raise TypeError(
            f"{name} must hold numbers (e.g. 1 = yes, 2 = abstain, 3 = no), got values of dtype {array.dtype}"
        )
    if array.ndim != 1:
        raise ValueError(f"{name} must be 1-d (one choice per item), got an array of shape {array.shape}")
    floats = array.astype(np.float64)
    bad = ~np.isfinite(floats)
    if bad.any():
        where = np.flatnonzero(bad)
        raise ValueError(
            f"{name} has {where.size} missing or infinite value(s) (first at position {where[0]}: "
            f"{floats[where[0]]}); drop those items from both vectors first, "
            "e.g. keep = ~(np.isnan(x) | np.isnan(y))"
        )
    return floats


def _weights(weights: npt.ArrayLike, n: int) -> _Floats:
    if isinstance(weights, str):
        raise TypeError(
            f"s_score weights must be one number per item, got the string {weights!r}; "
            "'linear' and 'quadratic' are cohen_kappa's weights"
        )
    w = _vector(weights, "weights")
    if w.size != n:
        raise ValueError(f"weights must have one value per item ({n}), got {w.size}")
    if (w < 0).any():
        where = int(np.flatnonzero(w < 0)[0])
        raise ValueError(f"weights must be non-negative, got {w[where]:g} at position {where}")
    if not (w > 0).any():
        raise ValueError("weights are all zero, so no item counts; give at least one item a positive weight")
    return w


def _levels(levels: npt.ArrayLike | None, a: _Floats, b: _Floats) -> _Floats:
    """The sorted distinct levels, checked to cover every choice in ``a`` and ``b``."""
    if levels is None:
        return np.unique(np.concatenate([a, b]))
    scale = np.unique(_vector(levels, "levels"))
    if scale.size == 0:
        raise ValueError("levels is empty; pass every value a choice could take, e.g. levels=(1, 2, 3)")
    for name, values in (("x", a), ("y", b)):
        outside = np.setdiff1d(values, scale)
        if outside.size:
            raise ValueError(
                f"{name} has value(s) {_show(outside)} outside levels {_show(scale)}; "
                "add them to levels or recode the choices"
            )
    return scale


def _show(values: _Floats, limit: int = 6) -> str:
    shown = ", ".join(f"{v:g}" for v in values[:limit])
    return f"[{shown}{', ...' if values.size > limit else ''}]"


def _require_chance_below_one(statistic: str, a: _Floats, b: _Floats) -> None:
    """Raise when both vectors are one and the same constant, so chance agreement is 1."""
    if (a == a[0]).all() and (b == a[0]).all():
        raise ValueError(
            f"{statistic} is undefined: both vectors are {a[0]:g} on every item, so chance agreement "
            "is 1; use agreement() or s_score(), or compare over more items"
        )


def _crosstab(a: _Floats, b: _Floats, scale: _Floats) -> _Floats:
    """Share of items with ``a`` at level j and ``b`` at level k, as a levels-by-levels table."""
    k = scale.size
    cells = np.searchsorted(scale, a) * k + np.searchsorted(scale, b)
    counts = np.bincount(cells, minlength=k * k).reshape(k, k)
    return counts / a.size


def _net_concordance(x_codes: npt.NDArray[np.intp], y_codes: npt.NDArray[np.intp], kx: int, ky: int) -> int:
    """Concordant minus discordant pairs, for choices coded 0..kx-1 and 0..ky-1."""
    if kx * ky <= _MAX_TABLE_CELLS:
        # through the contingency table: each cell meets the cells in later rows, to its
        # right (concordant) and to its left (discordant)
        table = np.bincount(x_codes * ky + y_codes, minlength=kx * ky).reshape(kx, ky)
        later_rows = np.cumsum(table[::-1], axis=0)[::-1] - table
        before = np.cumsum(later_rows, axis=1) - later_rows
        after = later_rows.sum(axis=1, keepdims=True) - np.cumsum(later_rows, axis=1)
        return int(np.sum(table * (after - before)))
    # many distinct values: compare every pair, a block of rows at a time
    n = x_codes.size
    step = max(1, _MAX_TABLE_CELLS // n)
    net = 0
    for start in range(0, n, step):
        rows = slice(start, start + step)
        signs = np.sign(x_codes[rows, None] - x_codes[None, :]) * np.sign(y_codes[rows, None] - y_codes[None, :])
        net += int(np.sum(signs))
    return net // 2  # each pair was seen from both ends
