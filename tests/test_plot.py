from __future__ import annotations

import itertools
import math
from collections.abc import Iterator

import matplotlib

matplotlib.use("Agg")

import matplotlib.legend
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.colors import to_hex
from matplotlib.figure import Figure
from matplotlib.text import Text
from matplotlib.transforms import Bbox

import afrel
from afrel import plot


@pytest.fixture(autouse=True)
def _close() -> Iterator[None]:
    yield
    plt.close("all")


def overlapping_text(fig: Figure) -> list[tuple[str, str]]:
    """Pairs of visible texts anywhere in the figure whose boxes overlap by more than a pixel."""
    fig.draw_without_rendering()
    if not hasattr(fig.canvas, "get_renderer"):  # a Figure made without pyplot
        FigureCanvasAgg(fig)
    renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]
    boxes = []
    for t in fig.findobj(Text):
        if t.get_visible() and t.get_text().strip() and t.get_figure() is not None:
            box = t.get_window_extent(renderer)
            if box.width > 0 and box.height > 0:
                boxes.append((t.get_text(), box))
    out = []
    for (a, box_a), (b, box_b) in itertools.combinations(boxes, 2):
        inter = Bbox.intersection(box_a, box_b)
        if inter is not None and inter.width > 1 and inter.height > 1:
            out.append((a, b))
    return out


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
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend[-3:] == ["hostile tie", "event of Afghanistan", "eras (alternately shaded)"]
    # d1 and a1 overlap in time on the Soviet row: two lanes, so neither hides the other
    assert bars["d1"].get_y() != bars["a1"].get_y()
    assert overlapping_text(ax.figure) == []


def test_timeline_marks_hostile_ties_with_hatching(bundled: afrel.RelationGraph) -> None:
    ax = plot.timeline(bundled, "AFG", partners=["PAK"], kinds=["dispute", "diplomatic"])
    hatched = [p.get_gid() for p in ax.patches if p.get_hatch()]
    assert hatched == ["dsp-afg-pak-1947"]
    bars = [p for p in ax.patches if p.get_gid()]
    for a, b in itertools.combinations(bars, 2):  # no bar covers another
        same_lane = a.get_y() == b.get_y()
        assert not (same_lane and a.get_x() < b.get_x() + b.get_width() and b.get_x() < a.get_x() + a.get_width())


def test_timeline_gives_armed_movements_rows_of_their_own(bundled: afrel.RelationGraph) -> None:
    ax = plot.timeline(bundled, "AFG", partners=["USA"], start=1975, end=1995)
    rows = [t.get_text() for t in ax.get_yticklabels()]
    assert rows[0] == "United States" and any(r.startswith("United States \u2192 ") for r in rows[1:])
    assert overlapping_text(ax.figure) == []


def test_bundled_timeline_reads_without_overlaps(bundled: afrel.RelationGraph) -> None:
    ax = plot.timeline(bundled, "AFG", max_partners=12)
    assert overlapping_text(ax.figure) == []
    strip = [t for t in ax.texts if t.get_text() and not t.get_text().startswith("Eras:")]
    assert len(strip) == len(bundled.periods)  # every era is named or numbered


def test_trajectories_mark_the_shifts_given() -> None:
    series = {"x": {y: (0.2 if y < 1980 else 0.9) for y in range(1960, 2000)}}
    ax = plot.trajectories(series, ylabel="agreement")
    assert [line.get_label() for line in ax.lines] == ["x"]  # the plot finds no shift by itself
    assert ax.get_ylabel() == "agreement"
    found = afrel.change_points(series["x"])
    ax1 = plot.trajectories(series, shifts={"x": [c.year for c in found]})
    assert [line.get_label() for line in ax1.lines] == ["x", "shift x 1980"]
    assert ax1.lines[1].get_xdata()[0] == pytest.approx(1979.5)  # before the first year of the new level
    legend = [t.get_text() for t in ax1.get_legend().get_texts()]
    assert legend == ["x", "level shift (afrel.change_points)"]
    ax2 = plot.trajectories(series, shifts={"x": found})  # the records themselves also do
    assert [line.get_label() for line in ax2.lines] == ["x", "shift x 1980"]
    with pytest.raises(ValueError, match="no data"):
        plot.trajectories(pd.DataFrame())
    with pytest.raises(TypeError, match=r"afrel\.change_points"):
        plot.trajectories(series, shifts=True)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="names no series of the data: 'y'"):
        plot.trajectories(series, shifts={"y": [1980]})


def test_trajectories_shade_eras_and_the_years_without_data(tiny: afrel.RelationGraph) -> None:
    ax = plot.trajectories({"x": dict.fromkeys(range(1950, 1995), 0.5)}, g=tiny, span=(1940, 2000))
    texts = [t.get_text() for t in ax.texts]
    assert "2" in texts and any(t.startswith("Eras:") and "2 War" in t for t in texts)  # numbered, with a key
    assert texts.count("no data") == 2  # 1940-1949 and 1995-2000
    assert ax.get_xlim() == (1939.5, 2000.5)
    assert overlapping_text(ax.figure) == []


