from __future__ import annotations

import datetime
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

import afrel
from afrel.cli import main

FIXTURES = Path(__file__).parent / "fixtures"


def run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(args), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_validate_bundled_data() -> None:
    code, out, _ = run("validate")
    assert code == 0 and out.startswith("OK: ")


def test_validate_broken_folder_lists_every_problem_and_fails() -> None:
    code, _, err = run("validate", str(FIXTURES / "broken"))
    assert code == 1
    assert "relations.csv:5: column 'start': '1979-02-30': day 30 does not exist in 1979-02" in err
    assert err.strip().endswith("25 problems found")


def test_snapshot_formats(tmp_path: Path) -> None:
    code, out, _ = run("snapshot", "1985-06-01", "--format", "json")
    data = json.loads(out)
    assert code == 0 and data["graph"]["date"] == "1985-06-01"
    assert any(e["key"] == "int-sun-afg-dra-1979" for e in data["edges"])
    code, out, _ = run("snapshot", "1985")
    assert code == 0 and out.startswith("<?xml")
    code, _, err = run("snapshot", "1985", "--format", "csv")
    assert code == 2 and "-o" in err
    code, _, _ = run("snapshot", "1985", "--format", "csv", "-o", str(tmp_path / "snap"))
    assert code == 0 and (tmp_path / "snap" / "edges.csv").is_file()
    code, _, err = run("snapshot", "1985-13")
    assert code == 2 and "month 13" in err


def test_summary() -> None:
    code, out, _ = run("summary")
    assert code == 0 and "relations per kind:" in out and "diplomatic" in out


def test_python_dash_m_and_bad_usage() -> None:
    done = subprocess.run([sys.executable, "-m", "afrel", "validate"], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("OK: ")
    with pytest.raises(SystemExit):
        run("frobnicate")


@pytest.fixture
def small(tmp_path: Path) -> Path:
    """A valid data folder with two states, one relation and one source, and no Afghanistan."""
    actors = [
        afrel.Actor(id="PAK", name="Pakistan", kind="state", start="1947-08-14", sources=["s"]),
        afrel.Actor(id="IND", name="India", kind="state", start="1947-08-15", sources=["s"]),
    ]
    relation = afrel.Relation(id="r1", source="PAK", target="IND", kind="diplomatic", start="1948", sources=["s"])
    g = afrel.RelationGraph(actors, [relation], sources=[afrel.Source(id="s", citation="A source")])
    afrel.write(g, tmp_path / "small")
    return tmp_path / "small"


def test_counts_agree_with_their_numbers(small: Path, tmp_path: Path) -> None:
    code, out, _ = run("validate", str(small))
    assert code == 0 and out.strip() == "OK: 2 actors, 1 relation, 0 events, 1 source, 0 periods, 0 leaders"
    code, out, _ = run("summary", str(small))
    assert code == 0 and out.splitlines()[0] == "2 actors, 1 relation, 0 events"
    code, _, err = run("snapshot", "1990", "--data", str(small), "-o", str(tmp_path / "s.graphml"))
    assert code == 0 and err.strip().startswith("wrote 2 actors and 1 relation to ")
    code, _, err = run("validate", str(FIXTURES / "bom"))
    assert code == 1 and err.strip().endswith("\n1 problem found")


def test_report_into_a_file_or_without_the_actor_is_one_line(small: Path, tmp_path: Path) -> None:
    taken = tmp_path / "taken.txt"
    taken.write_text("x")
    code, _, err = run("report", str(taken))
    assert code == 2 and err == f"afrel: error: {taken} is a file: give a folder to write the report into\n"
    code, _, err = run("report", str(tmp_path / "r"), "--data", str(small))
    assert code == 2
    expected = f"no actor 'AFG' in the data at {small}: choose one with --actor; its states: IND, PAK"
    assert err == f"afrel: error: {expected}\n"
    code, _, err = run("report", str(tmp_path / "r"), "--actor", "ZZZ")
    assert code == 2 and len(err.splitlines()) == 1 and err.startswith("afrel: error: unknown actor 'ZZZ'")
    assert not (tmp_path / "r").exists()


def test_report_on_a_small_folder_for_its_own_state(small: Path, tmp_path: Path) -> None:
    code, out, err = run("report", str(tmp_path / "r"), "--data", str(small), "--actor", "PAK")
    assert code == 0, err
    assert out.startswith("wrote 10 files")  # four figures in two formats, the summary and the explorer
    summary = (tmp_path / "r" / "summary.md").read_text()
    assert "- Dataset: 2 actors, 1 relation, 0 events, 1 source;" in summary
    assert "No relation has disputed dates" in summary


def test_a_date_outside_the_data_says_so_in_one_line_and_still_answers() -> None:
    out, err = io.StringIO(), io.StringIO()
    assert main(["snapshot", "1900-01-01", "--format", "json"], out=out, err=err) == 0
    assert err.getvalue().splitlines() == [
        f"afrel: warning: 1900-01-01 reaches outside the data's scope (1916-01-24 to today, "
        f"{datetime.date.today().isoformat()}): the records say nothing about that time"
    ]
    assert json.loads(out.getvalue())["nodes"]  # the actors that existed (those with no start) are there
