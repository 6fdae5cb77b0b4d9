from __future__ import annotations

import io
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

from afrel.cli import main

FIGURES = ("headline", "timeline", "alignment", "un_agreement", "network_eras", "un_heatmap")


def test_report_writes_figures_and_a_summary_that_says_what_it_measured(tmp_path: Path) -> None:
    out, err = io.StringIO(), io.StringIO()
    assert main(["report", str(tmp_path / "r")], out=out, err=err) == 0
    names = {p.name for p in (tmp_path / "r").iterdir()}
    for fig in FIGURES:
        assert {f"{fig}.png", f"{fig}.svg"} <= names
        assert (tmp_path / "r" / f"{fig}.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    summary = (tmp_path / "r" / "summary.md").read_text()
    headings = [line for line in summary.splitlines() if line.startswith("## ")]
    assert headings == [
        "## Coverage",
        "## Measures, in one line each",
        "## The eras under each weighting (mean yearly index)",
        "## Shifts found by `afrel.change_points`",
        "## Reading the numbers",
        "## Not covered",
    ]
    assert "UN votes 1946-2019 (not measured: 1951, 1964, fewer than 10 roll calls); none after 2019" in summary
    assert "| index from ties | 1980 |" in summary and "| index from ties | 1992 |" in summary
    assert "| UN agreement, USSR/Russia | 1980 |" in summary
    assert "| Soviet war | 1980-1988 | +0." in summary
    progress = err.getvalue().splitlines()
    assert len(progress) == 8 and progress[0].startswith("[1/8] load the dataset")
    assert out.getvalue().startswith("wrote 14 files")
    assert (tmp_path / "r" / "explorer.html").read_text().startswith("<!DOCTYPE html>")
