from __future__ import annotations

import math
from collections.abc import Iterator

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from matplotlib.colors import to_hex

import afrel
from afrel import plot


@pytest.fixture(autouse=True)
def _close() -> Iterator[None]:
    yield
    plt.close("all")


def test_timeline_draws_one_bar_per_relation(tiny: afrel.RelationGraph) -> None:
    _fig, ax = plt.subplots()
    out = plot.timeline(tiny, "AFG", start=1919, end=2000, ax=ax)
    assert out is ax
    bars = {p.get_gid(): p for p in ax.patches if p.get_gid()}
    assert set(bars) == {"d1", "d2", "d3", "i1", "a1"}
    assert to_hex(bars["i1"].get_facecolor()) == plot.KIND_COLORS[afrel.RelationKind.INTERVENTION]
    # the intervention starts December 1979 and ends 15 February 1989
    assert bars["i1"].get_x() == pytest.approx(1979 + 334 / 365, abs=1e-3)
    assert bars["i1"].get_x() + bars["i1"].get_width() == pytest.approx(1989 + 45 / 365, abs=1e-3)
    rows = [t.get_text() for t in ax.get_yticklabels()]
    assert rows == ["Soviet Union", "Pakistan"]  # by first tie
    assert len(ax.collections[0].get_offsets()) == 1  # the one event involving Afghanistan
    assert [t.get_text() for t in ax.get_legend().get_texts()][-1] == "hostile (sign -1)"


def test_timeline_marks_hostile_ties_with_hatching(bundled: afrel.RelationGraph) -> None:
    ax = plot.timeline(bundled, "AFG", partners=["PAK"], kinds=["dispute", "diplomatic"])
    hatched = [p.get_gid() for p in ax.patches if p.get_hatch()]
    assert hatched == ["dsp-afg-pak-1947"]


def test_trajectories_mark_detected_shifts() -> None:
    series = {"x": {y: (0.2 if y < 1980 else 0.9) for y in range(1960, 2000)}}
    ax = plot.trajectories(series, ylabel="agreement")
    labels = [line.get_label() for line in ax.lines]
    assert labels == ["x", "shift x 1980"]
    assert ax.lines[1].get_xdata()[0] == pytest.approx(1979.5)
    assert ax.get_ylabel() == "agreement"
    ax2 = plot.trajectories(series, shifts={"x": [1970]})
    assert [line.get_label() for line in ax2.lines] == ["x", "shift x 1970"]
    with pytest.raises(ValueError, match="no data"):
        plot.trajectories(pd.DataFrame())


def test_trajectories_shade_eras(tiny: afrel.RelationGraph) -> None:
    ax = plot.trajectories({"x": dict.fromkeys(range(1950, 1995), 0.5)}, g=tiny, shifts=False)
    assert any(t.get_text() == "War" for t in ax.texts)


def test_network_uses_stable_positions_and_colours(tiny: afrel.RelationGraph) -> None:
    pos = plot.stable_layout(tiny)
    a = plot.network(tiny.at("1985-06-01"), tiny, pos=pos, layout="geographic")
    b = plot.network(tiny.at("1950-06-01"), tiny, pos=pos, layout="geographic")
    with pytest.raises(ValueError, match="does not centre on 'AFG'"):
        plot.network(tiny.at("1985-06-01"), tiny, pos=pos)  # geographic positions, centred layout
    edges, nodes = a.collections[0], a.collections[1]
    assert len(edges.get_segments()) == tiny.at("1985-06-01").number_of_edges()
    offsets = {tuple(o) for o in nodes.get_offsets()}
    assert tuple(pos["AFG"]) in offsets and tuple(pos["SUN"]) in offsets
    assert tuple(pos["AFG"]) in {tuple(o) for o in b.collections[1].get_offsets()}  # same place on another day
    assert "dashed" in str(edges.get_linestyles()) or len({str(x) for x in edges.get_linestyles()}) >= 1
    with pytest.raises(ValueError, match="snapshot"):
        plot.network(tiny.during("1980", "1981"), tiny)


def test_network_panels_share_one_layout(bundled: afrel.RelationGraph) -> None:
    fig = plot.network_panels(bundled, ["1965-07-01", "1985-07-01", "2010-07-01", "2023-07-01"], ncols=2)
    assert len(fig.axes) == 4
    assert [ax.get_title(loc="left") for ax in fig.axes][1] == "Afghanistan, 1985-07-01"
    afg = plot.stable_layout(bundled, centre="AFG")["AFG"]
    assert afg == (0.0, 0.0)
    for ax in fig.axes:
        assert tuple(afg) in {tuple(o) for o in ax.collections[1].get_offsets()}
    geo = plot.network_panels(bundled, ["1985-07-01"], layout="geographic")
    afg_actor = bundled.actor("AFG")
    assert (afg_actor.lon, afg_actor.lat) in {tuple(o) for o in geo.axes[0].collections[1].get_offsets()}


def test_centred_layout_keeps_bearings_and_orders_distances(bundled: afrel.RelationGraph) -> None:
    pos = plot.stable_layout(bundled, centre="AFG")
    x, y = pos["PAK"]
    assert x > 0 and abs(y) < x  # Islamabad lies east of Kabul
    assert pos["IND"][1] < 0 < pos["UZB"][1]  # Delhi to the south, Tashkent to the north
    radius = {k: math.hypot(*pos[k]) for k in ("PAK", "IRN", "RUS", "GBR", "USA")}
    assert radius["PAK"] < radius["IRN"] < radius["RUS"] < radius["GBR"] < radius["USA"] < 1
    # a ring of k km passes through every point k km away: Moscow is about 3,370 km from Kabul
    assert plot.stable_layout(bundled, centre="AFG")["RUS"] == pytest.approx(pos["RUS"])
    assert radius["RUS"] == pytest.approx(plot._ring(3370), abs=0.01)
    assert pos["AFG-DRA"] != pos["AFG"]  # governments sit just off their state
    assert max(pos[k][1] for k in ("NONALIGNED", "OIC", "WARSAW")) < -1  # unplaced actors go below the map
    with pytest.raises(ValueError, match="no coordinates"):
        plot.stable_layout(bundled, centre="OIC")
    with pytest.raises(ValueError, match="layout must be"):
        plot.network(bundled.at("1985"), bundled, layout="polar")


def test_agreement_heatmap_matrix() -> None:
    table = pd.DataFrame(
        {"year": [1980, 1981, 1980, 1992], "partner": ["SUN", "SUN", "USA", "RUS"],
         "n_votes": [50, 50, 50, 3], "agreement": [0.9, 0.8, 0.1, 0.5]}
    )  # fmt: skip
    ax = plot.agreement_heatmap(table, ["SUN/RUS", "USA"], years=[1980, 1981, 1992])
    m = ax.images[0].get_array()
    assert m.shape == (2, 3)
    assert m[0, 0] == pytest.approx(0.9) and m[1, 0] == pytest.approx(0.1)
    assert np.ma.is_masked(m[0, 2]) or np.isnan(m[0, 2])  # 3 shared votes: below min_votes
    with pytest.raises(ValueError, match="no column 'pi'"):
        plot.agreement_heatmap(table, ["USA"], measure="pi")
