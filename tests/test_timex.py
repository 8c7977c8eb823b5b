"""Temporal tagger: time expressions in news text, normalised to TIMEX3 values against an anchor."""

from __future__ import annotations

import dataclasses
import importlib
import inspect
import os
import pkgutil
import re
import time
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dyadwatch import timex
from dyadwatch.timex import Timex, patterns, tag, tagger

ANCHOR = date(2001, 1, 10)  # a Wednesday
TIMEX_MODULES = [timex, *(importlib.import_module(f"{timex.__name__}.{info.name}")
                          for info in pkgutil.iter_modules(timex.__path__))]  # the package and its modules


def _only(sentence: str, anchor: date | None = ANCHOR, tense: str | None = None,
          same_weekday: str | None = None) -> Timex:
    found = tag(sentence, anchor, tense, same_weekday)
    assert len(found) == 1, found
    return found[0]


def _summary(found: list[Timex]) -> list[tuple[str, str, str, str | None]]:
    return [(t.text, t.type, t.value, t.mod) for t in found]


# --- explicit dates ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expression", "value", "mod"),
    [
        ("The talks opened on Jan. 10, 2001 in Baku.", "Jan. 10, 2001", "2001-01-10", None),
        ("The treaty was signed on 10 January 2001.", "10 January 2001", "2001-01-10", None),
        ("The envoy arrived on Wednesday, 10 January 2001.", "Wednesday, 10 January 2001", "2001-01-10", None),
        ("The accord took effect on January 10th, 2001.", "January 10th, 2001", "2001-01-10", None),
        ("The deadline was 2001-01-10.", "2001-01-10", "2001-01-10", None),
        ("The memo is dated 1/10/2001.", "1/10/2001", "2001-01-10", None),
        ("The memo is dated 10.01.2001.", "10.01.2001", "2001-01-10", None),
        ("The embassy reopened in January 2001.", "January 2001", "2001-01", None),
        ("The base was built in 1994.", "1994", "1994", None),
        ("By 1995, the war was over.", "1995", "1995", None),
        ("1994's budget was smaller.", "1994", "1994", None),
        ("The 1998 treaty still holds.", "1998", "1998", None),
        ("Revenue fell in fiscal 1990.", "fiscal 1990", "1990", None),
        ("Ties were cut in the 1990s.", "the 1990s", "199", None),
        ("Ties improved in the early 1990s.", "the early 1990s", "199", "START"),
        ("The pipeline opened in mid-1998.", "mid-1998", "1998", "MID"),
        ("Relations soured in the nineties.", "the nineties", "199", None),
        ("Relations soured in the '90s.", "the '90s", "199", None),
        ("The 20th century saw two world wars.", "The 20th century", "19", None),
        ("The fort was built in the 19th century.", "the 19th century", "18", None),
        ("The war ended on 4 July 1946.", "4 July 1946", "1946-07-04", None),
        ("The accord was drafted in the spring of 1998.", "the spring of 1998", "1998-SP", None),
        ("Elections were held in spring 2003.", "spring 2003", "2003-SP", None),
        ("Output peaked at the end of 2000.", "the end of 2000", "2000", "END"),
        ("The plan covers the first half of 2002.", "the first half of 2002", "2002-H1", None),
        ("Profit fell in the fourth quarter of 1999.", "the fourth quarter of 1999", "1999-Q4", None),
        ("The survey was taken in the year two thousand.", "the year two thousand", "2000", None),
        ("The deal was signed on July 24 , 2003 in Baku.", "July 24 , 2003", "2003-07-24", None),  # tokenised text
        ("Shares are at their lowest since '82.", "'82", "1982", None),
    ],
)
def test_timex_reads_explicit_dates(sentence, expression, value, mod):
    found = _only(sentence)

    assert (found.text, found.type, found.value, found.mod) == (expression, "DATE", value, mod)


