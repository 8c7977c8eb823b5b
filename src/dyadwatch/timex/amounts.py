"""Normalisers of amounts of time, of times counted back and forth, and of sets: "20 years",
"three years ago", "two days later", "every Tuesday", "daily"; and of reference words ("now").
"""

from __future__ import annotations

import re

from .arithmetic import VAGUE, at_precision, quarter_value, shift_date, shift_value
from .document import Doc, Normaliser, Result
from .grammar import MONTHS, PARTS_OF_DAY, REF_WORDS, SEASONS, WEEKDAYS
from .reading import TOKENS, UNIT, amount_mod, duration_value, read_count, read_unit, squash

_QUARTER_REACH = 400  # "a year ago" near a quarter named this close before it is that quarter a year before
_PRECISION = {"day": 0, "week": 1, "month": 2, "quarter": 3, "year": 4}
_DURATION_LEAD = re.compile(r"(?:the )?(?:(?:past|last|next|first|coming|previous|following|final|latest|remaining"
                            r"|initial|entire|whole|full|same|better part of the) )?")
_SET_WORDS = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y", "yearly": "P1Y",
              "hourly": "PT1H", "quarterly": "P3M", "nightly": "P1D", "biweekly": "P2W", "bimonthly": "P2M",
              "semiannually": "P6M", "semi-annually": "P6M", "biannually": "P6M"}


def _year_back(doc: Doc, start: int, from_anchor: bool) -> str:
    """ "a year ago", "year-earlier": near a named quarter, that quarter a year before; else last year."""
    if doc.quarter and start - doc.quarter[2] < _QUARTER_REACH:
        return quarter_value(doc.quarter[0] - 1, doc.quarter[1])
    base = doc.anchor if from_anchor else doc.base(start)
    return f"{base.year - 1:04d}" if base else "XXXX"


def _n_ago(m: re.Match[str], s: int, e: int, doc: Doc) -> Result | None:
    """ "three years ago" (from the anchor), "two days later" (from the reference date), "year-ago"."""
    text = squash(doc.low[s:e])
    if text.startswith("year-"):
        return "DATE", _year_back(doc, s, "ago" in text), None
    mod, rest = amount_mod(text)
    unit_m = UNIT.search(rest)
    forward = bool(re.search(r"later|after|from now|hence", rest))
    n = read_count(re.sub(r"\s+more$", "", rest[:unit_m.start()].strip())) if unit_m and unit_m.start() else None
    if unit_m is None or n is None:
        return "DATE", "FUTURE_REF" if forward else "PAST_REF", mod
    unit, anaphoric = read_unit(rest) or "day", bool(re.search(r"earlier|later|before|after", rest))
    if unit == "year" and n == 1 and not forward:
        return "DATE", _year_back(doc, s, not anaphoric), mod
    base = doc.base(s) if anaphoric else doc.anchor
    if base is None:
        return "DATE", VAGUE.get(unit, "XXXX"), mod
    shift = round(n) * (1 if forward else -1)
    if anaphoric and doc.ref and base == doc.ref[0] and _PRECISION[doc.ref[1]] < _PRECISION.get(unit, 4):
        return "DATE", at_precision(shift_date(base, unit, shift), doc.ref[1]), mod
    return "DATE", shift_value(base, unit, shift), mod


def _n_duration(m: re.Match[str], s: int, e: int, doc: Doc) -> Result | None:
    """ "20 years", "two-year", "the past two months", "the first nine months", "a few days", "years"."""
    mod, rest = amount_mod(squash(doc.low[s:e]))
    lead = _DURATION_LEAD.match(rest)
    rest = rest[lead.end():] if lead else rest
    unit_m = UNIT.search(rest)
    if unit_m is None:
        return None
    head = rest[:unit_m.start()].strip(" -")
    head = re.sub(r"[\s-](?:more|additional|full|straight|consecutive|long|whole)$", "", head)
    n = read_count(head) if head and head not in ("multi", "several", "few", "many", "some") else None
    return "DURATION", duration_value(n, read_unit(rest) or "day"), mod


def _set_of_name(word: str) -> str | None:
    """The SET value of "every Tuesday", "each July", "every summer", "every morning"."""
    singular = word[:-1] if word.endswith("s") else word
    for name in (word, singular):
        if name in WEEKDAYS:
            return f"XXXX-WXX-{WEEKDAYS[name] + 1}"
        if name in MONTHS:
            return f"XXXX-{MONTHS[name]:02d}"
        if name in SEASONS:
            return f"XXXX-{SEASONS[name]}"
        if name in PARTS_OF_DAY:
            return f"XXXX-XX-XXT{PARTS_OF_DAY[name]}"
    return None


def _n_set(m: re.Match[str], s: int, e: int, doc: Doc) -> Result | None:
    """daily, every year, each month, every two weeks, every other day, Tuesdays, every Tuesday, $5 a year."""
    text = squash(doc.low[s:e])
    if text in _SET_WORDS:
        return "SET", _SET_WORDS[text], None
    for tok in TOKENS.findall(text):
        named = _set_of_name(tok)
        if named:
            return "SET", named, None
    unit_m = UNIT.search(text)
    if unit_m is None:
        return None
    head = re.sub(r"^(?:every|each|a|an|per)\s*", "", text[:unit_m.start()].strip())
    n = 2.0 if head.startswith("other") else (read_count(head) if head and head != "single" else 1.0)
    return "SET", duration_value(n or 1.0, read_unit(text) or "day"), None


def _n_ref(m: re.Match[str], s: int, e: int, doc: Doc) -> Result | None:
    return "DATE", REF_WORDS[squash(doc.low[s:e])], None


NORMALISERS: dict[str, Normaliser] = {
    "ago": _n_ago, "duration": _n_duration, "set": _n_set, "ref": _n_ref,
}
