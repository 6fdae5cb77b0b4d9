"""The closed vocabularies of afrel, in one place.

Each vocabulary is a :class:`enum.StrEnum`: a member compares equal to its string value, so
``RelationKind.EMBASSY == "embassy"``, and converting an unknown string raises a
``ValueError`` that lists the allowed values. To add a kind, add a member here (and document
it in ``data/README.md``); the loader, validator and exports pick it up.
"""

from __future__ import annotations

import enum
from typing import TypeVar

__all__ = [
    "ActorKind",
    "Certainty",
    "EventKind",
    "MissionRank",
    "RelationKind",
    "Role",
    "allowed",
    "coerce",
]


class ActorKind(enum.StrEnum):
    """What an actor is."""

    STATE = "state"
    ORGANIZATION = "organization"
    GOVERNMENT = "government"
    MOVEMENT = "movement"


class RelationKind(enum.StrEnum):
    """The type of a relation; see ``data/README.md`` for direction and sign of each."""

    DIPLOMATIC = "diplomatic"
    EMBASSY = "embassy"
    ACCREDITATION = "accreditation"
    ECONOMIC_AID = "economic_aid"
    MILITARY_AID = "military_aid"
    HUMANITARIAN_AID = "humanitarian_aid"
    TREATY = "treaty"
    MEMBERSHIP = "membership"
    RECOGNITION = "recognition"
    INTERVENTION = "intervention"
    ARMED_SUPPORT = "armed_support"
    DISPUTE = "dispute"
    SANCTIONS = "sanctions"
    SUSPENSION = "suspension"


class MissionRank(enum.StrEnum):
    """The rank of a diplomatic mission (``embassy`` and ``accreditation`` relations).

    The ranks match the Correlates of War Diplomatic Exchange codes: an ambassador heads an
    embassy (3), a minister a legation (2), a chargé d'affaires a mission of lower rank (1).
    """

    EMBASSY = "embassy"
    LEGATION = "legation"
    CHARGE = "charge"


class EventKind(enum.StrEnum):
    """The type of an event."""

    COUP = "coup"
    INVASION = "invasion"
    WITHDRAWAL = "withdrawal"
    AGREEMENT = "agreement"
    RECOGNITION = "recognition"
    DIPLOMATIC = "diplomatic"
    CONFLICT = "conflict"
    REGIME_CHANGE = "regime_change"
    MEMBERSHIP = "membership"
    SANCTIONS = "sanctions"
    ATTACK = "attack"
    AID = "aid"
    OTHER = "other"


class Certainty(enum.StrEnum):
    """How sure a record's dates are."""

    EXACT = "exact"
    APPROXIMATE = "approximate"
    DISPUTED = "disputed"


class Role(enum.StrEnum):
    """The office a leader held."""

    HEAD_OF_STATE = "head_of_state"
    HEAD_OF_GOVERNMENT = "head_of_government"
    FOREIGN_MINISTER = "foreign_minister"


E = TypeVar("E", bound=enum.StrEnum)


def allowed(enum_type: type[enum.StrEnum]) -> str:
    """The allowed values of a vocabulary, for error messages.

    Examples
    --------
    >>> allowed(Certainty)
    "'exact', 'approximate', 'disputed'"
    """
    return ", ".join(repr(m.value) for m in enum_type)


def coerce(enum_type: type[E], value: object) -> E:
    """Convert a member or its string value, with an error that lists the choices.

    Examples
    --------
    >>> coerce(RelationKind, "embassy") is RelationKind.EMBASSY
    True
    >>> coerce(ActorKind, "country")
    Traceback (most recent call last):
    ...
    ValueError: 'country' is not a valid actor kind; allowed: 'state', 'organization', 'government', 'movement'
    """
    if isinstance(value, enum_type):
        return value
    try:
        return enum_type(value)  # type: ignore[arg-type]  # a non-string fails like a wrong string
    except ValueError:
        label = _label(enum_type)
        raise ValueError(f"{value!r} is not a valid {label}; allowed: {allowed(enum_type)}") from None


def _label(enum_type: type[enum.StrEnum]) -> str:
    name = enum_type.__name__
    return "".join(" " + c.lower() if c.isupper() else c for c in name).strip()