@pytest.mark.parametrize(
    ("sentence", "expression", "value", "mod"),
    [
        ("The ministers met on January 8th, officials said.", "January 8th", "2001-01-08", None),
        ("The ministers met on Jan. 8, officials said.", "Jan. 8", "2001-01-08", None),
        ("The offensive stalled in late November, officials said.", "late November", "2000-11", "END"),
        ("Talks resumed in early December.", "early December", "2000-12", "START"),
        ("The vote took place in September, officials said.", "September", "2000-09", None),
        ("The vote will take place in September.", "September", "2001-09", None),
        ("Since May, prices have risen.", "May", "2000-05", None),
        ("The talks collapsed last March.", "last March", "2000-03", None),
        ("Elections are due next March.", "next March", "2001-03", None),
        ("The summit opened on Christmas Day, officials said.", "Christmas Day", "2000-12-25", None),
    ],
)
def test_timex_gives_a_year_to_months_and_days_named_without_one(sentence, expression, value, mod):
    found = _only(sentence)

    assert (found.text, found.type, found.value, found.mod) == (expression, "DATE", value, mod)


# --- weekdays and the tense of the sentence ------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expression", "value"),
    [
        ("On Tuesday, the minister said the talks had failed.", "Tuesday", "2001-01-09"),
        ("The minister will fly to Baku on Tuesday.", "Tuesday", "2001-01-16"),
        ("Officials met on Wednesday, the ministry said.", "Wednesday", "2001-01-10"),  # the anchor's weekday
        ("The envoy will arrive on Wednesday.", "Wednesday", "2001-01-17"),
        ("He will arrive next Tuesday.", "next Tuesday", "2001-01-16"),
        ("He arrived last Tuesday.", "last Tuesday", "2001-01-09"),
        ("He said the vote was held this Monday.", "this Monday", "2001-01-08"),
        ("The vote will be held this Friday.", "this Friday", "2001-01-12"),
        ("Wednesday's meeting was cancelled, officials said.", "Wednesday", "2001-01-10"),
        ("The talks are scheduled to resume on Monday.", "Monday", "2001-01-15"),
        ("The firm announced Tuesday that it will cut 900 jobs.", "Tuesday", "2001-01-09"),
        ("The rebels are going to attack on Sunday.", "Sunday", "2001-01-14"),
    ],
)
def test_timex_puts_weekdays_before_or_after_the_anchor_by_tense(sentence, expression, value):
    found = _only(sentence)

    assert (found.text, found.type, found.value) == (expression, "DATE", value)


@pytest.mark.parametrize(("tense", "value"), [("past", "2001-01-09"), ("future", "2001-01-16")])
def test_timex_forced_tense_decides_the_same_weekday(tense, value):
    assert _only("On Tuesday the delegations meet in Geneva.", tense=tense).value == value


@pytest.mark.parametrize(("tense", "value"), [("past", "2000-05"), ("future", "2001-05")])
def test_timex_forced_tense_decides_the_same_month(tense, value):
    assert _only("The delegations meet in Geneva in May.", tense=tense).value == value


def test_timex_weekly_report_set_in_the_previous_week_reads_the_anchor_weekday_as_a_week_before():
    tuesday = date(2001, 1, 16)
    weekly = ("Defence was high on the agenda during last week's talks in Baku. During Wednesday's meeting the "
              "presidents signed a declaration. On Tuesday, the oil companies signed a deal.")
    wire = ("Officials said last week that talks would resume. On Monday the envoys met, and on Tuesday "
            "they signed a deal.")  # Monday is in the anchor's own week: wire copy

    assert timex.weekday_reading(weekly, tuesday) == "week before"
    assert tag(weekly, tuesday)[-1].value == "2001-01-09"
    assert timex.weekday_reading(wire, tuesday) == "anchor"
    assert tag(wire, tuesday)[-1].value == "2001-01-16"
    assert timex.weekday_reading(weekly, None) == "anchor"


def test_timex_same_weekday_as_anchor_means_the_anchor_day_unless_told_otherwise():
    wednesday = date(2001, 1, 10)
    assert _only("Officials met on Wednesday, the ministry said.", wednesday).value == "2001-01-10"
    assert _only("Officials met on Wednesday, the ministry said.", wednesday,
                 same_weekday="week before").value == "2001-01-03"
    assert _only("Officials met last Wednesday.", wednesday).value == "2001-01-03"


