from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import matplotlib
import pytest

matplotlib.use("Agg")

import matplotlib.pyplot as plt

import afrel
from afrel.cli import main
from afrel.report import camp_eras, write_report

FIGURES = ("headline", "timeline", "alignment", "un_agreement", "network_eras", "un_heatmap")


@pytest.fixture
def template_backend() -> Iterator[str]:
    """A backend the report has no reason to pick: the report must leave it as it is."""
    before = matplotlib.get_backend()
    matplotlib.use("template")
    yield matplotlib.get_backend()
    matplotlib.use(before)


def test_report_writes_figures_and_a_summary_that_says_what_it_measured(tmp_path: Path, template_backend: str) -> None:
    out, err = io.StringIO(), io.StringIO()
    open_before = plt.get_fignums()
    assert main(["report", str(tmp_path / "r"), "--samples", "6"], out=out, err=err) == 0
    assert matplotlib.get_backend() == template_backend  # the user's backend is left alone
    assert plt.get_fignums() == open_before  # and no pyplot figure is left open (none is made)
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
    assert summary.startswith("# Afghanistan between West and East")
    assert "UN votes 1946-2019 (not measured: 1951, 1964, fewer than 10 roll calls); none after 2019" in summary
    assert "| index from ties | 1980 |" in summary and "| index from ties | 1992 |" in summary
    assert "| UN agreement, USSR/Russia | 1980 |" in summary
    assert "| Soviet war | 1980-1988 | +0." in summary
    progress = err.getvalue().splitlines()
    assert len(progress) == 8 and progress[0].startswith("[1/8] load the dataset")
    assert out.getvalue().startswith("wrote 14 files")
    assert (tmp_path / "r" / "explorer.html").read_text().startswith("<!DOCTYPE html>")


def test_report_for_another_state_without_its_votes(tmp_path: Path) -> None:
    open_before = plt.get_fignums()
    files = write_report(tmp_path, actor="PAK", samples=2)
    names = {p.name for p in files}
    assert {"headline.png", "timeline.png", "alignment.png", "network_eras.png", "summary.md"} <= names
    assert not {"un_agreement.png", "un_heatmap.png"} & names  # no UN table ships for Pakistan
    summary = (tmp_path / "summary.md").read_text()
    assert summary.startswith("# Pakistan between West and East")
    assert "- No UN votes: afrel ships the UN table for Afghanistan only; give the raw votes (--unga)" in summary
    assert "Soviet war" not in summary and "Kabul" not in summary  # none of Afghanistan's eras or reading
    eras = camp_eras((1947, 2026))
    assert all(f"| {era} | " in summary for era in eras)  # the camps' eras are compared instead
    assert "Pakistan's ties with other states are mostly missing" in summary
    assert "Figures: headline, timeline, alignment, network_eras (PNG and SVG)" in summary
    assert plt.get_fignums() == open_before


def _votes(folder: Path) -> Path:
    """Twelve roll calls of 1985 between Pakistan, the Soviet Union and the United States."""
    import gzip

    folder.mkdir()
    calls = ["rcid,session,importantvote,date,unres,amend,para,short,descr"]
    votes = ["rcid,country,country_code,vote"]
    for rcid in range(1, 13):
        calls.append(f"{rcid},40,0,1985-10-{rcid:02d},R/x,0,0,s,d")
        us = "yes" if rcid <= 3 else "no"
        votes += [f"{rcid},Pakistan,PK,yes", f"{rcid},Russia,RU,yes", f"{rcid},United States,US,{us}"]
    files = {"un_roll_calls": calls, "un_votes": votes, "un_roll_call_issues": ["rcid,short_name,issue"]}
    for name, lines in files.items():
        with gzip.open(folder / f"{name}.csv.gz", "wt") as fh:
            fh.write("\n".join(lines) + "\n")
    return folder


def test_report_for_another_state_with_its_votes(tmp_path: Path) -> None:
    files = write_report(
        tmp_path / "r", actor="PAK", unga=_votes(tmp_path / "votes"), samples=2, eras={"mid-1980s": (1983, 1987)}
    )
    assert {"un_agreement.png", "un_heatmap.png"} <= {p.name for p in files}
    summary = (tmp_path / "r" / "summary.md").read_text()
    assert "| mid-1980s | 1983-1987 |" in summary and "UN votes 1985-1985" in summary
    assert "no UN votes" not in summary.lower()


def test_camp_eras_follow_the_camps() -> None:
    assert list(camp_eras((1919, 2026)).values()) == [(1919, 1948), (1949, 1991), (1992, 2026)]
    assert list(camp_eras((1960, 2000)).values()) == [(1960, 1991), (1992, 2000)]  # clipped to the span


def test_a_failed_report_leaves_no_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib

    module = importlib.import_module("afrel.sensitivity")  # afrel.sensitivity is also the function

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("the measure broke")

    monkeypatch.setattr(module, "sensitivity", broken)
    err = io.StringIO()
    assert main(["report", str(tmp_path / "r")], out=io.StringIO(), err=err) == 2
    assert err.getvalue().splitlines()[-1] == "afrel: error: the report failed: RuntimeError: the measure broke"
    assert "Traceback" not in err.getvalue()
    assert not (tmp_path / "r").exists()
    (tmp_path / "kept").mkdir()  # a folder that was there stays there
    with pytest.raises(RuntimeError):
        write_report(tmp_path / "kept", samples=2)
    assert (tmp_path / "kept").is_dir()


def test_report_refuses_a_file_and_an_unknown_actor(tmp_path: Path) -> None:
    file = tmp_path / "taken"
    file.write_text("x")
    with pytest.raises(NotADirectoryError, match="is a file"):
        write_report(file)
    with pytest.raises(afrel.UnknownActorError, match="ZZZ"):
        write_report(tmp_path / "r", actor="ZZZ")
    assert not (tmp_path / "r").exists()
