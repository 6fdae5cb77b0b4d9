r"""Alignment from ties: which camp a state's dated relations lean to, year by year.

:func:`alignment` reads, each year on one day (1 July by default), the relations holding between
the focal actor and every member of the two camps of that era (:data:`afrel.blocs.CAMPS`: the
Cold War blocs, their forerunners before 1949 and, after 1991, a West of NATO, the EU and US
allies against a camp of Russia, China, the CSTO and the SCO).

The measure
-----------
1. **One score per partner.** For a partner :math:`p`, each kind of relation counts once: the
   strongest cooperative tie of that kind minus the strongest hostile one,

   .. math:: s_p = \sum_{k} w_k \left(\max_{r \in R^+_{p,k}} i_r - \max_{r \in R^-_{p,k}} i_r\right)

   with :math:`w_k` the weight of kind :math:`k` and :math:`i_r` the relation's intensity (1 when
   the weighting ignores intensity; an empty max is 0). Counting each kind once keeps a partner
   with ten recorded aid rows from outweighing one with a single, equally large programme, so
   how densely a partner is documented matters less. Ties between a partner and the focal
   state's armed movements (the opposition, such as the mujahideen) count with the opposite
   sign: arming the rebels is hostility towards the state.
2. **One score per camp: the mean over its members**, organisations included, members without
   any tie counting 0:

   .. math:: S_c = \frac{1}{|c|} \sum_{p \in c} s_p

   The mean, not the sum, so that a camp with more members (NATO and the EU have five times as
   many as the CSTO and the SCO) does not win by numbers.
3. **The index** compares the two:

   .. math:: \text{east\_west} = \frac{S_{east} - S_{west}}{|S_{east}| + |S_{west}|} \in [-1, 1]

   +1: all the weight on the East (or hostility only to the West), -1 the reverse, 0 balance.
   It is NaN when both scores are 0 (no tie of the weighted kinds with either camp).

Weightings
----------
:data:`WEIGHTINGS` gives three principled choices; ``kinds`` is the default.

``kinds``
    Every kind, weighted by what it costs to give (:data:`DEFAULT_WEIGHTS`: a diplomatic tie
    or a mission 1, a non-resident envoy 0.5, a treaty or economic aid 2, arms, intervention and
    armed support 3), times intensity.
``counts``
    Every kind weighs 1 and intensity is ignored: how many *kinds* of tie link the state to a
    typical member (breadth, not depth).
``material``
    Only what moves money, arms or troops (aid of every kind, intervention, armed support,
    sanctions), weighted as in ``kinds``: diplomacy and memberships, and so how well missions
    are documented, do not count at all.

:func:`weighting_table` compares eras under each weighting.
"""

from __future__ import annotations

import datetime
import math
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Final

import attrs

from afrel.blocs import CAMPS, Camp, bloc_members, camp_organisations, scope
from afrel.kinds import RelationKind

if TYPE_CHECKING:
    import pandas as pd

    from afrel.graph import RelationGraph

__all__ = ["DEFAULT_WEIGHTS", "WEIGHTINGS", "Weighting", "alignment", "weighting_table"]

DEFAULT_WEIGHTS: Final[Mapping[RelationKind, float]] = {
    RelationKind.DIPLOMATIC: 1.0,
    RelationKind.EMBASSY: 1.0,
    RelationKind.ACCREDITATION: 0.5,
    RelationKind.MEMBERSHIP: 1.0,
    RelationKind.RECOGNITION: 1.0,
    RelationKind.HUMANITARIAN_AID: 1.0,
    RelationKind.TREATY: 2.0,
    RelationKind.ECONOMIC_AID: 2.0,
    RelationKind.DISPUTE: 2.0,
    RelationKind.SANCTIONS: 2.0,
    RelationKind.SUSPENSION: 2.0,
    RelationKind.MILITARY_AID: 3.0,
    RelationKind.INTERVENTION: 3.0,
    RelationKind.ARMED_SUPPORT: 3.0,
}
"""Weight of each kind of relation in the ``kinds`` weighting (multiplied by intensity)."""

