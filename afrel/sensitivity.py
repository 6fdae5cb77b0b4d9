"""How much a measure depends on the disputed dates of the records it reads.

A ``disputed`` relation carries its other datings in :attr:`afrel.Relation.alternatives`
(``start=1926``, ``end=1989-01``). :func:`sensitivity` recomputes any measure (a function
from a :class:`~afrel.RelationGraph` to a pandas Series) on versions of the graph in which
each disputed relation takes one of its possible datings, and reports, for every value of the
measure, the value on the data as recorded (``base``) and the lowest and highest values seen.

The datings of one relation are every combination of its recorded or alternative start with
its recorded or alternative end that leaves a non-empty interval. When the product of these
counts over all disputed relations is at most ``max_exhaustive``, every combination is
evaluated; otherwise ``samples`` random combinations are drawn with ``seed`` (each relation's
dating uniformly among its own), together with the two corners where every relation takes its
earliest, and its latest, dating. The corners matter: a random draw rarely moves every date
the same way, and a measure that counts ties is often extreme exactly there.
"""

from __future__ import annotations

import itertools
import math
import random
from collections.abc import Callable, MutableMapping, Sequence
from typing import TYPE_CHECKING

import attrs

from afrel.dates import PartialDate, end_bound, start_bound
from afrel.errors import DataError
from afrel.model import Relation

if TYPE_CHECKING:
    import pandas as pd

    from afrel.graph import RelationGraph

__all__ = ["datings", "sensitivity"]

Dating = tuple[PartialDate, PartialDate | None]


def datings(r: Relation) -> list[Dating]:
    """Every (start, end) a relation may take: its own first, then the alternatives' combinations.

    Examples
    --------
    >>> from afrel import Relation
    >>> r = Relation(id="r", source="AFG", target="IND", kind="diplomatic", start="1947", end="1979",
    ...              certainty="disputed", alternatives=["start=1950", "end=1989"], sources=["s"])
    >>> [(str(a), str(b)) for a, b in datings(r)]
    [('1947', '1979'), ('1947', '1989'), ('1950', '1979'), ('1950', '1989')]
    """
    starts = [r.start, *(a.date for a in r.alternatives if a.bound == "start")]
    ends: list[PartialDate | None] = [r.end, *(a.date for a in r.alternatives if a.bound == "end")]
    out: list[Dating] = []
    for s, e in itertools.product(starts, ends):
        if (e is None or end_bound(e) > start_bound(s)) and (s, e) not in out:
            out.append((s, e))
    return out


