"""Dates that keep their precision, and the interval rules built on them.

afrel's records carry dates at the precision their sources support: a year (``1978``), a month
(``1978-04``) or a day (``1978-04-27``). :class:`PartialDate` keeps that precision through
parsing, comparison and writing, so ``"1978"`` is never silently turned into ``1978-01-01``.

Interval semantics (the one place they are defined)
---------------------------------------------------
A record that holds over time (a relation, an actor's existence, a leader's term, a period)
holds on the half-open interval ``[start, end)``; a missing ``end`` means still in force.
A bound of year or month precision covers the whole period it names:

- a start ``1978`` holds from 1 January 1978 (:meth:`PartialDate.first_day`);
- an end ``1989`` holds through 31 December 1989, so the exclusive bound is 1 January 1990
  (:func:`end_bound`); an end ``1989-02`` holds through 28 February 1989;
- an end of day precision is itself the exclusive bound: ``1989-02-15`` is not included.

A *query* date given as a year or month (``g.at("1985")``) means the first day of that period
(:func:`query_day`). A query *window* ``(a, b)`` includes both bounds at their precision:
``("1978", "1990")`` covers 1 January 1978 through 31 December 1990 (:func:`window`).

Internally every bound is a proleptic Gregorian ordinal (:meth:`datetime.date.toordinal`), so
comparisons are integer comparisons. Walking time by calendar years, months or days
(:func:`days`) is defined here too, so that every module steps the same way.
"""

from __future__ import annotations

import calendar
import datetime
import re
from typing import Final, Literal, TypeAlias

import attrs

__all__ = [
    "OPEN_END",
    "DateLike",
    "PartialDate",
    "Precision",
    "Step",
    "add_months",
    "days",
    "end_bound",
    "latest_year",
    "query_day",
    "to_partial",
    "window",
]

OPEN_END: Final = datetime.date.max.toordinal() + 1
"""Exclusive bound used for an interval that is still in force (no ``end``)."""

_ISO = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")

Precision: TypeAlias = str
"""One of ``"year"``, ``"month"`` or ``"day"``."""


