"""Figure helpers and the strip of era names shared by every afrel figure (colours: :mod:`afrel.style`)."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Final, NamedTuple

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from afrel.graph import RelationGraph

ERA_SHADE: Final = "#000000"
ERA_FONT: Final = 7.5


def mpl() -> Any:
    """matplotlib.pyplot, with a one-line error when matplotlib is missing."""
    try:
        import matplotlib.pyplot as plt
    except ImportError:  # pragma: no cover - matplotlib is a core dependency
        raise ImportError("afrel.plot needs matplotlib: pip install matplotlib") from None
    return plt


def new_ax(ax: Axes | None, size: tuple[float, float]) -> Axes:
    """The Axes given, or one on a new constrained-layout figure of this size (inches)."""
    if ax is not None:
        return ax
    fig = mpl().figure(figsize=size, layout="constrained")
    created: Axes = fig.add_subplot()
    return created


def renderer_of(fig: Figure) -> Any:
    """The figure's renderer, to measure text in pixels.

    Agg and inline canvases have one; a ``matplotlib.figure.Figure`` made without pyplot gets an
    Agg canvas (what ``savefig`` would use), which changes no global setting.
    """
    canvas: Any = fig.canvas
    if not hasattr(canvas, "get_renderer"):
        from matplotlib.backends.backend_agg import FigureCanvasAgg

        canvas = FigureCanvasAgg(fig)
    return canvas.get_renderer()


def year_of(ordinal: int) -> float:
    """A day as a fractional year (1 July 1985 is about 1985.5)."""
    day = datetime.date.fromordinal(ordinal)
    start = datetime.date(day.year, 1, 1).toordinal()
    length = datetime.date(day.year + 1, 1, 1).toordinal() - start
    return day.year + (ordinal - start) / length


class Era(NamedTuple):
    """An era clipped to a figure's years: its number in the graph's periods (from 1), name and span."""

    number: int
    name: str
    start: float
    end: float


def eras(g: RelationGraph, lo: float, hi: float) -> list[Era]:
    """The graph's periods clipped to ``[lo, hi)``, numbered as in ``g.periods`` (so every figure agrees)."""
    out = []
    for i, p in enumerate(g.periods, start=1):
        a = max(year_of(p.lo), lo)
        b = min(year_of(p.hi) if p.end is not None else hi, hi)
        if b > a:
            out.append(Era(i, p.name, a, b))
    return out


def shade_eras(ax: Axes, spans: Sequence[Era]) -> None:
    """Alternate light bands behind the data, one per era (odd-numbered eras shaded)."""
    for era in spans:
        if era.number % 2 == 1:
            ax.axvspan(era.start, era.end, color=ERA_SHADE, alpha=0.045, lw=0, zorder=0)


def label_eras(ax: Axes, spans: Sequence[Era], *, key: bool = True) -> list[str]:
    """Name the eras in a strip just above the axes, never overlapping.

    Each era gets its number in the graph's periods (the same in every figure), and ``key``
    adds the lines under the axes that say which era each number stands for. Call it last,
    once the figure's size and layout are final.

    Returns
    -------
    list of str
        The text of every label drawn (names or numbers), for tests.
    """
    fig = ax.get_figure(root=True)
    assert fig is not None  # an Axes always belongs to a figure
    fig.draw_without_rendering()  # settle the layout: widths are measured in pixels
    renderer = renderer_of(fig)
    x0, x1 = ax.get_xlim()
    width_px = ax.get_window_extent(renderer).width
    per_year = width_px / (x1 - x0) if x1 > x0 else 0.0
    texts: list[str] = []
    numbered: list[tuple[int, str]] = []
    trans = ax.get_xaxis_transform()
    tallest = 0.0
    for i, name, a, b in spans:
        # every era is numbered as in g.periods, in every figure, with the names in a key below
        label = str(i)
        if (b - a) * per_year < 8:
            label = ""
        numbered.append((i, name))
        texts.append(label)
        text = ax.annotate(
            label, xy=((a + b) / 2, 1.0), xycoords=trans, xytext=(0, 2), textcoords="offset points", ha="center",
            va="bottom", fontsize=ERA_FONT, color="#424242", linespacing=1.0, annotation_clip=False,
        )  # fmt: skip
        tallest = max(tallest, text.get_window_extent(renderer).height)
    # lift the title above the strip
    pad = tallest * 72 / fig.dpi + 7
    for loc in ("left", "center", "right"):
        title = ax.title if loc == "center" else getattr(ax, f"_{loc}_title")  # matplotlib keeps no public handle
        if title.get_text():
            ax.set_title(title.get_text(), loc=loc, pad=pad, fontsize=title.get_fontsize())
    if key and numbered:
        era_key(ax, numbered)
    return texts


def era_key(ax: Axes, numbered: Sequence[tuple[int, str]], *, offset: float = 34) -> None:
    """Under the axes, the line that says which era each number of the strip stands for."""
    fig = ax.get_figure(root=True)
    assert fig is not None  # an Axes always belongs to a figure
    renderer = renderer_of(fig)
    room = ax.get_window_extent(renderer).width
    wrapped = _wrap(["Eras:"] + [f"{i} {name}" for i, name in numbered], room, renderer, fig)
    ax.annotate(
        wrapped, xy=(0, 0), xycoords="axes fraction", xytext=(0, -offset), textcoords="offset points",
        ha="left", va="top", fontsize=ERA_FONT, color="#424242", annotation_clip=False,
    )  # fmt: skip


def _wrap(items: Sequence[str], room: float, renderer: Any, fig: Any) -> str:
    """Join items with wide spaces, breaking lines so that none is wider than ``room`` pixels."""
    from matplotlib.text import Text

    lines: list[str] = []
    line = ""
    for item in items:
        candidate = f"{line}   {item}" if line else item
        if line and Text(0, 0, candidate, fontsize=ERA_FONT, figure=fig).get_window_extent(renderer).width > room:
            lines.append(line)
            line = item
        else:
            line = candidate
    lines.append(line)
    return "\n".join(lines)


def era_title(g: RelationGraph, day: datetime.date) -> str:
    """The name of the era a day falls in, with its year, for a panel title."""
    p = g.period(day)
    name = p.name if p is not None else "outside the named eras"
    return f"{name} ({day.year})"
