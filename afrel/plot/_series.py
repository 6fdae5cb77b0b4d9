"""Yearly series: alignment and UN agreement, the headline figure, and the UN heatmap."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

from afrel.plot._style import Era, era_key, eras, label_eras, mpl, new_ax, shade_eras

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
    shifts: Mapping[str, Sequence[int]] | None = None,
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
    """Yearly series (alignment, UN agreement) with eras shaded and named, and the shifts given marked.

    Parameters
    ----------
    data : pandas.DataFrame or mapping of name to {year: value}
        One series per column (or key), indexed by year.
    g : RelationGraph, optional
        Shade and name its eras above the axes.
    shifts : mapping of name to years, optional
        The years to mark as shifts, per series, for example those :func:`afrel.change_points`
        finds: ``{name: [c.year for c in afrel.change_points(series)]}`` (the
        :class:`afrel.ChangePoint` records themselves also do). A mark sits before its year
        (the first year of the new level). By default none.
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

    Raises
    ------
    ValueError
        If there is no data, or ``shifts`` names a series that is not in ``data``.
    TypeError
        If ``shifts`` is not a mapping of names to years.

    Examples
    --------
    >>> import afrel
    >>> from afrel import plot
    >>> agreement = {y: 0.70 if y < 1980 else 0.95 for y in range(1970, 1990)}
    >>> found = {"USSR": [c.year for c in afrel.change_points(agreement)]}
    >>> ax = plot.trajectories({"USSR": agreement}, shifts=found)
    >>> [line.get_label() for line in ax.lines]
    ['USSR', 'shift USSR 1980']
    """
    import pandas as pd

    frame = data if isinstance(data, pd.DataFrame) else pd.DataFrame(data)
    if frame.empty:
        raise ValueError("no data to plot")
    marks_of = _shift_years(shifts, [str(c) for c in frame.columns])
    ax = new_ax(ax, (10, 4))
    years = [int(str(y)) for y in frame.index]
    lo, hi = span if span is not None else (min(years), max(years))
    # every year of the data's range, so that a missing year is a gap in the line, never bridged
    frame = frame.set_axis(years).sort_index().reindex(range(min(years), max(years) + 1))
    import matplotlib

    cycle = matplotlib.rcParams["axes.prop_cycle"].by_key()["color"]
    label_rows: list[float] = []
    for i, name in enumerate(frame.columns):
        full = frame[name]
        color = (colors or {}).get(str(name), cycle[i % len(cycle)])
        ax.plot(list(full.index), full.to_numpy(dtype=float), marker=".", ms=3, lw=1.3, color=color, label=str(name))
        for y in marks_of.get(str(name), []):
            ax.axvline(y - 0.5, color=color, ls="--", lw=0.9, label=f"shift {name} {y}")
            row = 0.02  # stagger the year labels of nearby shifts: a label is about an eighth of the axes tall
            while any(
                abs(y - other) < 2.5 and abs(row - r) < 0.13
                for other, r in zip(label_rows[::2], label_rows[1::2], strict=True)
            ):
                row += 0.14
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


def _shift_years(shifts: object, names: Sequence[str]) -> dict[str, list[int]]:
    """The years to mark per series, checked: a mapping of series names to years."""
    if shifts is None:
        return {}
    if not isinstance(shifts, Mapping):
        raise TypeError(
            f"shifts must map series names to the years to mark, not {type(shifts).__name__}: "
            "pass {name: [c.year for c in afrel.change_points(series)]}"
        )
    unknown = sorted(set(map(str, shifts)) - set(names))
    if unknown:
        raise ValueError(f"shifts names no series of the data: {', '.join(map(repr, unknown))}; the series are "
                         f"{', '.join(map(repr, names))}")  # fmt: skip
    out: dict[str, list[int]] = {}
    for name, years in shifts.items():
        if isinstance(years, str) or not isinstance(years, Iterable):
            raise TypeError(f"shifts[{name!r}] must be a list of years, not {years!r}")
        out[str(name)] = [int(y.year if hasattr(y, "year") else y) for y in years]
    return out


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
    un: pd.Series | None,
    g: RelationGraph,
    *,
    actor: str,
    span: tuple[int, int] | None = None,
    un_note: str = "",
    title: str | None = None,
    periods: bool = True,
    fig: Figure | None = None,
) -> Figure:
    """The tie-based index with its uncertainty band above the UN-vote index, on shared eras.

    Parameters
    ----------
    ties : pandas.DataFrame
        Indexed by year, columns ``base``, ``low`` and ``high`` (from :func:`afrel.sensitivity`
        on the yearly ``east_west`` index of :func:`afrel.alignment`).
    un : pandas.Series or None
        The UN-vote index by year (``east_west`` of :func:`afrel.un_bloc_agreement`); None
        draws the ties alone (``un_note`` then says why there are no votes).
    g : RelationGraph
        For the name of ``actor`` and the eras.
    actor : str
        The focal state, for the titles.
    span : (int, int), optional
        Years shown in both panels (they share the axis: neither cuts the other's years); by
        default those of ``ties``.
    un_note : str
        Where the vote data end (:func:`afrel.unga.coverage_note`), written under the panel.
    title : str, optional
        The figure's message; by default a description.
    periods : bool, default True
        Shade and number the graph's periods (False when they are another state's eras).
    fig : matplotlib Figure, optional
        An empty figure to draw on (a ``matplotlib.figure.Figure`` draws without pyplot); it is
        resized to the plot's size. By default a new pyplot figure.

    Returns
    -------
    matplotlib.figure.Figure
        ``fig.axes[0]`` the ties (line ``"ties"`` and the band in
        ``fig.axes[0].collections``), ``fig.axes[1]`` the UN votes (line ``"UN votes"``)
        unless ``un`` is None.
    """
    from matplotlib.patches import Patch

    if ties.empty:
        raise ValueError("no ties to plot: the index from ties is empty")
    name = g.actor(actor).name
    size = (10.0, 6.6) if un is not None else (10.0, 4.2)
    if fig is None:
        fig = mpl().figure(figsize=size, layout="constrained")
    else:
        fig.set_size_inches(*size)
        fig.set_layout_engine("constrained")
    assert fig is not None  # for mypy: set on both branches
    panels = fig.subplots(2, 1, sharex=True, gridspec_kw={"height_ratios": [1.25, 1]}) if un is not None else [
        fig.subplots()
    ]  # fmt: skip
    top, last = panels[0], panels[-1]
    lo, hi = span if span is not None else (int(min(ties.index)), int(max(ties.index)))
    spans = eras(g, lo - 0.5, hi + 0.5) if periods else []
    for ax in panels:
        shade_eras(ax, spans)
        ax.axhline(0, color="#757575", lw=0.6, zorder=1)
        ax.set_ylim(-1.05, 1.05)
        ax.set_yticks([-1, -0.5, 0, 0.5, 1])
    t = ties.loc[(ties.index >= lo) & (ties.index <= hi)]
    years = [int(str(y)) for y in t.index]
    top.fill_between(years, t["low"].to_numpy(), t["high"].to_numpy(), color="#7f7f7f", alpha=0.35, lw=0, step="mid")
    top.plot(years, t["base"].to_numpy(), color="#000000", lw=1.5, drawstyle="steps-mid", label="ties")
    measured = {y for y, v in zip(years, t["base"].to_numpy(dtype=float), strict=True) if v == v}  # not NaN
    _shade_missing(top, lo, hi, measured)  # years without a tie to either camp are said, not left blank
    top.set_ylabel("West (-1) ... East (+1)")
    ties_title = f"Ties: {name}'s dated relations with the two camps"
    top.set_title(ties_title if un is not None or not un_note else f"{ties_title}\n{un_note}", loc="left", fontsize=9)
    handles = [top.lines[-1], Patch(facecolor="#7f7f7f", alpha=0.35)]
    labels = ["East-West index from ties", "range over the disputed dates"]
    if spans:
        handles.append(Patch(facecolor="#ededed"))
        labels.append("eras (alternately shaded)")
    if set(range(lo, hi + 1)) - measured:
        handles.append(Patch(facecolor="none", edgecolor="#bdbdbd", hatch="///"))
        labels.append("no index: no tie with either camp")
    top.legend(handles=handles, labels=labels, fontsize=7, loc="lower left", frameon=False)
    if un is not None:
        bottom = panels[1]
        u = un.dropna()
        u = u[(u.index >= lo) & (u.index <= hi)]
        uy = [int(str(y)) for y in u.index]
        if uy:  # every year of the range, so that an unmeasured year breaks the line
            full = u.set_axis(uy).reindex(range(min(uy), max(uy) + 1))
            bottom.plot(list(full.index), full.to_numpy(dtype=float), color="#000000", lw=1.3, marker=".", ms=3.5,
                        label="UN votes")  # fmt: skip
        _shade_missing(bottom, lo, hi, set(uy))
        bottom.set_ylabel("West (-1) ... East (+1)")
        votes_title = f"Votes: {name}'s agreement with the two camps in the UN General Assembly"
        bottom.set_title(f"{votes_title}\n{un_note}" if un_note else votes_title, loc="left", fontsize=9)
        bottom.legend(
            handles=[*bottom.lines[-1:], Patch(facecolor="none", edgecolor="#bdbdbd", hatch="///")],
            labels=["East-West index from UN votes", "no votes (before the UN, after the data, or < 10 roll calls)"],
            fontsize=7, loc="lower left", frameon=False,
        )  # fmt: skip
    last.set_xlim(lo - 0.5, hi + 0.5)
    top.set_xlim(lo - 0.5, hi + 0.5)
    last.set_xlabel("year")
    fig.suptitle(title or f"Where {name} stood between West and East, {lo}-{hi}", x=0.01, ha="left", fontsize=11)
    if spans:
        label_eras(top, spans, key=False)
        if last is not top:
            label_eras(last, [], key=False)
        _era_key(last, spans)
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
    ax = new_ax(ax, (9.5, max(4.0, 0.38 * len(partners) + 1.9)))  # room for the colour bar's label
    vmin = -1.0 if measure in ("kappa", "pi", "s_score") else 0.0
    import matplotlib

    cmap = matplotlib.colormaps["viridis"].with_extremes(bad="#eeeeee")
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
