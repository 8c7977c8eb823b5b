"""Vocabulary of the temporal tagger, and the regex building blocks made of it.

Month and weekday names, number words and ordinals, units, parts of the day, seasons, modifiers,
reference words and holidays, as tables (``MONTHS["sept"] == 9``) that the patterns, the checks
and the normalisers read (and ``dyadwatch.dates`` too, for its explicit dates). The building
blocks (``MONTH``, ``DAY``, ``COUNT``...) are regex source in lower case, as every pattern runs
on the lower-cased text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# --- words --------------------------------------------------------------------------------------


def word_set(text: str) -> frozenset[str]:
    """The words of a table written as one string."""
    return frozenset(text.split())


MONTHS: dict[str, int] = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
WEEKDAYS: dict[str, int] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
    "mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3, "fri": 4, "sat": 5, "sun": 6,
}
ONES: dict[str, int] = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
    "twentieth": 20, "thirtieth": 30,
}
# unit word -> (TIMEX3 unit letter, multiple, is a time-of-day unit)
UNITS: dict[str, tuple[str, int, bool]] = {
    "second": ("S", 1, True), "minute": ("M", 1, True), "hour": ("H", 1, True),
    "day": ("D", 1, False), "night": ("D", 1, False), "week": ("W", 1, False), "fortnight": ("W", 2, False),
    "month": ("M", 1, False), "quarter": ("M", 3, False), "year": ("Y", 1, False),
    "decade": ("Y", 10, False), "century": ("Y", 100, False), "centurie": ("Y", 100, False),
}
PARTS_OF_DAY: dict[str, str] = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI",
}
SEASONS: dict[str, str] = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
# a modifier before a point in time -> TIMEX3 mod
POINT_MODS: dict[str, str] = {
    "early": "START", "earlier": "START", "beginning": "START", "start": "START", "dawn": "START",
    "mid": "MID", "middle": "MID", "late": "END", "later": "END", "end": "END", "close": "END",
}
# a modifier before an amount of time -> TIMEX3 mod
AMOUNT_MODS: dict[str, str] = {
    "about": "APPROX", "around": "APPROX", "approximately": "APPROX", "roughly": "APPROX", "some": "APPROX",
    "nearly": "LESS_THAN", "almost": "LESS_THAN", "less than": "LESS_THAN", "under": "LESS_THAN",
    "fewer than": "LESS_THAN", "just under": "LESS_THAN", "more than": "MORE_THAN", "over": "MORE_THAN",
    "just over": "MORE_THAN", "longer than": "MORE_THAN", "at least": "EQUAL_OR_MORE",
    "no less than": "EQUAL_OR_MORE", "at most": "EQUAL_OR_LESS", "no more than": "EQUAL_OR_LESS",
    "up to": "EQUAL_OR_LESS",
}
REF_WORDS: dict[str, str] = {
    "now": "PRESENT_REF", "currently": "PRESENT_REF", "current": "PRESENT_REF",
    "at present": "PRESENT_REF", "presently": "PRESENT_REF", "these days": "PRESENT_REF",
    "nowadays": "PRESENT_REF", "the present": "PRESENT_REF", "at the moment": "PRESENT_REF",
    "recently": "PAST_REF", "lately": "PAST_REF", "the past": "PAST_REF",
    "more recently": "PAST_REF", "most recently": "PAST_REF", "until recently": "PAST_REF",
    "the future": "FUTURE_REF", "the near future": "FUTURE_REF", "the foreseeable future": "FUTURE_REF",
    "soon": "FUTURE_REF", "a later date": "FUTURE_REF", "the near term": "FUTURE_REF", "the short term": "FUTURE_REF",
    "as soon as possible": "FUTURE_REF",
}
# holiday -> (month, day); Thanksgiving and Easter are computed
HOLIDAYS: dict[str, tuple[int, int]] = {
    "christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24), "new year's day": (1, 1),
    "new year's eve": (12, 31), "halloween": (10, 31), "valentine's day": (2, 14),
}
# words after a bare number that make it a count, not a year
COUNT_NOUNS = word_set(
    "people persons troops soldiers men women children workers employees jobs members votes seats deaths "
    "dead cases residents refugees prisoners units tons tonnes barrels cars vehicles homes houses miles "
    "km kilometers kilometres meters metres feet yards dollars euros pounds rubles shares points percent "
    "acres hectares times students officers police civilians fighters rebels delegates pages words calls "
    "rounds missiles tanks planes aircraft ships others more less"
)
# a word right before a bare four-digit number that makes it a year
YEAR_CONTEXT = word_set(
    "in since by until till of from before after during through throughout to between early late mid "
    "fiscal calendar year circa around about spring summer fall autumn winter the a an its his her their "
    "this that our pre post for into both due"
)
MONTH_CONTEXT = word_set(
    "in since by until till of from before after during through throughout to between and or early late mid "
    "last next this the each every until past coming end beginning start middle"
)

# --- regex building blocks (lower case) ----------------------------------------------------------


def alt(words: Iterable[str]) -> str:
    """An alternation of ``words``, longest first so that a longer word wins over its prefix."""
    items = sorted(set(words), key=len, reverse=True)
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in items) + ")"


_ONES9 = alt(w for w, n in ONES.items() if n < 10)
TENS_FULL = rf"(?:{alt(TENS)}(?:[- ]{_ONES9})?)"
_NUM_99 = rf"(?:{TENS_FULL}|{alt(ONES)})"
NUM_WORD = rf"(?:(?:{_NUM_99}|a)\s+(?:hundred|thousand)(?:(?:\s+and)?\s+{_NUM_99})?|{_NUM_99})"
NUMBER = (rf"(?:\d+(?:\.\d+)?(?:\s+\d/\d)?|{NUM_WORD}|a\s+dozen|dozen|a\s+couple\s+of|a\s+couple|a\s+few|few"
          r"|several|many|some|an?|half\s+an?)")
COUNT = rf"(?:{NUMBER}(?:\s+and\s+(?:a|one)[- ]half)?)"
UNIT_S = (r"(?:seconds?|minutes?|hours?|days?|nights?|weeks?|fortnights?|months?|quarters?|years?|decades?"
          r"|century|centuries)")
UNIT_1 = r"(?:second|minute|hour|day|night|week|fortnight|month|quarter|year|decade|century)"
MONTH_FULL = alt(k for k in MONTHS if len(k) > 4 or k in {"may", "june", "july"})
MONTH = rf"(?:{MONTH_FULL}|(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.?)"
WEEKDAY = alt(k for k in WEEKDAYS if len(k) > 5)
WEEKDAY_ABBR = r"(?:mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)\."
YEAR = r"(?:1[0-9]|20)\d\d(?!\d|,\d|\.\d)"
DAY = r"(?:[0-3]?\d(?:st|nd|rd|th)?(?![\d%]|:\d))"
DAY_WORD = (rf"(?:(?:twenty|thirty)[- ]first|twenty[- ](?:second|third|fourth|fifth|sixth|seventh|eighth|ninth)"
            rf"|{alt(ORDINALS)})")
SEASON = alt(SEASONS)
SPELLED_YEAR = rf"(?:nineteen|eighteen)[- ](?:{TENS_FULL}|{alt(ONES)})"
PART = r"(?:morning|afternoon|evening|night)"
POINT_MOD = (r"(?:(?:the\s+)?(?:very\s+)?(?:early|late|mid|earlier|later)(?:\s*-\s*|\s+)"
             r"|(?:the\s+)?(?:beginning|start|end|middle|close|dawn)\s+of\s+)")
AMOUNT_MOD = alt(AMOUNT_MODS)
REL = r"(?:last|next|this|past|coming|previous|following|current|upcoming|this\s+past|this\s+coming)"
QUARTER_ORD = r"(?:first|second|third|fourth|1st|2nd|3rd|4th|final)"
TZ = r"(?:\s*\(?(?:[ecmp][sd]t|gmt|utc|bst|cet|msk|local\s+time)\)?)"
CLOCK = (
    r"(?:\d{1,2}(?:[:.][0-5]\d)?\s*(?:a\.m\.?|p\.m\.?|am|pm)(?![a-z])"
    rf"|\d{{1,2}}:[0-5]\d(?![\d:])|(?:[01]\d|2[0-3])[0-5]\d(?=\s*(?:gmt|utc)\b)|\d{{1,2}}\s+o'clock"
    rf"|{alt(ONES)}\s+o'clock|noon|midnight|midday)"
)
DAY_REF = rf"(?:{WEEKDAY}|today|tonight|yesterday|tomorrow|{MONTH}\s+{DAY})"
