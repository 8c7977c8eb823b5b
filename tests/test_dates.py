"""Dates: explicit dates, TIMEX3 values as calendar dates, and the date of an event."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dyadwatch.dates import find_explicit, own_expression, parse_date, stated_dates, timex_date, timex_value
from dyadwatch.model import DateValue, DateValueError, Sentence, Token

# --- find_explicit ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "precision"),
    [
        ("Wednesday, 11 February 2004", "2004-02-11", "day"),
        ("February 11, 2004", "2004-02-11", "day"),
        ("Feb. 11, 2004", "2004-02-11", "day"),
        ("11th of February 2004", "2004-02-11", "day"),
        ("11 February, 2004", "2004-02-11", "day"),
        ("2004-02-11", "2004-02-11", "day"),
        ("2/11/2004", "2004-02-11", "day"),  # slashes: US order, month first
        ("11/2/2004", "2004-11-02", "day"),
        ("25/12/2024", "2024-12-25", "day"),  # 25 cannot be a month, so the day comes first
        ("24.09.2002", "2002-09-24", "day"),  # dotted: day first
        ("December 31st 1999", "1999-12-31", "day"),
        ("September 2023", "2023-09", "month"),
        ("Sept 2001", "2001-09", "month"),
        ("1994", "1994", "year"),
    ],
)
def test_dates_find_explicit_reads_format(text, value, precision):
    found = find_explicit(text)

    assert [(f.start, f.end) for f in found] == [(0, len(text))]
    assert found[0].value == DateValue(value, precision)
    assert found[0].basis == "stated"


@pytest.mark.parametrize(
    ("sentence", "expression", "value"),
    [
        ("Both sides signed the accord in 1994 after long talks.", "1994", "1994"),
        ("The ceasefire held until September 2023, officials said.", "September 2023", "2023-09"),
        ("On Wednesday, 11 February 2004 the envoys met again.", "Wednesday, 11 February 2004", "2004-02-11"),
        ("The summit (24.09.2002) ended without a statement.", "24.09.2002", "2002-09-24"),
    ],
)
def test_dates_find_explicit_gives_offsets_inside_a_sentence(sentence, expression, value):
    [found] = find_explicit(sentence)

    assert sentence[found.start:found.end] == expression
    assert found.value.value == value


@pytest.mark.parametrize(
    "sentence",
    [
        "The loan was worth $1997 million over ten years.",
        "The ministry sent 1,500 troops to the border.",
        "About 2000 troops crossed the river at night.",
        "The deal is worth 1999 million euros.",
        "The budget rose by 2010% in a decade.",
        "Tensions grew through the 1990s.",
        "Nobody could say when the talks would resume.",
    ],
)
def test_dates_find_explicit_ignores_numbers_that_are_not_years(sentence):
    assert find_explicit(sentence) == []


def test_dates_find_explicit_returns_every_date_in_text_order_without_overlaps():
    text = "The accord of 12 March 2004 replaced the 1994 treaty and the protocol of May 2001."

    found = find_explicit(text)

    assert [text[f.start:f.end] for f in found] == ["12 March 2004", "1994", "May 2001"]
    assert [f.value for f in found] == [
        DateValue("2004-03-12", "day"), DateValue("1994", "year"), DateValue("2001-05", "month")]


def test_dates_parse_date_takes_the_first_explicit_date_or_none():
    assert parse_date("posted 2/11/2004, updated 3/1/2004") == DateValue("2004-02-11", "day")
    assert parse_date("soon") is None


def test_dates_find_explicit_reads_year_after_in_before_quantity_word():
    [found] = find_explicit("In 1998 troops crossed the border for the first time.")

    assert found.value == DateValue("1998", "year")


def test_dates_find_explicit_reads_iso_timestamp():
    assert parse_date("2004-02-11T09:30:00Z") == DateValue("2004-02-11", "day")


# --- timex_value and event dating -------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2001-01-10", DateValue("2001-01-10", "day")),
        ("2001-01-10TNI", DateValue("2001-01-10", "day")),
        ("2001-01-10T09:00", DateValue("2001-01-10", "day")),
        ("2001-01", DateValue("2001-01", "month")),
        ("2001", DateValue("2001", "year")),
        ("2004-W06", DateValue("2004-02", "month")),
        ("2004-W01", DateValue("2004-01", "month")),
        ("2003-Q3", DateValue("2003", "year")),
        ("2003-SU", DateValue("2003", "year")),
        ("199", None),
        ("PRESENT_REF", None),
        ("XXXX-09", None),
        ("P2Y", None),
        ("2004-W60", None),
    ],
)
def test_dates_timex_value_gives_a_calendar_date_or_none(value, expected):
    assert timex_value(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2004-W06", DateValue("2004-W06", "week")),
        ("2004-W01", DateValue("2004-W01", "week")),
        ("2004-W53", DateValue("2004-W53", "week")),  # 2004 has 53 ISO weeks
        ("2003-W53", None),  # 2003 has not
        ("2004-W06-WE", None),  # a weekend is not a week
        ("2001-01-10T09:00", DateValue("2001-01-10", "day")),
        ("2001-01", DateValue("2001-01", "month")),
        ("2001-13", None),
        ("2003-Q3", DateValue("2003", "year")),
    ],
)
def test_dates_timex_date_keeps_a_week_a_week(value, expected):
    assert timex_date(value) == expected


# --- DateValue: the days a date covers -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "precision", "first", "last", "placing"),
    [
        ("2004-02-11", "day", "2004-02-11", "2004-02-11", "2004-02-11"),
        ("2004-W06", "week", "2004-02-02", "2004-02-08", "2004-02-05"),
        ("2004-W01", "week", "2003-12-29", "2004-01-04", "2004-01-01"),  # begins in 2003, is 2004's
        ("2004-W05", "week", "2004-01-26", "2004-02-01", "2004-01-29"),  # straddles January and February
        ("2004-02", "month", "2004-02-01", "2004-02-29", "2004-02-01"),
        ("2003", "year", "2003-01-01", "2003-12-31", "2003-01-01"),
    ],
)
def test_dates_date_value_covers_its_days(text, precision, first, last, placing):
    value = DateValue.parse(text)

    assert value.precision == precision
    assert (value.first_day, value.last_day, value.placing_day) == tuple(
        date.fromisoformat(d) for d in (first, last, placing))


@pytest.mark.parametrize("text", ["2004-13", "2004-02-30", "2003-W53", "2004-W00", "04-02-11", "", "2004-2",
                                  "2004-02-11T10:00"])
def test_dates_date_value_parse_refuses_what_is_not_a_date(text):
    with pytest.raises(DateValueError, match="is not a date"):
        DateValue.parse(text)


def test_dates_date_value_parse_can_clamp_a_filter_bound():
    assert DateValue.parse("2001-02-30", clamp=True) == DateValue("2001-02-28", "day")
    assert DateValue.parse("2003-W53", clamp=True) == DateValue("2003-W52", "week")
    assert DateValue.parse("2004-W53", clamp=True) == DateValue("2004-W53", "week")


def test_dates_date_value_holds_the_dates_inside_it():
    week = DateValue("2004-W06", "week")

    assert week.holds(DateValue("2004-02-02", "day")) and week.holds(DateValue("2004-02-08", "day"))
    assert not week.holds(DateValue("2004-02-09", "day")) and not week.holds(DateValue("2004-02", "month"))
    assert DateValue("2004-02", "month").holds(week) and not DateValue("2004-01", "month").holds(week)


# --- the expression that dated an event ------------------------------------------------------------

_PUBLISHED = DateValue("2004-02-11", "day")


def _sentence(text: str) -> Sentence:
    return Sentence(0, 0, len(text), text, (Token(0, text.split()[0], "", "NOUN", "", "", 0, 0),))


@pytest.mark.parametrize(
    ("text", "event", "expression", "value"),
    [
        ("Last week's talks covered energy.", DateValue("2004-02", "month"), "Last week",
         DateValue("2004-W06", "week")),
        ("They met on 6 February and will meet again on 6 March.", DateValue("2004-02-06", "day"), "6 February",
         DateValue("2004-02-06", "day")),
        ("They will meet again on 6 March.", DateValue("2004-03-06", "day"), "6 March",
         DateValue("2004-03-06", "day")),  # read forward when the event is ahead
        ("They met in 1997.", DateValue("1997", "year"), "1997", DateValue("1997", "year")),
        ("They met again.", DateValue("2004-02-11", "day"), None, None),
    ],
)
def test_dates_own_expression_finds_what_dated_the_event(text, event, expression, value):
    found = own_expression(_sentence(text), event, _PUBLISHED)

    assert (found.text, found.value) == (expression, value) if expression else found is None


def test_dates_stated_dates_gives_every_calendar_date_of_a_sentence():
    found = stated_dates(_sentence("Earlier this week, as in 1994 and every year, the envoys met."), _PUBLISHED,
                         "past")

    assert [(s.text, s.value, s.mod) for s in found] == [
        ("Earlier this week", DateValue("2004-W07", "week"), "START"), ("1994", DateValue("1994", "year"), None)]


_SIDES = "Russian envoys met Azerbaijani officials"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "published", "value", "basis"),
    [
        (f"{_SIDES} on 5 March 2003.", "2003-03-12", DateValue("2003-03-05", "day"), "stated"),
        (f"{_SIDES} in 1994.", None, DateValue("1994", "year"), "stated"),
        (f"{_SIDES} on 5 March.", "2003-03-12", DateValue("2003-03-05", "day"), "relative"),
        (f"{_SIDES} yesterday.", "2003-03-12", DateValue("2003-03-11", "day"), "relative"),
        (f"{_SIDES} again.", "2003-03-12", DateValue("2003-03-12", "day"), "publication"),
        (f"{_SIDES} again.", None, None, "unknown"),
        (f"{_SIDES} on 5 March.", None, None, "unknown"),
        # an expression inside another phrase does not date the event: the 1994 treaty is older
        (f"{_SIDES} yesterday to discuss the treaty of 1994.", "2003-03-12", DateValue("2003-03-11", "day"),
         "relative"),
        (f"{_SIDES} to discuss the treaty of 1994.", "2003-03-12", DateValue("2003-03-12", "day"), "publication"),
        # a date after the publication does not date a past event
        (f"{_SIDES} and agreed to meet again next year.", "2003-03-12", DateValue("2003-03-12", "day"),
         "publication"),
    ],
)
def test_dates_event_date_takes_the_expression_attached_to_the_event(code, text, published, value, basis):
    event = next(e for e in code(text, published) if e.event_type == "CONSULT")
    got = (DateValue(event.date, event.date_precision) if event.date else None, event.date_basis)
    assert got == (value, basis)


@pytest.mark.slow
def test_dates_event_date_of_a_future_event_resolves_forward(code):
    event = next(e for e in code("Russian envoys will meet Azerbaijani officials on 5 March.", "2003-03-12")
                 if e.event_type == "CONSULT")
    assert (event.date, event.date_basis, event.modality) == ("2004-03-05", "relative", "future")


@pytest.mark.slow
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    anchor=st.dates(min_value=date(1991, 1, 1), max_value=date(2030, 12, 31)),
    expression=st.sampled_from(["on Tuesday", "in September", "on 5 March", "last month", "two weeks ago",
                                "yesterday", "last year", "on Friday night", "earlier this month", "in the spring",
                                "last week", "earlier this week", "this week", "next week", "on 28 December"]),
)
def test_dates_event_date_of_a_past_event_is_never_after_publication(code, anchor, expression):
    """Its own date, a week's first day, and a date the document gives it (the second sentence)."""
    events = code(f"Russian envoys met Azerbaijani officials {expression}. During the visit the two sides "
                  "signed a protocol.", anchor.isoformat())
    for event in events:
        if event.modality not in ("future", "hypothetical") and event.date:
            assert DateValue(event.date, event.date_precision or "day").first_day <= anchor, event
    assert {e.date_basis for e in events} <= {"stated", "relative", "document", "publication", "unknown"}
