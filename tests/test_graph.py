from __future__ import annotations

import datetime
import warnings
from typing import Any

import networkx as nx
import pytest
from hypothesis import given
from hypothesis import strategies as st

import afrel
from afrel import Actor, PartialDate, Relation, RelationGraph


def canon(G: nx.MultiDiGraph) -> tuple[Any, ...]:
    nodes = sorted((n, sorted(d.items())) for n, d in G.nodes(data=True))
    edges = sorted((u, v, k, sorted(d.items())) for u, v, k, d in G.edges(keys=True, data=True))
    return nodes, edges


def brute_at(actors: list[Actor], relations: list[Relation], day: datetime.date) -> nx.MultiDiGraph:
    """The specification of a snapshot, as a scan of every record."""
    G = nx.MultiDiGraph()
    alive = {a.id for a in actors if a.holds_on(day)}
    for a in actors:
        if a.id in alive:
            G.add_node(a.id, **{f.name: getattr(a, f.name) for f in afrel.model.attrs.fields(Actor)})
    for r in relations:
        if r.holds_on(day) and r.source in alive and r.target in alive:
            G.add_edge(
                r.source, r.target, key=r.id, **{f.name: getattr(r, f.name) for f in afrel.model.attrs.fields(Relation)}
            )
    return G


def brute_during(actors: list[Actor], relations: list[Relation], lo: int, hi: int) -> tuple[set[str], set[str]]:
    def meets(rec: Any) -> bool:
        return bool(rec.lo < hi and rec.hi > lo)

    nodes = {a.id for a in actors if any(s_lo < hi and s_hi > lo for s_lo, s_hi in a.spans)}
    by_id = {a.id: a for a in actors}
    edges = set()
    for r in relations:
        a, b = by_id[r.source], by_id[r.target]
        for a_lo, a_hi in a.spans:
            for b_lo, b_hi in b.spans:
                clip_lo, clip_hi = max(r.lo, a_lo, b_lo, lo), min(r.hi, a_hi, b_hi, hi)
                if clip_lo < clip_hi:
                    edges.add(r.id)
    return nodes, edges


YEARS = st.integers(1900, 1960)


@st.composite
def partial(draw: st.DrawFn) -> PartialDate:
    y = draw(YEARS)
    p = draw(st.integers(0, 2))
    if p == 0:
        return PartialDate(y)
    m = draw(st.integers(1, 12))
    return PartialDate(y, m) if p == 1 else PartialDate(y, m, draw(st.integers(1, 28)))


@st.composite
def interval(draw: st.DrawFn, open_start: bool = False) -> tuple[PartialDate | None, PartialDate | None]:
    a = None if open_start and draw(st.booleans()) else draw(partial())
    b = draw(st.one_of(st.none(), partial()))
    if a is not None and b is not None and afrel.dates.end_bound(b) <= afrel.dates.start_bound(a):
        b = None
    return a, b


@st.composite
def graphs(draw: st.DrawFn) -> tuple[list[Actor], list[Relation]]:
    n = draw(st.integers(2, 6))
    actors = []
    for i in range(n):
        start, end = draw(interval(open_start=True))
        gaps = []
        if draw(st.booleans()):  # an interrupted existence, where one fits inside
            gap_start, gap_end = draw(partial()), draw(partial())
            if (
                afrel.dates.start_bound(gap_start) < afrel.dates.end_bound(gap_end)
                and afrel.dates.start_bound(gap_start) > afrel.dates.start_bound(start)
                and afrel.dates.end_bound(gap_end) < afrel.dates.end_bound(end)
            ):
                gaps.append(afrel.Gap(gap_start, gap_end))
        actors.append(Actor(id=f"S{i:02d}", name=f"state {i}", kind="state", start=start, end=end, gaps=gaps))
    relations = []
    for j in range(draw(st.integers(0, 40))):
        u, v = draw(st.lists(st.integers(0, n - 1), min_size=2, max_size=2, unique=True))
        start, end = draw(interval())
        assert start is not None
        kind = draw(st.sampled_from(list(afrel.RelationKind)))
        lo, hi = afrel.dates.start_bound(start), afrel.dates.end_bound(end)
        if any(lo < gap.lo and hi > gap.hi for k in (u, v) for gap in actors[k].gaps):
            continue  # a relation may not span a gap in its actors' existence
        relations.append(
            Relation(
                id=f"r{j}",
                source=f"S{u:02d}",
                target=f"S{v:02d}",
                kind=kind,
                start=start,
                end=end,
                sign=draw(st.sampled_from([1, -1])),
                sources=["s"],
            )
        )
    return actors, relations


