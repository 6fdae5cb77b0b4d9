from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

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
