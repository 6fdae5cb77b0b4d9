"""The records afrel is made of: actors, relations, events, sources, periods and leaders.

Every record is a frozen, slotted attrs class, validated when it is built. Constructors take
keyword arguments and accept convenient inputs: dates as :class:`datetime.date`, ISO strings
(``"1978"``, ``"1978-04"``, ``"1978-04-27"``) or :class:`~afrel.dates.PartialDate`; kinds as
their enum or its string value; lists of ids as any iterable of strings. Numbers, booleans and
lists take Python values: reading them from CSV text (``"true"``, ``"a;b"``) is the job of the
cell codec in :mod:`afrel.schema`, so a string is never split or converted silently here.
Change a record with :func:`attrs.evolve`.

Examples
--------
>>> from afrel import Relation
>>> r = Relation(id="dip-afg-ind-1947", source="AFG", target="IND", kind="diplomatic",
...              start="1947", sources=["wp-afghanistan-india-relations"])
>>> r.kind, str(r.start), r.end, r.directed
(<RelationKind.DIPLOMATIC: 'diplomatic'>, '1947', None, False)
>>> r.holds_on("1947-01-01"), r.holds_on("1946-12-31")
(True, False)
"""

from __future__ import annotations

import datetime
import math
import re
from collections.abc import Iterable
from typing import Final

import attrs

from afrel.dates import PartialDate, end_bound, query_day, start_bound, to_partial, to_partial_or_none
from afrel.kinds import ActorKind, Certainty, EventKind, MissionRank, RelationKind, Role, coerce

__all__ = [
    "MISSION_KINDS",
    "UNDIRECTED_KINDS",
    "Actor",
    "Alternative",
    "Event",
    "FieldError",
    "Gap",
    "Leader",
    "Period",
    "Record",
    "Relation",
    "Source",
]

UNDIRECTED_KINDS: Final = frozenset({RelationKind.DIPLOMATIC, RelationKind.TREATY, RelationKind.DISPUTE})
"""Kinds whose relations are undirected unless a record says otherwise."""

MISSION_KINDS: Final = frozenset({RelationKind.EMBASSY, RelationKind.ACCREDITATION})
"""Kinds that record a diplomatic mission, and so may carry a :class:`~afrel.kinds.MissionRank`."""

_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.\-]*")


# --- converters: each turns a convenient input into the stored type or raises ValueError ---


def _id(value: object) -> str:
    if not isinstance(value, str):
        raise TypeError(f"an id must be a string, got {type(value).__name__}")
    if not _ID.fullmatch(value):
        raise ValueError(f"{value!r} is not a valid id; use letters, digits, '-', '_' and '.'")
    return value


def _items(value: object, what: str) -> list[object]:
    if value is None:
        return []
    if isinstance(value, str):
        # only the CSV codec (afrel.schema) splits cells at ';': a string here is a mistake
        raise TypeError(
            f"expected a list of {what}, got the string {value!r}; pass a list such as {value.split(';')!r} "
            "(the CSV reader splits cells at ';', records built in Python never do)"
        )
    if isinstance(value, Iterable):
        return list(value)
    raise TypeError(f"expected a list of {what}, got {type(value).__name__}")


def _ids(value: object) -> tuple[str, ...]:
    return tuple(_id(v) for v in _items(value, "ids"))


def _names(value: object) -> tuple[str, ...]:
    out = []
    for v in _items(value, "names"):
        if not isinstance(v, str) or not v.strip() or v != v.strip():
            raise ValueError(f"{v!r} is not a valid name (empty or padded with spaces)")
        out.append(v)
    return tuple(out)


def _text(value: object) -> str:
    if not isinstance(value, str):
        raise TypeError(f"expected text, got {type(value).__name__}")
    if value != value.strip():
        raise ValueError(f"{value!r} has leading or trailing whitespace")
    return value


def _required_text(value: object) -> str:
    text = _text(value)
    if not text:
        raise ValueError("must not be empty")
    return text


