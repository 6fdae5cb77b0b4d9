"""The rules a dataset must follow, checked across records.

:func:`check` returns every problem at once; :func:`afrel.load` runs the same rules with file
and line numbers and raises :class:`~afrel.errors.DataError` when any is broken. The rules:

- ids are unique within each kind of record;
- every actor, source and state a record names exists;
- every record other than a source cites at least one source;
- states have ISO 3166-1 alpha-3 ids (``iso3`` equal to ``id`` where given); no other actor has
  an id that is an ISO alpha-3 code, current or former (``NAM`` is Namibia);
- a government names the state it governs; Afghan governments have ids starting with ``AFG-``;
- a relation, an event or a leader's term lies within the existence of its actors. Bounds at
  year or month precision are given the benefit of the doubt: a tie "from 1978" with a
  government formed in April 1978 passes, a tie "from 1978-03" does not;
- a relation, an event or a leader's term does not fall in a gap of an actor's existence;
- a state with no start whose relations all begin after 1945 is reported: it most likely came
  into being after 1919 and lacks its start (give the real start, even an early one);
- one-at-a-time ties do not overlap: two ``diplomatic``, ``membership``, ``recognition`` or
  ``suspension`` relations of one pair, or two missions (``embassy`` or ``accreditation``) of
  one sending state to one host; nor do two terms of one office (a role in one government).
  An overlap that holds on every reading of the bounds is a problem. One that a year or month
  bound only allows (a term ending "1924" and the next starting "1924": the handover fell on
  some day of 1924, and under the interval rule both cover the whole year) is reported by
  :func:`handovers` and ``afrel validate`` as a warning, to be sharpened when a source allows;
- periods do not overlap.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Collection, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from afrel.countries import iso_alpha3
from afrel.dates import OPEN_END, PartialDate
from afrel.errors import Problem, close_matches
from afrel.kinds import ActorKind, RelationKind
from afrel.model import Actor, Event, Leader, Period, Relation, Source
from afrel.schema import COLLECTIONS

if TYPE_CHECKING:
    from afrel.graph import RelationGraph

__all__ = ["check", "check_records", "handovers", "identity"]

Locate = Callable[[str, int], tuple[str, int | None]]
"""(collection, position) -> (file, line) for messages."""

_STATE_ID = re.compile(r"[A-Z]{3}")


def _in_memory(collection: str, position: int) -> tuple[str, int | None]:
    del position
    return (f"<{collection}>", None)


def check(g: RelationGraph) -> list[Problem]:
    """Every rule of the dataset that a graph's records break.

    Parameters
    ----------
    g : RelationGraph
        Records built in memory or loaded.

    Returns
    -------
    list of Problem
        Empty when the records follow every rule (see the module docstring).

    Examples
    --------
    >>> import afrel
    >>> afrel.check(afrel.load())
    []
    """
    return check_records({k: g.records(k) for k in COLLECTIONS})


def handovers(g: RelationGraph) -> list[Problem]:
    """Overlaps of one office, or one pair and kind, that only imprecise bounds allow.

    A term ending ``1924`` and the next starting ``1924`` overlap under the interval rule, but
    the sources put the handover somewhere in 1924 without saying when: the data cannot be
    more precise until a source is. These are warnings, not problems (see the module docstring).

    Examples
    --------
    >>> import afrel
    >>> sorted({p.file for p in handovers(afrel.load())})
    ['<leaders>']
    """
    warn: list[Problem] = []
    check_records({k: g.records(k) for k in COLLECTIONS}, warn=warn)
    return warn


def identity(
    records: Mapping[str, Sequence[Any]], locate: Locate = _in_memory, *, skip_references_to: Collection[str] = ()
) -> list[Problem]:
    """The rules a :class:`~afrel.RelationGraph` needs to hold records at all.

    Ids are unique within each collection, and every actor a relation (``source``,
    ``target``), an event (``actors``) or a leader (``actor``) names exists. The graph checks
    these when it is built; :func:`check_records` reports them with the other rules.

    Examples
    --------
    >>> from afrel.model import Actor, Relation
    >>> recs = {"actors": [Actor(id="AFG", name="Afghanistan", kind="state")],
    ...         "relations": [Relation(id="r", source="AFG", target="IRN", kind="diplomatic",
    ...                                start="1935", sources=["s"])]}
    >>> [str(p) for p in identity(recs)]
    ["<relations>: column 'target': 'r': unknown actor 'IRN'"]
    """
    out: list[Problem] = []

    def add(collection: str, position: int, column: str, message: str) -> None:
        file, line = locate(collection, position)
        if locate is _in_memory:  # no line to point at: name the record
            message = f"{records[collection][position].id!r}: {message}"
        out.append(Problem(file, line, column, message))

    for key, items in records.items():
        seen: dict[str, int] = {}
        for i, r in enumerate(items):
            if r.id in seen:
                first_file, first_line = locate(key, seen[r.id])
                where = f"line {first_line}" if first_line is not None else first_file
                add(key, i, "id", f"duplicate id {r.id!r} (first used at {where})")
            else:
                seen[r.id] = i
    if "actors" in skip_references_to:
        return out
    known = {a.id for a in records.get("actors", ())}

    def ref(key: str, i: int, column: str, actor_id: str) -> None:
        if actor_id not in known:
            add(key, i, column, f"unknown actor {actor_id!r}{_suggest(actor_id, known)}")

    for i, r in enumerate(records.get("relations", ())):
        ref("relations", i, "source", r.source)
        ref("relations", i, "target", r.target)
    for i, e in enumerate(records.get("events", ())):
        for actor_id in e.actors:
            ref("events", i, "actors", actor_id)
    for i, ld in enumerate(records.get("leaders", ())):
        ref("leaders", i, "actor", ld.actor)
    return out


def check_records(
    records: Mapping[str, Sequence[Any]],
    locate: Locate = _in_memory,
    *,
    skip_references_to: Collection[str] = (),
    warn: list[Problem] | None = None,
) -> list[Problem]:
    """Check collections of records (keyed like :attr:`afrel.schema.FileSpec.key`).

    ``skip_references_to`` names collections that could not be read at all (a missing or
    unreadable file), so that references into them are not reported one by one as well.
    ``warn``, when given, receives the overlaps that only the imprecision of a bound allows
    (see the module docstring); they are not problems.
    """
    actors: Sequence[Actor] = records.get("actors", ())
    relations: Sequence[Relation] = records.get("relations", ())
    events: Sequence[Event] = records.get("events", ())
    sources: Sequence[Source] = records.get("sources", ())
    periods: Sequence[Period] = records.get("periods", ())
    leaders: Sequence[Leader] = records.get("leaders", ())
    out: list[Problem] = []

    def add(collection: str, position: int, column: str | None, message: str) -> None:
        file, line = locate(collection, position)
        out.append(Problem(file, line, column, message))

    out.extend(identity(records, locate, skip_references_to=skip_references_to))

    by_id = {a.id: a for a in actors}
    source_ids = {s.id for s in sources}

    def actor_ref(key: str, i: int, column: str, ref: str) -> Actor | None:
        a = by_id.get(ref)
        if a is None and "actors" not in skip_references_to:
            add(key, i, column, f"unknown actor {ref!r}{_suggest(ref, by_id)}")
        return a

    # sources cited
    for cited in (c for c in COLLECTIONS if c != "sources"):
        for i, r in enumerate(records.get(cited, ())):
            if not r.sources:
                add(cited, i, "sources", "no source: every record cites at least one source id from sources.csv")
            for s in r.sources:
                if s not in source_ids and "sources" not in skip_references_to:
                    add(cited, i, "sources", f"unknown source {s!r}{_suggest(s, source_ids)}")

    # actors
    iso = iso_alpha3()
    for i, a in enumerate(actors):
        if a.kind is ActorKind.STATE:
            if not _STATE_ID.fullmatch(a.id):
                add("actors", i, "id", f"state id {a.id!r} is not an ISO 3166-1 alpha-3 code (three capital letters)")
            if a.iso3 is not None and a.iso3 != a.id:
                add("actors", i, "iso3", f"iso3 {a.iso3!r} differs from the state's id {a.id!r}")
            if a.state is not None:
                add("actors", i, "state", "a state does not belong to another state; leave 'state' empty")
        else:
            if a.id in iso:
                add(
                    "actors",
                    i,
                    "id",
                    f"{a.kind.value} id {a.id!r} is an ISO alpha-3 country code; "
                    "only states use those (pick another id, such as 'NONALIGNED' for the Non-Aligned Movement)",
                )
            if a.iso2 is not None or a.iso3 is not None or a.cow is not None:
                add("actors", i, "iso3", f"{a.kind.value} {a.id!r} has country codes; only states have them")
        if a.state is not None:
            st = actor_ref("actors", i, "state", a.state)
            if st is not None and st.kind is not ActorKind.STATE:
                add("actors", i, "state", f"{a.state!r} is a {st.kind.value}, not a state")
            if st is not None and a.kind is ActorKind.GOVERNMENT and not a.id.startswith(f"{a.state}-"):
                add("actors", i, "id", f"government of {a.state} needs an id starting with '{a.state}-', got {a.id!r}")
        for column, refs in (("predecessor", a.predecessor), ("successor", a.successor)):
            for ref in refs:
                actor_ref("actors", i, column, ref)

    # relations, events, leaders: lifetimes (identity() reports unknown actors)
    for i, r in enumerate(relations):
        for ref in (r.source, r.target):
            found = by_id.get(ref)
            if found is not None:
                for column, msg in _outside(r.start, r.end, found):
                    add("relations", i, column, msg)
    for i, e in enumerate(events):
        for ref in e.actors:
            found = by_id.get(ref)
            if found is not None:
                for _, msg in _outside(e.date, e.date, found, point=True):
                    add("events", i, "date", msg)
    for i, ld in enumerate(leaders):
        found = by_id.get(ld.actor)
        if found is not None:
            for column, msg in _outside(ld.start, ld.end, found):
                add("leaders", i, column, msg)

    # states that most likely lack their start
    first_tie: dict[str, int] = {}
    for r in relations:
        for ref in (r.source, r.target):
            first_tie[ref] = min(first_tie.get(ref, r.lo), r.lo)
    cutoff = PartialDate(1946).first_day().toordinal()
    for i, a in enumerate(actors):
        if a.kind is ActorKind.STATE and a.start is None and first_tie.get(a.id, 0) >= cutoff:
            add(
                "actors",
                i,
                "start",
                f"state {a.id!r} has no start but its relations all begin after 1945; "
                "give the day it came into being (or its earlier founding date)",
            )

    # one-at-a-time ties and offices
    groups: dict[tuple[object, ...], list[int]] = {}
    for i, r in enumerate(relations):
        group = _SINGLE.get(r.kind)
        if group is None:
            continue
        ends = (r.source, r.target) if r.directed else tuple(sorted((r.source, r.target)))
        groups.setdefault(("relations", group, *ends), []).append(i)
    for i, ld in enumerate(leaders):
        groups.setdefault(("leaders", ld.role, ld.actor), []).append(i)
    for group_key, members in groups.items():
        key = str(group_key[0])
        dated: Sequence[Relation | Leader] = relations if key == "relations" else leaders
        members.sort(key=lambda j: (dated[j].lo, dated[j].hi))
        for x, prev in enumerate(members):
            for cur in members[x + 1 :]:
                first, second = dated[prev], dated[cur]
                if second.lo >= first.hi:
                    continue
                what = "term of the same office" if key == "leaders" else "relation of the same pair and kind"
                first_file, first_line = locate(key, prev)
                where = f"line {first_line}" if first_line is not None else first_file
                overlap = (
                    f"{second.id!r} ({second.start}..{second.end or 'open'}) overlaps {first.id!r} "
                    f"({first.start}..{first.end or 'open'}, {where})"
                )
                if _certain_overlap(first, second):
                    add(
                        key,
                        cur,
                        "start",
                        f"{overlap}, a {what}; a year or month bound covers the whole period it names, so give "
                        "the boundary the precision the sources support",
                    )
                elif warn is not None:
                    file, line = locate(key, cur)
                    warn.append(
                        Problem(
                            file,
                            line,
                            "start",
                            f"{overlap}, a {what}, within the year or month a bound names: the sources "
                            "date the handover no more precisely",
                        )
                    )

    # periods
    ordered = sorted(range(len(periods)), key=lambda j: (periods[j].lo, periods[j].hi))
    for prev, cur in itertools.pairwise(ordered):
        if periods[cur].lo < periods[prev].hi:
            add("periods", cur, "start", f"period {periods[cur].id!r} overlaps period {periods[prev].id!r}")
    return out


_SINGLE: dict[RelationKind, str] = {
    RelationKind.DIPLOMATIC: "diplomatic",
    RelationKind.MEMBERSHIP: "membership",
    RelationKind.RECOGNITION: "recognition",
    RelationKind.SUSPENSION: "suspension",
    RelationKind.EMBASSY: "mission",
    RelationKind.ACCREDITATION: "mission",
}
"""Kinds of which one pair holds at most one at a time, and the group each belongs to."""


def _certain_overlap(a: Relation | Leader, b: Relation | Leader) -> bool:
    """Whether two intervals overlap on every reading of their imprecise bounds.

    A year or month bound could fall on any day of the period it names (as in
    :func:`_outside`): the latest an interval can start is the last day of its start, the
    earliest it can end is the day after the first day of its end.
    """

    def latest_start(x: Relation | Leader) -> int:
        return x.start.last_day().toordinal()

    def earliest_end(x: Relation | Leader) -> int:
        if x.end is None:
            return OPEN_END
        return x.end.first_day().toordinal() + (0 if x.end.precision == "day" else 1)

    return latest_start(b) < earliest_end(a) and latest_start(a) < earliest_end(b)


def _outside(
    start: PartialDate, end: PartialDate | None, actor: Actor, *, point: bool = False
) -> list[tuple[str, str]]:
    """Where an interval definitely lies outside an actor's existence.

    A bound of year or month precision could fall anywhere in the period it names, so it
    conflicts only if no day of that period fits.
    """
    out: list[tuple[str, str]] = []
    life = _life(actor)
    lo, hi = _certain(start, end, point=point)
    for gap in actor.gaps:
        # the gap's first day is the day the actor ceased to exist, like an end
        if lo < gap.hi and gap.lo < hi:
            out.append(("start", f"holds in {gap}, when {actor.id} did not exist; {life}"))
    if lo < actor.lo:
        out.append(("start", f"starts {start}, before {actor.id} existed (from {actor.start}); {life}"))
    if end is None:
        if actor.end is not None:
            out.append(("end", f"has no end but {actor.id} ceased to exist ({actor.end}); {life}"))
        return out
    if actor.hi != OPEN_END and hi > actor.hi:
        out.append(("end", f"ends {end}, after {actor.id} ceased to exist ({actor.end}); {life}"))
    return out


def _certain(start: PartialDate, end: PartialDate | None, *, point: bool = False) -> tuple[int, int]:
    """The days ``[lo, hi)`` a record holds on under every reading of its imprecise bounds.

    The latest day a year or month start may name; a day-precision end is exclusive, and a year
    or month end holds through at least its first day. A point (an event) may fall on the day
    an actor ceases to exist (its dissolution, say), so its ``hi`` is its first possible day:
    the span is empty, and the checks compare its ends with the actor's.
    """
    lo = start.last_day().toordinal()
    if end is None:
        return lo, OPEN_END
    first = end.first_day().toordinal()
    return lo, first + (0 if end.precision == "day" or point else 1)


def _life(actor: Actor) -> str:
    start = str(actor.start) if actor.start is not None else "before 1919"
    end = str(actor.end) if actor.end is not None else "today"
    gaps = f" except {', '.join(map(str, actor.gaps))}" if actor.gaps else ""
    return f"{actor.id} exists from {start} to {end}{gaps}"


def _suggest(key: str, options: Mapping[str, Any] | set[str]) -> str:
    hits = close_matches(key, options)
    return f"; did you mean {' or '.join(map(repr, hits))}?" if hits else ""
