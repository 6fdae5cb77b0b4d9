"""Figures of the relation graph, alignment and UN voting (matplotlib).

Every function draws on the Axes it is given (``ax=``) or on a new figure, returns the Axes (or
the Figure for multi-panel plots), and never calls ``plt.show()`` or changes global settings.
Colours are fixed per relation kind (:data:`KIND_COLORS`) and per camp or bloc
(:data:`BLOC_COLORS`, colour-blind safe) so that figures compare across eras; they live in
:mod:`afrel.style`, which the explorer page shares. Eras are shaded
and named in a strip above the axes; names that do not fit are numbered and listed under it.

- :func:`timeline`: an actor's relations by partner, overlapping relations in lanes;
- :func:`trajectories`: yearly series, the shifts given marked, years without data shaded;
- :func:`headline`: the tie-based index with its uncertainty band above the UN-vote index;
- :func:`network` and :func:`network_panels`: one day's network, partners grouped by camp;
- :func:`agreement_heatmap`: UN agreement with chosen partners by year.

Plots draw what the analysis computed and compute nothing themselves: the shifts to mark come
from :func:`afrel.change_points`, the camps of the network from :func:`afrel.blocs_of`.

To draw without pyplot (in a script or a server, leaving matplotlib's backend alone), pass an
Axes of a ``matplotlib.figure.Figure`` (``ax=Figure().add_subplot()``), or the figure itself
(``fig=``) to the multi-panel plots.
"""

from __future__ import annotations

from afrel.plot._network import EARTH_RADIUS_KM, RINGS_KM, camp_layout, network, network_panels, stable_layout
from afrel.plot._series import agreement_heatmap, headline, trajectories
from afrel.plot._timeline import timeline
from afrel.style import BLOC_COLORS, BLOC_LABELS, KIND_COLORS, SECTORS

__all__ = [
    "BLOC_COLORS",
    "BLOC_LABELS",
    "EARTH_RADIUS_KM",
    "KIND_COLORS",
    "RINGS_KM",
    "SECTORS",
    "agreement_heatmap",
    "camp_layout",
    "headline",
    "network",
    "network_panels",
    "stable_layout",
    "timeline",
    "trajectories",
]
