"""Normalisers of days and times of day: "Tuesday", "yesterday", "tonight", "10:30 a.m.", "in the
morning", "overnight", and "the next day" or "that year", counted from the date named before them.
"""

from __future__ import annotations

import re
from datetime import timedelta

from .arithmetic import VAGUE, shift_value, weekday_date
from .document import Doc, Normaliser, Result
from .explicit import date_value
from .grammar import MONTH, MONTHS, PARTS_OF_DAY, WEEKDAYS
from .reading import TOKENS, number_words, point_mod, read_rel

_HOW = {"last": "past", "this past": "past", "past": "past", "the previous": "past", "next": "future",
        "this coming": "future", "coming": "future", "the following": "future", "the next": "future", "this": "this"}
_EDGE_MODS = {"early": "START", "earlier": "START", "late": "END", "later": "END"}
_DAY_WORDS = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "this": 0, "last": -1}


def _weekday_value(doc: Doc, weekday: int, rel: str | None, span: tuple[int, int]) -> str:
    ref_day = doc.ref_day()
    if rel in ("the previous", "the following") and ref_day:
        return weekday_date(ref_day, weekday, _HOW[rel or ""], False).isoformat()
    if doc.anchor is None:
        return f"XXXX-WXX-{weekday + 1}"
    how = _HOW.get(rel or "") or doc.direction(*span)
    if how == "this":  # "this Tuesday": the nearest one, on the side the tense points to
        how = "this " + doc.direction(*span)
    return weekday_date(doc.anchor, weekday, how, rel is None, doc.same_weekday_is_anchor).isoformat()


def _day_offset(doc: Doc, offset: int) -> str:
    return (doc.anchor + timedelta(days=offset)).isoformat() if doc.anchor else "XXXX-XX-XX"


def _with_part(day: str, part: str | None, mod: str | None) -> Result:
    """A day, or a part of it ("2001-01-10TNI") when one is named."""
    return ("TIME", f"{day}T{part}", mod) if part else ("DATE", day, mod)


def _part_in(toks: list[str]) -> str | None:
    return "NI" if "tonight" in toks else next((PARTS_OF_DAY[t] for t in toks if t in PARTS_OF_DAY), None)


def _n_weekday(m: re.Match[str], s: int, e: int, doc: Doc) -> Result | None:
    text = doc.low[s:e]
    toks = TOKENS.findall(text)
    weekday = next(WEEKDAYS[t] for t in toks if t in WEEKDAYS)
    value = _weekday_value(doc, weekday, read_rel(text), (s, e))
    return _with_part(value, _part_in(toks), _EDGE_MODS.get(toks[0]))


def _n_dayword(m: re.Match[str], s: int, e: int, doc: Doc) -> Result | None:
    """today, yesterday, tomorrow, tonight, last night, this morning, the day before yesterday."""
    toks = TOKENS.findall(doc.low[s:e])
    offset = next((_DAY_WORDS[t] for t in toks if t in _DAY_WORDS), 0) + ("after" in toks) - ("before" in toks)
    return _with_part(_day_offset(doc, offset), _part_in(toks), _EDGE_MODS.get(toks[0]))


def _clock_time(text: str) -> str:
    if "noon" in text or "midday" in text:
        return "12:00"
    if "midnight" in text:
        return "24:00"
    m = re.search(r"(\d{1,2})(?:[:.]?(\d\d))?", text)
    hour = int(m.group(1)) if m else int(number_words(text.split()[0]) or 0)
    minute = int(m.group(2)) if m and m.group(2) else 0
    if re.search(r"p\.?m|afternoon|evening|night", text) and hour < 12:
        hour += 12
    elif re.search(r"a\.?m", text) and hour == 12:
        hour = 0
    return f"{hour:02d}:{minute:02d}"


def _clock_day(doc: Doc, text: str, span: tuple[int, int]) -> str:
    """The day of a time: the weekday, day word or date named with it, else the anchor."""
    toks = TOKENS.findall(text)
    weekday = next((WEEKDAYS[t] for t in toks if t in WEEKDAYS and len(t) > 5), None)
    if weekday is not None:
        return _weekday_value(doc, weekday, None, span)
    day_word = next((t for t in toks if t in ("today", "tonight", "yesterday", "tomorrow")), None)
    if day_word:
        return _day_offset(doc, _DAY_WORDS[day_word])
    month_day = re.search(rf"({MONTH})\s+(\d+)", text)
    if month_day:
        month = MONTHS[month_day.group(1).rstrip(".")]
        return date_value(doc, month, int(month_day.group(2)), None, None, span) or "XXXX-XX-XX"
    return _day_offset(doc, 0)


def _n_clock(m: re.Match[str], s: int, e: int, doc: Doc) -> Result | None:
    text = doc.low[s:e]
    mod = "APPROX" if re.match(r"about|around|approximately", text) else None
    mod = mod or ("BEFORE" if "before" in text else "AFTER" if re.match(r"(?:shortly|just) after", text) else None)
    zone = "Z" if re.search(r"\b(?:utc|gmt)\b", text) else ""
    return "TIME", f"{_clock_day(doc, text, (s, e))}T{_clock_time(text)}{zone}", mod


def _n_part_of_day(m: re.Match[str], s: int, e: int, doc: Doc) -> Result | None:
    """ "this morning" (the anchor's), "in the evening", "that night" (the reference day's), "overnight"."""
    text = doc.low[s:e]
    part = next(code for word, code in PARTS_OF_DAY.items() if word in text)
    if text == "overnight":
        return "TIME", f"{_day_offset(doc, -1)}T{part}", None
    ref_day = doc.ref_day()
    day = ref_day.isoformat() if ref_day and not text.startswith("this") else _day_offset(doc, 0)
    return "TIME", f"{day}T{part}", point_mod(text)


def _n_anaphoric(m: re.Match[str], s: int, e: int, doc: Doc) -> Result | None:
    """ "the next day", "that year", "the following week", "the day before": from the reference."""
    text = doc.low[s:e]
    unit = re.findall(r"day|week(?:end)?|month|year|morning|night|evening|afternoon", text)[-1]
    back = bool(re.search(r"previous|preceding|prior|before", text))
    shift = 1 if re.search(r"next|following|after", text) else -back
    mod = point_mod(text)
    base = doc.base() if unit in ("week", "weekend", "month", "year") else doc.ref_day() or doc.anchor
    if base is None:
        return "DATE", VAGUE.get(unit, "XXXX-XX-XX"), mod
    if unit in PARTS_OF_DAY:
        return "TIME", f"{(base + timedelta(days=shift)).isoformat()}T{PARTS_OF_DAY[unit]}", mod
    if unit == "weekend":
        return "DATE", shift_value(base, "week", shift) + "-WE", mod
    return "DATE", shift_value(base, unit, shift), mod


NORMALISERS: dict[str, Normaliser] = {
    "weekday": _n_weekday, "dayword": _n_dayword, "clock": _n_clock, "part_of_day": _n_part_of_day,
    "anaphoric": _n_anaphoric,
}
