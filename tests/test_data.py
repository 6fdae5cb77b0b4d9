"""The bundled dataset: rules, coverage floors and the seed article's claims.

The floors are the counts reached so far; raise them as the dataset grows so that it can never
shrink silently.
"""

from __future__ import annotations

import csv
import datetime
import itertools
from collections import Counter

import pytest

import afrel
from afrel import ActorKind, RelationGraph, RelationKind


def test_every_record_is_sourced_and_valid(bundled: RelationGraph) -> None:
    assert afrel.check(bundled) == []
    for key in ("actors", "relations", "events", "periods", "leaders"):
        for r in bundled.records(key):
            assert r.sources, r.id
    for s in bundled.sources.values():
        assert s.citation
        assert s.url is None or s.url.startswith(("http://", "https://")), s.id
    used = {
        s
        for k in ("actors", "relations", "events", "periods", "leaders")
        for r in bundled.records(k)
        for s in r.sources
    }
    assert used == set(bundled.sources), "unused sources: " + ", ".join(sorted(set(bundled.sources) - used))


FLOORS = {
    RelationKind.DIPLOMATIC: 137,
    RelationKind.EMBASSY: 119,
    RelationKind.ACCREDITATION: 185,
    RelationKind.TREATY: 40,
    RelationKind.MEMBERSHIP: 256,
    RelationKind.RECOGNITION: 31,
    RelationKind.INTERVENTION: 10,
    RelationKind.ARMED_SUPPORT: 15,
    RelationKind.SANCTIONS: 8,
}


@pytest.mark.parametrize(("kind", "floor"), FLOORS.items())
def test_relation_counts_per_kind(bundled: RelationGraph, kind: RelationKind, floor: int) -> None:
    assert len(bundled.relations(kind=kind)) >= floor


def test_aid_and_partners(bundled: RelationGraph) -> None:
    aid = bundled.relations(kind=["economic_aid", "military_aid", "humanitarian_aid"])
    assert len(aid) >= 60
    assert any(r.amount is not None and r.currency and r.amount_year for r in aid)
    missions = bundled.relations(actor="AFG", kind=["embassy", "accreditation"])
    sent = {r.source for r in missions if r.target.startswith("AFG")}
    hosted = {r.target for r in missions if r.source.startswith("AFG")}
    assert len(sent | hosted) >= 80  # missions in either direction with 81 partners so far
    focal = {"AFG"} | {a.id for a in bundled.actors.values() if a.state == "AFG"}
    partners = {
        r.target if r.source in focal else r.source
        for r in bundled.relations(actor="AFG", kind="diplomatic")
        if bundled.actors[r.target if r.source in focal else r.source].kind is ActorKind.STATE
    }
    assert len(partners) >= 125  # every partner state the sources date (127 so far)


def test_disputed_relations_carry_their_alternatives(bundled: RelationGraph) -> None:
    disputed = [r for r in bundled.relations() if r.certainty == "disputed"]
    assert len(disputed) >= 70
    # Vietnam: the dispute is whether relations ended at all, so there is no other date to give
    assert {r.id for r in disputed if not r.alternatives} <= {"dip-afg-vnm-1974"}


def test_states_exist_only_when_they_existed(bundled: RelationGraph) -> None:
    in_1925 = {n for n, d in bundled.at("1925-06-01").nodes(data=True) if d["kind"] == "state"}
    assert {"AFG", "SUN", "GBR", "IRN", "TUR", "EST", "LVA", "LTU", "AUT"} <= in_1925
    assert not in_1925 & {"PAK", "IND", "ISR", "KOR", "PRK", "BGD", "UKR", "KAZ", "DDR", "PSE", "SRB", "XKX"}
    in_1960 = set(bundled.at("1960-06-01").nodes)
    assert not in_1960 & {"EST", "LVA", "LTU", "RUS", "UKR"} and {"SUN", "PAK", "IND"} <= in_1960
    assert "AUT" not in bundled.at("1940-06-01") and "AUT" in bundled.at("1950-06-01")
    for a in bundled.actors.values():
        first = min((r.lo for r in bundled.relations(actor=a.id)), default=None)
        if a.kind is ActorKind.STATE and a.start is None and first is not None:
            assert first < datetime.date(1946, 1, 1).toordinal(), f"{a.id} probably lacks its start"


