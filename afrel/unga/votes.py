"""Reading UN General Assembly roll-call votes into one tidy table with afrel actor ids.

This module's one job is the raw files: :func:`load_votes` reads them, checks them, and maps
each vote's country code to an afrel actor id (:func:`map_code`). What is measured from the
votes lives in :mod:`afrel.unga.measures`.

The input is the long format of Voeten's UNGA voting data as redistributed by the R package
``unvotes`` (:data:`FILES`): ``un_votes.csv.gz`` (rcid, country, country_code, vote),
``un_roll_calls.csv.gz`` (rcid, session, importantvote, date, ...) and
``un_roll_call_issues.csv.gz`` (rcid, short_name, issue). Votes are coded as ordered choices
(:data:`CHOICES`: yes 1, abstain 2, no 3) and roll calls flagged by issue (:data:`ISSUES`).

Mapping codes to actor ids
--------------------------
``country_code`` is ISO 3166-1 alpha-2, read so that Namibia's ``NA`` is not a missing value.
Codes become ISO alpha-3 ids through :func:`afrel.countries.iso2_to_iso3` (former codes through
pycountry's historic countries: ``DD`` -> ``DDR``, ``CS`` -> ``CSK``, ``YU`` -> ``YUG``, ``YD``
-> ``YMD``). Seats that changed hands are split by date: ``RU`` is the Soviet Union (``SUN``)
before 26 December 1991 and Russia (``RUS``) from then; ``CN`` is the Republic of China
(``TWN``) through 25 October 1971 (General Assembly resolution 2758) and the People's Republic
(``CHN``) after. ``YE`` is Yemen (``YEM``, afrel's id for North and united Yemen) and ``DE``
Germany (``DEU``, afrel's id for West and united Germany). The three rows without a code are
mapped by name: the Federal Republic of Germany to ``DEU``, the Yemen Arab Republic to
``YEM``, Zanzibar to ``ZAN``.

References
----------
Voeten, Erik; Strezhnev, Anton; Bailey, Michael (2009). "United Nations General Assembly Voting
Data". Harvard Dataverse, hdl:1902.1/12379.
"""

from __future__ import annotations

import datetime
import functools
import os
from pathlib import Path
from typing import TYPE_CHECKING, Final

from afrel.countries import iso2_to_iso3
from afrel.errors import DataError, Problem

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "CHOICES",
    "FILES",
    "ISSUES",
    "issue_code",
    "load_votes",
    "map_code",
]

CHOICES: Final = {"yes": 1, "abstain": 2, "no": 3}
"""Vote -> ordered choice code, the ``choice`` column of :func:`load_votes`."""

ISSUES: Final = {
    "me": "Palestinian conflict",
    "nu": "Nuclear weapons and nuclear material",
    "di": "Arms control and disarmament",
    "hr": "Human rights",
    "co": "Colonialism",
    "ec": "Economic development",
}
"""Issue codes of ``un_roll_call_issues.csv.gz`` and their names."""

FILES: Final = ("un_votes.csv.gz", "un_roll_calls.csv.gz", "un_roll_call_issues.csv.gz")
"""The three raw files :func:`load_votes` reads, in one folder."""

_SOVIET_END: Final = datetime.date(1991, 12, 26)
_ROC_LAST: Final = datetime.date(1971, 10, 25)
_BY_NAME: Final = {"Federal Republic of Germany": "DEU", "Yemen Arab Republic": "YEM", "Zanzibar": "ZAN"}
_FIXED: Final = {"DD": "DDR", "CS": "CSK", "YU": "YUG", "YD": "YMD", "YE": "YEM", "DE": "DEU"}
"""Codes whose afrel id is fixed here, whatever pycountry lists."""


def _require_pandas() -> None:
    try:
        import pandas  # noqa: F401
    except ImportError:  # pragma: no cover - pandas is a core dependency
        raise ImportError("afrel.unga needs pandas: pip install pandas") from None


@functools.cache
def _alpha2_ids() -> dict[str, str]:
    return {**iso2_to_iso3(), **_FIXED}


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
        return _alpha2_ids()[code]
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


def issue_code(issue: str) -> str:
    """The code of :data:`ISSUES` for an issue given by its code or its name.

    Parameters
    ----------
    issue : str
        A code (``"co"``), a name (``"Colonialism"``) or the first word of one
        (``"human"``), in any case.

    Returns
    -------
    str
        The code, the suffix of the ``issue_<code>`` columns of :func:`load_votes`.

    Raises
    ------
    ValueError
        If no issue has that code or name; the message lists them.

    Examples
    --------
    >>> issue_code("co"), issue_code("Human rights"), issue_code("nuclear")
    ('co', 'hr', 'nu')
    """
    if issue in ISSUES:
        return issue
    for code, name in ISSUES.items():
        if issue.casefold() in (name.casefold(), name.split()[0].casefold()):
            return code
    choices = ", ".join(f"{c!r} ({n})" for c, n in ISSUES.items())
    raise ValueError(f"unknown issue {issue!r}; use one of {choices}")
