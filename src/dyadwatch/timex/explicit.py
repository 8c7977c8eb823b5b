"""Normalisers of explicit dates: what "Jan. 10", "10/1/2001", "Christmas", "May", "1998",
"nineteen ninety-six", "the 1990s" and "the 20th century" mean.

A date named without a year gets one from the anchor, in the direction of its clause
(``date_value``); ``NORMALISERS`` maps each family to its normaliser.
"""

from __future__ import annotations

import re
from datetime import date

from .arithmetic import add_months, holiday_date, mkdate, nearest_year, week_value, year_for, ym
from .document import Doc, Normaliser, Result
from .grammar import HOLIDAYS, MONTHS, WEEKDAYS
from .reading import TOKENS, ordinal, point_mod, read_rel, spelled_year, squash


def _parts(text: str) -> tuple[int | None, int | None, int | None, int | None]:
    """The month, day, year and weekday named in a date."""
    month = day = year = weekday = None
    for tok in TOKENS.findall(text):
        if tok in MONTHS and month is None:
            month = MONTHS[tok]
        elif tok in WEEKDAYS and weekday is None:
            weekday = WEEKDAYS[tok]
        elif tok.isdigit() and len(tok) == 4 or tok.startswith("'"):
            year = int(tok) if tok.isdigit() else 1900 + int(tok[1:])
        elif tok.isdigit() and day is None:
            day = int(tok)
    if day is None and month is not None:
        day = ordinal(text)
    if year is None and re.search(r"nineteen|eighteen", text):
        year = spelled_year(text)
    return month, day, year, weekday


def date_value(doc: Doc, month: int, day: int | None, year: int | None, weekday: int | None,
               span: tuple[int, int], how: str | None = None) -> str | None:
    """A date from its parts; a missing year is resolved against the anchor."""
    if year is None and doc.anchor is None:
        return f"XXXX-{month:02d}-{day:02d}" if day else f"XXXX-{month:02d}"
    if year is None and doc.anchor is not None:
        year = _resolve_year(doc.anchor, month, day, weekday, how or doc.direction(*span), doc.tense is not None)
    if day is None:
        return ym(year or 0, month)
    d = mkdate(year or 0, month, day)
    return d.isoformat() if d else None


def _resolve_year(anchor: date, month: int, day: int | None, weekday: int | None, how: str, strict: bool) -> int:
    """The year of a month and day: the one that makes the weekday right, else the nearest."""
    if day is None:
        return year_for(anchor, month, day, how)
    for year in (anchor.year, anchor.year - 1, anchor.year + 1) if weekday is not None else ():
        d = mkdate(year, month, day)
        if d and d.weekday() == weekday:
            return year
    return nearest_year(anchor, lambda year: mkdate(year, month, day), how, strict)


def _n_iso(m: re.Match[str], s: int, e: int, doc: Doc) -> Result | None:
    t = doc.low[s:e]
    d = mkdate(int(t[:4]), int(t[5:7]), int(t[8:10]))
    if d is None:
        return None
    return ("TIME", f"{d.isoformat()}T{t[11:16]}", None) if len(t) > 10 else ("DATE", d.isoformat(), None)


def _n_numeric(m: re.Match[str], s: int, e: int, doc: Doc) -> Result | None:
    """1/10/2001 (month first, as in US news, unless it cannot be), 10.01.2001 (day first)."""
    sep = m.group(1)
    a, b, y = doc.low[s:e].split(sep)
    month, day = (int(b), int(a)) if sep == "." else (int(a), int(b))
    if month > 12:
        month, day = day, month
    year = int(y)
    if len(y) == 2:
        pivot = (doc.anchor.year if doc.anchor else 2000) + 10
        year += 2000 if 2000 + year <= pivot else 1900
    d = mkdate(year, month, day)
    return ("DATE", d.isoformat(), None) if d else None


def _n_textual(m: re.Match[str], s: int, e: int, doc: Doc) -> Result | None:
    text = doc.low[s:e]
    month, day, year, weekday = _parts(text)
    if month is None:
        return None
    how = {"last": "past", "next": "future"}.get(text.split()[0])
    value = date_value(doc, month, day, year, weekday, (s, e), how)
    return ("DATE", value, point_mod(text)) if value else None


def _n_day_range(m: re.Match[str], s: int, e: int, doc: Doc) -> Result | None:
    """The second day of "April 24 and 25", "Jan. 5-7"."""
    month = _parts(doc.low[m.start():s])[0]
    _, day, year, _ = _parts(doc.low[s:e])
    if month is None or day is None:
        return None
    value = date_value(doc, month, day, year, None, (s, e))
    return ("DATE", value, None) if value else None