MATERIAL_KINDS: Final = frozenset(
    {
        RelationKind.ECONOMIC_AID,
        RelationKind.MILITARY_AID,
        RelationKind.HUMANITARIAN_AID,
        RelationKind.INTERVENTION,
        RelationKind.ARMED_SUPPORT,
        RelationKind.SANCTIONS,
    }
)
"""Kinds that move money, arms or troops."""


@attrs.frozen
class Weighting:
    """How :func:`alignment` weighs one partner's ties.

    Attributes
    ----------
    name : str
        Short name.
    weights : mapping of RelationKind to float
        Weight of each kind; a kind left out weighs 0.
    intensity : bool
        Multiply by each relation's intensity (1-3), or count every relation as 1.
    description : str
        One line, for tables.
    """

    name: str
    weights: Mapping[RelationKind, float]
    intensity: bool
    description: str


WEIGHTINGS: Final[Mapping[str, Weighting]] = {
    "kinds": Weighting(
        "kinds",
        DEFAULT_WEIGHTS,
        True,
        "every kind, weighted by what it costs (arms 3, aid 2, diplomacy 1), x intensity",
    ),
    "counts": Weighting("counts", dict.fromkeys(RelationKind, 1.0), False, "every kind weighs 1, intensity ignored"),
    "material": Weighting(
        "material",
        {k: w for k, w in DEFAULT_WEIGHTS.items() if k in MATERIAL_KINDS},
        True,
        "aid, arms, intervention and sanctions only, weighted as in kinds",
    ),
}
"""The documented weightings (see the module docstring); ``kinds`` is the default."""

COLUMNS: Final = ("west", "east", "n_west", "n_east", "east_west")
"""Columns of :func:`alignment`."""


def _weighting(weighting: str | Weighting | Mapping[RelationKind | str, float]) -> Weighting:
    if isinstance(weighting, Weighting):
        return weighting
    if isinstance(weighting, str):
        try:
            return WEIGHTINGS[weighting]
        except KeyError:
            raise ValueError(f"unknown weighting {weighting!r}; choose one of {', '.join(WEIGHTINGS)}") from None
    weights = dict(DEFAULT_WEIGHTS)
    weights.update({RelationKind(k): float(v) for k, v in weighting.items()})
    return Weighting("custom", weights, True, "the kinds weighting with some kinds reweighted, x intensity")


def partner_scores(
    g: RelationGraph,
    actor: str,
    day: datetime.date | str,
    *,
    weighting: str | Weighting | Mapping[RelationKind | str, float] = "kinds",
) -> dict[str, float]:
    """The score :math:`s_p` of every partner of the focal actor on one day (see the module docstring).

    Examples
    --------
    >>> import afrel
    >>> s = partner_scores(afrel.load(), "AFG", "1985-07-01")
    >>> s["SUN"] > 10 > s["USA"]
    True
    """
    w = _weighting(weighting)
    focal, opposition = scope(g, actor)
    best: dict[tuple[str, RelationKind, int], int] = {}
    for r in g.relations(active_at=day):
        weight = w.weights.get(r.kind, 0.0)
        if not weight:
            continue
        for side, flip in ((focal, 1), (opposition, -1)):
            if (r.source in side) == (r.target in side):
                continue
            other = r.target if r.source in side else r.source
            if other in focal or other in opposition:
                continue
            key = (other, r.kind, flip * r.sign)
            value = r.intensity if w.intensity else 1
            best[key] = max(best.get(key, 0), value)
    scores: dict[str, float] = {}
    for (other, kind, sign), value in best.items():
        scores[other] = scores.get(other, 0.0) + sign * w.weights[kind] * value
    return scores


