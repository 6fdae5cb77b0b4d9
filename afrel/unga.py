"""UN General Assembly roll-call votes: loading, actor mapping and dyadic similarity by year.

The input is the long format of Voeten's UNGA voting data as redistributed by the R package
``unvotes``: ``un_votes.csv.gz`` (rcid, country, country_code, vote), ``un_roll_calls.csv.gz``
(rcid, session, importantvote, date, ...) and ``un_roll_call_issues.csv.gz`` (rcid,
short_name, issue). :func:`load_votes` reads them into one tidy DataFrame with afrel actor ids;
:func:`dyad_measures`, :func:`country_measures` and :func:`all_dyads` compute, per year,
the number of votes two members both cast and four similarity measures:

``agreement``
    Share of those votes on which the two voted the same way.
``s_score``
    Signorino and Ritter's S with absolute distances over the ordered choices
    yes (1) < abstain (2) < no (3): ``1 - sum|x - y| / n`` (the maximal distance is 2).
``kappa``
    Cohen's kappa over the three choices, unweighted: ``(p_o - p_e) / (1 - p_e)`` with
    ``p_e`` from each member's own distribution of choices on the common votes. Undefined (NaN)
    when ``p_e == 1``.
``pi``
    Scott's pi: as kappa, with ``p_e`` from the two members' pooled distribution.

Coverage
--------
A year in which the focal state voted on fewer than :data:`MIN_ROLL_CALLS` (10) roll calls is
not measured: :func:`country_measures` leaves it out, so a yearly series has no value there
(1951, with 7 roll calls, 1964, when the Assembly avoided recorded votes, and 2020, with a
single vote in the data, for Afghanistan). Shares
computed from a handful of votes swing between 0 and 1 and would read as shifts. The raw data
end in 2019: :func:`coverage` says which years a table measures, and every afrel figure and
summary built on the votes says where they end.

These equal :mod:`afrel.similarity` applied to the pair's common votes, year by year; here all
pairs are computed at once from per-year choice-count matrices (a handful of matrix products
per year), so the whole 1946-2019 record takes seconds.

Mapping codes to actor ids
--------------------------
``country_code`` is ISO 3166-1 alpha-2, read so that Namibia's ``NA`` is not a missing value.
Codes become ISO alpha-3 ids through pycountry (former codes through its historic countries:
``DD`` -> ``DDR``, ``CS`` -> ``CSK``, ``YU`` -> ``YUG``, ``YD`` -> ``YMD``). Seats that changed
hands are split by date: ``RU`` is the Soviet Union (``SUN``) before 26 December 1991 and
Russia (``RUS``) from then; ``CN`` is the Republic of China (``TWN``) through 25 October 1971
(General Assembly resolution 2758) and the People's Republic (``CHN``) after. The three rows
without a code are mapped by name: the Federal Republic of Germany to ``DEU`` (afrel's id for
West Germany and for united Germany), the Yemen Arab Republic to ``YEM``, Zanzibar to ``ZAN``.

References
----------
Voeten, Erik; Strezhnev, Anton; Bailey, Michael (2009). "United Nations General Assembly Voting
Data". Harvard Dataverse, hdl:1902.1/12379.

Signorino, C. S. and Ritter, J. M. (1999). "Tau-b or Not Tau-b: Measuring the Similarity of
Foreign Policy Positions". International Studies Quarterly 43(1): 115-144.

Häge, F. M. (2011). "Choice or Circumstance? Adjusting Measures of Foreign Policy Similarity for
Chance Agreement". Political Analysis 19(3): 287-305.
"""

from __future__ import annotations

import datetime
import functools
import os
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Final, Literal

from afrel.errors import DataError, Problem

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt
    import pandas as pd

__all__ = [
    "CHOICES",
    "ISSUES",
    "MEASURES",
    "MIN_ROLL_CALLS",
    "afghanistan_table",
    "all_dyads",
    "country_measures",
    "coverage",
    "coverage_note",
    "dyad_measures",
    "load_votes",
    "map_code",
    "table_to_csv",
]