# --- days, times of day and the reference date ---------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expression", "kind", "value", "mod"),
    [
        ("Yesterday the president met his counterpart.", "Yesterday", "DATE", "2001-01-09", None),
        ("Today the talks resumed.", "Today", "DATE", "2001-01-10", None),
        ("The talks resume tomorrow.", "tomorrow", "DATE", "2001-01-11", None),
        ("The summit ended late yesterday.", "late yesterday", "DATE", "2001-01-09", "END"),
        ("Protesters will gather tonight.", "tonight", "TIME", "2001-01-10TNI", None),
        ("The minister spoke this morning.", "this morning", "TIME", "2001-01-10TMO", None),
        ("Shelling resumed last night.", "last night", "TIME", "2001-01-09TNI", None),
        ("The blast occurred Friday night, police said.", "Friday night", "TIME", "2001-01-05TNI", None),
        ("Troops withdrew on Monday afternoon, officials said.", "Monday afternoon", "TIME", "2001-01-08TAF", None),
        ("He will leave at 10:30 a.m. Friday.", "10:30 a.m. Friday", "TIME", "2001-01-12T10:30", None),
        ("The ultimatum expires at 5 p.m. on Jan. 12.", "5 p.m. on Jan. 12", "TIME", "2001-01-12T17:00", None),
    ],
)
def test_timex_reads_days_and_times_of_day(sentence, expression, kind, value, mod):
    found = _only(sentence)

    assert (found.text, found.type, found.value, found.mod) == (expression, kind, value, mod)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Troops crossed the border on Monday. The next day, they withdrew.",
         [("Monday", "DATE", "2001-01-08", None), ("The next day", "DATE", "2001-01-09", None)]),
        ("The treaty was signed in 1997 and renewed three years later.",
         [("1997", "DATE", "1997", None), ("three years later", "DATE", "2000", None)]),
        ("The rebels took the town on Dec. 2, 1999. That year, the war spread.",
         [("Dec. 2, 1999", "DATE", "1999-12-02", None), ("That year", "DATE", "1999", None)]),
        ("Third-quarter profit rose to $5 million from $3 million a year ago.",
         [("Third-quarter", "DATE", "2000-Q3", None), ("a year ago", "DATE", "1999-Q3", None)]),
        ("Fighting raged on Jan. 5 and 6, officials said.",
         [("Jan. 5", "DATE", "2001-01-05", None), ("6", "DATE", "2001-01-06", None)]),
        ("The embargo was in force between 2008 and 2010.",
         [("2008", "DATE", "2008", None), ("2010", "DATE", "2010", None)]),
        ("Sanctions lasted from 2008 to 2010.", [("2008", "DATE", "2008", None), ("2010", "DATE", "2010", None)]),
    ],
)
def test_timex_resolves_expressions_against_each_other(sentence, expected):
    assert _summary(tag(sentence, ANCHOR)) == expected


# --- weeks, months, quarters, seasons and years relative to the anchor ---------------------------


@pytest.mark.parametrize(
    ("sentence", "expression", "value", "mod"),
    [
        ("Prices rose last week.", "last week", "2001-W01", None),
        ("Prices rose last month.", "last month", "2000-12", None),
        ("Prices rose last year.", "last year", "2000", None),
        ("Prices will rise next week.", "next week", "2001-W03", None),
        ("Prices will rise next month.", "next month", "2001-02", None),
        ("Prices will rise next year.", "next year", "2002", None),
        ("Trade grew this week.", "this week", "2001-W02", None),
        ("Trade grew this year.", "this year", "2001", None),
        ("Trade grew in the past year.", "the past year", "2000", None),
        ("The sides will meet in the coming week.", "the coming week", "2001-W03", None),
        ("Fighting flared over the weekend, officials said.", "the weekend", "2001-W01-WE", None),
        ("Talks will resume this weekend.", "this weekend", "2001-W02-WE", None),
        ("Troops left earlier this year.", "earlier this year", "2001", "START"),
        ("Troops left earlier this month.", "earlier this month", "2001-01", "START"),
        ("Troops will leave later this year.", "later this year", "2001", "END"),
        ("The accord will be signed early next year.", "early next year", "2002", "START"),
        ("Output fell at the beginning of the year.", "the beginning of the year", "2001", "START"),
        ("He left two months ago.", "two months ago", "2000-11", None),
        ("She was elected three years ago.", "three years ago", "1998", None),
        ("They met five days ago.", "five days ago", "2001-01-05", None),
        ("A year ago the plant closed.", "A year ago", "2000", None),
        ("A year earlier, the company had lost money.", "A year earlier", "2000", None),
        ("Fighting resumed last fall.", "last fall", "2000-FA", None),
        ("Talks will resume this summer.", "this summer", "2001-SU", None),
        ("The offensive began last winter.", "last winter", "1999-WI", None),
    ],
)
def test_timex_reads_units_relative_to_the_anchor(sentence, expression, value, mod):
    found = _only(sentence)

    assert (found.text, found.type, found.value, found.mod) == (expression, "DATE", value, mod)


