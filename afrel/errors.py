"""Exceptions raised by afrel, each a subclass of the matching builtin."""

from __future__ import annotations

import difflib
from collections import Counter
from collections.abc import Iterable, Sequence

import attrs

__all__ = ["DataError", "Problem", "ScopeWarning", "UnknownActorError", "close_matches"]


@attrs.frozen
class Problem:
    """One problem found in a data file or a set of records.

    Attributes
    ----------
    file : str
        File name (``relations.csv``) or ``"<records>"`` for records built in memory.
    line : int or None
        1-based line in the file (the header is line 1), or None when the problem concerns
        the whole file or an in-memory record.
    column : str or None
        Column name, when one column is at fault.
    message : str
        What is wrong and what is allowed.
    """

    file: str
    line: int | None
    column: str | None
    message: str

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        col = "" if self.column is None else f" column '{self.column}':"
        return f"{where}:{col} {self.message}"


class DataError(ValueError):
    """Data that afrel cannot accept, with every problem found.

    Loading and validation never stop at the first problem: they collect all of them, then
    raise one ``DataError`` whose :attr:`problems` lists each with file, line and column.

    Attributes
    ----------
    problems : tuple of Problem
        Every problem, in file and line order.
    """

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        n = len(self.problems)
        head = f"{n} problem{'s' if n != 1 else ''} in the data"
        body = "\n".join(f"  {p}" for p in self.problems)
        super().__init__(f"{head}:\n{body}" if body else head)


class ScopeWarning(UserWarning):
    """A query reaches before the data's first dated record or after today.

    The answer is still given, but the records cannot speak for that time. Silence it with
    :func:`warnings.simplefilter` (``warnings.simplefilter("ignore", afrel.ScopeWarning)``).
    """


class UnknownActorError(KeyError):
    """An actor id that the graph does not hold.

    The message suggests close matches, such as ``'USR'`` -> ``'USA'`` or ``'SUN'``.
    """

    def __init__(self, actor_id: str, suggestions: Sequence[str] = (), detail: str = "") -> None:
        self.actor_id = actor_id
        self.suggestions = tuple(suggestions)
        hint = f" ({detail})" if detail else ""
        if self.suggestions:
            hint += "; did you mean " + " or ".join(repr(s) for s in self.suggestions) + "?"
        super().__init__(f"unknown actor {actor_id!r}{hint}")

    def __str__(self) -> str:  # KeyError would repr() the message
        return str(self.args[0])


def close_matches(key: str, options: Iterable[str]) -> list[str]:
    """Up to two options close to a mistyped id, for "did you mean" hints.

    Shared letters rank first, then difflib's ratio.

    Short codes are often mistyped by swapping or replacing letters ('USR' for 'SUN' or 'RUS'),
    which difflib alone ranks poorly.
    """
    opts = list(options)
    k = key.upper()

    def shared(o: str) -> int:
        return sum((Counter(k) & Counter(o.upper())).values())

    if len(k) <= 4:
        near = [o for o in opts if len(o) == len(k) and shared(o) >= len(k) - 1]
        near.sort(key=lambda o: (-shared(o), -difflib.SequenceMatcher(None, k, o.upper()).ratio(), o))
        if near:
            return near[:2]
    upper = {o.upper(): o for o in opts}
    return [upper[h] for h in difflib.get_close_matches(k, list(upper), n=2, cutoff=0.6)]
