"""UN General Assembly roll-call votes: loading them, and the similarity of members' votes by year.

One module per job, every public name re-exported here:

- :mod:`afrel.unga.votes` reads the raw roll-call files into one tidy DataFrame with afrel
  actor ids (:func:`load_votes`, :func:`map_code`, :func:`issue_code`);
- :mod:`afrel.unga.measures` computes, for every pair of members and every year, the votes
  both cast and four similarity measures (:func:`all_dyads`, :func:`country_measures`,
  :func:`dyad_measures`), and which years a table measures (:func:`coverage`,
  :func:`coverage_note`);
- :mod:`afrel.unga.shipped` reads the Afghanistan table derived from them and shipped with
  afrel (:func:`afghanistan_table`), and writes a table in its form (:func:`table_to_csv`).

Examples
--------
>>> import afrel
>>> t = afrel.unga.afghanistan_table()
>>> afrel.unga.coverage(t)
(1946, 2019, [1951, 1964])

With the raw votes (Voeten's data as redistributed by the R package ``unvotes``) any member
can be measured::

    votes = afrel.unga.load_votes("path/to/unga")
    afrel.unga.country_measures(votes, "IND")
"""

from __future__ import annotations

from afrel.unga.measures import (
    MEASURES,
    MIN_ROLL_CALLS,
    Measure,
    all_dyads,
    country_measures,
    coverage,
    coverage_note,
    dyad_measures,
)
from afrel.unga.shipped import TABLE, afghanistan_table, table_to_csv
from afrel.unga.votes import CHOICES, FILES, ISSUES, issue_code, load_votes, map_code

__all__ = [
    "CHOICES",
    "FILES",
    "ISSUES",
    "MEASURES",
    "MIN_ROLL_CALLS",
    "TABLE",
    "Measure",
    "afghanistan_table",
    "all_dyads",
    "country_measures",
    "coverage",
    "coverage_note",
    "dyad_measures",
    "issue_code",
    "load_votes",
    "map_code",
    "table_to_csv",
]