def _optional_text(value: object) -> str | None:
    if value is None or value == "":
        return None
    return _text(value)


def _optional_id(value: object) -> str | None:
    if value is None or value == "":
        return None
    return _id(value)


def _optional_int(value: object) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"expected an integer, got {type(value).__name__} {value!r}")
    return value


def _int(value: object) -> int:
    out = _optional_int(value)
    if out is None:
        raise TypeError("expected an integer, got None")
    return out


def _sign(value: object) -> int:
    out = _int(value)
    if out not in (1, -1):
        raise ValueError(f"sign {out} is not allowed; use 1 (cooperative) or -1 (hostile)")
    return out


def _intensity(value: object) -> int:
    out = _int(value)
    if out not in (1, 2, 3):
        raise ValueError(f"intensity {out} is not allowed; use 1, 2 or 3")
    return out


def _optional_float(value: object) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError(f"expected a number, got {type(value).__name__} {value!r}")
    out = float(value)
    if not math.isfinite(out):
        raise ValueError(f"{value!r} is not a finite number")
    return out


def _bool(value: object) -> bool:
    if isinstance(value, bool):
        return value
    raise TypeError(f"expected True or False, got {type(value).__name__} {value!r}")


def _date(value: object) -> PartialDate:
    if value is None or value == "":
        raise ValueError("a date is required")
    return to_partial(value)  # type: ignore[arg-type]  # to_partial raises TypeError on others


def _optional_date(value: object) -> PartialDate | None:
    return to_partial_or_none(value)  # type: ignore[arg-type]  # raises TypeError on others


def _actor_kind(value: object) -> ActorKind:
    return coerce(ActorKind, value)


def _relation_kind(value: object) -> RelationKind:
    return coerce(RelationKind, value)


def _event_kind(value: object) -> EventKind:
    return coerce(EventKind, value)


def _certainty(value: object) -> Certainty:
    return coerce(Certainty, value)


def _role(value: object) -> Role:
    return coerce(Role, value)


def _optional_rank(value: object) -> MissionRank | None:
    if value is None or value == "":
        return None
    return coerce(MissionRank, value)


def _alternatives(value: object) -> tuple[Alternative, ...]:
    out = tuple(v if isinstance(v, Alternative) else Alternative.parse(v) for v in _items(value, "alternatives"))
    if len(set(out)) != len(out):
        raise ValueError("an alternative is listed twice")
    return out


def _gaps(value: object) -> tuple[Gap, ...]:
    out = tuple(v if isinstance(v, Gap) else Gap.parse(v) for v in _items(value, "gaps"))
    return tuple(sorted(out, key=lambda g: g.lo))


class FieldError(ValueError):
    """A record invariant that one field breaks; ``column`` names the field."""

    def __init__(self, column: str, message: str) -> None:
        super().__init__(message)
        self.column = column


def _check_interval(start: PartialDate | None, end: PartialDate | None) -> None:
    if end is not None and end_bound(end) <= start_bound(start):
        raise FieldError("end", f"end {end} is before start {start}: the interval is empty")


class _Dated:
    """Mixin: records that hold over ``[start, end)``."""

    __slots__ = ()
    start: PartialDate | None
    end: PartialDate | None

    @property
    def lo(self) -> int:
        """Inclusive ordinal of the start (see :mod:`afrel.dates`)."""
        return start_bound(self.start)

    @property
    def hi(self) -> int:
        """Exclusive ordinal of the end (see :mod:`afrel.dates`)."""
        return end_bound(self.end)

    def holds_on(self, day: PartialDate | datetime.date | str) -> bool:
        """Whether the record holds on a day (a partial date means its first day)."""
        t = query_day(day)
        return self.lo <= t < self.hi