def test_headline_shares_the_years_and_shows_the_band(bundled: afrel.RelationGraph) -> None:
    years = range(1919, 2027)
    ties = pd.DataFrame({"base": 0.1, "low": 0.0, "high": 0.2}, index=pd.Index(years, name="year"))
    un = pd.Series(dict.fromkeys(range(1946, 2020), 0.3))
    fig = plot.headline(ties, un, bundled, actor="AFG", un_note="UN votes: 1946-2019")
    top, bottom = fig.axes
    assert top.get_xlim() == bottom.get_xlim() == (1918.5, 2026.5)  # neither panel cuts the other's years
    (band,) = top.collections  # the range over the disputed dates, from low to high in every year
    ys = band.get_paths()[0].vertices[:, 1]
    assert (ys.min(), ys.max()) == (pytest.approx(0.0), pytest.approx(0.2))
    assert top.lines[-1].get_ydata()[0] == pytest.approx(0.1)
    assert "UN votes: 1946-2019" in bottom.get_title(loc="left")
    assert [t.get_text() for t in bottom.texts].count("no data") == 2
    assert overlapping_text(fig) == []


def test_headline_without_votes_or_eras_draws_the_ties_alone(bundled: afrel.RelationGraph) -> None:
    ties = pd.DataFrame({"base": 0.1, "low": 0.0, "high": 0.2}, index=pd.Index(range(1947, 2027), name="year"))
    open_before = plt.get_fignums()
    fig = plot.headline(ties, None, bundled, actor="PAK", span=(1947, 2026), un_note="no UN votes", periods=False,
                        fig=Figure())  # fmt: skip
    (top,) = fig.axes
    assert "Pakistan" in fig.get_suptitle() and top.get_title(loc="left").endswith("no UN votes")
    assert len(top.texts) == 0 and len(top.patches) == 0  # no era named or shaded
    legend = [t.get_text() for t in top.get_legend().get_texts()]
    assert legend == ["East-West index from ties", "range over the disputed dates"]
    ties.loc[1947:1950, "base"] = float("nan")  # years without a tie are hatched and said
    fig = plot.headline(ties, None, bundled, actor="PAK", span=(1947, 2026), periods=False, fig=Figure())
    (top,) = fig.axes
    assert [t.get_text() for t in top.texts] == ["no data"]
    assert [t.get_text() for t in top.get_legend().get_texts()][-1] == "no index: no tie with either camp"
    assert plt.get_fignums() == open_before  # drawn without pyplot
    assert overlapping_text(fig) == []


def test_network_draws_movements_apart_and_names_without_overlap(bundled: afrel.RelationGraph) -> None:
    ax = plot.network(bundled.at("1985-07-01"), bundled, blocs=afrel.blocs_of(bundled, "1985-07-01", "AFG"))
    edges, nodes = ax.collections[0], ax.collections[1]
    assert len(edges.get_segments()) > 50
    offsets = {tuple(np.round(o, 6)) for o in nodes.get_offsets()}
    assert (0.0, 0.0) in offsets  # the focal state at the centre
    movement = next(seg for seg in edges.get_segments() if tuple(seg[1]) != (0.0, 0.0) and seg[1][1] == -0.3)
    assert tuple(movement[1]) != (0.0, 0.0)  # support to the mujahideen ends at the mujahideen, not at Kabul
    assert ax.get_title(loc="left").startswith("The Democratic Republic and the Soviet war")
    assert overlapping_text(ax.figure) == []
    legends = [c for c in ax.get_children() if isinstance(c, matplotlib.legend.Legend)]
    labels = {t.get_text() for legend in legends for t in legend.get_texts()}
    assert {"West", "East", "armed movement", "armed support", "hostile tie"} <= labels


def test_camp_layout_puts_the_west_left_and_the_east_right(bundled: afrel.RelationGraph) -> None:
    groups = afrel.blocs_of(bundled, "1985-07-01", "AFG")
    pos = plot.camp_layout(["AFG", "USA", "SUN", "MUJAHIDEEN"], groups, {"SUN": 10.0, "USA": -2.0})
    assert pos["AFG"] == (0.0, 0.0) and pos["USA"][0] < 0 < pos["SUN"][0]
    assert math.hypot(*pos["SUN"]) < math.hypot(*pos["USA"])  # stronger ties sit closer
    assert pos["MUJAHIDEEN"][1] < 0 and pos["MUJAHIDEEN"][0] == 0.0


