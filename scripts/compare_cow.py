"""Compare the dataset's missions with the Correlates of War Diplomatic Exchange data.

COW's Diplomatic Exchange data set (Bayer 2006, v2006.1) records, every five years, the level at
which each pair of states was represented in the other's capital: 1 a chargé d'affaires, 2 a
minister, 3 an ambassador (0 none, 9 other). For Afghanistan (COW code 700), ``DR_at_1`` is the
partner's representation in Kabul and ``DR_at_2`` Afghanistan's in the partner's capital.

This script takes every partner-year where COW records a representation (levels 1-3) and checks
that the dataset has a mission in that direction holding at some time in that year: an
``embassy`` or ``accreditation`` relation from the partner to Afghanistan or one of its
governments (into Kabul), or the reverse (abroad). It prints the share covered in each
direction, the rank disagreements, and, with ``--list``, every partner-year not covered.

The COW file is not part of the project (no open licence is stated); pass its path, or keep
the default ``../shared/data/diplomatic/cow_diplomatic_exchange_afg.csv`` beside the checkout.

Usage::

    python scripts/compare_cow.py [--cow PATH] [--data PATH] [--list] [--csv OUT]
"""

from __future__ import annotations

import argparse
import csv
import datetime
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

import afrel
from afrel import MissionRank, RelationGraph, RelationKind

DEFAULT_COW = Path(__file__).resolve().parents[2] / "shared" / "data" / "diplomatic" / "cow_diplomatic_exchange_afg.csv"
FOCAL_COW = 700
FOCAL = "AFG"
LEVELS = {1: MissionRank.CHARGE, 2: MissionRank.LEGATION, 3: MissionRank.EMBASSY}
DIRECTIONS = ("into", "abroad")
COW_ALIASES = {260: 255, 678: 679}
"""COW codes of states the dataset keeps as one actor: the Federal Republic (260) is Germany (255),
the Yemen Arab Republic (678) is Yemen (679)."""
COLUMNS = ("direction", "year", "ccode", "partner", "cow_rank", "covered", "data_rank", "relations")


def read_cow(path: Path) -> list[dict[str, str]]:
    """The COW rows for the focal state, as read (ccode1 must be the focal state's code)."""
    with path.open(newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    missing = {"ccode1", "ccode2", "year", "DR_at_1", "DR_at_2"} - set(rows[0] if rows else ())
    if missing:
        raise SystemExit(f"{path}: not a COW Diplomatic Exchange file (missing column(s) {', '.join(sorted(missing))})")
    return [r for r in rows if int(r["ccode1"]) == FOCAL_COW]


def _actor_for(g: RelationGraph, ccode: int, year: int) -> str | None:
    """The actor with this COW code that exists during the year (the successor when two do)."""
    lo, hi = datetime.date(year, 1, 1).toordinal(), datetime.date(year + 1, 1, 1).toordinal()
    found = [
        a
        for a in g.actors.values()
        if a.cow == COW_ALIASES.get(ccode, ccode) and any(s_lo < hi and s_hi > lo for s_lo, s_hi in a.spans)
    ]
    if not found:
        return None
    return max(found, key=lambda a: a.lo).id


def compare(g: RelationGraph, cow_rows: Iterable[dict[str, str]]) -> list[dict[str, object]]:
    """One row per COW partner-year and direction with a representation at levels 1-3."""
    focal = {FOCAL} | {a.id for a in g.actors.values() if a.state == FOCAL}
    out: list[dict[str, object]] = []
    for row in cow_rows:
        year, ccode = int(row["year"]), int(row["ccode2"])
        for direction, column in zip(DIRECTIONS, ("DR_at_1", "DR_at_2"), strict=True):
            level = int(float(row[column]))
            if level not in LEVELS:
                continue
            partner = _actor_for(g, ccode, year)
            found = []
            if partner is not None:
                for r in g.relations(
                    actor=partner,
                    kind=(RelationKind.EMBASSY, RelationKind.ACCREDITATION),
                    between=(str(year), str(year)),
                ):
                    sender, host = (r.source, r.target)
                    if (direction == "into" and sender == partner and host in focal) or (
                        direction == "abroad" and sender in focal and host == partner
                    ):
                        found.append(r)
            ranks = sorted({str(r.rank) for r in found if r.rank is not None})
            out.append(
                {
                    "direction": direction,
                    "year": year,
                    "ccode": ccode,
                    "partner": partner or f"cow:{ccode}",
                    "cow_rank": str(LEVELS[level]),
                    "covered": bool(found),
                    "data_rank": ";".join(ranks),
                    "relations": ";".join(r.id for r in found),
                }
            )
    return out


def summarise(rows: Sequence[dict[str, object]]) -> dict[str, tuple[int, int, int]]:
    """Direction -> (represented partner-years, covered, covered with another rank)."""
    out = {}
    for direction in DIRECTIONS:
        mine = [r for r in rows if r["direction"] == direction]
        covered = [r for r in mine if r["covered"]]
        other_rank = [r for r in covered if r["data_rank"] and r["cow_rank"] not in str(r["data_rank"]).split(";")]
        out[direction] = (len(mine), len(covered), len(other_rank))
    return out


def main(argv: Sequence[str] | None = None) -> int:
    """Print the comparison; exit 0."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cow", type=Path, default=DEFAULT_COW, help="the COW rows for Afghanistan (CSV)")
    parser.add_argument("--data", type=Path, default=None, help="a data folder (default: the bundled data)")
    parser.add_argument(
        "--list", action="store_true", help="list every partner-year not covered and every rank disagreement"
    )
    parser.add_argument("--csv", type=Path, default=None, help="write the full comparison to this CSV file")
    args = parser.parse_args(argv)
    if not args.cow.is_file():
        print(f"compare_cow: COW file not found: {args.cow} (pass --cow PATH)", file=sys.stderr)
        return 2
    g = afrel.load(args.data) if args.data else afrel.load()
    rows = compare(g, read_cow(args.cow))
    for direction, (n, covered, other_rank) in summarise(rows).items():
        where = "in Kabul" if direction == "into" else "abroad"
        share = covered / n if n else float("nan")
        print(
            f"{direction:>6}: {covered} of {n} COW partner-years with a representation {where} covered "
            f"({share:.0%}); {other_rank} covered at another rank"
        )
    if args.list:
        for r in rows:
            if not r["covered"]:
                print(f"  not covered: {r['direction']} {r['year']} {r['partner']} ({r['cow_rank']})")
            elif r["data_rank"] and r["cow_rank"] not in str(r["data_rank"]).split(";"):
                print(
                    f"  rank: {r['direction']} {r['year']} {r['partner']}: COW {r['cow_rank']}, "
                    f"data {r['data_rank']} ({r['relations']})"
                )
    if args.csv:
        with args.csv.open("w", newline="", encoding="utf-8") as f:
            writer = csv.DictWriter(f, fieldnames=COLUMNS, lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