days = st.dates(datetime.date(1895, 1, 1), datetime.date(1965, 12, 31))


@pytest.mark.filterwarnings("ignore::afrel.ScopeWarning")  # days before the first record of the fixture
@given(graphs(), st.lists(days, min_size=1, max_size=8))
def test_at_equals_brute_force(data: tuple[list[Actor], list[Relation]], when: list[datetime.date]) -> None:
    actors, relations = data
    g = RelationGraph(actors, relations)
    for day in when:
        assert canon(g.at(day)) == canon(brute_at(actors, relations, day))


@pytest.mark.filterwarnings("ignore::afrel.ScopeWarning")  # days before the first record of the fixture
@given(graphs(), days, st.integers(0, 4000))
def test_during_equals_brute_force(data: tuple[list[Actor], list[Relation]], first: datetime.date, width: int) -> None:
    actors, relations = data
    g = RelationGraph(actors, relations)
    last = first + datetime.timedelta(days=width)
    G = g.during(first, last)
    nodes, edges = brute_during(actors, relations, first.toordinal(), last.toordinal() + 1)
    assert set(G.nodes) == nodes
    assert {k for _, _, k in G.edges(keys=True)} == edges


@pytest.mark.filterwarnings("ignore::afrel.ScopeWarning")  # days before the first record of the fixture
@given(graphs(), days, st.sampled_from(["year", "month", datetime.timedelta(days=97)]), st.booleans())
def test_snapshots_equal_independent_at(
    data: tuple[list[Actor], list[Relation]], first: datetime.date, step: Any, copy: bool
) -> None:
    actors, relations = data
    g = RelationGraph(actors, relations)
    last = first + datetime.timedelta(days=3000)
    seen = []
    for day, G in g.snapshots(first, last, step, copy=copy):
        assert G.graph["date"] == day.isoformat()
        assert canon(G) == canon(brute_at(actors, relations, day))
        seen.append(day)
    assert seen[0] == first and seen[-1] <= last


@pytest.mark.filterwarnings("ignore::afrel.ScopeWarning")  # days before the first record of the fixture
def test_snapshot_days_follow_the_calendar(tiny: RelationGraph) -> None:
    got = [d for d, _ in tiny.snapshots("2000-01-31", "2000-05-31", "month")]
    assert got == [datetime.date(2000, m, d) for m, d in [(1, 31), (2, 29), (3, 31), (4, 30), (5, 31)]]
    assert [d.year for d, _ in tiny.snapshots("1816-07-01", "2026-07-01")][-1] == 2026
    assert len(list(tiny.snapshots("1816-07-01", "2026-07-01"))) == 211
    with pytest.raises(ValueError, match="step"):
        next(tiny.snapshots("1980", "1990", "week"))  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="before start"):
        next(tiny.snapshots("1990", "1980"))


def test_in_place_snapshots_reuse_one_graph_and_copies_do_not(tiny: RelationGraph) -> None:
    shared = [G for _, G in tiny.snapshots("1950", "1960", copy=False)]
    assert all(G is shared[0] for G in shared)
    copies = [G for _, G in tiny.snapshots("1950", "1960", copy=True)]
    assert len({id(G) for G in copies}) == len(copies)


def test_at_known_answers(tiny: RelationGraph) -> None:
    s = tiny.at("1985-06-01")
    assert s.graph["date"] == "1985-06-01"
    assert set(s.nodes) == {"AFG", "SUN", "PAK", "AFG-DRA"}
    assert sorted(k for _, _, k in s.edges(keys=True)) == ["a1", "d1", "d3", "i1"]
    assert s.nodes["SUN"]["name"] == "Soviet Union"
    e = s.edges["SUN", "AFG-DRA", "i1"]
    assert e["kind"] == "intervention" and e["intensity"] == 3 and str(e["start"]) == "1979-12"
    # interval bounds
    assert not tiny.at("1989-02-15").has_edge("SUN", "AFG-DRA", "i1")
    assert tiny.at("1989-02-14").has_edge("SUN", "AFG-DRA", "i1")
    assert tiny.at("1979-12-01").has_edge("SUN", "AFG-DRA", "i1")
    assert not tiny.at("1979-11-30").has_edge("SUN", "AFG-DRA", "i1")
    # a1 starts "1978" but the government exists from 1978-04-30: clipped
    assert not tiny.at("1978-04-29").has_node("AFG-DRA")
    assert tiny.at("1978-04-30").has_edge("SUN", "AFG-DRA", "a1")
    assert tiny.at("1991-12-25").has_edge("SUN", "AFG-DRA", "a1")
    assert "SUN" not in tiny.at("1991-12-26")
    assert tiny.at("1978").graph["date"] == "1978-01-01"