@pytest.mark.parametrize(
    ("sentence", "expression", "value"),
    [
        ("Profit rose in the third quarter, the company said.", "the third quarter", "2000-Q3"),
        ("Third-quarter profit rose 5%.", "Third-quarter", "2000-Q3"),
        ("Sales rose in the first quarter, the company said.", "the first quarter", "2001-Q1"),
        ("The company expects growth in the second quarter.", "the second quarter", "2001-Q2"),
        ("Profit fell in the latest quarter.", "the latest quarter", "2000-Q4"),  # the last one completed
        ("Profit fell in the quarter.", "the quarter", "2000-Q4"),
        ("Sales will rise this quarter.", "this quarter", "2001-Q1"),
    ],
)
def test_timex_reads_quarters(sentence, expression, value):
    found = _only(sentence)

    assert (found.text, found.type, found.value) == (expression, "DATE", value)


def test_timex_the_quarter_is_the_one_named_before():
    found = tag("Profit rose in the second quarter, and sales in the quarter doubled.", ANCHOR)

    assert [(t.text, t.value) for t in found] == [("the second quarter", "2000-Q2"), ("the quarter", "2000-Q2")]


# --- durations, sets and vague references --------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expression", "value", "mod"),
    [
        ("The truce lasted 20 years.", "20 years", "P20Y", None),
        ("He signed a two-year contract.", "two-year", "P2Y", None),
        ("They agreed a five-year plan.", "five-year", "P5Y", None),
        ("Talks lasted six months.", "six months", "P6M", None),
        ("In the past two months, prices doubled.", "the past two months", "P2M", None),
        ("In the last twenty four hours, 12 people died.", "the last twenty four hours", "PT24H", None),
        ("The visit will take a week.", "a week", "P1W", None),
        ("The dispute dragged on for weeks.", "weeks", "PXW", None),
        ("The siege lasted days.", "days", "PXD", None),
        ("Negotiations lasted hours.", "hours", "PTXH", None),
        ("Sales in the first nine months rose.", "the first nine months", "P9M", None),
        ("The ban lasted a decade.", "a decade", "P10Y", None),
        ("The talks lasted half an hour.", "half an hour", "PT30M", None),
        ("The blockade lasted a dozen days.", "a dozen days", "P12D", None),
        ("The siege lasted two and a half years.", "two and a half years", "P30M", None),
        ("He was held for more than two years.", "more than two years", "P2Y", "MORE_THAN"),
        ("The talks took nearly three hours.", "nearly three hours", "PT3H", "LESS_THAN"),
        ("The strike lasted about a week.", "about a week", "P1W", "APPROX"),
        ("The strike lasted at least 30 days.", "at least 30 days", "P30D", "EQUAL_OR_MORE"),
    ],
)
def test_timex_reads_durations(sentence, expression, value, mod):
    found = _only(sentence)

    assert (found.text, found.type, found.value, found.mod) == (expression, "DURATION", value, mod)


@pytest.mark.parametrize(
    ("sentence", "expression", "value"),
    [
        ("The council meets every year.", "every year", "P1Y"),
        ("Reports are published annually.", "annually", "P1Y"),
        ("Patrols run daily.", "daily", "P1D"),
        ("Bulletins are issued weekly.", "weekly", "P1W"),
        ("Data are released each month.", "each month", "P1M"),
        ("Elections are held every four years.", "every four years", "P4Y"),
        ("The cabinet meets every Tuesday.", "every Tuesday", "XXXX-WXX-2"),
        ("The market is closed on Sundays.", "Sundays", "XXXX-WXX-7"),
        ("Flights run twice a year.", "a year", "P1Y"),
    ],
)
def test_timex_reads_sets(sentence, expression, value):
    found = _only(sentence)

    assert (found.text, found.type, found.value) == (expression, "SET", value)


