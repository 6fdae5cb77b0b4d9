from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

import afrel

settings.register_profile("ci", max_examples=200, deadline=None)
settings.register_profile("dev", max_examples=60, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def bundled() -> afrel.RelationGraph:
    return afrel.load()


@pytest.fixture
def tiny() -> afrel.RelationGraph:
    """Three states, one government and five relations with known answers."""
    actors = [
        afrel.Actor(id="AFG", name="Afghanistan", kind="state"),
        afrel.Actor(id="SUN", name="Soviet Union", kind="state", end="1991-12-26"),
        afrel.Actor(id="PAK", name="Pakistan", kind="state", start="1947-08"),
        afrel.Actor(
            id="AFG-DRA",
            name="Democratic Republic",
            kind="government",
            state="AFG",
            start="1978-04-30",
            end="1992-04-28",
        ),
    ]
    relations = [
        afrel.Relation(
            id="d1", source="AFG", target="SUN", kind="diplomatic", start="1919", end="1991-12-26", sources=["s"]
        ),
        afrel.Relation(
            id="d2", source="AFG", target="PAK", kind="diplomatic", start="1948-02", end="1961-09-06", sources=["s"]
        ),
        afrel.Relation(id="d3", source="AFG", target="PAK", kind="diplomatic", start="1963-05-29", sources=["s"]),
        afrel.Relation(
            id="i1",
            source="SUN",
            target="AFG-DRA",
            kind="intervention",
            start="1979-12",
            end="1989-02-15",
            intensity=3,
            sources=["s"],
        ),
        # a year-precision start reaching before the government existed: clipped in snapshots
        afrel.Relation(
            id="a1", source="SUN", target="AFG-DRA", kind="military_aid", start="1978", end="1991", sources=["s"]
        ),
    ]
    events = [
        afrel.Event(
            id="e1", date="1979-12-27", title="Amin killed", kind="invasion", actors=["SUN", "AFG-DRA"], sources=["s"]
        ),
        afrel.Event(id="e2", date="1989", title="Withdrawal", kind="withdrawal", actors=["SUN"], sources=["s"]),
    ]
    periods = [
        afrel.Period(id="p2", name="War", start="1979-12", end="1989-02-15", sources=["s"]),
        afrel.Period(id="p1", name="Before", start="1919", end="1979-12", sources=["s"]),
    ]
    sources = [afrel.Source(id="s", citation="A test source")]
    return afrel.RelationGraph(actors, relations, events=events, sources=sources, periods=periods)


@pytest.fixture
def world() -> afrel.RelationGraph:
    S = ["s"]
    actors = [
        afrel.Actor(id="AFG", name="Afghanistan", kind="state"),
        afrel.Actor(id="AFG-DRA", name="DRA", kind="government", state="AFG", start="1978-04-28", end="1992-04-28"),
        afrel.Actor(id="MUJAHIDEEN", name="Mujahideen", kind="movement", state="AFG", start="1978", end="1992-04-28"),
        afrel.Actor(id="SUN", name="Soviet Union", kind="state", end="1991-12-26"),
        afrel.Actor(id="POL", name="Poland", kind="state"),
        afrel.Actor(id="USA", name="United States", kind="state"),
        afrel.Actor(id="JPN", name="Japan", kind="state"),
        afrel.Actor(id="WARSAW", name="Warsaw Pact", kind="organization", start="1955-05-14", end="1991-07-01"),
        afrel.Actor(id="NATO", name="NATO", kind="organization", start="1949-08-24"),
    ]
    relations = [
        afrel.Relation(
            id="m1", source="SUN", target="WARSAW", kind="membership", start="1955-05-14", end="1991-07-01", sources=S
        ),
        afrel.Relation(
            id="m2", source="POL", target="WARSAW", kind="membership", start="1955-05-14", end="1991-07-01", sources=S
        ),
        afrel.Relation(id="m3", source="USA", target="NATO", kind="membership", start="1949-08-24", sources=S),
        afrel.Relation(id="t1", source="USA", target="JPN", kind="treaty", start="1952-04-28", intensity=3, sources=S),
        afrel.Relation(
            id="d1", source="AFG", target="SUN", kind="diplomatic", start="1919", end="1991-12-26", sources=S
        ),
        afrel.Relation(id="d2", source="AFG", target="USA", kind="diplomatic", start="1935", sources=S),
        afrel.Relation(
            id="i1",
            source="SUN",
            target="AFG-DRA",
            kind="intervention",
            start="1979-12",
            end="1989-02-15",
            intensity=3,
            sources=S,
        ),
        afrel.Relation(
            id="a1",
            source="USA",
            target="MUJAHIDEEN",
            kind="armed_support",
            start="1980",
            end="1992",
            intensity=3,
            sources=S,
        ),
        afrel.Relation(
            id="s1", source="WARSAW", target="POL", kind="suspension", start="1982", end="1983", sign=-1, sources=S
        ),
    ]
    return afrel.RelationGraph(actors, relations)
