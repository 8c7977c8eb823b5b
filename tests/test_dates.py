"""Dates: explicit dates, TIMEX3 values as calendar dates, and the date of an event."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dyadwatch.dates import find_explicit, parse_date, timex_value
from dyadwatch.model import DateValue

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
                                "yesterday", "last year", "on Friday night", "earlier this month", "in the spring"]),
)
def test_dates_event_date_of_a_past_event_is_never_after_publication(code, anchor, expression):
    for event in code(f"Russian envoys met Azerbaijani officials {expression}.", anchor.isoformat()):
        if event.modality != "future" and event.date:
            assert event.date[:len(event.date)] <= anchor.isoformat()[:len(event.date)]