def sensitivity(
    g: RelationGraph,
    measure: Callable[[RelationGraph], pd.Series],
    *,
    samples: int = 64,
    seed: int = 0,
    max_exhaustive: int = 256,
    cache: MutableMapping[tuple[int, ...], RelationGraph] | None = None,
) -> pd.DataFrame:
    """A measure on the recorded dates, with its range over the disputed records' alternative dates.

    Parameters
    ----------
    g : RelationGraph
        The graph as recorded.
    measure : callable
        ``measure(graph) -> pandas.Series`` (for example the yearly East-West index:
        ``lambda h: afrel.alignment(h, "AFG", range(1950, 2026))["east_west"]``). It must
        return the same index for every graph.
    samples : int, default 64
        Random combinations to evaluate when there are too many to try them all.
    seed : int, default 0
        Seed of the random draws (the result is reproducible).
    max_exhaustive : int, default 256
        Evaluate every combination when there are at most this many.
    cache : dict, optional
        Where to keep the dated graphs, by dating: pass one dict to several calls on the same
        ``g`` (with the same ``samples`` and ``seed``) to build each dated graph once for every
        measure. Each graph it holds costs about as much memory as ``g``; drop the dict to free
        them. Without it nothing is kept.

    Returns
    -------
    pandas.DataFrame
        Indexed like the measure; columns ``base`` (the measure on ``g``), ``low`` and ``high``
        (the smallest and largest value over every graph evaluated, ``base`` included; NaN
        values are ignored). ``.attrs`` says what was done: ``method`` (``"exhaustive"`` or
        ``"sampled"``), ``combinations`` (how many datings exist), ``evaluated`` (graphs
        evaluated, the recorded one included), ``disputed`` (relations with alternatives),
        ``skipped`` (datings refused by the graph, such as a tie moved across a gap in an
        actor's existence) and ``seed``.

    Raises
    ------
    ValueError
        If the measure does not return a pandas Series with the same index every time.

    Examples
    --------
    >>> import afrel
    >>> g = afrel.load()
    >>> band = sensitivity(g, lambda h: afrel.alignment(h, "AFG", [1930, 1985])["east_west"], samples=8)
    >>> list(band.columns), band.attrs["method"]
    (['base', 'low', 'high'], 'sampled')
    >>> bool((band["low"] <= band["base"]).all() and (band["base"] <= band["high"]).all())
    True
    """
    import pandas as pd

    from afrel.graph import RelationGraph

    if samples < 0 or max_exhaustive < 0:
        raise ValueError("samples and max_exhaustive must not be negative")
    relations = g.records("relations")
    disputed = [i for i, r in enumerate(relations) if r.alternatives]
    options = [datings(relations[i]) for i in disputed]
    combinations = math.prod(len(o) for o in options)

    def rebuild(choice: Sequence[int]) -> RelationGraph:
        key = tuple(choice)
        if cache is None:
            return dated(choice)
        if key not in cache:
            cache[key] = dated(choice)
        return cache[key]

    def dated(choice: Sequence[int]) -> RelationGraph:
        changed = list(relations)
        for i, k in zip(disputed, choice, strict=True):
            start, end = options[disputed.index(i)][k]
            r = relations[i]
            if (start, end) != (r.start, r.end):
                changed[i] = attrs.evolve(r, start=start, end=end)
        return RelationGraph(
            g.records("actors"),
            changed,
            events=g.records("events"),
            sources=g.records("sources"),
            periods=g.records("periods"),
            leaders=g.records("leaders"),
        )

    def evaluate(graph: RelationGraph) -> pd.Series:
        value = measure(graph)
        if not isinstance(value, pd.Series):
            raise ValueError(f"the measure must return a pandas Series, got {type(value).__name__}")
        return value.astype(float)

    base = evaluate(g)
    if combinations <= max_exhaustive:
        method = "exhaustive"
        choices: list[tuple[int, ...]] = [c for c in itertools.product(*(range(len(o)) for o in options)) if any(c)]
    else:
        method = "sampled"
        rng = random.Random(seed)
        earliest = tuple(_extreme(o, min) for o in options)
        latest = tuple(_extreme(o, max) for o in options)
        choices = [earliest, latest]
        choices += [tuple(rng.randrange(len(o)) for o in options) for _ in range(samples)]
    values = [base]
    skipped = 0
    for choice in choices:
        try:
            graph = rebuild(choice)
        except DataError:
            skipped += 1
            continue
        value = evaluate(graph)
        if not value.index.equals(base.index):
            raise ValueError("the measure returned a different index for another dating; it must not depend on it")
        values.append(value)
    stacked = pd.concat(values, axis=1)
    out = pd.DataFrame({"base": base, "low": stacked.min(axis=1), "high": stacked.max(axis=1)})
    out.attrs.update(
        method=method,
        combinations=combinations,
        evaluated=len(values),
        disputed=len(disputed),
        skipped=skipped,
        seed=seed if method == "sampled" else None,
    )
    return out


def _extreme(options: Sequence[Dating], pick: Callable[..., int]) -> int:
    """The position of the earliest (``min``) or latest (``max``) dating."""
    return pick(range(len(options)), key=lambda k: _order(options[k]))


def _order(dating: Dating) -> tuple[int, int]:
    start, end = dating
    return (start_bound(start), end_bound(end))
