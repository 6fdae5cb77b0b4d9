from __future__ import annotations

from pathlib import Path
from typing import Any

import networkx as nx
import pytest

import afrel


def canon(G: nx.MultiDiGraph) -> tuple[Any, ...]:
    nodes = sorted((n, sorted((k, repr(v)) for k, v in d.items())) for n, d in G.nodes(data=True))
    edges = sorted(
        (u, v, k, sorted((a, repr(b)) for a, b in d.items())) for u, v, k, d in G.edges(keys=True, data=True)
    )
    return nodes, edges, sorted(G.graph.items())


@pytest.mark.parametrize("fmt", ["graphml", "gexf", "json", "csv"])
def test_snapshot_round_trip_keeps_every_field_and_type(
    fmt: afrel.export.Format, tmp_path: Path, bundled: afrel.RelationGraph
) -> None:
    for day in ("1950-01-01", "1985-06-01", "2015-01-01"):
        snap = bundled.at(day)
        path = tmp_path / f"snap-{day}.{fmt}"
        afrel.write_snapshot(snap, path, fmt)
        back = afrel.read_snapshot(path, fmt)
        assert canon(back) == canon(snap)


def test_snapshot_round_trip_of_a_window(tmp_path: Path, tiny: afrel.RelationGraph) -> None:
    snap = tiny.during("1978", "1990")
    afrel.write_snapshot(snap, tmp_path / "w.graphml")
    assert canon(afrel.read_snapshot(tmp_path / "w.graphml")) == canon(snap)


def test_unknown_format() -> None:
    with pytest.raises(ValueError, match="unknown format 'xml'"):
        afrel.write_snapshot(nx.MultiDiGraph(), "x", "xml")  # type: ignore[arg-type]


def test_to_frame(tiny: afrel.RelationGraph) -> None:
    pd = pytest.importorskip("pandas")
    df = afrel.to_frame(tiny.relations(actor="PAK"))
    assert list(df["id"]) == ["d2", "d3"]
    assert list(df["start"]) == ["1948-02", "1963-05-29"]
    assert pd.isna(df.loc[1, "end"])
    assert df.loc[0, "kind"] == "diplomatic" and type(df.loc[0, "kind"]) is str
    assert list(afrel.to_frame(tiny.actors.values())["id"]) == ["AFG", "SUN", "PAK", "AFG-DRA"]
    assert afrel.to_frame([]).empty
    with pytest.raises(TypeError, match="one type"):
        afrel.to_frame([*tiny.actors.values(), *tiny.relations()])
