from __future__ import annotations

import pytest

import afrel


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Soviet Union", "SUN"),
        ("USSR", "SUN"),
        ("ussr", "SUN"),
        ("SU", "SUN"),
        (365, "SUN"),
        ("SUN", "SUN"),
        ("Afghanistan", "AFG"),
        ("AF", "AFG"),
        (700, "AFG"),
        ("Democratic Republic of Afghanistan", "AFG-DRA"),
        ("Islamic Republic of Iran", "IRN"),
        ("Namibia", "NAM"),
        ("NA", "NAM"),
        ("Germany", "DEU"),
        ("German Democratic Republic", "DDR"),
        ("YU", "YUG"),
        ("United Nations", "UN"),
    ],
)
def test_resolve(name: str | int, expected: str) -> None:
    assert afrel.resolve(name) == expected


def test_resolve_unknown_names_suggest() -> None:
    with pytest.raises(afrel.UnknownActorError, match="unknown actor 'Atlantis'"):
        afrel.resolve("Atlantis")
    with pytest.raises(afrel.UnknownActorError):
        afrel.resolve(99999)
    with pytest.raises(TypeError):
        afrel.resolve(None)  # type: ignore[arg-type]


def test_resolve_against_a_users_graph(tiny: afrel.RelationGraph) -> None:
    assert afrel.resolve("Democratic Republic", tiny) == "AFG-DRA"
    assert afrel.resolve("Pakistan", tiny) == "PAK"


def test_resolve_finds_a_users_actor_by_its_iso3_whatever_its_id() -> None:
    g = afrel.RelationGraph(
        [
            afrel.Actor(id="GB", name="Britain", kind="state", iso3="GBR"),
            afrel.Actor(id="USSR", name="Soviet", kind="state", iso3="SUN"),
        ],
        [],
    )
    assert afrel.resolve("United Kingdom", g) == "GB" and afrel.resolve("SU", g) == "USSR"
    with pytest.raises(afrel.UnknownActorError, match=r"'France' \(ISO 3166 knows it as 'FRA', which the graph"):
        afrel.resolve("France", g)
