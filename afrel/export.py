"""Exports: records to pandas, snapshots to GraphML, GEXF, node-link JSON and CSV.

Snapshot files round-trip: :func:`read_snapshot` of what :func:`write_snapshot` wrote gives a
graph equal to the original in nodes, edges, keys and every attribute with its type. In the
files, dates are ISO strings at their precision (``"1978"``), lists of ids are ``;``-joined
strings, kinds are their string values, and a missing value is left out; this is also what
other tools (Gephi, Cytoscape, R's igraph) read.
"""

from __future__ import annotations

import csv
import enum
import html
import io
import json
import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from afrel.dates import PartialDate
from afrel.errors import DataError, Problem
from afrel.model import Actor, Relation
from afrel.schema import columns, format_cell, parse_row

if TYPE_CHECKING:
    import networkx as nx
    import pandas as pd

__all__ = ["FORMATS", "read_snapshot", "snapshot_to_string", "to_frame", "write_snapshot"]

Format = Literal["graphml", "gexf", "json", "csv"]
FORMATS: tuple[Format, ...] = ("graphml", "gexf", "json", "csv")

# GEXF reserves 'start' and 'end' for its own time spells; afrel's fields are renamed there.
_GEXF_RENAME = {"start": "start_date", "end": "end_date"}
_GEXF_BACK = {v: k for k, v in _GEXF_RENAME.items()}
_GEXF_META = "afrel graph attributes: "


def to_frame(records: Iterable[Any]) -> pd.DataFrame:
    """Records of one type as a pandas DataFrame, one column per field.

    Dates become ISO strings at their precision (``"1978"``, ``"1978-04-27"``), kinds their
    string values, lists of ids stay tuples, missing values are ``None``.

    Parameters
    ----------
    records : iterable of records
        For example ``g.relations(actor="AFG")`` or ``g.actors.values()``.

    Examples
    --------
    >>> import afrel
    >>> g = afrel.load()
    >>> df = afrel.to_frame(g.relations(actor="AFG", kind="treaty"))
    >>> list(df.columns[:6])
    ['id', 'source', 'target', 'kind', 'start', 'end']
    """
    import attrs
    import pandas as pd

    items = list(records)
    if not items:
        return pd.DataFrame()
    cls = type(items[0])
    if not attrs.has(cls):
        raise TypeError(f"to_frame takes afrel records, got {cls.__name__}")
    if any(type(r) is not cls for r in items):
        raise TypeError("to_frame takes records of one type; call it once per type")
    cols = columns(cls)
    rows = [[_plain(getattr(r, c)) for c in cols] for r in items]
    return pd.DataFrame(rows, columns=list(cols))


def _plain(value: object) -> object:
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, PartialDate):
        return str(value)
    return value


