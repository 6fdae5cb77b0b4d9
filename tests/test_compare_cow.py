"""scripts/compare_cow.py: the dataset's missions against the COW Diplomatic Exchange rows."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

import afrel

ROOT = Path(__file__).resolve().parent.parent
COW = ROOT.parent / "shared" / "data" / "diplomatic" / "cow_diplomatic_exchange_afg.csv"


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("compare_cow", ROOT / "scripts" / "compare_cow.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["compare_cow"] = module
    spec.loader.exec_module(module)
    return module


def test_comparison_on_a_tiny_graph() -> None:
    cow = _script()
    actors = [
        afrel.Actor(id="AFG", name="Afghanistan", kind="state", cow=700),
        afrel.Actor(id="AFG-DRA", name="DRA", kind="government", state="AFG", start="1978-04-30", end="1992-04-28"),
        afrel.Actor(id="SUN", name="Soviet Union", kind="state", cow=365, end="1991-12-26"),
        afrel.Actor(id="RUS", name="Russia", kind="state", cow=365, start="1991-12-26"),
        afrel.Actor(id="IND", name="India", kind="state", cow=750, start="1947-08-15"),
    ]
    relations = [
        afrel.Relation(
            id="e1",
            source="SUN",
            target="AFG",
            kind="embassy",
            start="1920",
            end="1991-12-26",
            rank="embassy",
            sources=["s"],
        ),
        afrel.Relation(
            id="e2",
            source="AFG",
            target="IND",
            kind="accreditation",
            start="1975",
            end="1975",
            rank="charge",
            sources=["s"],
        ),
    ]
    g = afrel.RelationGraph(actors, relations)
    rows = [
        {"ccode1": "700", "ccode2": "365", "year": "1985", "DR_at_1": "3", "DR_at_2": "0"},
        {"ccode1": "700", "ccode2": "365", "year": "1995", "DR_at_1": "3", "DR_at_2": "9"},
        {"ccode1": "700", "ccode2": "750", "year": "1975", "DR_at_1": "0", "DR_at_2": "2"},
        {"ccode1": "700", "ccode2": "750", "year": "1980", "DR_at_1": "1", "DR_at_2": "0"},
    ]
    out = cow.compare(g, rows)
    got = {(r["direction"], r["year"], r["partner"]): (r["covered"], r["data_rank"]) for r in out}
    assert got == {
        ("into", 1985, "SUN"): (True, "embassy"),
        ("into", 1995, "RUS"): (False, ""),  # 365 after 1991 is Russia; code 9 abroad is not counted
        ("abroad", 1975, "IND"): (True, "charge"),
        ("into", 1980, "IND"): (False, ""),
    }
    # covered at another rank: India 1975, a legation in COW, a chargé in the data
    assert cow.summarise(out) == {"into": (3, 1, 0), "abroad": (1, 1, 1)}


@pytest.mark.shared
@pytest.mark.skipif(not COW.is_file(), reason=f"needs the COW rows for Afghanistan in ../shared ({COW.name})")
def test_bundled_missions_cover_most_cow_partner_years(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    cow = _script()
    rows = cow.compare(afrel.load(), cow.read_cow(COW))
    summary = cow.summarise(rows)
    for direction, (n, covered, _) in summary.items():
        assert n > 250, direction
        assert covered / n >= 0.8, f"{direction}: {covered} of {n} COW partner-years covered"
    assert cow.main(["--cow", str(COW), "--csv", str(tmp_path / "c.csv")]) == 0
    assert "COW partner-years" in capsys.readouterr().out
    assert (tmp_path / "c.csv").read_text().startswith("direction,year,ccode,partner,cow_rank")