@attrs.frozen
class Alternative:
    """Another dating of one bound of a disputed record, as a source gives it.

    Written in a cell as ``start=1926`` or ``end=1989-01-30``; a record lists its alternatives
    separated by ``;``. :func:`afrel.sensitivity` recomputes a measure over them.

    Examples
    --------
    >>> a = Alternative.parse("start=1926-03-03")
    >>> a.bound, str(a.date), str(a)
    ('start', '1926-03-03', 'start=1926-03-03')
    >>> Alternative.parse("begin=1926")
    Traceback (most recent call last):
    ...
    ValueError: 'begin=1926' is not an alternative; write start=DATE or end=DATE (for example start=1926-03)
    """

    bound: str
    date: PartialDate = attrs.field(converter=_date)

    def __attrs_post_init__(self) -> None:
        if self.bound not in ("start", "end"):
            raise ValueError(f"an alternative's bound is 'start' or 'end', got {self.bound!r}")

    @classmethod
    def parse(cls, text: object) -> Alternative:
        """Read ``start=DATE`` or ``end=DATE``."""
        if not isinstance(text, str):
            raise TypeError(f"an alternative is written start=DATE or end=DATE, got {type(text).__name__}")
        bound, sep, date = text.partition("=")
        if not sep or bound not in ("start", "end") or not date:
            raise ValueError(
                f"{text!r} is not an alternative; write start=DATE or end=DATE (for example start=1926-03)"
            )
        return cls(bound, date)

    def __str__(self) -> str:
        return f"{self.bound}={self.date}"


@attrs.frozen
class Gap(_Dated):
    """A stretch of time inside an actor's existence when it did not exist (annexed, occupied).

    Written in a cell as ``START/END`` (ISO 8601 interval notation); the gap covers
    ``[START, END)`` under the same rule as every other interval.

    Examples
    --------
    >>> gap = Gap.parse("1940-08-06/1991-08-20")
    >>> str(gap), gap.holds_on("1960"), gap.holds_on("1991-08-20")
    ('1940-08-06/1991-08-20', True, False)
    """

    start: PartialDate = attrs.field(converter=_date)
    end: PartialDate = attrs.field(converter=_date)

    def __attrs_post_init__(self) -> None:
        if end_bound(self.end) <= start_bound(self.start):
            raise ValueError(f"gap {self}: the end is not after the start")

    @classmethod
    def parse(cls, text: object) -> Gap:
        """Read ``START/END``."""
        if not isinstance(text, str):
            raise TypeError(f"a gap is written START/END, got {type(text).__name__}")
        start, sep, end = text.partition("/")
        if not sep or not start or not end:
            raise ValueError(f"{text!r} is not a gap; write START/END (for example 1940-08-06/1991-08-20)")
        return cls(start, end)

    def __str__(self) -> str:
        return f"{self.start}/{self.end}"


@attrs.frozen(kw_only=True)
class Source:
    """A citable source: a document, a page or a book.

    Attributes
    ----------
    id : str
        Lower-case slug, unique among sources.
    citation : str
        Enough to find the source without the URL (author, title, publisher, date).
    url : str or None
        Where a reader can reach it.
    accessed : PartialDate or None
        When the URL was read.
    note : str
        Free text.
    """

    id: str = attrs.field(converter=_id)
    citation: str = attrs.field(converter=_required_text)
    url: str | None = attrs.field(default=None, converter=_optional_text)
    accessed: PartialDate | None = attrs.field(default=None, converter=_optional_date)
    note: str = attrs.field(default="", converter=_text)