CHOICES: Final = {"yes": 1, "abstain": 2, "no": 3}
"""Vote -> ordered choice code used by the measures."""

ISSUES: Final = {
    "me": "Palestinian conflict",
    "nu": "Nuclear weapons and nuclear material",
    "di": "Arms control and disarmament",
    "hr": "Human rights",
    "co": "Colonialism",
    "ec": "Economic development",
}
"""Issue codes of ``un_roll_call_issues.csv.gz`` and their names."""

Measure = Literal["agreement", "s_score", "kappa", "pi"]
MEASURES: Final[tuple[Measure, ...]] = ("agreement", "s_score", "kappa", "pi")

MIN_ROLL_CALLS: Final = 10
"""Fewest roll calls the focal state must vote on in a year for the year to be measured."""

FILES: Final = ("un_votes.csv.gz", "un_roll_calls.csv.gz", "un_roll_call_issues.csv.gz")

_SOVIET_END: Final = datetime.date(1991, 12, 26)
_ROC_LAST: Final = datetime.date(1971, 10, 25)
_BY_NAME: Final = {"Federal Republic of Germany": "DEU", "Yemen Arab Republic": "YEM", "Zanzibar": "ZAN"}


def _require_pandas() -> None:
    try:
        import pandas  # noqa: F401
    except ImportError:  # pragma: no cover - pandas is a core dependency
        raise ImportError("afrel.unga needs pandas: pip install pandas") from None


@functools.cache
def _iso2_to_iso3() -> dict[str, str]:
    import pycountry

    table = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    for c in pycountry.historic_countries:
        table.setdefault(c.alpha_2, c.alpha_3)
    table.update({"DD": "DDR", "CS": "CSK", "YU": "YUG", "YD": "YMD", "YE": "YEM", "DE": "DEU"})
    return table


def map_code(code: str, country: str, date: datetime.date) -> str:
    """The afrel actor id for one vote's ``country_code`` (see the module docstring).

    Examples
    --------
    >>> import datetime
    >>> map_code("RU", "Russia", datetime.date(1980, 1, 1)), map_code("RU", "Russia", datetime.date(1992, 1, 1))
    ('SUN', 'RUS')
    >>> map_code("NA", "Namibia", datetime.date(1995, 1, 1))
    'NAM'
    >>> map_code("", "Yemen Arab Republic", datetime.date(1980, 1, 1))
    'YEM'
    """
    if code == "RU":
        return "SUN" if date < _SOVIET_END else "RUS"
    if code == "CN":
        return "TWN" if date <= _ROC_LAST else "CHN"
    if code == "":
        try:
            return _BY_NAME[country]
        except KeyError:
            raise ValueError(f"vote without a country code for {country!r}; known: {', '.join(_BY_NAME)}") from None
    try:
        return _iso2_to_iso3()[code]
    except KeyError:
        raise ValueError(f"unknown ISO 3166-1 alpha-2 code {code!r} (country {country!r})") from None


def _files(path: str | os.PathLike[str]) -> tuple[Path, Path, Path]:
    p = Path(path)
    if p.is_file() and p.name.startswith("un_votes"):
        p = p.parent
    if not p.is_dir():
        raise FileNotFoundError(f"no UN votes at {p}: pass the folder holding {', '.join(FILES)}")
    found = tuple(p / name for name in FILES)
    missing = [f.name for f in found if not f.is_file()]
    if missing:
        raise FileNotFoundError(f"{p} lacks {', '.join(missing)}; expected {', '.join(FILES)}")
    return found[0], found[1], found[2]


