"""The CSV format: which file holds which record, its columns, and the cell codec.

This module's one job is the text form of records. :data:`FILES` is the one list of collections
(the graph, the reader, the writer and the validator all walk it). A cell is text:
:func:`parse_cell` reads it by the type of its field (``;``-separated lists, ``true``/``false``,
integers and decimals; everything else goes to the record's own converter as text),
:func:`parse_row` turns a row into a record, collecting a problem for every bad cell instead of
stopping at the first, and :func:`format_row` writes a record back to cells in canonical form, so
that reading then writing an unchanged file reproduces it byte for byte.
"""

from __future__ import annotations

import decimal
import enum
import re
import types
import typing
from collections.abc import Callable, Mapping
from typing import Any, Final, Literal, TypedDict

import attrs

from afrel.model import Actor, Event, FieldError, Leader, Period, Record, Relation, Source

__all__ = [
    "COLLECTIONS",
    "FILES",
    "OPTIONAL_COLUMNS",
    "Collection",
    "FileSpec",
    "Records",
    "columns",
    "format_cell",
    "format_row",
    "parse_cell",
    "parse_row",
]

Collection = Literal["actors", "relations", "events", "sources", "periods", "leaders"]
"""The name of a collection of records, as :meth:`afrel.RelationGraph.records` takes it."""


@attrs.frozen
class FileSpec:
    """A data file: its name, the record it holds and the collection name on the graph."""

    name: str
    record: type[Any]
    key: Collection


FILES: Final = (
    FileSpec("sources.csv", Source, "sources"),
    FileSpec("actors.csv", Actor, "actors"),
    FileSpec("relations.csv", Relation, "relations"),
    FileSpec("events.csv", Event, "events"),
    FileSpec("periods.csv", Period, "periods"),
    FileSpec("leaders.csv", Leader, "leaders"),
)
"""Every file of the format, in the order they are read and written: the one list of collections."""

COLLECTIONS: Final[tuple[Collection, ...]] = tuple(f.key for f in FILES)
"""The collection names, in :data:`FILES` order."""


class Records(TypedDict):
    """Every record of a dataset by collection, as :func:`afrel.io.read_records` returns them."""

    sources: list[Source]
    actors: list[Actor]
    relations: list[Relation]
    events: list[Event]
    periods: list[Period]
    leaders: list[Leader]


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
    >>> format_cell(100000000.0), format_cell(34.53), format_cell(1e20), format_cell(2.5e-7)
    ('100000000', '34.53', '100000000000000000000', '0.00000025')
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
        text = repr(value)  # the shortest text that reads back as the same float
        if "e" not in text:
            return text
        return format(decimal.Decimal(text), "f")  # the same digits, without an exponent
    if isinstance(value, tuple):
        return ";".join(map(str, value))
    return str(value)


_Cell = Literal["list", "bool", "int", "float", "text"]
_INT = re.compile(r"-?\d+")
_DECIMAL = re.compile(r"-?\d+(\.\d+)?")


_CELL_TYPES: dict[type[Any], dict[str, tuple[_Cell, bool]]] = {}
"""Per record class and column: how the cell reads, and whether the field is optional (may be None)."""


def _cell_types(record: type[Any]) -> dict[str, tuple[_Cell, bool]]:
    """How each field of a record class reads from a cell, and whether it is optional, from its annotation."""
    if record in _CELL_TYPES:
        return _CELL_TYPES[record]
    hints = typing.get_type_hints(record)
    out: dict[str, tuple[_Cell, bool]] = {}
    for a in attrs.fields(record):
        hint = hints[a.name]
        optional = isinstance(hint, types.UnionType) and type(None) in typing.get_args(hint)
        args = set(typing.get_args(hint)) - {type(None)} if isinstance(hint, types.UnionType) else {hint}
        how: _Cell = "text"
        if typing.get_origin(hint) is tuple:
            how = "list"
        elif args == {bool}:
            how = "bool"
        elif args == {int}:
            how = "int"
        elif args == {float}:
            how = "float"
        out[a.name] = (how, optional)
    _CELL_TYPES[record] = out
    return out


def parse_cell(record: type[Any], column: str, cell: str) -> object:
    """Read one cell of a record's file into the Python value its field takes.

    Lists are split at ``;`` (an empty cell is an empty list), booleans are ``true`` or
    ``false``, numbers are plain decimals, and an empty cell of a number is None. Other cells
    (ids, text, dates, kinds) are passed on unchanged: the record's converters read them.

    Raises
    ------
    ValueError
        With the cell and what is allowed, when the cell cannot be read.

    Examples
    --------
    >>> from afrel.model import Relation
    >>> parse_cell(Relation, "sources", "a;b"), parse_cell(Relation, "directed", "true")
    (('a', 'b'), True)
    >>> parse_cell(Relation, "amount", "12.5"), parse_cell(Relation, "amount", ""), parse_cell(Relation, "note", "x;y")
    (12.5, None, 'x;y')
    >>> parse_cell(Relation, "intensity", "high")
    Traceback (most recent call last):
    ...
    ValueError: 'high' is not an integer
    """
    how, optional = _cell_types(record)[column]
    if how == "text":
        return cell
    if how == "list":
        return tuple(cell.split(";")) if cell else ()
    if how == "bool":
        if cell in ("true", "false"):
            return cell == "true"
        raise ValueError(f"{cell!r} is not a boolean; use 'true' or 'false'")
    if not cell:
        if not optional:
            raise ValueError("must not be empty")
        return None
    if how == "int":
        if _INT.fullmatch(cell):
            return int(cell)
        raise ValueError(f"{cell!r} is not an integer")
    if _DECIMAL.fullmatch(cell):
        return float(cell)
    raise ValueError(f"{cell!r} is not a decimal number")


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
            value = parse_cell(record, a.name, cell)
            values[a.name] = value if conv is None else conv(value)
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