def test_snapshot_is_independent_of_the_graph(tiny: RelationGraph) -> None:
    s = tiny.at("1985")
    s.nodes["SUN"]["name"] = "changed"
    s.remove_node("PAK")
    assert tiny.at("1985").nodes["SUN"]["name"] == "Soviet Union"
    assert tiny.actor("SUN").name == "Soviet Union"


def test_relations_filters(tiny: RelationGraph) -> None:
    ids = lambda rs: [r.id for r in rs]  # noqa: E731
    assert ids(tiny.relations(actor="PAK")) == ["d2", "d3"]
    assert ids(tiny.relations(actor="AFG", kind="intervention")) == ["i1"]  # AFG matches AFG-DRA
    assert ids(tiny.relations(actor="AFG", partner="SUN")) == ["d1", "a1", "i1"]
    assert ids(tiny.relations(actor="AFG", active_at="1980")) == ["d1", "d3", "a1", "i1"]
    assert ids(tiny.relations(active_at="1962")) == ["d1"]
    assert ids(tiny.relations(between=("1961", "1963"))) == ["d1", "d2", "d3"]
    assert ids(tiny.relations(kind=["diplomatic", "intervention"], sign=1, between=("1980", "1980"))) == [
        "d1",
        "d3",
        "i1",
    ]
    assert ids(tiny.relations(period="p2", kind="intervention")) == ["i1"]
    assert [p.id for p in tiny.periods] == ["p1", "p2"]
    assert tiny.period("1985").id == "p2"  # type: ignore[union-attr]
    with pytest.raises(ValueError, match="at most one"):
        tiny.relations(active_at="1980", between=("1980", "1981"))
    with pytest.raises(afrel.UnknownActorError, match="did you mean 'SUN'"):
        tiny.relations(actor="SUU")
    with pytest.raises(ValueError, match="not a valid relation kind"):
        tiny.relations(kind="aid")
    with pytest.raises(KeyError, match="unknown period"):
        tiny.relations(period="p9")


def test_events_filters(tiny: RelationGraph) -> None:
    assert [e.id for e in tiny.events(between=("1978", "1990"))] == ["e1", "e2"]
    assert [e.id for e in tiny.events(between=("1989-06", "1989-06"))] == ["e2"]
    assert [e.id for e in tiny.events(actor="AFG")] == ["e1"]
    assert [e.id for e in tiny.events(kind="withdrawal")] == ["e2"]


def test_actor_lookup_suggests(tiny: RelationGraph) -> None:
    assert tiny.actor("SUN").end == PartialDate(1991, 12, 26)
    with pytest.raises(afrel.UnknownActorError, match=r"unknown actor 'USR'; did you mean 'SUN'"):
        tiny.actor("USR")
    with pytest.raises(KeyError, match="unknown relation"):
        tiny.relation("zz")


def test_constructor_reports_every_structural_problem() -> None:
    a = Actor(id="AFG", name="Afghanistan", kind="state")
    r = Relation(id="r", source="AFG", target="USR", kind="diplomatic", start="1950", sources=["s"])
    with pytest.raises(afrel.DataError) as info:
        RelationGraph([a, a], [r, r])
    messages = [p.message for p in info.value.problems]
    assert any("duplicate id 'AFG'" in m for m in messages)
    assert any("duplicate id 'r'" in m for m in messages)
    assert any("unknown actor 'USR'" in m for m in messages)


def test_constructor_rejects_wrong_inputs_with_a_sentence() -> None:
    pd = pytest.importorskip("pandas")
    with pytest.raises(TypeError, match="DataFrame"):
        RelationGraph(pd.DataFrame({"id": ["AFG"]}), [])
    with pytest.raises(TypeError, match="expected Relation records, got dict"):
        RelationGraph([], [{"id": "r"}])  # type: ignore[list-item]


def test_records_keep_input_order(tiny: RelationGraph) -> None:
    assert [p.id for p in tiny.records("periods")] == ["p2", "p1"]
    with pytest.raises(ValueError, match="records"):
        tiny.records("nodes")
    assert len(tiny) == 5
    assert "5 relations" in repr(tiny)


