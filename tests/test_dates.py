"""Dates v1: explicit dates, dates without a year resolved against an anchor, and event dating."""

from __future__ import annotations

import calendar
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dyadwatch.dates import as_date, date_event, find_explicit, find_relative, parse_date
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


# --- find_relative ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "anchor", "value", "precision"),
    [
        # a month or day without a year: the latest such date not after the anchor
        ("In September", date(2001, 1, 16), "2000-09", "month"),
        ("In September", date(2001, 9, 16), "2001-09", "month"),
        ("on February 26", date(2003, 3, 12), "2003-02-26", "day"),
        ("on 26 February", date(2003, 3, 12), "2003-02-26", "day"),
        ("on 12 March", date(2003, 3, 12), "2003-03-12", "day"),  # the anchor day itself
        ("on 13 March", date(2003, 3, 12), "2002-03-13", "day"),  # one day later: last year's
        ("since early May", date(2003, 3, 12), "2002-05", "month"),
        # relative words and "ago"
        ("last month", date(2003, 3, 12), "2003-02", "month"),
        ("last month", date(2003, 1, 5), "2002-12", "month"),
        ("two months ago", date(2003, 1, 12), "2002-11", "month"),
        ("3 months ago", date(2003, 5, 31), "2003-02", "month"),
        ("three days ago", date(2003, 3, 1), "2003-02-26", "day"),
        ("yesterday", date(2003, 3, 1), "2003-02-28", "day"),
        ("yesterday", date(2004, 3, 1), "2004-02-29", "day"),
        ("last year", date(2003, 3, 1), "2002", "year"),
        ("a year ago", date(2003, 3, 1), "2002", "year"),
    ],
)
def test_dates_find_relative_resolves_against_anchor(text, anchor, value, precision):
    sentence = f"The two delegations met {text} to talk about the border."

    [found] = find_relative(sentence, anchor)

    assert sentence[found.start:found.end].lower().endswith(text.split()[-1].lower())
    assert found.value == DateValue(value, precision)
    assert found.basis == "relative"


@pytest.mark.parametrize(
    ("text", "anchor", "value"),
    [
        ("In September", date(2001, 1, 16), "2001-09"),
        ("on February 26", date(2003, 3, 12), "2004-02-26"),
        ("on 13 March", date(2003, 3, 12), "2003-03-13"),
    ],
)
def test_dates_find_relative_future_takes_the_next_such_date(text, anchor, value):
    [found] = find_relative(f"The ministers will meet {text}.", anchor, future=True)

    assert found.value.value == value
    assert as_date(found.value) > anchor


def test_dates_find_relative_leaves_dates_with_a_year_alone():
    assert find_relative("The accord of 5 March 2004 still holds.", date(2005, 1, 1)) == []


def test_dates_find_relative_finds_nothing_in_text_without_dates():
    assert find_relative("The ministers met and talked about the border.", date(2005, 1, 1)) == []


_MONTH_NAMES = st.integers(1, 12).flatmap(lambda m: st.sampled_from(
    [calendar.month_name[m], calendar.month_abbr[m], calendar.month_name[m].lower()]))
_DAYS = st.integers(1, 31)
_EXPRESSIONS = st.one_of(
    st.builds(lambda d, m: f"on {d} {m}", _DAYS, _MONTH_NAMES),
    st.builds(lambda d, m: f"on {m} {d}", _DAYS, _MONTH_NAMES),
    st.builds(lambda d, m: f"on the {d}th of {m}", _DAYS, _MONTH_NAMES),
    st.builds(lambda w, d, m: f"on {w}, {d} {m}", st.sampled_from(list(calendar.day_name)), _DAYS, _MONTH_NAMES),
    st.builds(lambda p, m: f"{p} {m}", st.sampled_from(["in", "since", "by", "until", "during", "last",
                                                         "early", "late", "mid-"]), _MONTH_NAMES),
)


@settings(max_examples=300, deadline=None)
@given(anchor=st.dates(date(1900, 1, 1), date(2099, 12, 31)), expression=_EXPRESSIONS)
def test_dates_find_relative_is_never_after_the_anchor(anchor, expression):
    for found in find_relative(f"The envoys met {expression} in the capital.", anchor):
        assert as_date(found.value) <= anchor


@settings(max_examples=100, deadline=None)
@given(anchor=st.dates(date(1900, 1, 1), date(2099, 12, 31)), month=st.integers(1, 12), day=st.integers(1, 28))
def test_dates_find_relative_resolves_every_valid_day_and_month(anchor, month, day):
    text = f"The envoys met on {day} {calendar.month_name[month]}."

    [found] = find_relative(text, anchor)

    resolved = as_date(found.value)
    assert (resolved.month, resolved.day) == (month, day)
    assert anchor.year - 1 <= resolved.year <= anchor.year


# --- date_event ---------------------------------------------------------------------------------

_PUBLISHED = DateValue("2003-03-12", "day")


@pytest.mark.parametrize(
    ("expressions", "published", "value", "basis"),
    [
        (["The envoys met on 5 March 2003."], _PUBLISHED, DateValue("2003-03-05", "day"), "stated"),
        (["The envoys met in 1994."], None, DateValue("1994", "year"), "stated"),
        (["The envoys met on 5 March."], _PUBLISHED, DateValue("2003-03-05", "day"), "relative"),
        (["The envoys met yesterday."], _PUBLISHED, DateValue("2003-03-11", "day"), "relative"),
        (["The envoys met again."], _PUBLISHED, _PUBLISHED, "publication"),
        # a publication date without a day cannot anchor "5 March", but still dates the event
        (["The envoys met on 5 March."], DateValue("2003-03", "month"), DateValue("2003-03", "month"),
         "publication"),
        (["The envoys met again."], None, None, "unknown"),
        (["The envoys met on 5 March."], None, None, "unknown"),
        ([], None, None, "unknown"),
        # nearest expression first
        (["The envoys met yesterday.", "The treaty of 1994 was the basis."], _PUBLISHED,
         DateValue("2003-03-11", "day"), "relative"),
    ],
)
def test_dates_date_event_basis(expressions, published, value, basis):
    assert date_event(expressions, published) == (value, basis)


def test_dates_date_event_future_resolves_forward():
    value, basis = date_event(["The envoys will meet on 5 March."], _PUBLISHED, future=True)

    assert (value, basis) == (DateValue("2004-03-05", "day"), "relative")