@attrs.frozen(kw_only=True)
class Actor(_Dated):
    """A state, an international organisation, a government or a movement.

    Attributes
    ----------
    id : str
        ISO 3166-1 alpha-3 for states (former states keep their former code: ``SUN``); any
        other id for other actors (``UN``, ``AFG-DRA``), never an ISO alpha-3 code.
    name : str
        Common English name.
    kind : ActorKind
        ``state``, ``organization``, ``government`` or ``movement``.
    state : str or None
        The state a government or movement belongs to (``"AFG"`` for Afghan governments).
    iso2, iso3 : str or None
        ISO 3166-1 codes (states only).
    cow : int or None
        Correlates of War country code.
    start, end : PartialDate or None
        Existence interval ``[start, end)``; ``None`` start means before the dataset's scope,
        ``None`` end means it still exists.
    gaps : tuple of Gap
        Stretches inside ``[start, end)`` when the actor did not exist (the Baltic states
        1940-1991), in order; see :attr:`spans`.
    predecessor, successor : tuple of str
        Actor ids this one continues, or is continued by.
    aliases : tuple of str
        Other names :func:`afrel.resolve` accepts.
    lat, lon : float or None
        Coordinates of the capital or seat.
    sources : tuple of str
        Source ids.
    note : str
        Free text.
    """

    id: str = attrs.field(converter=_id)
    name: str = attrs.field(converter=_required_text)
    kind: ActorKind = attrs.field(converter=_actor_kind)
    state: str | None = attrs.field(default=None, converter=_optional_id)
    iso2: str | None = attrs.field(default=None, converter=_optional_text)
    iso3: str | None = attrs.field(default=None, converter=_optional_text)
    cow: int | None = attrs.field(default=None, converter=_optional_int)
    start: PartialDate | None = attrs.field(default=None, converter=_optional_date)
    end: PartialDate | None = attrs.field(default=None, converter=_optional_date)
    gaps: tuple[Gap, ...] = attrs.field(default=(), converter=_gaps)
    predecessor: tuple[str, ...] = attrs.field(default=(), converter=_ids)
    successor: tuple[str, ...] = attrs.field(default=(), converter=_ids)
    aliases: tuple[str, ...] = attrs.field(default=(), converter=_names)
    lat: float | None = attrs.field(default=None, converter=_optional_float)
    lon: float | None = attrs.field(default=None, converter=_optional_float)
    sources: tuple[str, ...] = attrs.field(default=(), converter=_ids)
    note: str = attrs.field(default="", converter=_text)

    def __attrs_post_init__(self) -> None:
        _check_interval(self.start, self.end)
        if self.iso2 is not None and not re.fullmatch(r"[A-Z]{2}", self.iso2):
            raise FieldError("iso2", f"iso2 {self.iso2!r} is not two capital letters")
        if self.iso3 is not None and not re.fullmatch(r"[A-Z]{3}", self.iso3):
            raise FieldError("iso3", f"iso3 {self.iso3!r} is not three capital letters")
        if self.kind is ActorKind.GOVERNMENT and self.state is None:
            raise FieldError("state", f"government {self.id!r} needs the state it governs in 'state'")
        if self.lat is not None and not -90 <= self.lat <= 90:
            raise FieldError("lat", f"lat {self.lat} is outside -90..90")
        if self.lon is not None and not -180 <= self.lon <= 180:
            raise FieldError("lon", f"lon {self.lon} is outside -180..180")
        for prev, gap in zip((None, *self.gaps), self.gaps, strict=False):
            if gap.lo <= self.lo or gap.hi >= self.hi:
                raise FieldError("gaps", f"gap {gap} does not lie inside the existence {self.start}..{self.end}")
            if prev is not None and gap.lo < prev.hi:
                raise FieldError("gaps", f"gaps {prev} and {gap} overlap")

    @property
    def spans(self) -> tuple[tuple[int, int], ...]:
        """The stretches of existence as ``(lo, hi)`` ordinal pairs: ``[lo, hi)`` less the gaps.

        Examples
        --------
        >>> est = Actor(id="EST", name="Estonia", kind="state", start="1918-02-24",
        ...             gaps=["1940-08-06/1991-08-20"])
        >>> [(datetime.date.fromordinal(lo).isoformat(), hi) for lo, hi in est.spans][1][0]
        '1991-08-20'
        >>> est.holds_on("1960"), est.holds_on("1930"), est.holds_on("2000")
        (False, True, True)
        """
        out: list[tuple[int, int]] = []
        lo = self.lo
        for gap in self.gaps:
            out.append((lo, gap.lo))
            lo = gap.hi
        out.append((lo, self.hi))
        return tuple(out)

    def holds_on(self, day: PartialDate | datetime.date | str) -> bool:
        """Whether the actor exists on a day (a partial date means its first day)."""
        t = query_day(day)
        return any(lo <= t < hi for lo, hi in self.spans)


