"""Normalisers of weeks, months, quarters and seasons relative to the anchor: "last week", "early
next year", "the weekend", "the third quarter", "the year-ago period", "last fall".
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from .arithmetic import VAGUE, add_quarters, quarter_of, quarter_value, shift_value, week_value, year_for
from .document import Doc, Normaliser, Result
from .grammar import MONTH, MONTHS, ORDINALS, SEASON, SEASONS
from .reading import point_mod, read_rel, spelled_year, squash

_SHIFT = {"last": -1, "past": -1, "previous": -1, "the previous": -1, "the past": -1, "this past": -1,
          "next": 1, "coming": 1, "upcoming": 1, "the coming": 1, "this coming": 1, "the next": 1}


def _weekend(anchor: date, shift: int, how: str | None) -> str:
    """The weekend of the anchor's week (moved by ``shift``), or the last/next one for a tense."""
    if how == "past":
        saturday = anchor - timedelta(days=(anchor.weekday() - 5) % 7 or 7)
    elif how == "future":
        saturday = anchor + timedelta(days=(5 - anchor.weekday()) % 7)
    else:
        saturday = anchor + timedelta(days=5 - anchor.weekday(), weeks=shift)
    return week_value(saturday) + "-WE"


def _n_relunit(m: re.Match[str], s: int, e: int, doc: Doc) -> Result | None:
    """last week, this month, next year, the past year, early next year, year-end, the weekend."""
    text = squash(doc.low[s:e])
    if text == "these days":
        return "DATE", "PRESENT_REF", None
    unit = re.findall(r"weekend|week|month|year|quarter|decade", text)[-1]
    if re.fullmatch(r"the (?:fiscal )?year", text) and (
            re.match(r"\s+(?:ended|ending|ends|to)\b", doc.low[e:e + 8]) or doc.word_before(s) == "throughout"):
        return "DURATION", "P1Y", None  # "for the year ended June 30"
    mod = "END" if re.search(r"year(?:'s)?[- ]end", text) else point_mod(text)
    rel = read_rel(text)
    shift = -1 if "latest fiscal" in text else _SHIFT.get(rel or "", 0)
    if doc.anchor is None:
        return "DATE", VAGUE[unit], mod
    if unit == "weekend":
        return "DATE", _weekend(doc.anchor, shift, None if rel else doc.direction(s, e)), mod
    if unit == "decade":
        return "DATE", f"{doc.anchor.year // 10 + shift:03d}", mod
    return "DATE", shift_value(doc.anchor, unit, shift), mod


_QUARTER_NUMBER = re.compile(r"(?<![a-z])(first|second|third|fourth|1st|2nd|3rd|4th|final)(?![a-z])|^q([1-4])")
_QUARTER_BACK = re.compile(r"year-ago|year-earlier|comparable|corresponding|same|prior-year|a year (?:ago|earlier)"
                           r"|(?:quarter|period) last year$")
_QUARTER_ENDED = re.compile(rf"\s+end(?:ed|ing|s)\s+({MONTH})\s")


def _quarter_year(anchor: date, first_month: int, months: int, how: str) -> int:
    """The anchor's year, unless the quarter has not begun (in the past) or ended long ago (in the future)."""
    if how == "future":
        return anchor.year + (anchor.month - (first_month + months - 1) > 3)
    return anchor.year - (first_month > anchor.month)


def _explicit_year(doc: Doc, text: str) -> int | None:
    """The year named with a quarter: "of 1990", "this year's", "of last year"."""
    digits = re.search(r"\d{4}", text)
    if digits:
        return int(digits.group(0))
    rel = re.search(r"(this|last|next) year's|of (this|last|next) year", text)
    if rel is None or doc.anchor is None:
        return None
    return doc.anchor.year + {"last": -1, "this": 0, "next": 1}[rel.group(1) or rel.group(2)]


