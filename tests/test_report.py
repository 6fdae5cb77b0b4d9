from __future__ import annotations

import io
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

from afrel.cli import main


def test_report_writes_figures_and_summary(tmp_path: Path) -> None:
    out, err = io.StringIO(), io.StringIO()
    assert main(["report", str(tmp_path / "r")], out=out, err=err) == 0
    names = {p.name for p in (tmp_path / "r").iterdir()}
    for fig in ("timeline", "alignment", "un_agreement", "network_eras", "un_heatmap"):
        assert {f"{fig}.png", f"{fig}.svg"} <= names
        assert (tmp_path / "r" / f"{fig}.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    summary = (tmp_path / "r" / "summary.md").read_text()
    assert "| USSR/Russia | 1980 |" in summary and "| USSR/Russia | 1991 |" in summary
    assert "| The Democratic Republic and the Soviet war |" in summary
    progress = err.getvalue().splitlines()
    assert len(progress) == 7 and progress[0].startswith("[1/7] load the dataset")
    assert out.getvalue().startswith("wrote 11 files")