@attrs.frozen(kw_only=True)
class Relation(_Dated):
    """A typed tie between two actors over ``[start, end)``.

    Attributes
    ----------
    id : str
        Unique id.
    source, target : str
        Actor ids; for directed kinds the direction is fixed by the kind (``embassy``: sending
        state to host; ``membership``: member to organisation; aid: donor to recipient).
    kind : RelationKind
        Type of tie.
    sign : int
        ``1`` cooperative, ``-1`` hostile.
    intensity : int
        ``1`` low, ``2`` medium, ``3`` high.
    start : PartialDate
        First day the tie holds (a year or month covers its first day).
    end : PartialDate or None
        Exclusive end; a year or month end holds through the end of that period; ``None``
        means still in force.
    directed : bool
        Defaults to False for ``diplomatic``, ``treaty`` and ``dispute``, True otherwise.
    certainty : Certainty
        How sure the dates are.
    amount : float or None
        Amount committed or disbursed, where a source gives one.
    currency : str or None
        ISO 4217 currency code of ``amount``.
    amount_year : int or None
        Year of the currency value.
    rank : MissionRank or None
        For ``embassy`` and ``accreditation`` relations: ``embassy``, ``legation`` or
        ``charge`` (a mission headed by a chargé d'affaires).
    alternatives : tuple of Alternative
        Other datings of ``start`` or ``end`` that sources give (``disputed`` records only).
    sources : tuple of str
        At least one source id.
    note : str
        Free text.
    """

    id: str = attrs.field(converter=_id)
    source: str = attrs.field(converter=_id)
    target: str = attrs.field(converter=_id)
    kind: RelationKind = attrs.field(converter=_relation_kind)
    start: PartialDate = attrs.field(converter=_date)
    end: PartialDate | None = attrs.field(default=None, converter=_optional_date)
    sign: int = attrs.field(default=1, converter=_sign)
    intensity: int = attrs.field(default=1, converter=_intensity)
    directed: bool = attrs.field(
        default=attrs.Factory(lambda self: self.kind not in UNDIRECTED_KINDS, takes_self=True),
        converter=_bool,
    )
    certainty: Certainty = attrs.field(default=Certainty.EXACT, converter=_certainty)
    amount: float | None = attrs.field(default=None, converter=_optional_float)
    currency: str | None = attrs.field(default=None, converter=_optional_text)
    amount_year: int | None = attrs.field(default=None, converter=_optional_int)
    rank: MissionRank | None = attrs.field(default=None, converter=_optional_rank)
    alternatives: tuple[Alternative, ...] = attrs.field(default=(), converter=_alternatives)
    sources: tuple[str, ...] = attrs.field(converter=_ids)
    note: str = attrs.field(default="", converter=_text)

    def __attrs_post_init__(self) -> None:
        if self.source == self.target:
            raise FieldError("target", f"source and target are both {self.source!r}")
        _check_interval(self.start, self.end)
        if not self.sources:
            raise FieldError("sources", "a relation needs at least one source")
        if self.amount is not None and self.amount < 0:
            raise FieldError("amount", f"amount {self.amount} is negative")
        if (self.currency is None) != (self.amount is None):
            raise FieldError("currency", "amount and currency go together: give both or neither")
        if self.amount_year is not None and self.amount is None:
            raise FieldError("amount_year", "amount_year needs an amount")
        if self.currency is not None and not re.fullmatch(r"[A-Z]{3}", self.currency):
            raise FieldError("currency", f"currency {self.currency!r} is not an ISO 4217 code such as 'USD'")
        if self.rank is not None and self.kind not in MISSION_KINDS:
            raise FieldError("rank", f"a rank is for embassy and accreditation relations, not {self.kind.value}")
        if self.alternatives and self.certainty is not Certainty.DISPUTED:
            raise FieldError("alternatives", "alternatives are for disputed records: set certainty to 'disputed'")
        for alt in self.alternatives:
            if alt.bound == "end" and self.end is None:
                raise FieldError("alternatives", f"{alt}: the relation has no end to replace")


