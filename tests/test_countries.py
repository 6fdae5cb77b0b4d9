from __future__ import annotations

import subprocess
import sys

import pytest

from afrel import countries


def test_iso_alpha3_holds_current_and_former_codes() -> None:
    codes = countries.iso_alpha3()
    assert isinstance(codes, frozenset)
    assert {"AFG", "NAM", "USA", "SUN", "DDR", "YUG", "CSK"} <= codes
    assert "XXX" not in codes and "SU" not in codes
    assert countries.iso_alpha3() is codes  # built once


@pytest.mark.parametrize(
    ("alpha_2", "alpha_3"),
    [
        ("AF", "AFG"),
        ("NA", "NAM"),  # Namibia
        ("DE", "DEU"),
        ("SU", "SUN"),  # former countries too
        ("DD", "DDR"),
        ("YU", "YUG"),
        ("CS", "CSK"),  # two former countries share CS: Czechoslovakia, listed first
        ("BY", "BLR"),  # a current country keeps a code a former one had
        ("GE", "GEO"),
    ],
)
def test_iso2_to_iso3(alpha_2: str, alpha_3: str) -> None:
    assert countries.iso2_to_iso3()[alpha_2] == alpha_3


def test_iso2_to_iso3_is_a_fresh_dict_of_known_codes() -> None:
    table = countries.iso2_to_iso3()
    table["XX"] = "XXX"
    assert "XX" not in countries.iso2_to_iso3()  # changing one copy does not change the next
    assert set(countries.iso2_to_iso3().values()) <= countries.iso_alpha3()
    assert all(len(k) == 2 and k.isupper() for k in countries.iso2_to_iso3())


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("AF", "AFG"),
        ("af", "AFG"),
        ("AFG", "AFG"),
        ("004", "AFG"),
        ("Afghanistan", "AFG"),
        ("Islamic Republic of Iran", "IRN"),
        ("Atlantis", None),
        ("", None),
        ("Soviet Union", None),  # former countries are not current ones
    ],
)
def test_lookup(name: str, expected: str | None) -> None:
    assert countries.lookup(name) == expected


def test_importing_afrel_does_not_load_pycountry() -> None:
    code = "import sys, afrel, afrel.countries; assert 'pycountry' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True)
