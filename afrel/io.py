"""Reading and writing the CSV format (see ``data/README.md``).

:func:`load` reads a folder (by default the dataset bundled with afrel), checks every row and
every rule of :mod:`afrel.validation`, and raises one :class:`~afrel.errors.DataError` listing
every problem with file, line and column. Nothing is stripped, coerced or dropped on the way:
a cell padded with spaces, a byte-order mark or a malformed date is reported, not fixed.

:func:`write` writes a graph's records back in canonical form, one file at a time, atomically;
reading a canonical folder and writing it again reproduces it byte for byte.
"""

from __future__ import annotations

import csv
import io
import os
import tempfile
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

from afrel.errors import DataError, Problem
from afrel.graph import RelationGraph
from afrel.schema import FILES, OPTIONAL_COLUMNS, FileSpec, Records, columns, format_row, parse_row
from afrel.validation import check_records

__all__ = ["data_path", "load", "read_records", "write"]

REQUIRED_FILES = frozenset({"actors.csv", "relations.csv", "sources.csv"})
"""Files a folder must have; the others are read when present."""


def data_path() -> Path:
    """The folder of the bundled dataset.

    In an installed wheel it is ``afrel/_data`` inside the package; in a source checkout it is
    the repository's top-level ``data/``.
    """
    bundled = resources.files("afrel") / "_data"
    if bundled.is_dir():
        return Path(str(bundled))
    checkout = Path(__file__).resolve().parent.parent / "data"
    if (checkout / "relations.csv").is_file():
        return checkout
    raise FileNotFoundError(
        "afrel's bundled data is missing: reinstall afrel, or pass the path of a data folder to afrel.load()"
    )


def load(path: str | os.PathLike[str] | None = None, *, warnings: list[Problem] | None = None) -> RelationGraph:
    """Load a folder of afrel CSV files into a :class:`RelationGraph`.

    Parameters
    ----------
    path : str or path-like, optional
        A folder holding ``actors.csv``, ``relations.csv`` and ``sources.csv`` (and optionally
        ``events.csv``, ``periods.csv``, ``leaders.csv``). By default the dataset bundled with
        afrel.

    Returns
    -------
    RelationGraph

    Raises
    ------
    DataError
        Listing every problem found, each with file, line and column.
    FileNotFoundError
        If ``path`` is not a folder.

    Examples
    --------
    >>> import afrel
    >>> g = afrel.load()
    >>> g.actor("SUN").name
    'Soviet Union'
    """
    records = read_records(path, warnings=warnings)
    return RelationGraph(
        records["actors"],
        records["relations"],
        events=records["events"],
        sources=records["sources"],
        periods=records["periods"],
        leaders=records["leaders"],
    )


def read_records(path: str | os.PathLike[str] | None = None, *, warnings: list[Problem] | None = None) -> Records:
    """Read and check a folder; the records by collection (``"actors"``, ``"relations"``, ...).

    The result is typed per collection (:class:`afrel.schema.Records`): ``records["actors"]``
    is a list of :class:`~afrel.Actor`, and so on.

    ``warnings``, when given, receives what the rules report without refusing the data (see
    :func:`afrel.validation.handovers`), with file and line.

    Raises
    ------
    DataError
        Listing every problem found.
    """
    folder = data_path() if path is None else Path(path)
    if not folder.is_dir():
        if folder.is_file() and folder.suffix == ".csv":
            raise FileNotFoundError(f"{folder} is a file; pass the folder that holds it ({folder.parent})")
        raise FileNotFoundError(f"no data folder at {folder}")
    problems: list[Problem] = []
    found: dict[str, list[Any]] = {}
    lines: dict[str, list[int]] = {}
    unreadable: set[str] = set()
    for spec in FILES:
        file = folder / spec.name
        if not file.exists():
            if spec.name in REQUIRED_FILES:
                problems.append(Problem(spec.name, None, None, f"file is missing from {folder}"))
                unreadable.add(spec.key)
            found[spec.key], lines[spec.key] = [], []
            continue
        before = len(problems)
        found[spec.key], lines[spec.key] = _read_file(file, spec, problems)
        if any(p.line in (None, 1) for p in problems[before:]):
            unreadable.add(spec.key)  # a file-level problem: don't also report every reference into it

    def locate(collection: str, position: int) -> tuple[str, int | None]:
        spec = next(s for s in FILES if s.key == collection)
        return spec.name, lines[collection][position]

    problems.extend(check_records(found, locate, skip_references_to=unreadable, warn=warnings))
    if problems:
        problems.sort(key=lambda p: (_file_order(p.file), p.line or 0))
        raise DataError(problems)
    return Records(
        sources=found["sources"],
        actors=found["actors"],
        relations=found["relations"],
        events=found["events"],
        periods=found["periods"],
        leaders=found["leaders"],
    )