@pytest.mark.parametrize(
    ("sentence", "expression", "value"),
    [
        ("The two countries are now allies.", "now", "PRESENT_REF"),
        ("Currently, 20 observers are deployed.", "Currently", "PRESENT_REF"),
        ("The current crisis deepened.", "current", "PRESENT_REF"),
        ("Relations have recently improved.", "recently", "PAST_REF"),
        ("In the past, relations were poor.", "the past", "PAST_REF"),
        ("Relations will improve in the future.", "the future", "FUTURE_REF"),
        ("Talks will resume soon.", "soon", "FUTURE_REF"),
    ],
)
def test_timex_reads_vague_references(sentence, expression, value):
    found = _only(sentence)

    assert (found.text, found.type, found.value) == (expression, "DATE", value)


# --- without an anchor ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expression", "kind", "value"),
    [
        ("On Tuesday the talks failed.", "Tuesday", "DATE", "XXXX-WXX-2"),
        ("Talks began in May.", "May", "DATE", "XXXX-05"),
        ("Yesterday the envoy left.", "Yesterday", "DATE", "XXXX-XX-XX"),
        ("The envoy left on Jan. 10.", "Jan. 10", "DATE", "XXXX-01-10"),
        ("Prices rose last year.", "last year", "DATE", "XXXX"),
        ("Prices rose last week.", "last week", "DATE", "XXXX-WXX"),
        ("Profit rose in the third quarter.", "the third quarter", "DATE", "XXXX-Q3"),
        ("Fighting resumed last fall.", "last fall", "DATE", "XXXX-FA"),
        ("They met three years ago.", "three years ago", "DATE", "XXXX"),
        ("He spoke on Friday night.", "Friday night", "TIME", "XXXX-WXX-5TNI"),
        ("The summit opened on Christmas Day.", "Christmas Day", "DATE", "XXXX-12-25"),
        ("The accord was signed on Jan. 10, 2001.", "Jan. 10, 2001", "DATE", "2001-01-10"),
        ("Ties were cut in the 1990s.", "the 1990s", "DATE", "199"),
        ("The truce lasted 20 years.", "20 years", "DURATION", "P20Y"),
        ("The cabinet meets every Tuesday.", "every Tuesday", "SET", "XXXX-WXX-2"),
    ],
)
def test_timex_without_anchor_keeps_relative_values_underspecified(sentence, expression, kind, value):
    found = _only(sentence, anchor=None)

    assert (found.text, found.type, found.value) == (expression, kind, value)


def test_timex_reads_a_decade_in_a_list_of_decades():
    assert _summary(tag("Cars of the 70s and 80s were boxy.", ANCHOR)) == [("the 70s", "DATE", "197", None),
                                                                           ("80s", "DATE", "198", None)]


def test_timex_gives_utc_and_gmt_clock_times_the_zone_designator():
    found = tag("Trading was halted at 18:00 UTC, and at 0800 GMT it resumed.", ANCHOR, "past")

    assert [(t.text, t.value) for t in found] == [("18:00 UTC", "2001-01-10T18:00Z"), ("0800 GMT", "2001-01-10T08:00Z")]


def test_timex_the_day_of_a_trading_report_is_the_day_last_named():
    found = tag("On Monday the index fell 3% to end the day at 7,114.", ANCHOR)

    assert [(t.text, t.value) for t in found] == [("Monday", "2001-01-08"), ("the day", "2001-01-08")]


# --- what is not a time expression ---------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "The ministry sent 1,500 troops to the border.",
        "He paid $2001 for the car.",
        "About 2001 people fled the fighting.",
        "The deal is worth 1999 million euros.",
        "He won 1990 votes in the district.",
        "The index closed at 1299.59 points.",
        "The firm will close about a quarter of its plants.",
        "He saw the day he had feared.",
        "The band's '82 tour was a flop.",
        "Officials fear it may rain.",
        "May I ask a question, minister?",
        "Thousands joined a march through the capital.",
        "The troops march on the capital.",
        "Sun Microsystems and Sat-Com signed a deal.",
        "April Glaspie met the president.",
        "Jan Kavan spoke for the Czech side.",
        "A 30-year-old man was arrested.",
        "The minister, 52 years old, resigned.",
        "The fall of the regime surprised analysts.",
        "A second group of envoys arrived.",
        "Ratings for ABC's This Week rose.",
        "The current account deficit widened.",
        "Nobody could say when the talks would resume.",
    ],
)
def test_timex_ignores_what_only_looks_like_a_time_expression(sentence):
    assert tag(sentence, ANCHOR) == []