def load_votes(path: str | os.PathLike[str]) -> pd.DataFrame:
    """Read roll-call votes into one tidy DataFrame with afrel actor ids.

    Parameters
    ----------
    path : str or path-like
        The folder holding ``un_votes.csv.gz``, ``un_roll_calls.csv.gz`` and
        ``un_roll_call_issues.csv.gz`` (or the votes file itself, with the others beside it).

    Returns
    -------
    pandas.DataFrame
        One row per recorded vote, columns: ``rcid`` (int), ``date`` (datetime64), ``year``
        (int), ``session`` (int), ``important`` (nullable bool: the roll-call data leaves some
        unmarked), ``actor`` (afrel id, categorical), ``country``, ``country_code``, ``vote`` (yes / abstain
        / no), ``choice`` (1 / 2 / 3), and one boolean column ``issue_<code>`` per issue of
        :data:`ISSUES`. Rows are in the files' order.

    Raises
    ------
    FileNotFoundError
        If a file is missing.
    DataError
        If a vote is not yes / abstain / no, a roll call has no date, or a code cannot be mapped.
    """
    _require_pandas()
    import numpy as np
    import pandas as pd

    votes_file, calls_file, issues_file = _files(path)

    def read(file: Path) -> pd.DataFrame:
        return pd.read_csv(file, keep_default_na=False, na_values=[], dtype=str)

    votes = read(votes_file)
    calls = read(calls_file)
    issues = read(issues_file)
    problems: list[Problem] = []
    for name, frame, cols in (
        (votes_file.name, votes, ("rcid", "country", "country_code", "vote")),
        (calls_file.name, calls, ("rcid", "session", "importantvote", "date")),
        (issues_file.name, issues, ("rcid", "short_name")),
    ):
        missing = [c for c in cols if c not in frame.columns]
        if missing:
            problems.append(Problem(name, 1, None, f"missing column(s) {', '.join(missing)}"))
    if problems:
        raise DataError(problems)

    bad_vote = ~votes["vote"].isin(list(CHOICES))
    for i in np.flatnonzero(bad_vote.to_numpy())[:20]:
        problems.append(
            Problem(votes_file.name, int(i) + 2, "vote", f"{votes['vote'].iat[i]!r} is not yes, abstain or no")
        )
    dates = pd.to_datetime(calls["date"], format="%Y-%m-%d", errors="coerce")
    for i in np.flatnonzero(dates.isna().to_numpy())[:20]:
        problems.append(
            Problem(calls_file.name, int(i) + 2, "date", f"{calls['date'].iat[i]!r} is not a YYYY-MM-DD date")
        )
    if problems:
        raise DataError(problems)

    calls_t = pd.DataFrame(
        {
            "rcid": calls["rcid"].astype("int64"),
            "date": dates,
            "session": pd.to_numeric(calls["session"]).astype("int64"),
            "important": calls["importantvote"].map({"1": True, "0": False}).astype("boolean"),
        }
    )
    out = votes.assign(rcid=votes["rcid"].astype("int64")).merge(calls_t, on="rcid", how="left", validate="many_to_one")
    unknown = out["date"].isna()
    if unknown.any():
        first = int(np.flatnonzero(unknown.to_numpy())[0])
        raise DataError(
            [
                Problem(
                    votes_file.name,
                    first + 2,
                    "rcid",
                    f"roll call {out['rcid'].iat[first]} is not in {calls_file.name}",
                )
            ]
        )
    out["year"] = out["date"].dt.year.astype("int64")

    # actor ids: map each distinct (code, country, seat period) once, then spread by group number
    soviet = (out["date"] < pd.Timestamp(_SOVIET_END)).to_numpy()
    roc = (out["date"] <= pd.Timestamp(_ROC_LAST)).to_numpy()
    keys = pd.DataFrame({"code": out["country_code"], "country": out["country"], "soviet": soviet, "roc": roc})
    group = keys.groupby(["code", "country", "soviet", "roc"], sort=False).ngroup().to_numpy()
    first_rows = np.unique(group, return_index=True)[1]
    mapped: list[str] = []
    first_dates = out["date"].to_numpy()[first_rows].astype("datetime64[D]").tolist()
    for row, day in zip(first_rows, first_dates, strict=True):
        try:
            mapped.append(map_code(str(out["country_code"].iat[row]), str(out["country"].iat[row]), day))
        except ValueError as exc:
            problems.append(Problem(votes_file.name, int(row) + 2, "country_code", str(exc)))
    if problems:
        raise DataError(problems)
    categories = sorted(set(mapped))
    code_of_group = np.array([categories.index(m) for m in mapped], dtype=np.int32)
    out["actor"] = pd.Categorical.from_codes(code_of_group[group], categories=pd.Index(categories))
    out["choice"] = out["vote"].map(CHOICES).astype("int8")
    issues_rcid = issues["rcid"].astype("int64")
    for code in ISSUES:
        out[f"issue_{code}"] = out["rcid"].isin(issues_rcid[issues["short_name"] == code])
    columns = ["rcid", "date", "year", "session", "important", "actor", "country", "country_code", "vote", "choice"]
    return out[columns + [f"issue_{c}" for c in ISSUES]]