def _file_order(name: str) -> int:
    return next((i for i, s in enumerate(FILES) if s.name == name), len(FILES))


def _read_file(file: Path, spec: FileSpec, problems: list[Problem]) -> tuple[list[Any], list[int]]:
    name = spec.name
    raw = file.read_bytes()
    if raw.startswith(b"\xef\xbb\xbf"):
        problems.append(
            Problem(name, 1, None, "file starts with a UTF-8 byte-order mark; save it as UTF-8 without BOM")
        )
        return [], []
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        problems.append(
            Problem(name, line, None, f"not valid UTF-8 (byte {raw[exc.start]:#04x}); save the file as UTF-8")
        )
        return [], []
    if not text.strip():
        problems.append(
            Problem(name, None, None, f"file is empty; it needs at least the header: {','.join(columns(spec.record))}")
        )
        return [], []
    expected = columns(spec.record)
    out: list[Any] = []
    out_lines: list[int] = []
    rows = _rows(text, name, problems)
    header_line, header = next(rows)
    bad_header = _check_header(name, header_line, header, expected, problems)
    if bad_header:
        return [], []
    absent = [c for c in expected if c not in header]  # optional columns only, by _check_header
    for line, cells in rows:
        if not cells:
            problems.append(Problem(name, line, None, "blank line; remove it"))
            continue
        if len(cells) != len(header):
            problems.append(Problem(name, line, None, f"{len(cells)} cells, but the header has {len(header)} columns"))
            continue
        row = dict(zip(header, cells, strict=True))
        for c in absent:
            row[c] = ""
        padded = [c for c in header if row[c] != row[c].strip()]
        for c in padded:
            problems.append(Problem(name, line, c, f"{row[c]!r} has leading or trailing whitespace"))
        if padded:
            continue
        record, errors = parse_row(spec.record, row)
        for column, message in errors:
            problems.append(Problem(name, line, column, message))
        if record is not None:
            out.append(record)
            out_lines.append(line)
    return out, out_lines


def _rows(text: str, name: str, problems: list[Problem]) -> Iterator[tuple[int, list[str]]]:
    """Rows with the line each starts on (a quoted cell may span lines).

    A malformed row (an unclosed quote, a stray quote inside a cell) is reported and ends the
    file: what follows it cannot be read reliably.
    """
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    start = 1
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            problems.append(Problem(name, start, None, f"malformed CSV ({exc}); rows after it were not read"))
            return
        yield start, cells
        start = reader.line_num + 1


def _check_header(name: str, line: int, header: list[str], expected: tuple[str, ...], problems: list[Problem]) -> bool:
    bad = False
    for h in header:
        if h != h.strip():
            problems.append(Problem(name, line, h.strip(), f"header {h!r} has leading or trailing whitespace"))
            bad = True
    seen = set()
    for h in header:
        if h in seen:
            problems.append(Problem(name, line, h, "column appears twice in the header"))
            bad = True
        seen.add(h)
    missing = [c for c in expected if c not in header and c not in OPTIONAL_COLUMNS]
    unknown = [h for h in header if h.strip() not in expected]
    if missing:
        problems.append(
            Problem(name, line, None, f"missing column(s) {', '.join(missing)}; expected {','.join(expected)}")
        )
        bad = True
    for h in unknown:
        if h == h.strip():
            problems.append(Problem(name, line, h, f"unknown column; allowed: {', '.join(expected)}"))
            bad = True
    return bad


def write(g: RelationGraph, path: str | os.PathLike[str]) -> list[Path]:
    """Write a graph's records as a folder of CSV files in canonical form.

    Each file is written to a temporary file beside it and moved into place, so a reader never
    sees a half-written file; a file whose content would not change is left untouched.

    Parameters
    ----------
    g : RelationGraph
        The graph to write (records in their input order).
    path : str or path-like
        The folder; created if needed.

    Returns
    -------
    list of Path
        The files that were (re)written.
    """
    folder = Path(path)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for spec in FILES:
        text = to_csv(g.records(spec.key), spec.record)
        target = folder / spec.name
        data = text.encode("utf-8")
        if target.exists() and target.read_bytes() == data:
            continue
        fd, tmp = tempfile.mkstemp(prefix=f".{spec.name}.", dir=folder)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        written.append(target)
    return written


def to_csv(items: Any, record: type[Any]) -> str:
    """Records as CSV text in canonical form (header, newline line ends, minimal quoting)."""
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=columns(record), lineterminator="\n")
    writer.writeheader()
    for r in items:
        writer.writerow(format_row(r))
    return buf.getvalue()
