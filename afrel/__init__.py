"""afrel: the foreign relations of Afghanistan since 1919, as a typed, time-sliced graph.

>>> import afrel
>>> g = afrel.load()                        # the bundled dataset
>>> snap = g.at("1985-06-01")               # a networkx.MultiDiGraph as of that day
>>> afrel.resolve("USSR")
'SUN'

See ``data/README.md`` for the data format and :mod:`afrel.dates` for the interval rules.
"""

from __future__ import annotations

__version__ = "0.2.0"

from afrel.align import alignment, weighting_table
from afrel.blocs import CAMPS, Camp, bloc_members, bloc_membership, blocs_of, scope, un_bloc_agreement
from afrel.compare import centrality, compare_periods
from afrel.dates import PartialDate
from afrel.errors import DataError, Problem, ScopeWarning, UnknownActorError
from afrel.explorer import explore
from afrel.export import read_snapshot, to_frame, write_snapshot
from afrel.graph import RelationGraph
from afrel.io import data_path, load, write
from afrel.kinds import ActorKind, Certainty, EventKind, MissionRank, RelationKind, Role
from afrel.model import Actor, Alternative, Event, Gap, Leader, Period, Relation, Source
from afrel.names import resolve
from afrel.sensitivity import sensitivity
from afrel.shifts import ChangePoint, change_points
from afrel.validation import check

_LAZY_MODULES = frozenset({"plot", "report", "similarity", "unga"})
"""Submodules that load matplotlib or pandas: imported on first attribute access, not by ``import afrel``."""


def __getattr__(name: str) -> object:
    """Load the heavier submodules (``afrel.plot``, ``afrel.report``, ``afrel.unga``, ...) on first use."""
    if name in _LAZY_MODULES:
        import importlib

        return importlib.import_module(f"afrel.{name}")
    raise AttributeError(f"module 'afrel' has no attribute {name!r}")


def __dir__() -> list[str]:
    """The public names, the lazy submodules included (for tab completion)."""
    return sorted([*globals(), *_LAZY_MODULES])


__all__ = [
    "CAMPS",
    "Actor",
    "ActorKind",
    "Alternative",
    "Camp",
    "Certainty",
    "ChangePoint",
    "DataError",
    "Event",
    "EventKind",
    "Gap",
    "Leader",
    "MissionRank",
    "PartialDate",
    "Period",
    "Problem",
    "Relation",
    "RelationGraph",
    "RelationKind",
    "Role",
    "ScopeWarning",
    "Source",
    "UnknownActorError",
    "__version__",
    "alignment",
    "bloc_members",
    "bloc_membership",
    "blocs_of",
    "centrality",
    "change_points",
    "check",
    "compare_periods",
    "data_path",
    "explore",
    "load",
    "read_snapshot",
    "resolve",
    "scope",
    "sensitivity",
    "to_frame",
    "un_bloc_agreement",
    "weighting_table",
    "write",
    "write_snapshot",
]
