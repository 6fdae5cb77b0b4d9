"""Resolving names and codes to afrel actor ids.

:func:`resolve` first looks at the actors of a graph (by default the bundled dataset): their
ids, names, aliases, ISO codes and Correlates of War codes. It then asks ISO 3166 through
:mod:`afrel.countries` (pycountry), which knows every current country (alpha-2, alpha-3, numeric,
short, official and common names) and the former ones (``SU``, ``DD``, ``YU``, ``CS``).
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from afrel.countries import find
from afrel.errors import UnknownActorError

if TYPE_CHECKING:
    from afrel.graph import RelationGraph

__all__ = ["resolve", "suggest"]


def _norm(text: str) -> str:
    return " ".join(text.casefold().replace("-", " ").replace(".", "").split())


@functools.cache
def _bundled_table() -> dict[str, str]:
    from afrel.io import load

    return _table(load())


def _table(g: RelationGraph) -> dict[str, str]:
    table: dict[str, str] = {}
    for a in g.actors.values():
        keys = [a.id, a.name, *a.aliases]
        if a.iso2:
            keys.append(a.iso2)
        if a.iso3:
            keys.append(a.iso3)
        if a.cow is not None:
            keys.append(str(a.cow))
        for k in keys:
            table.setdefault(_norm(k), a.id)
    return table


def resolve(name: str | int, g: RelationGraph | None = None) -> str:
    """The afrel actor id for a name or a code.

    Parameters
    ----------
    name : str or int
        An actor id, a name or alias (case-insensitive), an ISO 3166-1 alpha-2, alpha-3 or
        numeric code, or a Correlates of War code (an int, or a string of digits that no ISO
        numeric code of a dataset actor claims).
    g : RelationGraph, optional
        Whose actors to search first; by default the bundled dataset.

    Returns
    -------
    str
        The id of one of the graph's actors (ISO alpha-3 for states), never an id the graph
        does not hold.

    Raises
    ------
    UnknownActorError
        If no actor of the graph answers to the name: neither the graph nor pycountry knows
        it, or pycountry knows it as a country the graph does not hold (the message says so).

    Examples
    --------
    >>> resolve("Soviet Union"), resolve("USSR"), resolve("SU"), resolve(365)
    ('SUN', 'SUN', 'SUN', 'SUN')
    >>> resolve("Islamic Republic of Iran"), resolve("af"), resolve("004")
    ('IRN', 'AFG', 'AFG')
    >>> resolve("Tuvalu")
    Traceback (most recent call last):
    ...
    afrel.errors.UnknownActorError: unknown actor 'Tuvalu' (ISO 3166 knows it as 'TUV', which the graph does not hold)
    """
    if isinstance(name, bool) or not isinstance(name, str | int):
        raise TypeError(f"expected a name or code (str or int), got {type(name).__name__}")
    table = _bundled_table() if g is None else _table(g)
    key = _norm(str(name))
    if not key:
        raise UnknownActorError(str(name))
    if key in table:
        return table[key]
    if isinstance(name, int):  # an int is a Correlates of War code, and the graph has none such
        raise UnknownActorError(str(name))
    found = find(str(name).strip())  # digits not a COW code of the graph: an ISO numeric code ("004")
    if found is not None:
        held = table.get(_norm(found))  # by id or by iso3: a user's actor may have another id
        if held is not None:
            return held
        raise UnknownActorError(str(name), detail=f"ISO 3166 knows it as {found!r}, which the graph does not hold")
    import difflib

    names = {n: table[n] for n in table if len(n) > 3}
    hits = difflib.get_close_matches(key, list(names), n=2, cutoff=0.75)
    raise UnknownActorError(str(name), [names[h] for h in hits])


def suggest(name: str, g: RelationGraph) -> list[str]:
    """Up to two ids of ``g`` that an unknown actor id may have meant, best first.

    A name, alias or code of one of the graph's actors gives that actor (``"USSR"`` gives
    ``'SUN'``). Otherwise a short code is compared with the ids spelled alike (``"SUU"`` gives
    ``'SAU'`` or ``'SUN'``) and a longer name is looked up with :func:`resolve`; the other way
    is tried when the first finds nothing. Only ids of ``g`` are suggested.

    Examples
    --------
    >>> import afrel
    >>> g = afrel.load()
    >>> suggest("USSR", g), suggest("SUU", g), suggest("Islamic Republic of Iran", g)
    (['SUN'], ['SAU', 'SUN'], ['IRN'])
    """
    from afrel.errors import close_matches

    table = _table(g)
    key = _norm(name)
    if key in table:
        return [table[key]]

    def by_name() -> list[str]:
        try:
            return [resolve(name, g)]
        except UnknownActorError as exc:
            return list(exc.suggestions)

    def by_spelling() -> list[str]:
        return close_matches(name, g.actors)

    first, second = (by_spelling, by_name) if len(key) <= 4 else (by_name, by_spelling)
    return first() or second()