def test_network_panels_are_titled_with_eras_and_keep_a_legend(bundled: afrel.RelationGraph) -> None:
    days = ["1965-07-01", "1985-07-01", "2010-07-01"]
    fig = plot.network_panels(bundled, days, blocs=[afrel.blocs_of(bundled, d, "AFG") for d in days], ncols=3)
    assert len(fig.axes) == 4  # three panels and the legend's row
    titles = [ax.get_title(loc="left").replace("\n", " ") for ax in fig.axes[:3]]
    assert titles[1] == "The Democratic Republic and the Soviet war (1985)"
    assert fig.axes[3].get_legend() is not None and not fig.axes[3].axison
    assert overlapping_text(fig) == []
    named = {"before": "1975-07-01", "after": "1985-07-01"}
    fig = plot.network_panels(bundled, named, blocs=[afrel.blocs_of(bundled, d, "AFG") for d in named.values()])
    assert [ax.get_title(loc="left") for ax in fig.axes[:2]] == ["before", "after"]
    geo = plot.network_panels(bundled, ["1985-07-01"], blocs=[afrel.blocs_of(bundled, "1985-07-01", "AFG")],
                              layout="geographic")  # fmt: skip
    afg = bundled.actor("AFG")
    assert (afg.lon, afg.lat) in {tuple(o) for o in geo.axes[0].collections[1].get_offsets()}


def test_network_checks_its_input(tiny: afrel.RelationGraph) -> None:
    pos = plot.stable_layout(tiny)
    blocs = afrel.blocs_of(tiny, "1985-06-01", "AFG")
    with pytest.raises(ValueError, match="does not centre on 'AFG'"):
        plot.network(tiny.at("1985-06-01"), tiny, blocs=blocs, pos=pos, layout="centred")
    with pytest.raises(ValueError, match="snapshot"):
        plot.network(tiny.during("1980", "1981"), tiny, blocs=blocs)
    with pytest.raises(ValueError, match=r"marks no state as the focus; compute them with afrel.blocs_of"):
        plot.network(tiny.at("1985-06-01"), tiny, blocs=afrel.blocs_of(tiny, "1985-06-01"))
    with pytest.raises(ValueError, match="groups without a colour: 'south'"):
        plot.network(tiny.at("1985-06-01"), tiny, blocs={"PAK": "south"}, focus="AFG")
    with pytest.raises(TypeError, match="blocs must map actor ids"):
        plot.network(tiny.at("1985-06-01"), tiny, blocs=["AFG"], focus="AFG")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match=r"one blocs mapping per day \(2\), not 1"):
        plot.network_panels(tiny, ["1985", "1986"], blocs=[blocs])


def test_network_takes_the_focus_from_the_blocs_given(tiny: afrel.RelationGraph) -> None:
    blocs = afrel.blocs_of(tiny, "1985-06-01", "PAK")
    ax = plot.network(tiny.at("1985-06-01"), tiny, blocs=blocs, ax=Figure().add_subplot())
    names = {t.get_text() for t in ax.texts}
    assert "Pakistan" in names
    nodes = ax.collections[1]
    centre = [i for i, o in enumerate(nodes.get_offsets()) if tuple(o) == (0.0, 0.0)]
    assert len(centre) == 1 and to_hex(nodes.get_facecolors()[centre[0]]) == plot.BLOC_COLORS["focus"]


def test_centred_layout_keeps_bearings_and_orders_distances(bundled: afrel.RelationGraph) -> None:
    pos = plot.stable_layout(bundled, centre="AFG")
    x, y = pos["PAK"]
    assert x > 0 and abs(y) < x  # Islamabad lies east of Kabul
    assert pos["IND"][1] < 0 < pos["UZB"][1]  # Delhi to the south, Tashkent to the north
    radius = {k: math.hypot(*pos[k]) for k in ("PAK", "IRN", "RUS", "GBR", "USA")}
    assert radius["PAK"] < radius["IRN"] < radius["RUS"] < radius["GBR"] < radius["USA"] < 1
    # a ring of k km passes through every point k km away: Moscow is about 3,370 km from Kabul
    assert plot.stable_layout(bundled, centre="AFG")["RUS"] == pytest.approx(pos["RUS"])
    assert radius["RUS"] == pytest.approx(math.sqrt(3370 / plot.EARTH_RADIUS_KM / math.pi), abs=0.01)
    assert pos["AFG-DRA"] != pos["AFG"]  # governments sit just off their state
    assert max(pos[k][1] for k in ("NONALIGNED", "OIC", "WARSAW")) < -1  # unplaced actors go below the map
    with pytest.raises(ValueError, match="no coordinates"):
        plot.stable_layout(bundled, centre="OIC")
    with pytest.raises(ValueError, match="layout must be one of"):
        plot.network(bundled.at("1985"), bundled, blocs=afrel.blocs_of(bundled, "1985", "AFG"), layout="polar")


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