@attrs.frozen(order=False)
class PartialDate:
    """A calendar date known to the year, the month or the day.

    Attributes
    ----------
    year : int
        Year, 1 to 9999.
    month : int or None
        Month 1-12, or None for a date known only to the year.
    day : int or None
        Day of the month, or None; requires ``month``.

    Examples
    --------
    >>> d = PartialDate.parse("1978-04")
    >>> d.precision, str(d)
    ('month', '1978-04')
    >>> d.first_day(), d.last_day()
    (datetime.date(1978, 4, 1), datetime.date(1978, 4, 30))
    >>> PartialDate(1978) < PartialDate(1978, 4) < PartialDate(1978, 4, 27)
    True
    """

    year: int
    month: int | None = None
    day: int | None = None

    def __attrs_post_init__(self) -> None:
        if not 1 <= self.year <= 9999:
            raise ValueError(f"year {self.year} is out of range 1-9999")
        if self.month is None:
            if self.day is not None:
                raise ValueError("a day needs a month")
            return
        if not 1 <= self.month <= 12:
            raise ValueError(f"month {self.month} is out of range 1-12")
        if self.day is not None:
            last = calendar.monthrange(self.year, self.month)[1]
            if not 1 <= self.day <= last:
                raise ValueError(f"day {self.day} does not exist in {self.year}-{self.month:02d}")

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Parse ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``.

        Raises
        ------
        ValueError
            If the text is not one of the three forms or names an impossible date; the message
            quotes the text and the allowed forms.

        Examples
        --------
        >>> PartialDate.parse("1919-08-19")
        PartialDate(year=1919, month=8, day=19)
        >>> PartialDate.parse("1979-02-30")
        Traceback (most recent call last):
        ...
        ValueError: '1979-02-30': day 30 does not exist in 1979-02
        """
        if not isinstance(text, str):
            raise TypeError(f"expected an ISO date string, got {type(text).__name__}")
        m = _ISO.fullmatch(text)
        if m is None:
            raise ValueError(f"{text!r} is not a date; use YYYY, YYYY-MM or YYYY-MM-DD")
        year, month, day = m.groups()
        try:
            return cls(int(year), None if month is None else int(month), None if day is None else int(day))
        except ValueError as exc:
            raise ValueError(f"{text!r}: {exc}") from None

    @classmethod
    def from_date(cls, value: datetime.date) -> PartialDate:
        """A day-precision date from a :class:`datetime.date`."""
        return cls(value.year, value.month, value.day)

    @property
    def precision(self) -> Precision:
        """``"year"``, ``"month"`` or ``"day"``."""
        if self.month is None:
            return "year"
        return "month" if self.day is None else "day"

    def first_day(self) -> datetime.date:
        """The first day of the period the date names."""
        return datetime.date(self.year, self.month or 1, self.day or 1)

    def last_day(self) -> datetime.date:
        """The last day of the period the date names."""
        if self.month is None:
            return datetime.date(self.year, 12, 31)
        if self.day is None:
            return datetime.date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])
        return datetime.date(self.year, self.month, self.day)

    def _key(self) -> tuple[int, int, int]:
        return (self.year, self.month or 0, self.day or 0)

    def __lt__(self, other: PartialDate) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self._key() < other._key()

    def __le__(self, other: PartialDate) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self._key() <= other._key()

    def __gt__(self, other: PartialDate) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self._key() > other._key()

    def __ge__(self, other: PartialDate) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self._key() >= other._key()

    def __str__(self) -> str:
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"


Step: TypeAlias = "Literal['year', 'month', 'day'] | datetime.timedelta"
"""A step between days: a calendar year or month, a day, or a fixed :class:`~datetime.timedelta`."""

DateLike: TypeAlias = "PartialDate | datetime.date | str | int"
"""What afrel accepts for a date: a :class:`PartialDate`, a :class:`datetime.date`, an ISO
string of year, month or day precision, or an int year."""


def to_partial(value: PartialDate | datetime.date | str | int) -> PartialDate:
    """Convert a :data:`DateLike` (or an int year) to a :class:`PartialDate`.

    Examples
    --------
    >>> to_partial("1985"), to_partial(datetime.date(1985, 6, 1))
    (PartialDate(year=1985, month=None, day=None), PartialDate(year=1985, month=6, day=1))
    >>> to_partial(1985) == to_partial("1985")
    True
    """
    if isinstance(value, PartialDate):
        return value
    if isinstance(value, datetime.datetime):
        raise TypeError("expected a date, got a datetime; pass value.date()")
    if isinstance(value, datetime.date):
        return PartialDate.from_date(value)
    if isinstance(value, str):
        return PartialDate.parse(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return PartialDate(value)
    raise TypeError(
        f"expected a date (datetime.date, PartialDate or ISO string such as '1985-06-01'), got {type(value).__name__}"
    )


def to_partial_or_none(value: DateLike | None) -> PartialDate | None:
    """Like :func:`to_partial`, with ``None`` and ``""`` meaning no date."""
    if value is None or value == "":
        return None
    return to_partial(value)


def start_bound(start: PartialDate | None) -> int:
    """Inclusive ordinal of a start bound; ``None`` is the unbounded past."""
    return 1 if start is None else start.first_day().toordinal()


def end_bound(end: PartialDate | None) -> int:
    """Exclusive ordinal of an end bound, following the rules of this module.

    Examples
    --------
    >>> datetime.date.fromordinal(end_bound(PartialDate(1989)))
    datetime.date(1990, 1, 1)
    >>> datetime.date.fromordinal(end_bound(PartialDate(1989, 2, 15)))
    datetime.date(1989, 2, 15)
    """
    if end is None:
        return OPEN_END
    if end.day is not None:
        return end.first_day().toordinal()
    return end.last_day().toordinal() + 1


def query_day(value: DateLike) -> int:
    """Ordinal of the day a point query refers to: the first day of a partial date."""
    return to_partial(value).first_day().toordinal()


def window(start: DateLike, end: DateLike) -> tuple[int, int]:
    """Half-open ordinal range ``[lo, hi)`` of a query window whose bounds are both included.

    Raises
    ------
    ValueError
        If the window ends before it starts.

    Examples
    --------
    >>> lo, hi = window("1978", "1990")
    >>> datetime.date.fromordinal(lo), datetime.date.fromordinal(hi - 1)
    (datetime.date(1978, 1, 1), datetime.date(1990, 12, 31))
    """
    a, b = to_partial(start), to_partial(end)
    lo, hi = a.first_day().toordinal(), b.last_day().toordinal() + 1
    if hi <= lo:
        raise ValueError(f"window ends ({b}) before it starts ({a})")
    return lo, hi


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The same day of the month ``months`` later, clamped to the length of the month reached.

    Examples
    --------
    >>> add_months(datetime.date(2000, 1, 31), 1), add_months(datetime.date(2000, 1, 31), 14)
    (datetime.date(2000, 2, 29), datetime.date(2001, 3, 31))
    """
    total = day.year * 12 + day.month - 1 + months
    year, month = divmod(total, 12)
    month += 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def days(start: DateLike, end: DateLike, step: Step = "year") -> list[int]:
    """The ordinals of the days from ``start`` to ``end`` (both included), ``step`` apart.

    Parameters
    ----------
    start, end : date-like
        First and last day (a partial date means its first day).
    step : "year", "month", "day" or datetime.timedelta
        Calendar steps keep the day of the month of ``start``, clamped to each month's length
        (:func:`add_months`), and never drift: the n-th day is ``start`` plus n steps.

    Raises
    ------
    ValueError
        If ``end`` is before ``start``, or the step is not one of those allowed.

    Examples
    --------
    >>> [datetime.date.fromordinal(t).isoformat() for t in days("2000-01-31", "2000-04-30", "month")]
    ['2000-01-31', '2000-02-29', '2000-03-31', '2000-04-30']
    """
    first = to_partial(start).first_day()
    last = to_partial(end).first_day()
    if last < first:
        raise ValueError(f"end {end} is before start {start}")
    if isinstance(step, datetime.timedelta):
        if step <= datetime.timedelta(0) or step.days * 86400 != step.total_seconds():
            raise ValueError(f"a timedelta step must be a positive whole number of days, got {step}")
        return list(range(first.toordinal(), last.toordinal() + 1, step.days))
    if step == "day":
        return list(range(first.toordinal(), last.toordinal() + 1))
    if step not in ("year", "month"):
        raise ValueError(f"step must be 'year', 'month', 'day' or a timedelta, got {step!r}")
    months = 12 if step == "year" else 1
    out: list[int] = []
    i = 0
    while (day := add_months(first, months * i)) <= last:
        out.append(day.toordinal())
        i += 1
    return out


def latest_year(month_day: tuple[int, int] = (7, 1), *, today: datetime.date | None = None) -> int:
    """The last year whose day ``month_day`` has come: where yearly measures that default to today end.

    The yearly measures read each year on one day (1 July by default); before that day of the
    current year, that day is still to come and the data cannot speak for it.

    Examples
    --------
    >>> latest_year(today=datetime.date(2027, 3, 1)), latest_year(today=datetime.date(2027, 7, 1))
    (2026, 2027)
    """
    today = datetime.date.today() if today is None else today
    return today.year if today >= datetime.date(today.year, *month_day) else today.year - 1
