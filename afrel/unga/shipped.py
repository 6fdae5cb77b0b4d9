"""The UN voting table shipped with afrel: Afghanistan against every other member, every year.

This module's one job is that derived table: :func:`afghanistan_table` reads it (so users can
work with it without the raw votes) and :func:`table_to_csv` writes any measures table in its
canonical form. ``scripts/derive_unga_table.py`` derives it from the raw votes with
:func:`afrel.unga.load_votes` and :func:`afrel.unga.country_measures` for ``"AFG"``.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["TABLE", "afghanistan_table", "table_to_csv"]

TABLE: Final = "unga_afg_dyads.csv"
"""File name of the derived Afghanistan table in the data folder."""


def table_to_csv(table: pd.DataFrame) -> str:
    """A measures table as CSV text in the canonical form of the shipped table.

    Measures are written with six decimals; an undefined measure (NaN) is an empty cell.
    """
    return str(table.to_csv(index=False, float_format="%.6f", lineterminator="\n"))


def afghanistan_table(path: str | os.PathLike[str] | None = None) -> pd.DataFrame:
    """Afghanistan against every other member, every year: the table shipped with afrel.

    It is derived from the raw votes by ``scripts/derive_unga_table.py`` (which calls
    :func:`afrel.unga.country_measures` with ``"AFG"`` and rounds to six decimals), so that users can
    work with it without the raw files. Years with fewer than :data:`afrel.unga.MIN_ROLL_CALLS` roll
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
