"""The text of a report: its ``summary.md``, written from the numbers the report computed.

:func:`afrel.report.write_report` computes the measures and draws the figures; this module's
one job is saying in words what those numbers are and show. :class:`Findings` holds them,
:func:`summarise` writes the Markdown.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

import attrs

if TYPE_CHECKING:
    import pandas as pd

    from afrel.graph import RelationGraph
    from afrel.shifts import ChangePoint

__all__ = ["Findings", "summarise"]


@attrs.frozen(kw_only=True)
class Findings:
    """What a report computed for one state, as :func:`summarise` reads it.

    Attributes
    ----------
    g : RelationGraph
        The data.
    actor : str
        The state the report is about.
    own : bool
        Whether ``actor`` is Afghanistan, whose reading of the numbers is written out.
    era_years : mapping of str to (int, int)
        The eras compared, by name, with their first and last years.
    band : pandas.DataFrame
        The yearly East-West index from ties with its range over the disputed dates
        (:func:`afrel.sensitivity`).
    by_weighting : pandas.DataFrame
        The yearly index under each weighting (a column each).
    levels : pandas.DataFrame
        The yearly score of each camp (``west``, ``east``).
    un_blocs : pandas.DataFrame or None
        :func:`afrel.un_bloc_agreement`, or None without UN votes.
    eras : pandas.DataFrame
        :func:`afrel.weighting_table` over ``era_years``.
    era_band : pandas.DataFrame
        The range of the ``kinds`` column of ``eras`` over the disputed dates.
    shifts : mapping of str to list of ChangePoint
        The shifts of UN agreement with each superpower.
    shift_ranges : list of (ChangePoint, (float, float))
        The shifts of the index from ties of at least 0.1, each with the range of its size.
    note : str
        What the UN votes cover, or why there are none.
    vote_missing : list of int
        Years the votes leave out.
    figures : sequence of str
        The figures written, by name.
    bundled : bool
        Whether ``g`` is the bundled dataset.
    """

    g: RelationGraph
    actor: str
    own: bool
    era_years: Mapping[str, tuple[int, int]]
    band: pd.DataFrame
    by_weighting: pd.DataFrame
    levels: pd.DataFrame
    un_blocs: pd.DataFrame | None
    eras: pd.DataFrame
    era_band: pd.DataFrame
    shifts: Mapping[str, Sequence[ChangePoint]]
    shift_ranges: Sequence[tuple[ChangePoint, tuple[float, float]]]
    note: str
    vote_missing: Sequence[int]
    figures: Sequence[str]
    bundled: bool


def _fmt(x: float) -> str:
    return "n/a" if x is None or (isinstance(x, float) and math.isnan(x)) else f"{x:+.2f}"


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def summarise(found: Findings) -> str:
    """The report's ``summary.md``, every number taken from ``found``.

    Sections: Coverage, Measures, the eras under each weighting, the shifts with their ranges
    over the disputed dates, the reading of the numbers (Afghanistan's, argued in
    ``docs/measures.md``, or for another state what the run computed), and what is not covered.
    """
    g, actor, own, era_years, band = found.g, found.actor, found.own, found.era_years, found.band
    by_weighting, levels, un_blocs, eras, era_band = (
        found.by_weighting,
        found.levels,
        found.un_blocs,
        found.eras,
        found.era_band,
    )
    shifts, shift_ranges, note, vote_missing = found.shifts, found.shift_ranges, found.note, found.vote_missing
    figures, bundled = found.figures, found.bundled
    name = g.actor(actor).name
    disputed = sum(1 for r in g.records("relations") if r.alternatives)
    first = min(r.start.year for r in g.records("relations"))
    lines = [f"# {name} between West and East: what the data show", ""]
    lines += [
        "## Coverage",
        "",
        f"- Dataset: {_count(len(g.actors), 'actor')}, {_count(len(g), 'relation')}, "
        f"{_count(len(g.records('events')), 'event')}, {_count(len(g.sources), 'source')}; relations dated from "
        f"{first} to today.",
        f"- {note[0].upper() + note[1:]}.",
        f"- {disputed} relations have disputed dates with recorded alternatives; the ranges below recompute the "
        f"measures over {band.attrs['evaluated']} datings ({band.attrs['method']}, seed {band.attrs['seed']}), the "
        "earliest and latest of every disputed date included."
        if disputed
        else "- No relation has disputed dates: every range below is the measure itself.",
        "",
        "## Measures, in one line each",
        "",
        "- **East-West index from ties** (`afrel.alignment`): for each camp of the era (the Western powers and "
        "Soviet Russia before 1949, the Cold War pacts, then NATO/EU/US allies against Russia/China/CSTO/SCO), the "
        "mean tie score of its k closest partners (k the size of the smaller camp), compared as "
        "(East - West) / (|East| + |West|); +1 East, -1 West.",
        "- **Weightings**: `kinds` (default; arms 3, aid 2, diplomacy 1, times intensity), `counts` (every kind 1), "
        "`material` (aid, arms, intervention and sanctions only).",
        f"- **East-West index from UN votes** (`afrel.un_bloc_agreement`): the same comparison of {name}'s mean "
        "agreement with each camp's members in the General Assembly"
        + ("." if un_blocs is not None else " (not computed here: no UN votes)."),
        "",
        "## The eras under each weighting (mean yearly index)",
        "",
        "| era | years | kinds (range over disputed dates) | counts | material | UN votes |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    era_rows: dict[Any, Any] = eras.to_dict("index")
    era_bands: dict[Any, Any] = era_band.to_dict("index")
    for era, (lo, hi) in era_years.items():
        un = (
            float(un_blocs.loc[(un_blocs.index >= lo) & (un_blocs.index <= hi), "east_west"].mean())
            if un_blocs is not None
            else math.nan
        )
        low, high = float(era_bands[era]["low"]), float(era_bands[era]["high"])
        rng = f"{_fmt(float(era_rows[era]['kinds']))} ({_fmt(low)} to {_fmt(high)})"
        counts, material = float(era_rows[era]["counts"]), float(era_rows[era]["material"])
        lines.append(f"| {era} | {lo}-{hi} | {rng} | {_fmt(counts)} | {_fmt(material)} | {_fmt(un)} |")
    lines += ["", "## Shifts found by `afrel.change_points`", ""]
    lines += [
        "Shifts of the index from ties of at least 0.1, with the range of each change when the disputed dates "
        "take their other values (the same segments, recomputed on every dating evaluated), and the shifts of "
        "UN agreement with the two superpowers" + ("." if un_blocs is not None else " (none here: no UN votes)."),
        "",
        "| series | year | before | after | change | range over disputed dates |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for c, (low, high) in shift_ranges:
        lines.append(
            f"| index from ties | {c.year} | {c.before:+.2f} | {c.after:+.2f} | {_fmt(c.size)} | "
            f"{_fmt(low)} to {_fmt(high)} |"
        )
    for series, points in shifts.items():
        for c in points:
            lines.append(f"| UN agreement, {series} | {c.year} | {c.before:.2f} | {c.after:.2f} | {_fmt(c.size)} | |")
    lines += ["", "## Reading the numbers", ""]
    lines += _reading(name, own, eras, levels, by_weighting["kinds"], un_blocs)
    lines += ["", "## Not covered", ""]
    if un_blocs is not None:
        lines.append(
            f"- UN votes after {un_blocs.index.max()} (the raw data end there)"
            + (f", and in {', '.join(map(str, vote_missing))} (fewer than 10 roll calls)" if vote_missing else "")
            + "."
        )
    else:
        lines.append(f"- UN votes: {note.removeprefix('no UN votes: ')}.")
    if bundled and not own:
        lines.append(
            f"- The bundled dataset records Afghanistan's relations: {name}'s ties with other states are mostly "
            "missing, so its index rests on few ties. Give a data folder of its own (`--data`) for a full picture."
        )
    if own:
        lines.append(
            "- About 70 UN members have no dated diplomatic relation in any source read; 160 missions rest on the "
            "Correlates of War data alone (residence unknown). See the datasheet (`data/README.md`)."
        )
    lines += [
        "- The camps are one definition among several (`afrel.CAMPS`; pass your own `camps=`).",
        "",
        f"Figures: {', '.join(figures)} (PNG and SVG); explorer.html travels through the years.",
    ]
    return "\n".join(lines) + "\n"


def _reading(
    name: str, own: bool, eras: pd.DataFrame, levels: pd.DataFrame, ties: pd.Series, un_blocs: pd.DataFrame | None
) -> list[str]:
    """What the numbers say: Afghanistan's reading, or, for another state, what the run computed."""
    if own:
        west_before, west_after = levels.loc[1993:2001, "west"].mean(), levels.loc[2002:2020, "west"].mean()
        east_before, east_after = levels.loc[1993:2001, "east"].mean(), levels.loc[2002:2020, "east"].mean()
        return [
            "- The Soviet war years lean East under every weighting and the Islamic Republic leans West; under "
            "`kinds` and `material` the non-aligned years lie between them. Under `counts` (breadth alone) the "
            "non-aligned monarchy looks as Western as the Islamic Republic: it had as many *kinds* of tie with its "
            "closest Western partners; what separates the eras is depth (aid, arms, troops).",
            "- The index moves West in 1992, not in 2001: after the Soviet collapse the new Eastern camp (Russia and "
            "its Central Asian allies) armed the United Front against Kabul's governments, which counts as "
            "hostility, while Afghan embassies in Western capitals stayed open. What 2002 changes is the *level* of "
            f"ties with the West: the mean score of the closest Western partners goes from {west_before:.1f} "
            f"(1993-2001) to {west_after:.1f} (2002-2020), while the Eastern camp's goes from {east_before:.1f} to "
            f"{east_after:.1f}.",
            "- The UN votes stay on the East side of zero after 2001 while the ties swing West: in the General "
            "Assembly Afghanistan kept voting with the majority of the Non-Aligned and of the Russia/China camp. That "
            "gap is a finding, not an error of either measure.",
        ]
    kinds = eras["kinds"].dropna()
    if kinds.empty:
        return [f"- {name} has no tie with either camp in the eras compared: the index is not defined."]
    east, west = str(kinds.idxmax()), str(kinds.idxmin())
    out = [
        f"- Under `kinds`, {name}'s ties lean furthest East in the era '{east}' ({_fmt(float(kinds[east]))}) and "
        f"furthest West in '{west}' ({_fmt(float(kinds[west]))}).",
    ]
    for weighting in ("counts", "material"):
        other = eras[weighting].dropna()
        if len(other) and len(kinds) > 1 and (str(other.idxmax()), str(other.idxmin())) != (east, west):
            out.append(
                f"- Under `{weighting}` the order differs: furthest East '{other.idxmax()}', furthest West "
                f"'{other.idxmin()}'; the weighting matters for this state."
            )
    if un_blocs is not None:
        un = un_blocs["east_west"].dropna()
        if len(un):
            same = ties[ties.index.isin(un.index)].mean()
            out.append(
                f"- In the UN General Assembly the index from votes averages {_fmt(float(un.mean()))} over "
                f"{un.index.min()}-{un.index.max()}, the index from ties {_fmt(float(same))} over the same years."
            )
    return out