def test_fast_snapshot_equals_a_graph_built_with_add_edge(bundled: RelationGraph) -> None:
    """The snapshot, built fast, equals one built the slow way from the records with add_node and add_edge."""
    actors, relations = list(bundled.records("actors")), list(bundled.records("relations"))
    for day in ("1950-01-01", "1985-06-01", "2024-01-01"):
        fast = bundled.at(day)
        slow = brute_at(actors, relations, datetime.date.fromisoformat(day))
        slow.graph.update(fast.graph)
        assert fast.number_of_edges() > 50 and slow.number_of_edges() == fast.number_of_edges()
        assert nx.utils.graphs_equal(fast, slow)
        assert canon(fast) == canon(slow)
        assert {n: dict(fast.pred[n]) for n in fast} == {n: dict(slow.pred[n]) for n in slow}
        assert {n: dict(fast.succ[n]) for n in fast} == {n: dict(slow.succ[n]) for n in slow}
        fast.add_edge("AFG", "PAK", key="new")  # still an ordinary, mutable networkx graph
        assert fast.has_edge("AFG", "PAK", "new") and "new" in fast.pred["PAK"]["AFG"]


@pytest.mark.filterwarnings("ignore::afrel.ScopeWarning")  # days before the first record of the fixture
def test_an_interrupted_state_is_absent_during_its_gap() -> None:
    actors = [
        Actor(id="AFG", name="Afghanistan", kind="state"),
        Actor(id="LVA", name="Latvia", kind="state", start="1918-11-18", gaps=["1940-08-05/1991-08-21"]),
    ]
    relations = [
        Relation(id="old", source="AFG", target="LVA", kind="diplomatic", start="1930", end="1940", sources=["s"]),
        Relation(id="new", source="AFG", target="LVA", kind="diplomatic", start="1991", sources=["s"]),
    ]
    g = RelationGraph(actors, relations)
    assert "LVA" in g.at("1925") and "LVA" not in g.at("1960") and "LVA" in g.at("2000")
    # year bounds reaching into the gap are clipped to it, as they are to an actor's lifetime
    assert g.at("1940-09-01").number_of_edges() == 0 and g.at("1940-08-04").number_of_edges() == 1
    assert g.at("1991-08-20").number_of_edges() == 0 and g.at("1991-08-21").number_of_edges() == 1
    present = [d.year for d, G in g.snapshots("1935", "1995") if "LVA" in G]
    assert present == [*range(1935, 1941), *range(1992, 1996)]
    spanning = Relation(id="x", source="AFG", target="LVA", kind="treaty", start="1930", sources=["s"])
    with pytest.raises(afrel.DataError, match="spans the gap 1940-08-05/1991-08-21"):
        RelationGraph(actors, [spanning])


def test_queries_outside_the_scope_warn_and_still_answer(tiny: RelationGraph) -> None:
    first, today = tiny.scope  # type: ignore[misc]
    assert today == datetime.date.today()
    before = (first - datetime.timedelta(days=1)).isoformat()
    after = f"{today.year + 1}"
    for query in (
        lambda: tiny.at(before),
        lambda: tiny.at(after),
        lambda: tiny.during(before, "2000"),
        lambda: tiny.relations(active_at=after),
        lambda: tiny.relations(between=("2000", after)),
        lambda: tiny.period(before),
        lambda: list(tiny.snapshots(before, "2000")),
    ):
        with pytest.warns(afrel.ScopeWarning, match=rf"outside the data's scope \({first.isoformat()} to today"):
            query()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        tiny.at(first)
        tiny.during(first, str(today.year))  # the current year has begun: no warning
    assert afrel.RelationGraph([], []).scope is None


def test_period_takes_an_id_or_a_day(tiny: RelationGraph) -> None:
    p2 = tiny.period("p2")
    assert p2 is not None and p2.id == "p2" and tiny.period("1985") == p2
    with pytest.raises(KeyError, match="unknown period 'p3'; did you mean"):
        tiny.period("p3")


def test_an_unknown_actor_is_suggested_by_name_alias_or_code() -> None:
    g = afrel.load()
    with pytest.raises(afrel.UnknownActorError, match=r"unknown actor 'USSR'; did you mean 'SUN'\?"):
        g.actor("USSR")
    with pytest.raises(afrel.UnknownActorError, match=r"'Persia'; did you mean 'IRN'\?"):
        g.relations(actor="Persia")


def test_records_are_listed_by_collection_name(tiny: RelationGraph) -> None:
    assert sorted(r.id for r in tiny.records("periods")) == sorted(p.id for p in tiny.periods)
    assert set(afrel.schema.COLLECTIONS) == {f.key for f in afrel.schema.FILES}
    with pytest.raises(ValueError, match="records\\(\\) takes one of 'sources', 'actors'"):
        tiny.records("actor")
