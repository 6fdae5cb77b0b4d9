from __future__ import annotations

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from afrel.dates import PartialDate, end_bound, query_day, start_bound, to_partial, window


@pytest.mark.parametrize(
    ("text", "precision", "first", "last"),
    [
        ("1978", "year", datetime.date(1978, 1, 1), datetime.date(1978, 12, 31)),
        ("1978-04", "month", datetime.date(1978, 4, 1), datetime.date(1978, 4, 30)),
        ("1988-02", "month", datetime.date(1988, 2, 1), datetime.date(1988, 2, 29)),
        ("1978-04-27", "day", datetime.date(1978, 4, 27), datetime.date(1978, 4, 27)),
    ],
)
def test_parse_keeps_precision(text: str, precision: str, first: datetime.date, last: datetime.date) -> None:
    d = PartialDate.parse(text)
    assert d.precision == precision
    assert str(d) == text
    assert d.first_day() == first
    assert d.last_day() == last


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("78", "is not a date"),
        ("1978-4", "is not a date"),
        ("1978-13", "month 13"),
        ("1979-02-29", "day 29 does not exist"),
        ("1978-04-31", "day 31 does not exist"),
        (" 1978", "is not a date"),
        ("1978/04/01", "is not a date"),
        ("0000", "year 0"),
        ("", "is not a date"),
    ],
)
def test_parse_rejects_malformed_and_impossible_dates(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        PartialDate.parse(text)


def test_to_partial_accepts_dates_strings_and_partials() -> None:
    d = PartialDate(1985, 6, 1)
    assert to_partial(datetime.date(1985, 6, 1)) == d
    assert to_partial("1985-06-01") == d
    assert to_partial(d) is d
    with pytest.raises(TypeError, match="datetime"):
        to_partial(datetime.datetime(1985, 6, 1))
    with pytest.raises(TypeError, match="expected a date"):
        to_partial(1985.0)  # type: ignore[arg-type]
    assert to_partial(1985) == PartialDate(1985)


def test_year_end_holds_through_31_december() -> None:
    # end "1989" covers the whole of 1989: the exclusive bound is 1 January 1990
    assert end_bound(PartialDate(1989)) == datetime.date(1990, 1, 1).toordinal()
    assert end_bound(PartialDate(1989, 2)) == datetime.date(1989, 3, 1).toordinal()
    assert end_bound(PartialDate(1988, 2)) == datetime.date(1988, 3, 1).toordinal()
    assert end_bound(PartialDate(1989, 12)) == datetime.date(1990, 1, 1).toordinal()
    # a day end is itself exclusive
    assert end_bound(PartialDate(1989, 2, 15)) == datetime.date(1989, 2, 15).toordinal()
    assert start_bound(PartialDate(1978)) == datetime.date(1978, 1, 1).toordinal()
    assert start_bound(None) < start_bound(PartialDate(1, 1, 1)) + 1


def test_query_day_is_first_day_and_window_includes_both_bounds() -> None:
    assert query_day("1985") == datetime.date(1985, 1, 1).toordinal()
    lo, hi = window("1978", "1990-06")
    assert lo == datetime.date(1978, 1, 1).toordinal()
    assert hi == datetime.date(1990, 7, 1).toordinal()
    with pytest.raises(ValueError, match="before it starts"):
        window("1990", "1978")


def test_ordering_is_total_and_by_precision_within_a_period() -> None:
    dates = [PartialDate(1978, 4, 27), PartialDate(1978), PartialDate(1977, 12, 31), PartialDate(1978, 4)]
    assert [str(d) for d in sorted(dates)] == ["1977-12-31", "1978", "1978-04", "1978-04-27"]


partial_dates = st.builds(
    lambda y, m, d, p: PartialDate(y) if p == 0 else PartialDate(y, m) if p == 1 else PartialDate(y, m, d),
    st.integers(1, 9999),
    st.integers(1, 12),
    st.integers(1, 28),
    st.integers(0, 2),
)


@given(partial_dates)
def test_parse_str_round_trip(d: PartialDate) -> None:
    assert PartialDate.parse(str(d)) == d


@given(st.dates())
def test_day_precision_round_trip_with_datetime(day: datetime.date) -> None:
    d = to_partial(day)
    assert d.first_day() == d.last_day() == day
    assert PartialDate.parse(day.isoformat()) == d


@given(partial_dates)
def test_bounds_cover_exactly_the_named_period(d: PartialDate) -> None:
    # as a start it includes its first day; as a (non-day) end it includes its last day
    assert start_bound(d) == d.first_day().toordinal()
    if d.precision != "day":
        assert end_bound(d) == d.last_day().toordinal() + 1
    else:
        assert end_bound(d) == d.first_day().toordinal()