@attrs.frozen(kw_only=True)
class Event:
    """A dated event linked to its actors.

    Attributes
    ----------
    id : str
        Unique id.
    date : PartialDate
        When it happened, at the precision the sources give.
    title : str
        One line.
    kind : EventKind
        Type of event.
    actors : tuple of str
        At least one actor id.
    certainty : Certainty
        How sure the date is.
    sources : tuple of str
        At least one source id.
    note : str
        Free text.
    """

    id: str = attrs.field(converter=_id)
    date: PartialDate = attrs.field(converter=_date)
    title: str = attrs.field(converter=_required_text)
    kind: EventKind = attrs.field(converter=_event_kind)
    actors: tuple[str, ...] = attrs.field(converter=_ids)
    certainty: Certainty = attrs.field(default=Certainty.EXACT, converter=_certainty)
    sources: tuple[str, ...] = attrs.field(converter=_ids)
    note: str = attrs.field(default="", converter=_text)

    def __attrs_post_init__(self) -> None:
        if not self.actors:
            raise FieldError("actors", "an event needs at least one actor")
        if not self.sources:
            raise FieldError("sources", "an event needs at least one source")

    @property
    def lo(self) -> int:
        """Inclusive ordinal of the first day of the period the date names."""
        return self.date.first_day().toordinal()

    @property
    def hi(self) -> int:
        """Exclusive ordinal bound of the period the date names."""
        return self.date.last_day().toordinal() + 1


@attrs.frozen(kw_only=True)
class Period(_Dated):
    """A named era, such as the Soviet war of 1979-1989.

    Attributes
    ----------
    id : str
        Unique id.
    name : str
        Display name.
    start : PartialDate
        First day.
    end : PartialDate or None
        Exclusive end; ``None`` for the current era.
    sources : tuple of str
        Source ids.
    note : str
        Free text.
    """

    id: str = attrs.field(converter=_id)
    name: str = attrs.field(converter=_required_text)
    start: PartialDate = attrs.field(converter=_date)
    end: PartialDate | None = attrs.field(default=None, converter=_optional_date)
    sources: tuple[str, ...] = attrs.field(default=(), converter=_ids)
    note: str = attrs.field(default="", converter=_text)

    def __attrs_post_init__(self) -> None:
        _check_interval(self.start, self.end)


@attrs.frozen(kw_only=True)
class Leader(_Dated):
    """A term in office: a head of state, head of government or foreign minister.

    Attributes
    ----------
    id : str
        Unique id.
    name : str
        The person.
    role : Role
        The office.
    actor : str
        The government or state served.
    start : PartialDate
        First day in office.
    end : PartialDate or None
        Exclusive end of the term; ``None`` if still in office.
    certainty : Certainty
        How sure the dates are.
    sources : tuple of str
        Source ids.
    note : str
        Free text.
    """

    id: str = attrs.field(converter=_id)
    name: str = attrs.field(converter=_required_text)
    role: Role = attrs.field(converter=_role)
    actor: str = attrs.field(converter=_id)
    start: PartialDate = attrs.field(converter=_date)
    end: PartialDate | None = attrs.field(default=None, converter=_optional_date)
    certainty: Certainty = attrs.field(default=Certainty.EXACT, converter=_certainty)
    sources: tuple[str, ...] = attrs.field(default=(), converter=_ids)
    note: str = attrs.field(default="", converter=_text)

    def __attrs_post_init__(self) -> None:
        _check_interval(self.start, self.end)


Record = Actor | Relation | Event | Source | Period | Leader
"""Any afrel record."""
