"""Every ```python block of README.md runs as written, in order, in one namespace."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BLOCKS = re.findall(r"^```python\n(.*?)^```", (ROOT / "README.md").read_text(encoding="utf-8"), re.M | re.S)
NEEDS_SHARED = ("../shared", "shared/data")


def test_the_readme_has_python_blocks() -> None:
    assert len(BLOCKS) >= 3


def test_readme_python_blocks_run_in_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("matplotlib")
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    monkeypatch.chdir(tmp_path)  # files the blocks write land here
    namespace: dict[str, object] = {"__name__": "__readme__"}
    try:
        for i, block in enumerate(BLOCKS, 1):
            if any(s in block for s in NEEDS_SHARED):
                pytest.skip(f"README block {i} needs the UN votes in ../shared")
            exec(compile(block, f"README.md python block {i}", "exec"), namespace)
    finally:
        plt.close("all")
