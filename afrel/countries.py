"""ISO 3166 country codes: the one module of afrel that asks pycountry.

pycountry, the maintained ISO 3166 library, knows every current country (alpha-2, alpha-3,
numeric, official and common names) and the former ones (``SU``, ``DD``, ``YU``, ``CS``). Every
other module reaches it through these functions, so pycountry is imported in one place, on
first use (``import afrel`` does not load it), and each table is built once.

Examples
--------
>>> iso2_to_iso3()["AF"], iso2_to_iso3()["SU"]
('AFG', 'SUN')
>>> lookup("Islamic Republic of Iran"), lookup("Atlantis")
('IRN', None)
>>> "SUN" in iso_alpha3()
True
"""

from __future__ import annotations

import functools
from typing import Any

__all__ = ["find", "iso2_to_iso3", "iso_alpha3", "lookup"]


def _pycountry() -> Any:
    try:
        import pycountry
    except ImportError:  # pragma: no cover - pycountry is a core dependency
        raise ImportError("afrel needs pycountry for ISO country codes: pip install pycountry") from None
    return pycountry


@functools.cache
def iso_alpha3() -> frozenset[str]:
    """Every ISO 3166-1 alpha-3 code, current and former.

    Returns
    -------
    frozenset of str
        The alpha-3 codes of pycountry's countries and historic countries (``"AFG"``,
        ``"SUN"``, ``"DDR"``, ...).
    """
    pycountry = _pycountry()
    codes = {str(c.alpha_3) for c in pycountry.countries}
    codes |= {str(c.alpha_3) for c in pycountry.historic_countries}
    return frozenset(codes)


@functools.cache
def _alpha2_pairs() -> tuple[tuple[str, str], ...]:
    pycountry = _pycountry()
    table = {str(c.alpha_2): str(c.alpha_3) for c in pycountry.countries}
    for c in pycountry.historic_countries:
        alpha_2 = getattr(c, "alpha_2", None)
        if alpha_2:
            table.setdefault(str(alpha_2), str(c.alpha_3))
    return tuple(sorted(table.items()))


def iso2_to_iso3() -> dict[str, str]:
    """ISO 3166-1 alpha-2 code -> alpha-3 code, for every country pycountry knows.

    Current countries come first. A former country's code (``"SU"`` -> ``"SUN"``, ``"DD"`` ->
    ``"DDR"``) is included unless a current country has taken it over (``"BY"``, ``"GE"`` and
    ``"SK"`` are today's Belarus, Georgia and Slovakia); where two former countries share one,
    the first pycountry lists wins (``"CS"`` -> ``"CSK"``, Czechoslovakia, not Serbia and
    Montenegro).

    Returns
    -------
    dict of str to str
        A new dict on every call (the table behind it is built once), so callers may extend it.

    Examples
    --------
    >>> codes = iso2_to_iso3()
    >>> codes["NA"], codes["DE"], codes["DD"]
    ('NAM', 'DEU', 'DDR')
    """
    return dict(_alpha2_pairs())


@functools.cache
def lookup(name: str) -> str | None:
    """The alpha-3 code of a current country named by a code or a name, or None.

    Parameters
    ----------
    name : str
        Anything ``pycountry.countries.lookup`` accepts: an alpha-2, alpha-3 or numeric code,
        or a short, official or common name, in any case.

    Returns
    -------
    str or None
        The ISO 3166-1 alpha-3 code, or None if pycountry knows no current country by that name.

    Examples
    --------
    >>> lookup("af"), lookup("Afghanistan"), lookup("004")
    ('AFG', 'AFG', 'AFG')
    >>> lookup("Soviet Union") is None  # a former country: not a current one
    True
    """
    pycountry = _pycountry()
    try:
        return str(pycountry.countries.lookup(name).alpha_3)
    except LookupError:
        return None


def _norm(text: str) -> str:
    return " ".join(text.casefold().replace("-", " ").replace(".", "").split())


def find(name: str) -> str | None:
    """The alpha-3 code of a current or former country, by code or name, or None.

    Tries :func:`lookup` (current countries), then the former countries by their alpha-2,
    alpha-3 or alpha-4 code or their name as pycountry spells it, then pycountry's fuzzy
    search, kept only when it finds exactly one country.

    Examples
    --------
    >>> find("SU"), find("DDR"), find("Atlantis")
    ('SUN', 'DDR', None)
    """
    found = lookup(name)
    if found is not None:
        return found
    pycountry = _pycountry()
    key = _norm(name)
    for c in pycountry.historic_countries:
        fields = (c.alpha_2, c.alpha_3, getattr(c, "alpha_4", ""), c.name)
        if any(_norm(f) == key for f in fields if f):
            return str(c.alpha_3)
    try:
        hits = pycountry.countries.search_fuzzy(name)
    except LookupError:
        return None
    return str(hits[0].alpha_3) if len(hits) == 1 else None