def _implicit_quarter(doc: Doc, anchor: date, text: str, end: int) -> tuple[int, int]:
    """The quarter of "the quarter (ended Sept. 30)", "the latest quarter", "the current quarter"..."""
    ended = _QUARTER_ENDED.match(doc.low, end)
    if ended:
        month = MONTHS[ended.group(1).rstrip(".")]
        return year_for(anchor, month, 1, doc.direction(end, ended.end())), (month - 1) // 3 + 1
    current = quarter_of(anchor)
    if re.search(r"current|this", text):
        return current
    if "next" in text:
        return add_quarters(*current, 1)
    if doc.quarter is None or re.search(r"previous|prior(?!-)|last|latest|recent", text):
        return add_quarters(*current, -1)
    return doc.quarter[0], doc.quarter[1]


def _n_implicit_quarter(doc: Doc, text: str, s: int, e: int) -> Result:
    year = _explicit_year(doc, text)
    if year is not None and doc.quarter is None:
        return "DATE", f"{year:04d}", None  # "the 1988 period" with no quarter named before it
    if doc.anchor is None:
        return "DATE", "XXXX-QX", None
    y, q = _implicit_quarter(doc, doc.anchor, text, e)
    if year is not None or _QUARTER_BACK.search(text):
        return "DATE", quarter_value(year if year is not None else y - 1, q), None
    doc.quarter = (y, q, s)
    return "DATE", quarter_value(y, q), None


def _n_quarter(m: re.Match[str], s: int, e: int, doc: Doc) -> Result | None:
    """the third quarter (of 1989), third-quarter, Q3, the first half, the latest quarter, the year-ago period."""
    text = squash(doc.low[s:e])
    number = _QUARTER_NUMBER.search(text)
    if number is None:
        return _n_implicit_quarter(doc, text, s, e)
    half, word = "half" in text, number.group(1) or ""
    q = 4 // (1 + half) if word == "final" else ORDINALS.get(word) or int(word[:1] or number.group(2))
    if half and q > 2:
        return None
    year, letter, months = _explicit_year(doc, text), "H" if half else "Q", 6 if half else 3
    if year is None and doc.anchor is None:
        return "DATE", f"XXXX-{letter}{q}", None
    back = year is None and bool(_QUARTER_BACK.search(text))
    if year is None and doc.anchor is not None:
        year = _quarter_year(doc.anchor, months * (q - 1) + 1, months, doc.direction(s, e)) - back
    if not (back or half):
        doc.quarter = (year or 0, q, s)
    return "DATE", f"{year or 0:04d}-{letter}{q}", None


_SEASON_INDEX = {"SP": 0, "SU": 1, "FA": 2, "WI": 3}
_SEASON_NOW = {3: 0, 4: 0, 5: 0, 6: 1, 7: 1, 8: 1, 9: 2, 10: 2, 11: 2, 12: 3, 1: -1, 2: -1}
_SEASON_HOW = {"last": "last", "this past": "last", "the past": "last", "next": "next", "this coming": "next",
               "the coming": "next", "this": "this"}


def _season_year(anchor: date, code: str, how: str) -> int:
    """The year a season starts in, seen from the anchor (the winter of 1998-99 is 1998's)."""
    now = anchor.year * 4 + _SEASON_NOW[anchor.month]
    latest = now - (now - _SEASON_INDEX[code]) % 4  # the latest such season not after now
    if how == "last" and latest == now:
        latest -= 4
    elif how == "next" or (how == "future" and latest != now) or (how == "this" and now - latest >= 2):
        latest += 4
    return latest // 4


def _n_season(m: re.Match[str], s: int, e: int, doc: Doc) -> Result | None:
    text = squash(doc.low[s:e])
    code = SEASONS[re.findall(SEASON, text)[-1]]
    mod, rel = point_mod(re.sub(r"^(?:the|last|next|this|that) ", "", text)), read_rel(text)
    year = re.search(r"\d{4}", text)
    named = int(year.group(0)) if year else spelled_year(text)
    if named is None and rel in ("that", "the same") and doc.ref:
        named = doc.ref[0].year
    if named is None and doc.anchor is not None:
        named = _season_year(doc.anchor, code, _SEASON_HOW.get(rel or "") or doc.direction(s, e))
    return "DATE", f"{named:04d}-{code}" if named is not None else f"XXXX-{code}", mod


NORMALISERS: dict[str, Normaliser] = {
    "relunit": _n_relunit, "quarter": _n_quarter, "season": _n_season,
}
