"""What every afrel figure and the explorer page agree on: colours, legend labels, layout sectors, short names.

Plain data and one small function, without matplotlib, so that :mod:`afrel.plot` (matplotlib)
and :mod:`afrel.explorer` (an HTML page) colour and name things the same way.

- :data:`KIND_COLORS`: one colour per relation kind;
- :data:`BLOC_COLORS` and :data:`BLOC_LABELS`: one colour (Okabe-Ito, colour-blind safe) and
  legend text per group of :func:`afrel.blocs_of`;
- :data:`SECTORS`: where each group sits on the camp layout;
- :func:`short_name`: an actor's name short enough for a label.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Final

from afrel.kinds import RelationKind

if TYPE_CHECKING:
    from afrel.graph import RelationGraph

__all__ = ["BLOC_COLORS", "BLOC_LABELS", "KIND_COLORS", "SECTORS", "short_name"]

KIND_COLORS: Final[Mapping[RelationKind, str]] = {
    RelationKind.DIPLOMATIC: "#9e9e9e",
    RelationKind.EMBASSY: "#616161",
    RelationKind.ACCREDITATION: "#cfcfcf",
    RelationKind.ECONOMIC_AID: "#2e7d32",
    RelationKind.MILITARY_AID: "#6a1b9a",
    RelationKind.HUMANITARIAN_AID: "#9ccc65",
    RelationKind.TREATY: "#1565c0",
    RelationKind.MEMBERSHIP: "#90caf9",
    RelationKind.RECOGNITION: "#00897b",
    RelationKind.INTERVENTION: "#c62828",
    RelationKind.ARMED_SUPPORT: "#ef6c00",
    RelationKind.DISPUTE: "#8d6e63",
    RelationKind.SANCTIONS: "#ad1457",
    RelationKind.SUSPENSION: "#f9a825",
}
"""Colour of each relation kind."""

BLOC_COLORS: Final[Mapping[str, str]] = {
    "west": "#0072b2",
    "east": "#d55e00",
    "nam": "#009e73",
    "oic": "#cc79a7",
    "none": "#bdbdbd",
    "focus": "#000000",
    "movement": "#e69f00",
}
"""Colour of each group of :func:`afrel.blocs_of` (Okabe-Ito; ``none`` for actors in no bloc,
``focus`` for the focal state, ``movement`` for its armed movements)."""

BLOC_LABELS: Final[Mapping[str, str]] = {
    "west": "West",
    "east": "East",
    "nam": "Non-Aligned",
    "oic": "Islamic Cooperation",
    "none": "no bloc",
    "focus": "focal state",
    "movement": "armed movement",
}
"""Legend text of each group."""

SECTORS: Final[Mapping[str, tuple[float, float]]] = {
    "west": (180.0, 120.0),
    "east": (0.0, 120.0),
    "nam": (90.0, 50.0),
    "oic": (270.0, 25.0),
    "none": (243.0, 25.0),
}
"""Camp layout: the direction (degrees, counter-clockwise from east) and width of each group."""


def short_name(g: RelationGraph, actor_id: str, limit: int = 20) -> str:
    """An actor's name if it has at most ``limit`` characters, else its shortest alias that does, else its id.

    Examples
    --------
    >>> import afrel
    >>> g = afrel.load()
    >>> short_name(g, "SUN"), short_name(g, "SUN", limit=4)
    ('Soviet Union', 'USSR')
    """
    a = g.actor(actor_id)
    if len(a.name) <= limit:
        return a.name
    fits = sorted((x for x in a.aliases if len(x) <= limit), key=len)
    return fits[0] if fits else a.id