# --- the measures, for every pair at once ------------------------------------------------------


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
        code = _issue_code(issue)
        m = votes[f"issue_{code}"]
        mask = m if mask is None else mask & m
    if important:
        m = votes["important"].fillna(False).astype(bool)
        mask = m if mask is None else mask & m
    return votes if mask is None else votes[mask]


def _issue_code(issue: str) -> str:
    if issue in ISSUES:
        return issue
    for code, name in ISSUES.items():
        if issue.casefold() in (name.casefold(), name.split()[0].casefold()):
            return code
    choices = ", ".join(f"{c!r} ({n})" for c, n in ISSUES.items())
    raise ValueError(f"unknown issue {issue!r}; use one of {choices}")


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
        kappa = np.where(np.isclose(p_e_kappa, 1.0), np.nan, (p_o - p_e_kappa) / (1.0 - p_e_kappa))
        pi = np.where(np.isclose(p_e_pi, 1.0), np.nan, (p_o - p_e_pi) / (1.0 - p_e_pi))
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


# --- the table shipped with afrel ---------------------------------------------------------------

TABLE: Final = "unga_afg_dyads.csv"
"""File name of the derived Afghanistan table in the data folder."""


def table_to_csv(table: pd.DataFrame) -> str:
    """A measures table as CSV text in the canonical form of the shipped table.

    Measures are written with six decimals; an undefined measure (NaN) is an empty cell.
    """
    return str(table.to_csv(index=False, float_format="%.6f", lineterminator="\n"))


def coverage(table: pd.DataFrame) -> tuple[int, int, list[int]]:
    """The first and last year a measures table covers, and the years in between it leaves out.

    Examples
    --------
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


def afghanistan_table(path: str | os.PathLike[str] | None = None) -> pd.DataFrame:
    """Afghanistan against every other member, every year: the table shipped with afrel.

    It is derived from the raw votes by ``scripts/derive_unga_table.py`` (which calls
    :func:`country_measures` with ``"AFG"`` and rounds to six decimals), so that users can
    work with it without the raw files. Years with fewer than :data:`MIN_ROLL_CALLS` roll
    calls are not in it (1951, 1964 and 2020); the votes end in 2019.

    Parameters
    ----------
    path : str or path-like, optional
        A CSV written by that script; by default the one bundled with afrel.

    Returns
    -------
    pandas.DataFrame
        Columns ``year``, ``partner``, ``n_votes``, ``agreement``, ``s_score``, ``kappa``, ``pi``.

    Examples
    --------
    >>> t = afghanistan_table()
    >>> t[(t.year == 1985) & (t.partner == "SUN")][["n_votes", "agreement"]].round(2).to_dict("records")
    [{'n_votes': 147, 'agreement': 0.91}]
    """
    import pandas as pd

    from afrel.io import data_path

    file = Path(path) if path is not None else data_path() / TABLE
    return pd.read_csv(file, keep_default_na=False, na_values=[""], dtype={"partner": str})
