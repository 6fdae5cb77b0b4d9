from __future__ import annotations

import datetime

import attrs
import pytest

import afrel
from afrel import Actor, Event, Relation, RelationKind


def rel(**kw: object) -> Relation:
    base: dict[str, object] = {
        "id": "r",
        "source": "AFG",
        "target": "IND",
        "kind": "diplomatic",
        "start": "1947",
        "sources": ["s"],
    }
    base.update(kw)
    return Relation(**base)  # type: ignore[arg-type]


def test_relation_accepts_strings_dates_and_enums() -> None:
    a = rel(start=datetime.date(1947, 8, 15), kind=RelationKind.DIPLOMATIC)
    b = rel(start="1947-08-15", kind="diplomatic")
    assert a == b
    assert str(rel().start) == "1947"
    assert rel().directed is False
    assert rel(kind="embassy").directed is True
    assert rel(sources="a;b").sources == ("a", "b")


def test_records_are_frozen_and_slotted() -> None:
    r = rel()
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        r.sign = -1  # type: ignore[misc]
    assert not hasattr(r, "__dict__")
    assert attrs.evolve(r, sign=-1).sign == -1


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"kind": "aide"}, "not a valid relation kind; allowed: 'diplomatic'"),
        ({"sign": 0}, "sign 0 is not allowed"),
        ({"intensity": 4}, "intensity 4 is not allowed"),
        ({"end": "1946"}, "end 1946 is before start 1947"),
        ({"sources": []}, "at least one source"),
        ({"target": "AFG"}, "source and target are both"),
        ({"start": "1947-13"}, "month 13"),
        ({"start": None}, "a date is required"),
        ({"amount": 10.0}, "amount and currency go together"),
        ({"amount": 10.0, "currency": "usd"}, "not an ISO 4217 code"),
        ({"id": "has space"}, "not a valid id"),
        ({"note": " padded"}, "whitespace"),
    ],
)
def test_relation_rejects_bad_values(change: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        rel(**change)


def test_same_year_start_and_end_is_a_valid_interval() -> None:
    r = rel(start="1961", end="1961")
    assert r.holds_on("1961-12-31") and not r.holds_on("1962-01-01")
    with pytest.raises(ValueError, match="empty"):
        rel(start="1961-09-06", end="1961-09-06")


def test_holds_on_boundaries() -> None:
    r = rel(start="1978", end="1989")
    assert not r.holds_on("1977-12-31")
    assert r.holds_on("1978-01-01")
    assert r.holds_on("1989-12-31")
    assert not r.holds_on("1990-01-01")
    m = rel(start="1978-04", end="1989-02")
    assert m.holds_on("1978-04-01") and not m.holds_on("1978-03-31")
    assert m.holds_on("1989-02-28") and not m.holds_on("1989-03-01")
    d = rel(start="1979-12-24", end="1989-02-15")
    assert d.holds_on("1979-12-24") and not d.holds_on("1979-12-23")
    assert d.holds_on("1989-02-14") and not d.holds_on("1989-02-15")
    assert rel(start="2002").holds_on("2100")


def test_actor_rules() -> None:
    with pytest.raises(ValueError, match="needs the state it governs"):
        Actor(id="AFG-X", name="X", kind="government")
    with pytest.raises(ValueError, match="not a valid actor kind"):
        Actor(id="X", name="X", kind="country")
    with pytest.raises(ValueError, match="iso2"):
        Actor(id="AFG", name="Afghanistan", kind="state", iso2="afg")
    a = Actor(id="AFG", name="Afghanistan", kind="state", cow="700", lat="34.53", aliases="Afghan State;Kabul")
    assert (a.cow, a.lat, a.aliases) == (700, 34.53, ("Afghan State", "Kabul"))


def test_event_spans_its_date() -> None:
    e = Event(id="e", date="1979", title="t", kind="invasion", actors=["SUN"], sources=["s"])
    assert e.lo == datetime.date(1979, 1, 1).toordinal()
    assert e.hi == datetime.date(1980, 1, 1).toordinal()
    with pytest.raises(ValueError, match="at least one actor"):
        Event(id="e", date="1979", title="t", kind="invasion", actors=[], sources=["s"])


def test_kind_enums_compare_to_strings() -> None:
    assert RelationKind.EMBASSY == "embassy"
    assert afrel.Certainty("disputed") is afrel.Certainty.DISPUTED