def alignment(
    g: RelationGraph,
    actor: str,
    years: Iterable[int],
    *,
    weighting: str | Weighting | Mapping[RelationKind | str, float] = "kinds",
    camps: Iterable[Camp] = CAMPS,
    month_day: tuple[int, int] = (7, 1),
) -> pd.DataFrame:
    """The East-West index from ties, and each camp's mean score, by year.

    Parameters
    ----------
    g : RelationGraph
        The graph.
    actor : str
        The focal state (its governments count with it, its armed movements against it).
    years : iterable of int
        Years to score, each on ``month_day``.
    weighting : str, Weighting or mapping of kind to float, default "kinds"
        A name of :data:`WEIGHTINGS`, a :class:`Weighting`, or a mapping that overrides some
        weights of :data:`DEFAULT_WEIGHTS` (times intensity; ``{"embassy": 0}`` drops missions).
    camps : iterable of Camp, default :data:`afrel.blocs.CAMPS`
        Who belongs to ``west`` and ``east`` in each era.
    month_day : (int, int), default (7, 1)
        The day of each year on which ties are read.

    Returns
    -------
    pandas.DataFrame
        Indexed by ``year``; columns ``west`` and ``east`` (mean partner score over the camp's
        members), ``n_west`` and ``n_east`` (members, organisations included) and ``east_west``
        (the index, NaN when both scores are 0 or a camp has no member).

    Examples
    --------
    >>> import afrel
    >>> a = alignment(afrel.load(), "AFG", [1970, 1985, 2010])
    >>> a["east_west"].round(2).tolist()  # the monarchy, the Soviet war, the Islamic Republic
    [-0.1, 0.35, -0.45]
    >>> a["n_east"].tolist()
    [10, 12, 10]
    """
    import pandas as pd

    w = _weighting(weighting)
    camps = tuple(camps)
    focal, opposition = scope(g, actor)
    rows: list[dict[str, float]] = []
    index: list[int] = []
    for year in years:
        day = datetime.date(int(year), *month_day)
        scores = partner_scores(g, actor, day, weighting=w)
        row: dict[str, float] = {}
        members = {
            bloc: (bloc_members(g, bloc, day, camps=camps) | camp_organisations(g, bloc, day, camps=camps))
            - (focal | opposition)
            for bloc in ("west", "east")
        }
        k = min(len(m) for m in members.values())
        for bloc, mine in members.items():
            row[f"n_{bloc}"] = float(len(mine))
            closest = sorted((scores.get(m, 0.0) for m in mine), reverse=True)[:k]
            row[bloc] = sum(closest) / k if k else math.nan
        east, west = row["east"], row["west"]
        denom = abs(east) + abs(west)
        row["east_west"] = (east - west) / denom if denom and not math.isnan(denom) else math.nan
        rows.append(row)
        index.append(int(year))
    out = pd.DataFrame(rows, index=pd.Index(index, name="year"), columns=list(COLUMNS))
    for column in ("n_west", "n_east"):
        out[column] = out[column].astype("int64")
    return out


def weighting_table(
    g: RelationGraph,
    actor: str,
    eras: Mapping[str, tuple[int, int]],
    *,
    weightings: Iterable[str] = tuple(WEIGHTINGS),
    camps: Iterable[Camp] = CAMPS,
) -> pd.DataFrame:
    """Mean East-West index of each era under each weighting: how much the choice matters.

    Parameters
    ----------
    eras : mapping of name to (first year, last year)
        Both years included, for example ``{"Soviet war": (1980, 1988)}``.
    weightings : iterable of str
        Names in :data:`WEIGHTINGS`.

    Returns
    -------
    pandas.DataFrame
        One row per era (in the order given), one column per weighting: the mean of the yearly
        index over the era's years (NaN years left out).

    Examples
    --------
    >>> import afrel
    >>> t = weighting_table(afrel.load(), "AFG", {"Soviet war": (1980, 1988), "Islamic Republic": (2002, 2020)})
    >>> bool((t.loc["Soviet war"] > 0).all() and (t.loc["Islamic Republic"] < 0).all())
    True
    """
    import pandas as pd

    camps = tuple(camps)
    first = min(lo for lo, _ in eras.values())
    last = max(hi for _, hi in eras.values())
    columns = {}
    for name in weightings:
        series = alignment(g, actor, range(first, last + 1), weighting=name, camps=camps)["east_west"]
        columns[name] = [float(series.loc[lo:hi].mean()) for lo, hi in eras.values()]
    return pd.DataFrame(columns, index=pd.Index(list(eras), name="era"))