# --- the interface -------------------------------------------------------------------------------


def test_timex_results_are_in_text_order_without_overlaps_and_with_their_offsets():
    text = ("On Tuesday, 9 January 2001, the envoys met in Baku for two hours; last year they met "
            "every month, and they will meet again next week.")

    found = tag(text, ANCHOR)

    assert [t.text for t in found] == ["Tuesday, 9 January 2001", "two hours", "last year", "every month", "next week"]
    assert all(text[t.start:t.end] == t.text for t in found)
    assert all(a.end <= b.start for a, b in zip(found, found[1:], strict=False))


def test_timex_is_a_frozen_value_with_no_mod_by_default():
    found = Timex(0, 4, "1994", "DATE", "1994")

    assert found.mod is None
    with pytest.raises(dataclasses.FrozenInstanceError):
        found.value = "1995"  # type: ignore[misc]


def test_timex_refuses_an_unknown_tense():
    with pytest.raises(ValueError, match="tense"):
        tag("On Tuesday the talks failed.", ANCHOR, tense="present")


def test_timex_empty_text_gives_nothing():
    assert tag("", ANCHOR) == []


@pytest.mark.parametrize("anchor", [date(1, 1, 1), date(9999, 12, 31)])
def test_timex_anchor_at_the_ends_of_the_calendar_leaves_values_underspecified(anchor):
    found = tag("Officials said on Tuesday that the talks of last week had failed.", anchor)

    assert [t.text for t in found] == ["Tuesday", "last week"]
    assert re.fullmatch(r"XXXX-WXX-2|\d{4}-\d\d-\d\d", found[0].value)


def test_timex_source_never_reads_the_clock():
    for module in TIMEX_MODULES:
        source = inspect.getsource(module)
        assert not re.search(r"\.(?:today|now|utcnow)\(|time\.time\(|localtime\(", source), module.__name__


# --- properties ----------------------------------------------------------------------------------

PAST_EXPRESSIONS = [
    "on Tuesday", "on Friday", "on Wednesday", "on Sunday", "yesterday", "today", "last night", "this morning",
    "in September", "in May", "in January", "in December", "on Jan. 10", "on Dec. 31", "on Feb. 29", "on July 4",
    "last week", "last month", "last year", "this week", "this month", "this year", "two days ago",
    "three weeks ago", "five months ago", "ten years ago", "a year ago", "earlier this year", "late last year",
    "in the third quarter", "in the first quarter", "in the latest quarter", "last fall", "last winter",
    "in the spring", "over the weekend", "last weekend", "this Tuesday", "last Tuesday", "on Christmas Day",
    "at Easter", "on Thanksgiving", "in mid-November", "in early December", "Monday night",
]
_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def _start_of(value: str) -> date | None:
    """The first day a DATE or TIME value covers (None for values with no calendar start)."""
    m = re.match(r"(\d{4})(?:-(\d\d)(?:-(\d\d))?|-W(\d\d)(-WE)?|-Q(\d)|-H(\d)|-(SP|SU|FA|WI))?(?:T|$)", value)
    if not m:
        return None
    year = int(m.group(1))
    if m.group(4):
        return date.fromisocalendar(year, int(m.group(4)), 6 if m.group(5) else 1)
    if m.group(6) or m.group(7):
        return date(year, 3 * int(m.group(6)) - 2 if m.group(6) else 6 * int(m.group(7)) - 5, 1)
    if m.group(8):
        return date(year, _SEASON_START[m.group(8)], 1)
    return date(year, int(m.group(2) or 1), int(m.group(3) or 1))


@settings(max_examples=150, deadline=None)
@given(anchor=st.dates(min_value=date(1950, 1, 1), max_value=date(2049, 12, 31)),
       expression=st.sampled_from(PAST_EXPRESSIONS))
