"""Figures of the relation graph, alignment and UN voting (matplotlib).

Every function draws on the Axes it is given (``ax=``) or on a new figure, returns the Axes (or
the Figure for multi-panel plots), and never calls ``plt.show()`` or changes global settings.
Colours are fixed per relation kind (:data:`KIND_COLORS`) and per camp or bloc
(:data:`BLOC_COLORS`, colour-blind safe) so that figures compare across eras. Eras are shaded
and named in a strip above the axes; names that do not fit are numbered and listed under it.

- :func:`timeline`: an actor's relations by partner, overlapping relations in lanes;
- :func:`trajectories`: yearly series, shifts marked, years without data shaded;
- :func:`headline`: the tie-based index with its uncertainty band above the UN-vote index;
- :func:`network` and :func:`network_panels`: one day's network, partners grouped by camp;
- :func:`agreement_heatmap`: UN agreement with chosen partners by year.
"""

from __future__ import annotations

from afrel.plot._network import (
    EARTH_RADIUS_KM,
    RINGS_KM,
    SECTORS,
    blocs_of,
    camp_layout,
    network,
    network_panels,
    stable_layout,
)
from afrel.plot._series import agreement_heatmap, headline, trajectories
from afrel.plot._style import BLOC_COLORS, BLOC_LABELS, KIND_COLORS
from afrel.plot._timeline import timeline

__all__ = [
    "BLOC_COLORS",
    "BLOC_LABELS",
    "EARTH_RADIUS_KM",
    "KIND_COLORS",
    "RINGS_KM",
    "SECTORS",
    "agreement_heatmap",
    "blocs_of",
    "camp_layout",
    "headline",
    "network",
    "network_panels",
    "stable_layout",
    "timeline",
    "trajectories",
]
