"""Derive data/unga_afg_dyads.csv from the raw UN General Assembly votes.

Usage: python scripts/derive_unga_table.py [UNGA_FOLDER] [OUTPUT]

UNGA_FOLDER holds un_votes.csv.gz, un_roll_calls.csv.gz and un_roll_call_issues.csv.gz
(default: ../shared/data/unga beside the repository); OUTPUT defaults to data/unga_afg_dyads.csv.
The table holds, for every year and every member that shared at least one recorded vote with
Afghanistan, the number of such votes and four similarity measures (see afrel.unga). Only these
aggregates are committed, never the raw rows.
"""

from __future__ import annotations

import sys
from pathlib import Path

from afrel.unga import country_measures, load_votes, table_to_csv

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str]) -> int:
    """Derive the table; arguments as in the module docstring."""
    source = Path(argv[1]) if len(argv) > 1 else ROOT.parent / "shared" / "data" / "unga"
    target = Path(argv[2]) if len(argv) > 2 else ROOT / "data" / "unga_afg_dyads.csv"
    table = country_measures(load_votes(source), "AFG")
    target.write_text(table_to_csv(table), encoding="utf-8")
    span = f"{table.year.min()}-{table.year.max()}"
    print(f"wrote {len(table)} rows ({span}, {table.partner.nunique()} partners) to {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
