"""Similarity of UN members' votes, every pair, year by year.

This module's one job is measuring: from the tidy votes of :func:`afrel.unga.load_votes` (or
any DataFrame with its columns ``rcid``, ``year``, ``actor`` and ``choice``, plus ``important``
and ``issue_<code>`` for the filters), :func:`all_dyads`, :func:`country_measures` and
:func:`dyad_measures` compute, per year, the number of roll calls two members both voted on
and four similarity measures (:data:`MEASURES`) over those common votes:

``agreement``
    Share of those votes on which the two voted the same way.
``s_score``
    Signorino and Ritter's S with absolute distances over the ordered choices
    yes (1) < abstain (2) < no (3): ``1 - sum|x - y| / n`` (the maximal distance is 2).
``kappa``
    Cohen's kappa over the three choices, unweighted: ``(p_o - p_e) / (1 - p_e)`` with
    ``p_e`` from each member's own distribution of choices on the common votes.
``pi``
    Scott's pi: as kappa, with ``p_e`` from the two members' pooled distribution.

These equal :mod:`afrel.similarity` applied to the pair's common votes, with
``levels=(1, 2, 3)`` (:func:`~afrel.similarity.agreement`, :func:`~afrel.similarity.s_score`,
:func:`~afrel.similarity.cohen_kappa` unweighted, :func:`~afrel.similarity.scotts_pi`), except
where those raise: when both members made one and the same choice on every common vote,
chance agreement is 1 and kappa and pi are undefined, which is NaN here (agreement and S are
then 1). Here all pairs are computed at once from per-year choice-count matrices (a handful of
matrix products per year), so the whole 1946-2019 record takes seconds.

Coverage
--------
A year in which the focal state voted on fewer than :data:`MIN_ROLL_CALLS` (10) roll calls is
not measured: :func:`country_measures` leaves it out, so a yearly series has no value there
(for Afghanistan: 1951, with 7 roll calls, 1964, when the Assembly avoided recorded votes, and
2020, with a single vote in the data). Shares computed from a handful of votes swing between 0
and 1 and would read as shifts. The raw data end in 2019: :func:`coverage` says which years a
table measures, and :func:`coverage_note` says it in one line for figures and summaries.

References
----------
Signorino, C. S. and Ritter, J. M. (1999). "Tau-b or Not Tau-b: Measuring the Similarity of
Foreign Policy Positions". International Studies Quarterly 43(1): 115-144.

Häge, F. M. (2011). "Choice or Circumstance? Adjusting Measures of Foreign Policy Similarity for
Chance Agreement". Political Analysis 19(3): 287-305.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Final, Literal

from afrel.unga.votes import issue_code

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt
    import pandas as pd

__all__ = [
    "MEASURES",
    "MIN_ROLL_CALLS",
    "Measure",
    "all_dyads",
    "country_measures",
    "coverage",
    "coverage_note",
    "dyad_measures",
]

Measure = Literal["agreement", "s_score", "kappa", "pi"]
"""The name of one measure."""

MEASURES: Final[tuple[Measure, ...]] = ("agreement", "s_score", "kappa", "pi")
"""Every measure, in the order of the columns of :func:`country_measures`."""

MIN_ROLL_CALLS: Final = 10
"""Fewest roll calls the focal state must vote on in a year for the year to be measured."""


def _select(
    votes: pd.DataFrame,
    *,
    years: Iterable[int] | None,
    issue: str | None,
    important: bool,
) -> pd.DataFrame:
    if not {"rcid", "year", "actor", "choice"} <= set(getattr(votes, "columns", ())):
        raise TypeError("expected the DataFrame returned by afrel.unga.load_votes()")
    mask = None
    if years is not None:
        mask = votes["year"].isin(list(years))
    if issue is not None:
        code = issue_code(issue)
        m = votes[f"issue_{code}"]
        mask = m if mask is None else mask & m
    if important:
        m = votes["important"].fillna(False).astype(bool)
        mask = m if mask is None else mask & m
    return votes if mask is None else votes[mask]


def _year_counts(
    rcid: npt.NDArray[np.int64], col: npt.NDArray[np.intp], choice: npt.NDArray[np.int64], n: int
) -> npt.NDArray[np.float64]:
    """Choice-pair counts C[k, l, a, b] (votes where a chose k and b chose l) for one year."""
    import numpy as np

    rc_idx = np.unique(rcid, return_inverse=True)[1]
    onehot = np.zeros((3, int(rc_idx.max()) + 1 if len(rc_idx) else 0, n), dtype=np.float64)
    onehot[choice - 1, rc_idx, col] = 1.0
    # C[k, l] = onehot[k].T @ onehot[l]: one (actors x roll calls) @ (roll calls x actors) product per pair of choices
    counts: npt.NDArray[np.float64] = np.einsum("kra,lrb->klab", onehot, onehot, optimize=True)
    return counts


def _measures(counts: npt.NDArray[np.float64]) -> dict[str, npt.NDArray[np.float64]]:
    """Every measure for every pair from the choice-pair counts C[k, l, a, b]."""
    import numpy as np

    n = counts.sum(axis=(0, 1))
    with np.errstate(invalid="ignore", divide="ignore"):
        same = counts[0, 0] + counts[1, 1] + counts[2, 2]
        p_o = same / n
        dist = sum(abs(k - l) * counts[k, l] for k in range(3) for l in range(3) if k != l)  # noqa: E741
        s = 1.0 - dist / n  # 1 - 2 * sum|d| / (n * dmax), dmax = 2
        row = counts.sum(axis=1) / n  # a's share of each choice on the common votes
        colm = counts.sum(axis=0) / n  # b's share
        p_e_kappa = (row * colm).sum(axis=0)
        pooled = (row + colm) / 2.0
        p_e_pi = (pooled * pooled).sum(axis=0)
        # chance agreement is 1, and kappa and pi undefined, exactly when both made one and the
        # same choice on every common vote: tested on the integer counts, not on p_e, which
        # comes within rounding of 1 for long runs with a single different vote
        undefined = (counts[[0, 1, 2], [0, 1, 2]] == n).any(axis=0)
        kappa = np.where(undefined, np.nan, (p_o - p_e_kappa) / (1.0 - p_e_kappa))
        pi = np.where(undefined, np.nan, (p_o - p_e_pi) / (1.0 - p_e_pi))
    return {"n_votes": n, "agreement": p_o, "s_score": s, "kappa": kappa, "pi": pi}


def _per_year(
    votes: pd.DataFrame, *, years: Iterable[int] | None, issue: str | None, important: bool, focus: list[str] | None
) -> Iterable[tuple[int, list[str], dict[str, npt.NDArray[np.float64]]]]:
    import numpy as np
    import pandas as pd

    frame = _select(votes, years=years, issue=issue, important=important)
    actor = frame["actor"]
    if not isinstance(actor.dtype, pd.CategoricalDtype):
        actor = actor.astype("category")
    categories = np.asarray(actor.cat.categories, dtype=object)
    codes = actor.cat.codes.to_numpy()
    year = frame["year"].to_numpy()
    rcid = frame["rcid"].to_numpy()
    choice = frame["choice"].to_numpy().astype(np.int64)
    order = np.argsort(year, kind="stable")
    bounds = np.flatnonzero(np.diff(year[order])) + 1
    for part in np.split(order, bounds):
        if not len(part):
            continue
        present, col = np.unique(codes[part], return_inverse=True)
        actors = [str(a) for a in categories[present]]
        if focus is not None and not set(focus) & set(actors):
            continue
        counts = _year_counts(rcid[part], col, choice[part], len(actors))
        yield int(year[part[0]]), actors, _measures(counts)


def all_dyads(
    votes: pd.DataFrame,
    *,
    measure: Measure = "agreement",
    years: Iterable[int] | None = None,
    issue: str | None = None,
    important: bool = False,
) -> pd.DataFrame:
    """One measure for every pair of members, every year.

    Parameters
    ----------
    votes : pandas.DataFrame
        From :func:`load_votes`.
    measure : {"agreement", "s_score", "kappa", "pi"}
        Which measure fills ``value`` (see the module docstring).
    years : iterable of int, optional
        Only these years.
    issue : str, optional
        Only roll calls on this issue: a code of :data:`ISSUES` (``"co"``) or its name
        (``"Colonialism"``, ``"human rights"``).
    important : bool, default False
        Only the roll calls the data marks as important.

    Returns
    -------
    pandas.DataFrame
        Columns ``year``, ``a``, ``b`` (afrel ids, ``a < b``, each pair once), ``n_votes``
        (roll calls both cast a vote on, at least 1) and ``value``; sorted by year, a, b.
    """
    import numpy as np
    import pandas as pd

    if measure not in MEASURES:
        raise ValueError(f"unknown measure {measure!r}; choose one of {', '.join(MEASURES)}")
    parts = []
    for year, actors, m in _per_year(votes, years=years, issue=issue, important=important, focus=None):
        ia, ib = np.triu_indices(len(actors), k=1)
        n = m["n_votes"][ia, ib]
        keep = n > 0
        names = np.asarray(actors, dtype=object)
        parts.append(
            pd.DataFrame(
                {
                    "year": year,
                    "a": names[ia[keep]],
                    "b": names[ib[keep]],
                    "n_votes": n[keep].astype("int64"),
                    "value": m[measure][ia, ib][keep],
                }
            )
        )
    if not parts:
        return pd.DataFrame({"year": [], "a": [], "b": [], "n_votes": [], "value": []})
    return pd.concat(parts, ignore_index=True)


def country_measures(
    votes: pd.DataFrame,
    actor: str,
    *,
    years: Iterable[int] | None = None,
    issue: str | None = None,
    important: bool = False,
    min_roll_calls: int = MIN_ROLL_CALLS,
) -> pd.DataFrame:
    """Every measure between one member and each other member, every year.

    Parameters
    ----------
    min_roll_calls : int, default MIN_ROLL_CALLS
        Leave out the years in which ``actor`` voted on fewer roll calls (see "Coverage" in
        the module docstring); 1 keeps every year.

    Returns
    -------
    pandas.DataFrame
        Columns ``year``, ``partner``, ``n_votes``, ``agreement``, ``s_score``, ``kappa``,
        ``pi``; one row per measured year and partner with at least one common vote, sorted.
    """
    import numpy as np
    import pandas as pd

    parts = []
    for year, actors, m in _per_year(votes, years=years, issue=issue, important=important, focus=[actor]):
        if actor not in actors:
            continue
        i = actors.index(actor)
        n = m["n_votes"][i]
        if n[i] < min_roll_calls:  # the diagonal: roll calls the actor voted on
            continue
        keep = (n > 0) & (np.arange(len(actors)) != i)
        data = {"year": year, "partner": np.asarray(actors, dtype=object)[keep], "n_votes": n[keep].astype("int64")}
        data.update({k: m[k][i][keep] for k in MEASURES})
        parts.append(pd.DataFrame(data))
    if not parts:
        raise ValueError(f"{actor!r} cast no vote in the selected roll calls")
    return pd.concat(parts, ignore_index=True)


def dyad_measures(
    votes: pd.DataFrame,
    a: str,
    b: str,
    *,
    years: Iterable[int] | None = None,
    issue: str | None = None,
    important: bool = False,
    min_roll_calls: int = MIN_ROLL_CALLS,
) -> pd.DataFrame:
    """Every measure for one pair, by year.

    Parameters
    ----------
    votes : pandas.DataFrame
        From :func:`load_votes`.
    a, b : str
        afrel actor ids (``"AFG"``, ``"USA"``; ``"SUN"`` up to 1991 and ``"RUS"`` after;
        ``"NAM"`` for Namibia).

    Returns
    -------
    pandas.DataFrame
        Indexed by ``year``; columns ``n_votes``, ``agreement``, ``s_score``, ``kappa``,
        ``pi``. Years in which the two share no vote, or ``a`` voted on fewer than
        ``min_roll_calls`` roll calls, are left out.
    """
    if a == b:
        raise ValueError(f"a and b are both {a!r}")
    table = country_measures(votes, a, years=years, issue=issue, important=important, min_roll_calls=min_roll_calls)
    pair = table[table["partner"] == b]
    if pair.empty:
        raise ValueError(f"{a!r} and {b!r} share no vote in the selected roll calls")
    return pair.drop(columns="partner").set_index("year")


def coverage(table: pd.DataFrame) -> tuple[int, int, list[int]]:
    """The first and last year a measures table covers, and the years in between it leaves out.

    Examples
    --------
    >>> from afrel.unga import afghanistan_table
    >>> coverage(afghanistan_table())  # 1964: the Assembly avoided recorded votes all session
    (1946, 2019, [1951, 1964])
    """
    years = sorted({int(y) for y in table["year"]})
    if not years:
        raise ValueError("the table has no year")
    missing = sorted(set(range(years[0], years[-1] + 1)) - set(years))
    return years[0], years[-1], missing


def coverage_note(table: pd.DataFrame, span: tuple[int, int] | None = None) -> str:
    """One line saying which years the votes measure, for figures and summaries.

    Parameters
    ----------
    span : (int, int), optional
        The years a figure shows (both included): the line then speaks of those years only.

    Examples
    --------
    >>> from afrel.unga import afghanistan_table
    >>> coverage_note(afghanistan_table())
    'UN votes 1946-2019 (not measured: 1951, 1964, fewer than 10 roll calls); none after 2019'
    >>> coverage_note(afghanistan_table(), span=(1989, 2026))
    'UN votes 1989-2019; none after 2019'
    """
    first, last, missing = coverage(table)
    if span is not None:
        first, last = max(first, span[0]), min(last, span[1])
        missing = [y for y in missing if first <= y <= last]
    gaps = f" (not measured: {', '.join(map(str, missing))}, fewer than {MIN_ROLL_CALLS} roll calls)" if missing else ""
    after = f"; none after {last}" if span is None or last < span[1] else ""
    return f"UN votes {first}-{last}{gaps}{after}"
