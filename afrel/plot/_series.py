"""Yearly series: alignment and UN agreement, the headline figure, and the UN heatmap."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

from afrel.plot._style import Era, era_key, eras, label_eras, mpl, new_ax, shade_eras
from afrel.shifts import change_points

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure
    from matplotlib.typing import LegendLocType

    from afrel.graph import RelationGraph

NO_DATA = "#f2f2f2"
"""Fill of the years a series does not cover."""


def trajectories(
    data: pd.DataFrame | Mapping[str, Mapping[int, float]],
    *,
    g: RelationGraph | None = None,
    shifts: bool | Mapping[str, Sequence[int]] = True,
    penalty: float | None = None,
    ylabel: str = "",
    title: str | None = None,
    span: tuple[int, int] | None = None,
    note: str | None = None,
    era_names: bool = True,
    era_key: bool = True,
    colors: Mapping[str, str] | None = None,
    legend: LegendLocType = "best",
    ax: Axes | None = None,
) -> Axes:
    """Yearly series (alignment, UN agreement) with eras shaded and named, and shift years marked.

    Parameters
    ----------
    data : pandas.DataFrame or mapping of name to {year: value}
        One series per column (or key), indexed by year.
    g : RelationGraph, optional
        Shade and name its eras above the axes.
    shifts : bool or mapping of name to years, default True
        True: mark the shifts :func:`afrel.change_points` finds in each series (with
        ``penalty``); a mapping: mark those years; False: none.
    ylabel, title : str
        Axis label and the figure's message.
    span : (int, int), optional
        Years shown (both included); by default those of the data. Years inside the span that
        the data do not cover are shaded and labelled "no data", never cut off.
    note : str, optional
        A line under the title (for example where the data end).
    era_names : bool, default True
        Number the eras above the axes (with ``g``); False only shades them, as for the lower
        panel of a pair that shares the years.
    era_key : bool, default True
        Say under the axes which era each number stands for (False when another panel does).
    colors : mapping of name to colour, optional
        A colour per series (blue for the West and vermillion for the East, as elsewhere);
        by default matplotlib's cycle.
    legend : str, default "best"
        Where the legend goes (a matplotlib ``loc``).
    ax : matplotlib Axes, optional
        Where to draw.

    Returns
    -------
    matplotlib.axes.Axes
        One line per series (labelled with its name) and one dashed vertical line per marked
        shift, labelled ``"shift <name> <year>"`` (find them in ``ax.lines``).
    """
    import pandas as pd

    frame = data if isinstance(data, pd.DataFrame) else pd.DataFrame(data)
    if frame.empty:
        raise ValueError("no data to plot")
    ax = new_ax(ax, (10, 4))
    years = [int(str(y)) for y in frame.index]
    lo, hi = span if span is not None else (min(years), max(years))
    # every year of the data's range, so that a missing year is a gap in the line, never bridged
    frame = frame.set_axis(years).sort_index().reindex(range(min(years), max(years) + 1))
    cycle = mpl().rcParams["axes.prop_cycle"].by_key()["color"]
    label_rows: list[float] = []
    for i, name in enumerate(frame.columns):
        full = frame[name]
        series = full.dropna()
        color = (colors or {}).get(str(name), cycle[i % len(cycle)])
        ax.plot(list(full.index), full.to_numpy(dtype=float), marker=".", ms=3, lw=1.3, color=color, label=str(name))
        if shifts is True:
            marks = [c.year for c in change_points(series, penalty=penalty)] if len(series) >= 4 else []
        elif shifts is False:
            marks = []
        else:
            marks = list(shifts.get(str(name), []))
        for y in marks:
            ax.axvline(y - 0.5, color=color, ls="--", lw=0.9, label=f"shift {name} {y}")
            row = 0.02
            while any(
                abs(y - other) < 2.5 and abs(row - r) < 0.05
                for other, r in zip(label_rows[::2], label_rows[1::2], strict=True)
            ):
                row += 0.09
            label_rows += [float(y), row]
            ax.text(y - 0.7, row, str(y), transform=ax.get_xaxis_transform(), color=color, fontsize=7.5, ha="right",
                    va="bottom", rotation=90, bbox={"facecolor": "white", "edgecolor": "none", "pad": 0.5})  # fmt: skip
    _shade_missing(ax, lo, hi, {int(str(y)) for y in frame.dropna(how="all").index})
    ax.set_xlim(lo - 0.5, hi + 0.5)
    ax.set_xlabel("year")
    ax.set_ylabel(ylabel)
    from matplotlib.lines import Line2D

    handles, labels = ax.get_legend_handles_labels()
    keep = [(h, label) for h, label in zip(handles, labels, strict=True) if not label.startswith("shift ")]
    if len(keep) < len(handles):
        keep.append((Line2D([], [], color="#616161", ls="--", lw=0.9), "level shift (afrel.change_points)"))
    ax.legend([h for h, _ in keep], [label for _, label in keep], fontsize=7.5, loc=legend, framealpha=0.85,
              edgecolor="none")  # fmt: skip
    heading = "\n".join(t for t in (title, note) if t)
    if heading:
        ax.set_title(heading, loc="left", fontsize=10 if title else 8)
    if g is not None:
        spans = eras(g, lo - 0.5, hi + 0.5)
        shade_eras(ax, spans)
        if era_names:
            label_eras(ax, spans, key=era_key)
        elif era_key:
            _era_key(ax, spans)
    return ax


def _shade_missing(ax: Axes, lo: int, hi: int, present: Collection[int]) -> None:
    """Hatch the years of ``[lo, hi]`` without data: label the stretches before and after the data."""
    first, last = (min(present), max(present)) if present else (hi + 1, hi)
    for a, b in ((lo - 0.5, first - 0.5), (last + 0.5, hi + 0.5)):
        if b - a >= 1:
            _hatch(ax, a, b)
            ax.text((a + b) / 2, 0.88, "no data", transform=ax.get_xaxis_transform(), ha="center", va="top",
                    rotation=90 if b - a < 12 else 0, fontsize=7.5, color="#757575",
                    bbox={"facecolor": "white", "edgecolor": "none", "pad": 1})  # fmt: skip
    for y in range(max(first, lo), min(last, hi) + 1):
        if y not in present:
            _hatch(ax, y - 0.5, y + 0.5)


def _hatch(ax: Axes, a: float, b: float) -> None:
    ax.axvspan(a, b, facecolor="none", edgecolor="#d6d6d6", hatch="///", lw=0, zorder=0.5)


def headline(
    ties: pd.DataFrame,
    un: pd.Series,
    g: RelationGraph,
    *,
    actor: str = "AFG",
    span: tuple[int, int] = (1919, 2026),
    un_note: str = "",
    title: str | None = None,
) -> Figure:
    """The tie-based index with its uncertainty band above the UN-vote index, on shared eras.

    Parameters
    ----------
    ties : pandas.DataFrame
        Indexed by year, columns ``base``, ``low`` and ``high`` (from :func:`afrel.sensitivity`
        on the yearly ``east_west`` index of :func:`afrel.alignment`).
    un : pandas.Series
        The UN-vote index by year (``east_west`` of :func:`afrel.un_bloc_agreement`).
    g : RelationGraph
        For the eras.
    actor : str
        The focal state, for the titles.
    span : (int, int)
        Years shown in both panels (they share the axis: neither cuts the other's years).
    un_note : str
        Where the vote data end (:func:`afrel.unga.coverage_note`), written under the panel.

    Returns
    -------
    matplotlib.figure.Figure
        Two Axes: ``fig.axes[0]`` the ties (line ``"ties"`` and the band in
        ``fig.axes[0].collections``), ``fig.axes[1]`` the UN votes (line ``"UN votes"``).
    """
    from matplotlib.patches import Patch

    plt = mpl()
    fig: Figure
    fig, (top, bottom) = plt.subplots(2, 1, figsize=(10, 6.6), sharex=True, layout="constrained",
                                      gridspec_kw={"height_ratios": [1.25, 1]})  # fmt: skip
    lo, hi = span
    name = g.actors[actor].name
    spans = eras(g, lo - 0.5, hi + 0.5)
    for ax in (top, bottom):
        shade_eras(ax, spans)
        ax.axhline(0, color="#757575", lw=0.6, zorder=1)
        ax.set_ylim(-1.05, 1.05)
        ax.set_yticks([-1, -0.5, 0, 0.5, 1])
    t = ties.loc[(ties.index >= lo) & (ties.index <= hi)]
    years = [int(str(y)) for y in t.index]
    top.fill_between(years, t["low"].to_numpy(), t["high"].to_numpy(), color="#7f7f7f", alpha=0.35, lw=0, step="mid")
    top.plot(years, t["base"].to_numpy(), color="#000000", lw=1.5, drawstyle="steps-mid", label="ties")
    top.set_ylabel("West (-1) ... East (+1)")
    top.set_title(f"Ties: {name}'s dated relations with the two camps", loc="left", fontsize=9)
    top.legend(
        handles=[
            top.lines[-1],
            Patch(facecolor="#7f7f7f", alpha=0.35, label="range over the disputed dates"),
            Patch(facecolor="#ededed", label="eras (alternately shaded)"),
        ],
        labels=["East-West index from ties", "range over the disputed dates", "eras (alternately shaded)"],
        fontsize=7, loc="lower left", frameon=False,
    )  # fmt: skip
    u = un.dropna()
    u = u[(u.index >= lo) & (u.index <= hi)]
    uy = [int(str(y)) for y in u.index]
    if uy:  # every year of the range, so that an unmeasured year breaks the line
        full = u.set_axis(uy).reindex(range(min(uy), max(uy) + 1))
        bottom.plot(list(full.index), full.to_numpy(dtype=float), color="#000000", lw=1.3, marker=".", ms=3.5,
                    label="UN votes")  # fmt: skip
    _shade_missing(bottom, lo, hi, set(uy))
    bottom.set_ylabel("West (-1) ... East (+1)")
    bottom.set_title(f"Votes: {name}'s agreement with the two camps in the UN General Assembly", loc="left", fontsize=9)
    bottom.legend(
        handles=[*bottom.lines[-1:], Patch(facecolor="none", edgecolor="#bdbdbd", hatch="///")],
        labels=["East-West index from UN votes", "no votes (before the UN, after the data, or < 10 roll calls)"],
        fontsize=7, loc="lower left", frameon=False,
    )  # fmt: skip
    bottom.set_xlim(lo - 0.5, hi + 0.5)
    bottom.set_xlabel("year")
    if un_note:
        bottom.set_title(
            f"Votes: {name}'s agreement with the two camps in the UN General Assembly\n{un_note}", loc="left",
            fontsize=9,
        )  # fmt: skip
    fig.suptitle(title or f"Where {name} stood between West and East, {lo}-{hi}", x=0.01, ha="left", fontsize=11)
    label_eras(top, spans, key=False)
    label_eras(bottom, [], key=False)
    _era_key(bottom, spans)
    return fig


def _era_key(ax: Axes, spans: Sequence[Era]) -> None:
    """List, under ``ax``, the eras the first panel's strip had to number."""
    figure = ax.get_figure(root=True)
    assert figure is not None  # an Axes always belongs to a figure
    texts = {t.get_text() for t in figure.axes[0].texts}
    numbered = [(e.number, e.name) for e in spans if str(e.number) in texts]
    if numbered:
        era_key(ax, numbered)


def agreement_heatmap(
    table: pd.DataFrame,
    partners: Sequence[str],
    *,
    years: Iterable[int] | None = None,
    measure: str = "agreement",
    min_votes: int = 10,
    g: RelationGraph | None = None,
    title: str | None = None,
    ax: Axes | None = None,
) -> Axes:
    """UN voting similarity of one state with chosen partners, by year, as a heatmap.

    Parameters
    ----------
    table : pandas.DataFrame
        Columns ``year``, ``partner`` and ``measure`` (from :func:`afrel.unga.country_measures`
        or :func:`afrel.unga.afghanistan_table`).
    partners : sequence of str
        Rows, top to bottom (afrel ids; ``"SUN"`` and ``"RUS"`` may share a row as ``"SUN/RUS"``).
    years : iterable of int, optional
        Columns; by default every year from the table's first to its last.
    measure : str, default "agreement"
        Which column to show.
    min_votes : int, default 10
        Leave a cell empty when the two shared fewer votes that year (needs an ``n_votes``
        column); a year with a handful of votes says little.
    g : RelationGraph, optional
        For partner names on the rows.
    ax : matplotlib Axes, optional
        Where to draw.

    Returns
    -------
    matplotlib.axes.Axes
        ``ax.images[0]`` holds the matrix (rows = partners, columns = years; NaN, drawn light
        grey, where the two shared fewer than ``min_votes`` votes or the year is not measured).
    """
    import numpy as np

    if measure not in table.columns:
        raise ValueError(f"the table has no column {measure!r}")
    present = sorted({int(y) for y in table["year"]})
    cols = list(range(present[0], present[-1] + 1)) if years is None else [int(y) for y in years]
    index = {y: j for j, y in enumerate(cols)}
    matrix = np.full((len(partners), len(cols)), np.nan)
    for i, p in enumerate(partners):
        sub = table[table["partner"].isin(p.split("/"))]
        if "n_votes" in sub.columns:
            sub = sub[sub["n_votes"] >= min_votes]
        for y, v in zip(sub["year"], sub[measure], strict=True):
            if int(y) in index:
                matrix[i, index[int(y)]] = v
    ax = new_ax(ax, (9.5, 0.38 * len(partners) + 1.9))
    vmin = -1.0 if measure in ("kappa", "pi", "s_score") else 0.0
    cmap = mpl().get_cmap("viridis").with_extremes(bad="#eeeeee")
    image = ax.imshow(matrix, aspect="auto", cmap=cmap, vmin=vmin, vmax=1.0, interpolation="nearest")
    names = [
        "/".join(g.actors[i].name if g is not None and i in g.actors else i for i in p.split("/")) for p in partners
    ]
    ax.set_yticks(range(len(partners)), names, fontsize=8.5)
    ticks = [j for j, y in enumerate(cols) if y % 10 == 0]
    ax.set_xticks(ticks, [str(cols[j]) for j in ticks], fontsize=8.5)
    ax.set_xlabel("year")
    ax.figure.colorbar(image, ax=ax, label=f"UN {measure} (grey: not measured)", shrink=0.8)
    ax.set_title(title or f"UN General Assembly {measure} by year", loc="left", fontsize=10)
    return ax