def test_every_era_is_covered(bundled: RelationGraph) -> None:
    periods = bundled.periods
    assert periods[0].start <= afrel.PartialDate(1919, 12, 31)
    assert periods[-1].end is None
    for before, after in itertools.pairwise(periods):
        assert before.hi == after.lo, f"gap or overlap between {before.id} and {after.id}"
    for p in periods:
        assert len(bundled.relations(period=p)) >= 20, p.id
        assert bundled.events(between=(p.start, p.end or "2026")), p.id


def test_governments_and_leaders(bundled: RelationGraph) -> None:
    govs = sorted((a for a in bundled.actors.values() if a.kind is ActorKind.GOVERNMENT), key=lambda a: a.lo)
    assert [a.id for a in govs][:3] == ["AFG-EMIRATE", "AFG-KINGDOM", "AFG-REPUBLIC"]
    assert {"AFG-DRA", "AFG-ISA", "AFG-IEA1", "AFG-AIA", "AFG-TISA", "AFG-IRA", "AFG-IEA2"} <= {a.id for a in govs}
    assert all(a.state == "AFG" and a.id.startswith("AFG-") for a in govs)
    roles = Counter(ld.role for ld in bundled.leaders)
    assert roles[afrel.Role.HEAD_OF_STATE] >= 20 and roles[afrel.Role.FOREIGN_MINISTER] >= 40
    # someone heads the state on every day from 1919 to today, apart from documented gaps
    for year in range(1920, 2026):
        day = datetime.date(year, 7, 1)
        assert any(ld.role is afrel.Role.HEAD_OF_STATE and ld.holds_on(day) for ld in bundled.leaders), year


def test_events(bundled: RelationGraph) -> None:
    events = bundled.records("events")
    assert len(events) >= 118
    for year in (1992, 1996, 2001, 2021):  # the falls of Kabul
        assert any(
            e.kind in ("regime_change", "conflict", "coup") for e in bundled.events(between=(str(year), str(year)))
        )


def test_nothing_soviet_after_1991(bundled: RelationGraph) -> None:
    for r in bundled.relations(actor="SUN"):
        assert r.end is not None and r.hi <= datetime.date(1991, 12, 26).toordinal(), r.id


def test_blocs_answer_who_was_in_the_eastern_bloc_in_1985(bundled: RelationGraph) -> None:
    east = afrel.bloc_members(bundled, "east", "1985-07-01")
    assert {"SUN", "DDR", "POL", "CSK", "HUN", "BGR", "ROU", "CUB", "MNG", "VNM"} <= east
    assert "DEU" not in east and "YUG" not in east
    nato_1985 = {r.source for r in bundled.relations(kind="membership", active_at="1985-07-01") if r.target == "NATO"}
    assert len(nato_1985) == 16


def test_seed_article_claims_map_to_records(bundled: RelationGraph) -> None:
    ids = {r.id for k in ("relations", "events", "leaders") for r in bundled.records(k)} | set(bundled.actors)
    with open(afrel.data_path() / "seed_coverage.csv", encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert {int(r["paragraph"]) for r in rows} == set(range(1, 11))  # every paragraph of the article
    seen = set()
    for r in rows:
        key = (r["paragraph"], r["claim"])
        assert key not in seen, key
        seen.add(key)
        records = [x for x in r["records"].split(";") if x]
        assert records, key
        missing = [x for x in records if x not in ids]
        assert not missing, f"claim {key} maps to unknown ids {missing}"