def _encode(data: Mapping[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k, v in data.items():
        if v is None:
            continue
        if isinstance(v, bool | int | float) and not isinstance(v, enum.Enum):
            out[k] = v
        else:
            out[k] = format_cell(v)
    return out


def _decode(record: type[Any], data: Mapping[str, Any], where: str) -> dict[str, Any]:
    row = {c: "" if data.get(c) is None else format_cell(data[c]) for c in columns(record)}
    rec, errors = parse_row(record, row)
    if rec is None:
        raise DataError(Problem(where, None, col, msg) for col, msg in errors)
    return {c: getattr(rec, c) for c in columns(record)}


def write_snapshot(G: nx.MultiDiGraph[str], path: str | os.PathLike[str], format: Format = "graphml") -> None:
    """Write a snapshot (from :meth:`RelationGraph.at` and friends) to a file.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A snapshot.
    path : str or path-like
        Output file; for ``"csv"`` a folder that receives ``nodes.csv``, ``edges.csv`` and
        ``graph.csv``.
    format : {"graphml", "gexf", "json", "csv"}
        File format.
    """
    _check_format(format)
    if format == "csv":
        folder = Path(path)
        folder.mkdir(parents=True, exist_ok=True)
        for name, text in _csv_parts(G).items():
            (folder / name).write_text(text, encoding="utf-8")
        return
    Path(path).write_text(snapshot_to_string(G, format), encoding="utf-8")


def snapshot_to_string(G: nx.MultiDiGraph[str], format: Format = "graphml") -> str:
    """A snapshot as text in one file format (``"csv"`` gives the edge list only)."""
    import networkx as nx

    _check_format(format)
    H = _encoded(G, gexf=format == "gexf")
    if format in ("graphml", "gexf"):
        buf = io.BytesIO()
        writer = nx.write_graphml if format == "graphml" else nx.write_gexf
        writer(H, buf)
        text = buf.getvalue().decode("utf-8")
        if format == "gexf":  # GEXF has no graph attributes: keep them as JSON in the meta description
            desc = html.escape(_GEXF_META + json.dumps(_encode(G.graph), sort_keys=True), quote=False)
            text = text.replace("</meta>", f"<description>{desc}</description></meta>", 1)
        return text
    if format == "json":
        return json.dumps(nx.node_link_data(H, edges="edges"), indent=1, ensure_ascii=False) + "\n"
    return _csv_parts(G)["edges.csv"]


def _encoded(G: nx.MultiDiGraph[str], *, gexf: bool = False) -> nx.MultiDiGraph[str]:
    import networkx as nx

    ren = _GEXF_RENAME if gexf else {}
    H: nx.MultiDiGraph[str] = nx.MultiDiGraph(**_encode(G.graph))
    for n, d in G.nodes(data=True):
        H.add_node(n, **{ren.get(k, k): v for k, v in _encode(d).items()})
    for u, v, k, d in G.edges(keys=True, data=True):
        H.add_edge(u, v, key=k, **{ren.get(a, a): b for a, b in _encode(d).items()})
    return H


def _gexf_graph_attrs(path: Path) -> dict[str, Any]:
    import xml.etree.ElementTree as ET

    for el in ET.parse(path).getroot().iter():
        if el.tag.endswith("description") and (el.text or "").startswith(_GEXF_META):
            return dict(json.loads(el.text[len(_GEXF_META) :]))  # type: ignore[index]
    return {}


def _csv_parts(G: nx.MultiDiGraph[str]) -> dict[str, str]:
    out = {}
    for name, record, items in (
        ("nodes.csv", Actor, [d for _, d in G.nodes(data=True)]),
        ("edges.csv", Relation, [d for _, _, d in G.edges(data=True)]),
        ("graph.csv", None, None),
    ):
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        if record is None:
            w.writerow(["key", "value"])
            for k, v in G.graph.items():
                w.writerow([k, format_cell(v)])
        else:
            cols = columns(record)
            w.writerow(cols)
            for d in items or []:
                w.writerow([format_cell(d.get(c)) for c in cols])
        out[name] = buf.getvalue()
    return out


def read_snapshot(path: str | os.PathLike[str], format: Format = "graphml") -> nx.MultiDiGraph[str]:
    """Read a snapshot written by :func:`write_snapshot`, with every attribute typed again.

    Raises
    ------
    DataError
        If a node or edge does not carry valid afrel fields.
    """
    import networkx as nx

    _check_format(format)
    p = Path(path)
    if format == "csv":
        return _read_csv_snapshot(p)
    if format == "graphml":
        read = nx.read_graphml(p, force_multigraph=True)
    elif format == "gexf":
        read = nx.read_gexf(p)
    else:
        text = p.read_text(encoding="utf-8")
        read = nx.node_link_graph(json.loads(text), edges="edges", multigraph=True, directed=True)
    # a file with no parallel edge may come back as a simple graph: every edge carries its id anyway
    H: nx.MultiDiGraph[Any] = read if isinstance(read, nx.MultiDiGraph) else nx.MultiDiGraph(read)
    back = _GEXF_BACK if format == "gexf" else {}
    graph_attrs = _gexf_graph_attrs(p) if format == "gexf" else dict(H.graph)
    for key in ("node_default", "edge_default"):
        graph_attrs.pop(key, None)
    G: nx.MultiDiGraph[str] = nx.MultiDiGraph()
    G.graph.update(graph_attrs)
    for n, d in H.nodes(data=True):
        data = {back.get(k, k): v for k, v in d.items() if k != "label" or format != "gexf"}
        data.setdefault("id", n)
        G.add_node(str(n), **_decode(Actor, data, f"{p.name}: node {n}"))
    for u, v, k, d in H.edges(keys=True, data=True):
        data = {back.get(a, a): b for a, b in d.items()}
        data.setdefault("id", k)
        data.setdefault("source", u)
        data.setdefault("target", v)
        attrs_ = _decode(Relation, data, f"{p.name}: edge {k}")
        G.add_edge(str(u), str(v), key=attrs_["id"], **attrs_)
    return G


def _read_csv_snapshot(folder: Path) -> nx.MultiDiGraph[str]:
    import networkx as nx

    def rows(name: str) -> list[dict[str, str]]:
        with open(folder / name, encoding="utf-8", newline="") as fh:
            return list(csv.DictReader(fh))

    G: nx.MultiDiGraph[str] = nx.MultiDiGraph()
    G.graph.update({r["key"]: r["value"] for r in rows("graph.csv")})
    for i, r in enumerate(rows("nodes.csv"), start=2):
        d = _decode(Actor, r, f"nodes.csv:{i}")
        G.add_node(d["id"], **d)
    for i, r in enumerate(rows("edges.csv"), start=2):
        d = _decode(Relation, r, f"edges.csv:{i}")
        G.add_edge(d["source"], d["target"], key=d["id"], **d)
    return G


def _check_format(format: str) -> None:
    if format not in FORMATS:
        raise ValueError(f"unknown format {format!r}; choose one of {', '.join(FORMATS)}")
