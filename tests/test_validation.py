"""afrel.validation: the rules across records, with file and line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import afrel
from afrel import Actor, Leader, Relation, RelationGraph
from afrel.validation import handovers

S = [afrel.Source(id="s", citation="A test source")]


def graph(actors: list[Actor], relations: list[Relation], leaders: tuple[Leader, ...] = ()) -> RelationGraph:
    return RelationGraph(actors, relations, sources=S, leaders=leaders)


AFG = Actor(id="AFG", name="Afghanistan", kind="state", start="1747", sources=["s"])
GBR = Actor(id="GBR", name="United Kingdom", kind="state", start="1707-05-01", sources=["s"])


def mission(rid: str, start: str, end: str | None, kind: str = "embassy") -> Relation:
    return Relation(id=rid, source="GBR", target="AFG", kind=kind, start=start, end=end, sources=["s"])


@pytest.mark.parametrize(
    ("first", "second", "certain"),
    [
        (("1930", "1948"), ("1948", "1989"), False),  # a handover some day of 1948: a warning
        (("1930", "1948-06"), ("1948-06", "1989"), False),  # the same within a month
        (("1930", "1948-06-05"), ("1948-06-05", "1989"), None),  # a shared day bound: no overlap at all
        (("1930", "1949"), ("1948", "1989"), True),  # 1948 is covered by both on every reading
        (("1930", "1948-07-01"), ("1948-06-05", "1989"), True),
        (("1930", None), ("1948", "1989"), True),
    ],
)
def test_successive_missions_of_one_pair(
    first: tuple[str, str | None], second: tuple[str, str | None], certain: bool | None
) -> None:
    g = graph([AFG, GBR], [mission("a", *first), mission("b", *second, kind="accreditation")])
    problems, warnings = afrel.check(g), handovers(g)
    if certain is None:
        assert problems == [] and warnings == []
    elif certain:
        assert len(problems) == 1 and warnings == []
        assert "'b'" in problems[0].message and "overlaps 'a'" in problems[0].message
    else:
        assert problems == [] and len(warnings) == 1
        assert "the sources date the handover no more precisely" in warnings[0].message


def test_kinds_that_may_overlap_are_not_checked() -> None:
    aid = [
        Relation(id=f"aid{i}", source="GBR", target="AFG", kind="economic_aid", start="2002", end="2010", sources=["s"])
        for i in range(2)
    ]
    assert afrel.check(graph([AFG, GBR], aid)) == []


def test_terms_of_one_office() -> None:
    gov = Actor(id="AFG-X", name="Government", kind="government", state="AFG", sources=["s"])
    terms = (
        Leader(id="t1", name="A", role="foreign_minister", actor="AFG-X", start="1950", end="1953", sources=["s"]),
        Leader(id="t2", name="B", role="foreign_minister", actor="AFG-X", start="1952", end="1960", sources=["s"]),
        Leader(id="t3", name="C", role="head_of_state", actor="AFG-X", start="1952", end="1960", sources=["s"]),
    )
    problems = afrel.check(graph([AFG, gov], [], terms))
    assert [p.message.split(" (")[0] for p in problems] == ["'t2'"]
    assert "a term of the same office" in problems[0].message


def test_a_state_without_start_whose_ties_all_begin_after_1945() -> None:
    new = Actor(id="BGD", name="Bangladesh", kind="state", sources=["s"])
    tie = Relation(id="r", source="AFG", target="BGD", kind="diplomatic", start="1973", sources=["s"])
    problems = afrel.check(graph([AFG, new], [tie]))
    assert len(problems) == 1 and "'BGD' has no start but its relations all begin after 1945" in problems[0].message
    dated = afrel.Actor(id="BGD", name="Bangladesh", kind="state", start="1971-03-26", sources=["s"])
    assert afrel.check(graph([AFG, dated], [tie])) == []


def test_a_tie_in_a_gap_of_existence() -> None:
    est = Actor(
        id="EST", name="Estonia", kind="state", start="1918-02-24", gaps=["1940-08-06/1991-08-20"], sources=["s"]
    )
    inside = Relation(id="r", source="AFG", target="EST", kind="embassy", start="1950", end="1960", sources=["s"])
    problems = afrel.validation.check_records({"actors": [AFG, est], "relations": [inside], "sources": S})
    assert any("holds in 1940-08-06/1991-08-20, when EST did not exist" in p.message for p in problems)
    edge = Relation(id="r", source="AFG", target="EST", kind="embassy", start="1991", sources=["s"])
    assert afrel.validation.check_records({"actors": [AFG, est], "relations": [edge], "sources": S}) == []


@pytest.mark.parametrize(
    ("end_of_life", "gap"),
    [("1940-01-01", "1940-01-01/1991-08-20"), ("1940-08-06", "1940-08-06/1991-08-20")],
)
def test_a_gap_is_checked_like_the_end_of_existence(end_of_life: str, gap: str) -> None:
    """The first day of a gap is read like the day an actor ceases to exist, under both rules."""
    ended = Actor(id="EST", name="Estonia", kind="state", start="1918-02-24", end=end_of_life, sources=["s"])
    gapped = Actor(id="EST", name="Estonia", kind="state", start="1918-02-24", gaps=[gap], sources=["s"])
    cases = [
        Relation(id="r", source="AFG", target="EST", kind="embassy", start="1930", end="1940", sources=["s"]),
        Relation(id="r", source="AFG", target="EST", kind="embassy", start="1930", end="1940-08", sources=["s"]),
        Relation(id="r", source="AFG", target="EST", kind="embassy", start="1930", end=end_of_life, sources=["s"]),
    ]
    events = [afrel.Event(id="e", date=end_of_life, title="t", kind="other", actors=["EST"], sources=["s"])]
    for tie in cases:
        verdicts = []
        for est in (ended, gapped):
            found = afrel.validation.check_records(
                {"actors": [AFG, est], "relations": [tie], "events": events, "sources": S}
            )
            verdicts.append(bool(found))
        assert verdicts[0] == verdicts[1], (tie.end, end_of_life)
    ok = afrel.validation.check_records({"actors": [AFG, gapped], "events": events, "sources": S})
    assert ok == []  # an event may fall on the day the actor ceased to exist


def test_validate_prints_warnings_with_file_and_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copytree(afrel.data_path(), tmp_path / "d")
    from afrel.cli import main

    assert main(["validate", str(tmp_path / "d")]) == 0
    err = capsys.readouterr().err
    assert "warning: leaders.csv:" in err and "handovers dated no more precisely" in err
