"""Derive data/unga_afg_dyads.csv from the raw UN General Assembly votes.

Usage: python scripts/derive_unga_table.py [UNGA_FOLDER] [OUTPUT]

UNGA_FOLDER holds un_votes.csv.gz, un_roll_calls.csv.gz and un_roll_call_issues.csv.gz
(default: ../shared/data/unga beside the repository); OUTPUT defaults to data/unga_afg_dyads.csv.
The table holds, for every year and every member that shared at least one recorded vote with
Afghanistan, the number of such votes and four similarity measures (see afrel.unga.measures).
Only these aggregates are committed, never the raw rows.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from afrel.unga import afghanistan_table, country_measures, load_votes, table_to_csv

ROOT = Path(__file__).resolve().parent.parent
ACTOR = "AFG"
"""The member the shipped table measures (read back by afrel.unga.afghanistan_table)."""


def main(argv: list[str]) -> int:
    """Derive the table; arguments as in the module docstring."""
    parser = argparse.ArgumentParser(
        prog=Path(argv[0]).name,
        description=f"Derive the shipped UN voting table ({ACTOR} against every other member, every year).",
    )
    parser.add_argument(
        "source",
        nargs="?",
        type=Path,
        default=ROOT.parent / "shared" / "data" / "unga",
        help="folder of un_votes.csv.gz, un_roll_calls.csv.gz and un_roll_call_issues.csv.gz "
        "(default: ../shared/data/unga beside the repository)",
    )
    parser.add_argument(
        "target",
        nargs="?",
        type=Path,
        default=ROOT / "data" / "unga_afg_dyads.csv",
        help="the CSV to write (default: data/unga_afg_dyads.csv)",
    )
    args = parser.parse_args(argv[1:])
    table = country_measures(load_votes(args.source), ACTOR)
    args.target.write_text(table_to_csv(table), encoding="utf-8")
    read_back = afghanistan_table(args.target)
    span = f"{read_back.year.min()}-{read_back.year.max()}"
    print(f"wrote {len(read_back)} rows ({span}, {read_back.partner.nunique()} partners) to {args.target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
