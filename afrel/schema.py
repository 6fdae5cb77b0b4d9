"""The CSV format: which file holds which record, its columns, and the cell codec.

A cell is text; :func:`parse_row` turns a row into a record, collecting a problem for every bad
cell instead of stopping at the first, and :func:`format_row` writes a record back to cells in
canonical form, so that reading then writing an unchanged file reproduces it byte for byte.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Mapping
from typing import Any, Final

import attrs

from afrel.model import Actor, Event, FieldError, Leader, Period, Record, Relation, Source

__all__ = ["FILES", "OPTIONAL_COLUMNS", "FileSpec", "columns", "format_cell", "format_row", "parse_row"]


@attrs.frozen
class FileSpec:
    """A data file: its name, the record it holds and the collection name on the graph."""

    name: str
    record: type[Any]
    key: str


FILES: Final = (
    FileSpec("sources.csv", Source, "sources"),
    FileSpec("actors.csv", Actor, "actors"),
    FileSpec("relations.csv", Relation, "relations"),
    FileSpec("events.csv", Event, "events"),
    FileSpec("periods.csv", Period, "periods"),
    FileSpec("leaders.csv", Leader, "leaders"),
)
"""Every file of the format, in the order they are read and written."""

OPTIONAL_COLUMNS: Final = frozenset({"gaps", "rank", "alternatives"})
"""Columns added in version 0.2 of the format; a file written before may leave them out (read as empty).
:func:`afrel.write` always writes them."""


def columns(record: type[Any]) -> tuple[str, ...]:
    """The columns of a record's file, in canonical order (the field order).

    Examples
    --------
    >>> columns(Source)
    ('id', 'citation', 'url', 'accessed', 'note')
    """
    return tuple(a.name for a in attrs.fields(record))


def format_cell(value: object) -> str:
    """Write one value as a cell.

    Examples
    --------
    >>> from afrel.dates import PartialDate
    >>> format_cell(PartialDate(1978)), format_cell(("a", "b")), format_cell(None), format_cell(True)
    ('1978', 'a;b', '', 'true')
    >>> format_cell(100000000.0), format_cell(34.53)
    ('100000000', '34.53')
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        text = repr(value)
        return text if "e" not in text else f"{value:.17f}".rstrip("0")
    if isinstance(value, tuple):
        return ";".join(map(str, value))
    return str(value)


def format_row(record: Record) -> dict[str, str]:
    """A record as a mapping of column to cell."""
    return {a.name: format_cell(getattr(record, a.name)) for a in attrs.fields(type(record))}


def parse_row(record: type[Any], row: Mapping[str, str]) -> tuple[Any, list[tuple[str | None, str]]]:
    """Build a record from a row, or collect what is wrong with it.

    Parameters
    ----------
    record : type
        The record class.
    row : mapping of str to str
        Column to cell, for every column of the record.

    Returns
    -------
    record or None, list of (column, message)
        The record when the row is valid (the list is then empty), else None and one entry
        per problem.
    """
    values: dict[str, object] = {}
    problems: list[tuple[str | None, str]] = []
    for a in attrs.fields(record):
        cell = row[a.name]
        conv: Callable[[object], object] | None = a.converter
        try:
            values[a.name] = cell if conv is None else conv(cell)
        except (ValueError, TypeError) as exc:
            problems.append((a.name, _message(exc, cell)))
    if problems:
        return None, problems
    try:
        return record(**values), []
    except FieldError as exc:
        return None, [(exc.column, str(exc))]
    except (ValueError, TypeError) as exc:
        return None, [(None, str(exc))]


def _message(exc: Exception, cell: str) -> str:
    text = str(exc)
    return text if repr(cell) in text or not cell else f"{cell!r}: {text}"
