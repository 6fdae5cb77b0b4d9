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
    assert rel(sources=("a", "b")).sources == ("a", "b")


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("sources", "a;b", r"got the string 'a;b'; pass a list such as \['a', 'b'\]"),
        ("directed", "false", "expected True or False, got str 'false'"),
        ("intensity", "2", "expected an integer, got str '2'"),
        ("amount", "12.5", "expected a number, got str '12.5'"),
    ],
)
def test_records_built_in_python_never_read_csv_text(field: str, value: str, message: str) -> None:
    extra = {"currency": "USD"} if field == "amount" else {}
    with pytest.raises(TypeError, match=message):
        rel(**{field: value}, **extra)


def test_the_csv_codec_reads_what_python_callers_pass_as_values() -> None:
    row = {c: afrel.schema.format_row(rel())[c] for c in afrel.schema.columns(Relation)}
    row.update(sources="a;b", directed="true", intensity="2", amount="12.5", currency="USD")
    r, problems = afrel.schema.parse_row(Relation, row)
    assert problems == []
    assert r == rel(sources=("a", "b"), directed=True, intensity=2, amount=12.5, currency="USD")


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
    a = Actor(id="AFG", name="Afghanistan", kind="state", cow=700, lat=34.53, aliases=["Afghan State", "Kabul"])
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


def test_mission_rank_only_on_missions() -> None:
    assert rel(kind="embassy", rank="legation").rank is afrel.MissionRank.LEGATION
    assert rel(kind="accreditation", rank="charge").directed is True
    with pytest.raises(ValueError, match="rank is for embassy and accreditation relations, not diplomatic"):
        rel(rank="embassy")
    with pytest.raises(ValueError, match="not a valid mission rank; allowed: 'embassy', 'legation', 'charge'"):
        rel(kind="embassy", rank="ambassador")


def test_alternatives_are_structured_and_only_on_disputed_records() -> None:
    r = rel(end="1979", certainty="disputed", alternatives=["start=1926-03-03", "end=1989-01"])
    assert [(a.bound, str(a.date)) for a in r.alternatives] == [("start", "1926-03-03"), ("end", "1989-01")]
    assert afrel.schema.format_row(r)["alternatives"] == "start=1926-03-03;end=1989-01"
    with pytest.raises(ValueError, match="alternatives are for disputed records"):
        rel(alternatives=["start=1926"])
    with pytest.raises(ValueError, match="no end to replace"):
        rel(certainty="disputed", alternatives=["end=1980"])
    with pytest.raises(ValueError, match="write start=DATE or end=DATE"):
        rel(certainty="disputed", alternatives=["1926"])
    with pytest.raises(ValueError, match="listed twice"):
        rel(certainty="disputed", alternatives=["start=1926", "start=1926"])


def test_gaps_split_an_actor_existence() -> None:
    est = Actor(id="EST", name="Estonia", kind="state", start="1918-02-24", gaps=["1940-08-06/1991-08-20"])
    assert est.holds_on("1940-08-05") and not est.holds_on("1940-08-06")
    assert not est.holds_on("1991-08-19") and est.holds_on("1991-08-20")
    assert len(est.spans) == 2 and est.spans[0][1] == datetime.date(1940, 8, 6).toordinal()
    assert afrel.schema.format_row(est)["gaps"] == "1940-08-06/1991-08-20"
    with pytest.raises(ValueError, match="does not lie inside the existence"):
        Actor(id="EST", name="Estonia", kind="state", start="1918-02-24", end="1930", gaps=["1925/1935"])
    with pytest.raises(ValueError, match="overlap"):
        Actor(id="EST", name="Estonia", kind="state", start="1918", gaps=["1925/1935", "1930/1940"])
    with pytest.raises(ValueError, match="write START/END"):
        Actor(id="EST", name="Estonia", kind="state", start="1918", gaps=["1925"])


def test_an_empty_cell_of_a_number_that_is_not_optional_says_so() -> None:
    row = afrel.schema.format_row(rel())
    for column in ("sign", "intensity"):
        _, problems = afrel.schema.parse_row(Relation, {**row, column: ""})
        assert problems == [(column, "must not be empty")]
    r, problems = afrel.schema.parse_row(Relation, {**row, "amount_year": ""})
    assert problems == [] and r is not None and r.amount_year is None
