"""Dates v1: explicit dates in text, month or day without a year, a few relative
expressions, and the date of an event (stated, resolved, publication or unknown).

A resolved date is never after its anchor unless the text is about the future;
an expression that cannot be resolved gives ``None``, never a guess.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from .model import DateValue

STAGE = "dates.explicit.v1"

_MONTHS = {
    name.lower(): number
    for number in range(1, 13)
    for name in (calendar.month_name[number], calendar.month_abbr[number])
}
_MONTHS["sept"] = 9
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_YEAR = r"(?P<year>(?:1[89]|20)\d\d)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_WEEKDAY = r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?"

_EXPLICIT = [  # most precise first; each must name a year
    re.compile(r"\b(?P<year>(?:1[89]|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)(?!\d)"),
    re.compile(rf"\b{_WEEKDAY}{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b", re.I),
    re.compile(rf"\b{_WEEKDAY}{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.I),
    re.compile(r"\b(?P<month>[0-3]?\d)/(?P<day>[0-3]?\d)/(?P<year>(?:1[89]|20)\d\d)\b"),
    re.compile(r"\b(?P<day>[0-3]?\d)\.(?P<month>[01]?\d)\.(?P<year>(?:1[89]|20)\d\d)\b"),
    re.compile(rf"\b{_MONTH},?\s+(?:of\s+)?{_YEAR}\b", re.I),
    re.compile(rf"(?<=\b[Ii]n ){_YEAR}(?![\d%-])\b"),
    re.compile(rf"(?<![\d$£€-]){_YEAR}(?![\d%-]|\s*(?:million|billion|people|troops|km))\b"),
]
_PARTIAL = [  # a month, with or without a day, but no year
    re.compile(rf"\b{_WEEKDAY}{_DAY}\s+(?:of\s+)?{_MONTH}(?!\w|,?\s+\d)", re.I),
    re.compile(rf"\b{_MONTH}\s+{_DAY}(?!\w|,?\s+\d)", re.I),
    re.compile(rf"\b(?:in|since|by|until|during|last|this|early|late|mid-?)\s+{_MONTH}(?!\w|,?\s+\d)", re.I),
]
_AGO = re.compile(r"\b(?P<n>\d+|one|two|three|four|five|six|seven|eight|nine|ten|a)\s+"
                  r"(?P<unit>day|week|month|year)s?\s+ago\b", re.I)
_WEEKDAYS = {name.lower(): number for number, name in enumerate(calendar.day_name)}
_ON_WEEKDAY = re.compile(
    r"\b(?:on\s+|last\s+|next\s+|this\s+past\s+)?(?P<day>" + "|".join(_WEEKDAYS) + r")\b(?!,?\s+\d)", re.I)
_NUMBERS = {w: n for n, w in enumerate(
    ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"])} | {"a": 1}
_RELATIVE_WORDS = re.compile(r"\b(?P<word>yesterday|today|last (?:month|year)|this (?:month|year)"
                             r"|earlier this (?:month|year)|next (?:month|year)|tomorrow)\b", re.I)


@dataclass(frozen=True)
class Found:
    """A date expression in a text: its characters, its value and how it was resolved."""

    start: int
    end: int
    value: DateValue
    basis: str  # "stated" or "relative"


def _value(year: int, month: int | None = None, day: int | None = None) -> DateValue | None:
    try:
        if day is not None and month is not None:
            return DateValue(date(year, month, day).isoformat(), "day")
        if month is not None:
            date(year, month, 1)
            return DateValue(f"{year:04d}-{month:02d}", "month")
        return DateValue(f"{year:04d}", "year")
    except ValueError:
        return None


def _month_of(match: re.Match[str]) -> int:
    text = match.group("month").lower().rstrip(".")
    return int(text) if text.isdigit() else _MONTHS[text]


def _explicit_value(match: re.Match[str]) -> DateValue | None:
    groups = match.groupdict()
    month = _month_of(match) if groups.get("month") else None
    day = int(groups["day"]) if groups.get("day") else None
    if day is not None and month is not None and month > 12 >= day:  # 25/12/2024 written day first
        month, day = day, month
    return _value(int(groups["year"]), month, day)


def find_explicit(text: str) -> list[Found]:
    """Every date in ``text`` that names its year, most precise reading first, no overlaps."""
    found: list[Found] = []
    for pattern in _EXPLICIT:
        for match in pattern.finditer(text):
            if any(f.start < match.end() and match.start() < f.end for f in found):
                continue
            value = _explicit_value(match)
            if value is not None:
                found.append(Found(match.start(), match.end(), value, "stated"))
    return sorted(found, key=lambda f: f.start)


def _nearest(anchor: date, month: int, day: int | None, future: bool) -> DateValue | None:
    """The latest such date not after ``anchor``, or the first after it for future events."""
    for year in (anchor.year, anchor.year + 1) if future else (anchor.year, anchor.year - 1):
        value = _value(year, month, day)
        if value is not None and (as_date(value) > anchor) == future:
            return value
    return None


def _shift(anchor: date, unit: str, n: int) -> DateValue:
    if unit == "day":
        return DateValue((anchor - timedelta(days=n)).isoformat(), "day")
    if unit == "week":
        return DateValue((anchor - timedelta(weeks=n)).isoformat()[:7], "month")
    if unit == "month":
        months = anchor.year * 12 + anchor.month - 1 - n
        return DateValue(f"{months // 12:04d}-{months % 12 + 1:02d}", "month")
    return DateValue(f"{anchor.year - n:04d}", "year")


def _weekday(anchor: date, weekday: int, future: bool) -> DateValue:
    """'On Tuesday' in a report: the Tuesday before the anchor, or after it for future events."""
    if future:
        days = (weekday - anchor.weekday() - 1) % 7 + 1
        return DateValue((anchor + timedelta(days=days)).isoformat(), "day")
    days = (anchor.weekday() - weekday - 1) % 7 + 1
    return DateValue((anchor - timedelta(days=days)).isoformat(), "day")


def _relative_word(word: str, anchor: date) -> DateValue:
    word = word.lower()
    table = {
        "yesterday": ("day", 1), "today": ("day", 0), "tomorrow": ("day", -1),
        "last month": ("month", 1), "this month": ("month", 0), "earlier this month": ("month", 0),
        "next month": ("month", -1), "last year": ("year", 1), "this year": ("year", 0),
        "earlier this year": ("year", 0), "next year": ("year", -1),
    }
    unit, n = table[word]
    return _shift(anchor, unit, n)


def find_relative(text: str, anchor: date, future: bool = False) -> list[Found]:
    """Dates without a year, resolved against ``anchor`` (the publication date)."""
    found: list[Found] = []

    def add(start: int, end: int, value: DateValue | None) -> None:
        if value and not any(f.start < end and start < f.end for f in found):
            found.append(Found(start, end, value, "relative"))

    for pattern in _PARTIAL:
        for m in pattern.finditer(text):
            day = int(m.group("day")) if m.groupdict().get("day") else None
            add(m.start(), m.end(), _nearest(anchor, _month_of(m), day, future))
    for m in _ON_WEEKDAY.finditer(text):
        add(m.start(), m.end(), _weekday(anchor, _WEEKDAYS[m.group("day").lower()],
                                         future or m.group(0).lower().startswith("next")))
    for m in _AGO.finditer(text):
        n = m.group("n").lower()
        add(m.start(), m.end(), _shift(anchor, m.group("unit").lower(), int(n) if n.isdigit() else _NUMBERS[n]))
    for m in _RELATIVE_WORDS.finditer(text):
        add(m.start(), m.end(), _relative_word(m.group("word"), anchor))
    return sorted(found, key=lambda f: f.start)


def parse_date(text: str) -> DateValue | None:
    """The first explicit date in ``text`` (for user input and metadata), or None."""
    found = find_explicit(text)
    return found[0].value if found else None


def as_date(value: DateValue) -> date:
    """The first day a value covers."""
    parts = [int(p) for p in value.value.split("-")] + [1, 1]
    return date(parts[0], parts[1], parts[2])


def date_event(expressions: list[str], published: DateValue | None, future: bool = False
               ) -> tuple[DateValue | None, str]:
    """Date an event from the date expressions of its sentence (nearest first).

    Returns the value and its basis: ``stated``, ``relative``, ``publication`` or ``unknown``.
    A date after the publication is not taken for an event that is not in the future: it
    belongs to another clause ("... agreed to sell more gas next year").
    """
    anchor = as_date(published) if published and published.precision == "day" else None

    def fits(value: DateValue) -> bool:
        return future or anchor is None or as_date(value) <= anchor

    for text in expressions:
        for found in find_explicit(text):
            if fits(found.value):
                return found.value, "stated"
        if anchor is not None:
            for found in find_relative(text, anchor, future):
                if fits(found.value):
                    return found.value, "relative"
    if published is not None:
        return published, "publication"
    return None, "unknown"