def test_timex_past_tense_dates_never_start_after_the_anchor(anchor, expression):
    [found] = tag(f"Officials said the ceasefire collapsed {expression}.", anchor, tense="past")
    start = _start_of(found.value)

    assert start is not None, found
    assert start <= anchor, (found, anchor)


SENTENCES = [
    "On Tuesday, the minister said the talks had failed.",
    "The minister will fly to Baku on Friday night for talks due to end next week.",
    "In May, three years ago, the sides met at 10 a.m. and agreed to meet every year.",
    "Profit rose in the third quarter from a year ago, and sales in the quarter doubled.",
    "Protesters gathered tonight; last fall they marched for weeks.",
]


@pytest.fixture
def time_zone(monkeypatch):
    """Set the process time zone for the test (restored after it)."""
    if not hasattr(time, "tzset"):
        pytest.skip("time.tzset is not available on this platform")

    def set_zone(name: str) -> None:
        monkeypatch.setenv("TZ", name)
        time.tzset()

    yield set_zone
    monkeypatch.undo()
    time.tzset()


@settings(max_examples=20, deadline=None)
@given(anchor=st.dates(min_value=date(1950, 1, 1), max_value=date(2049, 12, 31)))
def test_timex_output_does_not_depend_on_the_time_zone(anchor):
    saved = os.environ.get("TZ")
    try:
        outputs = []
        for zone in ("UTC", "Pacific/Kiritimati", "America/Adak", "Asia/Kathmandu"):
            os.environ["TZ"] = zone
            time.tzset()
            outputs.append([tag(sentence, anchor) for sentence in SENTENCES])
    finally:
        if saved is None:
            os.environ.pop("TZ", None)
        else:
            os.environ["TZ"] = saved
        time.tzset()

    assert all(output == outputs[0] for output in outputs)


def test_timex_output_does_not_depend_on_the_clock(monkeypatch, time_zone):
    expected = [tag(sentence, ANCHOR) for sentence in SENTENCES]

    def stopped_clock(*args, **kwargs):
        raise AssertionError("the tagger read the clock")

    class StoppedClockDate(date):
        today = classmethod(stopped_clock)

    for module in TIMEX_MODULES:
        if hasattr(module, "date"):
            monkeypatch.setattr(module, "date", StoppedClockDate)
    monkeypatch.setattr(time, "time", stopped_clock)
    monkeypatch.setattr(time, "localtime", stopped_clock)
    time_zone("Pacific/Kiritimati")

    assert [tag(sentence, ANCHOR) for sentence in SENTENCES] == expected


FRAGMENTS = [
    "on Tuesday", "Jan. 10, 2001", "10 January", "in May", "last week", "the past two months", "three years ago",
    "every Tuesday", "the third quarter of 1999", "Friday night", "at 10:30 a.m.", "in the early 1990s",
    "the 1,500 troops", "fiscal 1990", "a five-year plan", "between 2008 and 2010", "later this year", "tonight",
    "the next day", "a year earlier", "last fall", "20 years", "daily", "now", "the weekend", "mid-1998",
]
FILLER = ["the minister", "said", "talks", "in Baku", "and", "officials", "would", "resume", "fighting", ","]


@settings(max_examples=60, deadline=None)
@given(words=st.lists(st.sampled_from(FRAGMENTS + FILLER), min_size=1, max_size=14),
       anchor=st.dates(min_value=date(1950, 1, 1), max_value=date(2049, 12, 31)))
def test_timex_scanning_around_trigger_words_misses_nothing(words, anchor):
    text = " ".join(words) + "."
    windowed = tag(text, anchor)

    def whole_text(low: str) -> list[list[tuple[int, int]]]:
        return [[(0, len(low))] for _ in patterns.PATTERNS]

    original = tagger._windows
    tagger._windows = whole_text
    try:
        everywhere = tag(text, anchor)
    finally:
        tagger._windows = original

    assert windowed == everywhere


def test_timex_weekday_arithmetic_stays_within_a_week():
    for offset in range(7):
        anchor = ANCHOR + timedelta(days=offset)
        before = _only("On Thursday, officials said the talks had failed.", anchor)
        after = _only("The talks will resume on Thursday.", anchor)
        assert 0 <= (anchor - date.fromisoformat(before.value)).days <= 6  # its own weekday: the day itself
        assert 1 <= (date.fromisoformat(after.value) - anchor).days <= 7
