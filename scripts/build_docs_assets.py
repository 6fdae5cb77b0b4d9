"""Write the documentation's generated assets from the bundled data.

Usage: python scripts/build_docs_assets.py

- ``docs/img/headline.png``: the headline figure of the report (also shown in the README);
- ``docs/explorer.html``: the explorer page, which the documentation site links to.

Run it after the data change, then commit both files.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import afrel
from afrel.report import OPEN_YEAR, write_report

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    """Write the assets; exit 0."""
    g = afrel.load()
    with tempfile.TemporaryDirectory() as tmp:
        write_report(tmp, g=g)
        shutil.copyfile(Path(tmp) / "headline.png", ROOT / "docs" / "img" / "headline.png")
    path = afrel.explore(g, ROOT / "docs" / "explorer.html", year=OPEN_YEAR)
    print(f"wrote docs/img/headline.png and {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