def _n_holiday(m: re.Match[str], s: int, e: int, doc: Doc) -> Result | None:
    text = squash(doc.low[s:e])
    name = re.sub(r",? \d{4}$", "", text)
    year = re.search(r"\d{4}$", text)
    if year is None and doc.anchor is None:
        month, day = HOLIDAYS.get(name, (0, 0))
        return "DATE", f"XXXX-{month:02d}-{day:02d}" if month else "XXXX-XX-XX", None
    if year is not None:
        d = holiday_date(name, int(year.group(0)))
    else:
        anchor = doc.anchor or date.min
        year_of = nearest_year(anchor, lambda y: holiday_date(name, y), doc.direction(s, e), doc.tense is not None)
        d = holiday_date(name, year_of)
    return "DATE", week_value(d) if name.endswith("week") else d.isoformat(), None


_MONTH_HOW = {"last": "last", "this past": "last", "next": "next", "this coming": "next", "this": "this"}


def _n_month(m: re.Match[str], s: int, e: int, doc: Doc) -> Result | None:
    text = doc.low[s:e]
    month = next(MONTHS[t] for t in TOKENS.findall(text) if t in MONTHS)
    mod, rel = point_mod(text), read_rel(text)
    if doc.anchor is None:
        return "DATE", f"XXXX-{month:02d}", mod
    year_rel = re.search(r"(last|this|next)\s+year$", text)
    if year_rel:
        year = doc.anchor.year + {"last": -1, "this": 0, "next": 1}[year_rel.group(1)]
    elif rel in ("that", "the same") and doc.ref:
        year = doc.ref[0].year
    else:
        year = year_for(doc.anchor, month, None, _MONTH_HOW.get(rel or "") or doc.direction(s, e))
        if rel == "last" and month == add_months(doc.anchor.year, doc.anchor.month, -1)[1]:
            year -= 1  # nobody says "last February" on March 1 for the month just gone
    return "DATE", ym(year, month), mod


def _n_year(m: re.Match[str], s: int, e: int, doc: Doc) -> Result | None:
    text = doc.low[s:e]
    year = re.search(r"\d{4}", text)
    if year is None:  # "since '82": the latest such year not after the anchor
        short = int(text[-2:])
        century = 19 if doc.anchor is None else doc.anchor.year // 100 - (short > doc.anchor.year % 100)
        return "DATE", f"{century:02d}{short:02d}", None
    return "DATE", year.group(0), point_mod(text)


def _n_spelled_year(m: re.Match[str], s: int, e: int, doc: Doc) -> Result | None:
    year = spelled_year(doc.low[s:e])
    return ("DATE", f"{year:04d}", None) if year else None


_DECADE_WORDS = {"twent": 2, "thirt": 3, "fort": 4, "fift": 5, "sixt": 6, "sevent": 7, "eight": 8, "ninet": 9}


def _n_decade(m: re.Match[str], s: int, e: int, doc: Doc) -> Result | None:
    """ "the 1990s" is 199; "the '90s" and "the nineties" are the latest such decade not after the anchor."""
    text = doc.low[s:e]
    digits = re.search(r"(\d{3})0'?s|'?(\d)0'?s", text)
    if digits and digits.group(1):
        return "DATE", digits.group(1), point_mod(text)
    word = re.search(r"([a-z]+)ies", text)
    tens = int(digits.group(2)) if digits else _DECADE_WORDS[word.group(1) if word else "ninet"]
    century = 19
    if doc.anchor is not None and "nineteen" not in text:
        century = doc.anchor.year // 100 - (tens * 10 > doc.anchor.year % 100)
    return "DATE", f"{century:02d}{tens}", point_mod(text)


def _n_century(m: re.Match[str], s: int, e: int, doc: Doc) -> Result | None:
    """ "the 20th century" is 19; "this century" the anchor's, "the last century" the one before."""
    text = doc.low[s:e]
    rel = re.search(r"(this|last|past|next|previous|current)\s+century", text)
    if rel and doc.anchor is None:
        return "DATE", "XX", None
    if rel and doc.anchor is not None:
        number = doc.anchor.year // 100 + {"last": -1, "previous": -1, "next": 1}.get(rel.group(1), 0)
    else:
        digits = re.search(r"(\d+)(?:st|nd|rd|th)", text)
        number = (int(digits.group(1)) if digits else ordinal(text) or 1) - 1
    return "DATE", f"{number:02d}", point_mod(text)


NORMALISERS: dict[str, Normaliser] = {
    "iso": _n_iso, "numeric": _n_numeric, "textual": _n_textual, "day_range": _n_day_range, "holiday": _n_holiday,
    "month": _n_month, "year": _n_year, "spelled_year": _n_spelled_year, "decade": _n_decade, "century": _n_century,
}
