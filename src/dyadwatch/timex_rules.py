"""Vocabulary, patterns and checks of the temporal tagger (:mod:`dyadwatch.timex`).

This module says what counts as a time expression; ``timex.py`` says what it means.

* Every pattern runs on the *lower-cased* text, so the patterns are written in lower case and
  compiled case-sensitively (much faster than ``re.IGNORECASE``). Checks that need capitals
  ("May" the month, not "may" the verb) look at the original text.
* A pattern may name a group ``t`` (or ``t2``): the expression is then that group only, and the
  rest of the match is context (a preposition or a number before it).
* A family's pattern only runs around its trigger words (``TRIGGERS``): every match contains one
  within ``REACH_LEFT``/``REACH_RIGHT`` characters. That keeps the tagger fast.
* A candidate that matches a pattern can still be refused by the family's check (``CHECKS``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

# --- words --------------------------------------------------------------------------------------


def _words(text: str) -> frozenset[str]:
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
COUNT_NOUNS = _words(
    "people persons troops soldiers men women children workers employees jobs members votes seats deaths "
    "dead cases residents refugees prisoners units tons tonnes barrels cars vehicles homes houses miles "
    "km kilometers kilometres meters metres feet yards dollars euros pounds rubles shares points percent "
    "acres hectares times students officers police civilians fighters rebels delegates pages words calls "
    "rounds missiles tanks planes aircraft ships others more less"
)
# a word right before a bare four-digit number that makes it a year
YEAR_CONTEXT = _words(
    "in since by until till of from before after during through throughout to between early late mid "
    "fiscal calendar year circa around about spring summer fall autumn winter the a an its his her their "
    "this that our pre post for into both due"
)
MONTH_CONTEXT = _words(
    "in since by until till of from before after during through throughout to between and or early late mid "
    "last next this the each every until past coming end beginning start middle"
)

# --- regex building blocks (lower case) ----------------------------------------------------------


def alt(words: Iterable[str]) -> str:
    """An alternation of ``words``, longest first so that a longer word wins over its prefix."""
    items = sorted(set(words), key=len, reverse=True)
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in items) + ")"


_ONES9 = alt(w for w, n in ONES.items() if n < 10)
_TENS_FULL = rf"(?:{alt(TENS)}(?:[- ]{_ONES9})?)"
_NUM_99 = rf"(?:{_TENS_FULL}|{alt(ONES)})"
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
SPELLED_YEAR = rf"(?:nineteen|eighteen)[- ](?:{_TENS_FULL}|{alt(ONES)})"
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


def _c(pattern: str) -> re.Pattern[str]:
    """A pattern that only matches whole words (so that "this week" cannot stop "this weekend")."""
    return re.compile(rf"(?<![a-z0-9])(?:{pattern})(?![a-z0-9])")


# --- patterns, by family (each family has a normaliser of the same name in timex.py) -------------

PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", _c(r"(?<![\d-])[12]\d{3}-[01]\d-[0-3]\d(?:t[0-2]\d:[0-5]\d(?::[0-5]\d)?)?(?![\d-])")),
    ("numeric", _c(r"(?<![\d/.-])[0-3]?\d([/.-])[0-3]?\d\1(?:[12]\d{3}|\d\d)(?![\d/-]|\.\d)")),
    ("textual", _c(
        rf"(?:(?:{WEEKDAY}|{WEEKDAY_ABBR})\s?,?\s+)?(?:the\s+)?{DAY}\s+(?:of\s+)?{MONTH}(?:\s?,?\s+(?:{YEAR}|'\d\d))?"
        rf"|(?:(?:{WEEKDAY}|{WEEKDAY_ABBR})\s?,?\s+)?(?:(?:last|this|next)\s+)?{MONTH}\s+(?:the\s+)?(?:{DAY}|{DAY_WORD})"
        rf"(?:\s?,?\s+(?:{YEAR}|'\d\d))?|(?:{POINT_MOD})?{MONTH}\s?,?\s+(?:of\s+)?(?:{YEAR}|{SPELLED_YEAR})")),
    ("day_range", _c(rf"{MONTH}\s+{DAY}\s*(?:-|–|and|or|to|through)\s*(?P<t>{DAY}(?:\s?,?\s+{YEAR})?)")),
    ("holiday", _c(
        rf"{alt(HOLIDAYS)}|thanksgiving(?:\s+day)?|easter(?:\s+sunday|\s+week)?(?:,?\s+{YEAR})?")),
    ("spelled_year", _c(
        rf"(?:the\s+year\s+)?(?:nineteen|eighteen)(?:[- ]hundred(?:\s+and)?)?[- ](?:{_TENS_FULL}|{alt(ONES)})"
        r"|(?:the\s+year\s+)?two\s+thousand(?:(?:\s+and)?\s+(?:" + alt(ONES) + "))?")),
    ("decade", _c(
        r"(?:(?:the\s+)?(?:early|late|mid)\s*-?\s*)?(?:the\s+)?(?:[12]\d\d0|'\d0|\d0)'?s(?![\w'])"
        r"|(?:the\s+)?(?:(?:early|late|mid)\s*-?\s*)?(?:nineteen[- ])?"
        r"(?:twent|thirt|fort|fift|sixt|sevent|eight|ninet)ies")),
    ("century", _c(
        rf"(?:(?:the\s+)?(?:early|late|mid)\s*-?\s*)?(?:the\s+)?(?:\d{{1,2}}(?:st|nd|rd|th)|{DAY_WORD})[- ]century"
        rf"|(?:the\s+)?(?:this|last|past|next|previous|current)\s+century")),
    ("quarter", _c(
        rf"(?:(?:its|their|his|her|a|an)\s+|the\s+(?=(?:fiscal[- ])?{QUARTER_ORD}-))?(?P<t>(?:(?:the|this\s+year's"
        rf"|last\s+year's|next\s+year's|(?:the\s+)?{YEAR}(?:'s)?)\s+)?(?:(?:fiscal|calendar|same|year-ago|year-earlier)"
        rf"[- ])?{QUARTER_ORD}[- ](?:fiscal[- ])?(?:quarter|half|period)s?(?:\s+(?:of\s+)?(?:fiscal\s+)?(?:{YEAR}"
        r"|(?:this|last|next)\s+year))?)"
        rf"|q[1-4](?:\s+{YEAR})?(?![\w-])"
        r"|(?:the|this|last|next|that|(?:this|last|next)\s+year's)\s+(?:(?:latest|current|most\s+recent|previous"
        r"|prior|same|comparable|corresponding|year-ago|year-earlier|prior-year|fiscal|latest\s+fiscal)\s+)*"
        r"(?:quarter|period)(?![\w-])"
        rf"(?:\s+(?:a\s+year\s+(?:ago|earlier)|last\s+year))?|the\s+{YEAR}\s+(?:quarter|period)"
        r"|year-(?:ago|earlier)\s+(?:quarter|period)")),
    ("weekday", _c(
        rf"(?:(?:early|late|earlier|later)\s+)?(?:(?:last|next|this|this\s+past|this\s+coming|the\s+previous"
        rf"|the\s+following|the\s+next|past|coming)\s+)?{WEEKDAY}(?:\s+{PART}|\s+during\s+the\s+day)?")),
    ("dayword", _c(
        r"(?:(?:early|late|earlier|later)\s+)?(?:the\s+day\s+(?:before|after)\s+)?(?:today|yesterday|tomorrow|tonight)"
        rf"(?:\s+{PART})?|(?:(?:early|late|earlier|later)\s+)?(?:this|last|tomorrow|yesterday)\s+{PART}"
        r"|(?:the\s+)?(?:early\s+)?hours\s+of\s+(?:the\s+)?(?:morning|today|yesterday)")),
    ("clock", _c(
        rf"(?:(?:about|around|approximately|shortly\s+(?:before|after)|just\s+(?:before|after))\s+)?{CLOCK}{TZ}?"
        rf"(?:,?\s+(?:on\s+)?{DAY_REF})?|\d{{1,2}}(?::\d\d)?\s+in\s+the\s+{PART}")),
    ("anaphoric", _c(
        r"(?:(?:early|late|earlier|later)\s+)?(?:that|the\s+same|the\s+next|the\s+following|the\s+previous"
        r"|the\s+preceding|the\s+prior)\s+(?:day|week|month|year|morning|night|evening|afternoon|weekend)"
        r"|the\s+(?:day|week|month|year|night)\s+(?:before|after)(?=\s*[,.;)]|\s+(?:and|but|when|as))"
        r"|(?:(?:late|early|later|earlier)\s+in\s+|the\s+(?:start|beginning)\s+of\s+)?the\s+day(?![\w-])")),
    ("part_of_day", _c(
        rf"(?:(?:early|late)\s+)?(?:this|that)\s+{PART}"
        rf"|(?:in|during|by|through)\s+(?P<t>(?:the\s+)?(?:early\s+)?{PART})"
        r"|overnight|(?:the\s+)?mid-?\s*afternoon")),
    ("relunit", _c(
        rf"(?:{POINT_MOD})?(?:the\s+)?(?:{REL})\s+(?:fiscal\s+|calendar\s+)?(?:week|weekend|month|year|quarter"
        r"|decade)(?!-)"
        rf"|(?:{POINT_MOD})(?:the|this)\s+(?:fiscal\s+)?(?:week|month|year|decade)"
        r"|(?:the\s+|this\s+)?weekend(?![-\w])|(?:the|this)\s+week(?![-\w])"
        r"|the\s+(?:(?:fiscal|full|latest\s+fiscal|current\s+fiscal)\s+)?(?:year|month)(?![-\w])"
        r"|(?:around\s+)?(?:the\s+)?year(?:'s)?[- ]end|earlier\s+in\s+the\s+(?:year|month|week)"
        r"|these\s+days")),
    ("season", _c(
        r"(?:(?P<ctx>in|during|by|since|until|through|before|after)\s+)?(?P<t>(?:(?:early|late|mid)\s*-?\s*)?"
        r"(?:(?:last|next|this|this\s+past|this\s+coming|the\s+past|the\s+coming|the|that|the\s+same)\s+)?"
        rf"(?:(?:early|late|mid)\s*-?\s*)?{SEASON}(?:,?\s+(?:of\s+)?(?:{YEAR}|{SPELLED_YEAR}))?)")),
    ("set", _c(
        rf"(?:every|each)\s+(?:other\s+|single\s+)?(?:(?:{COUNT})\s+)?(?:{UNIT_S}|{WEEKDAY}|{MONTH_FULL}|{SEASON}s?"
        rf"|{PART}s?)|daily|weekly|monthly|annually|yearly|hourly|quarterly|nightly|biweekly|bimonthly"
        rf"|semi-?annually|biannually|(?:on\s+)?(?P<t>(?:{WEEKDAY})s(?:\s+{PART}s?)?|{WEEKDAY}\s+{PART}s)(?![\w'])"
        rf"|(?:\d|once|twice|times|{alt(ONES)}|%|percent|dollars|cents|million|billion|trillion)\s+"
        rf"(?P<t2>(?:a|an|per|each|every)\s+{UNIT_1})(?![\w-])")),
    ("ago", _c(
        rf"(?:{AMOUNT_MOD}\s+)?(?:(?:{COUNT})\s+(?:more\s+)?{UNIT_S}|{UNIT_S})\s+"
        r"(?:ago|earlier|later|from\s+now|hence|back|(?:before|after)(?=\s*[,.;:!?)]|$))(?!\s+(?:than|that))"
        r"|(?:a\s+)?(?:long|short|little|while)\s+(?:time\s+)?ago|year-(?:ago|earlier)(?!\s+(?:quarter|period))")),
    ("duration", _c(
        rf"(?:(?!over\s+the\s){AMOUNT_MOD}\s+)?(?:the\s+)?(?:(?:past|last|next|first|coming|previous|following"
        r"|final|latest|remaining|initial|entire|whole|full|same|recent|better\s+part\s+of\s+the)\s+)?"
        rf"(?:(?:{COUNT})\s+(?:more\s+|additional\s+|full\s+|straight\s+|consecutive\s+|long\s+|whole\s+)?{UNIT_S}"
        rf"|(?:few|several|many|recent|coming)\s+{UNIT_S})(?:[- ]long)?"
        rf"|(?:{COUNT}|half|multi|several)[- ](?:and-a-half-)?{UNIT_1}(?:s?[- ]long|[- ]old)?(?![\w-])"
        r"|(?:for|over|within|in|took|take|takes|taking|lasted|lasts|lasting|spent|after)\s+"
        r"(?P<t>(?:years|months|weeks|decades|days|hours|centuries))(?![\w-])"
        r"|over\s+(?P<t2>the\s+years)|the\s+(?:days|weeks|months|years)\s+ahead")),
    ("month", _c(
        rf"(?:{POINT_MOD})?(?:(?:last|next|this|this\s+past|this\s+coming|the\s+same|that)\s+)?{MONTH}"
        r"(?:,?\s+(?:of\s+)?(?:last|this|next)\s+year)?")),
    ("year", _c(
        rf"(?:{POINT_MOD})?(?:(?:fiscal|calendar|the\s+year|model\s+year|fy)\s*-?\s*)?{YEAR}(?!\s*-\s*\d|\s*%|-)"
        r"|['’]\d\d(?![\w'’])")),
    ("ref", _c(alt(REF_WORDS) + r"(?![\w-])")),
]

# --- checks: refuse a candidate that only looks like a time expression ---------------------------

_PREV_WORD = re.compile(r"([a-z]+(?:'s)?|\d+|[^\sa-z\d])[\s(-]*$")
_NEXT_WORD = re.compile(r"\s*([\w']+|\S)")
_LETTERS = re.compile(r"[a-z]+")


class Text:
    """A text and its lower-cased copy (same offsets), with the look-arounds the checks need."""

    def __init__(self, text: str) -> None:
        self.text = text
        low = text.lower()
        self.low = low if len(low) == len(text) else "".join(c.lower() if len(c.lower()) == 1 else c for c in text)

    def word_before(self, start: int) -> str:
        """The lower-cased word (or sign) before ``start``, skipping spaces, "(" and "-"."""
        m = _PREV_WORD.search(self.low, max(0, start - 25), start)
        return m.group(1) if m else ""

    def word_after(self, end: int) -> str:
        """The word (or sign) after ``end``, as written."""
        m = _NEXT_WORD.match(self.text, end)
        return m.group(1) if m else ""

    def capitalised(self, start: int, end: int, words: Iterable[str]) -> bool:
        """Whether the first of ``words`` in text[start:end] is written with a capital (True if none is)."""
        for m in _LETTERS.finditer(self.low, start, end):
            if m.group(0) in words:
                return self.text[m.start()].isupper()
        return True


Check = Callable[[re.Match[str], int, int, Text], bool]


# month names that are also common words must be capitalised ("in May", not "it may rain"); other
# month and weekday names are taken in lower case too (headlines, chat, text lower-cased by a scraper)
AMBIGUOUS_NAMES = _words("may march august jan mar sun sat wed")


def _check_names(m: re.Match[str], s: int, e: int, t: Text) -> bool:
    return t.capitalised(s, e, AMBIGUOUS_NAMES)


def _check_month(m: re.Match[str], s: int, e: int, t: Text) -> bool:
    text = t.low[s:e]
    name = next(w for w in _LETTERS.findall(text) if w in MONTHS)
    if not t.capitalised(s, e, AMBIGUOUS_NAMES):
        return False
    if len(name) <= 4 and name not in ("may", "june", "july"):  # an abbreviation: "Sept.", not "Jan Kavan"
        return text.endswith(".") and (" " in text or t.word_before(s) in MONTH_CONTEXT)
    after, before = t.word_after(e), t.word_before(s)
    in_context = before in MONTH_CONTEXT and name not in ("april", "may", "june", "august")
    if after[:1].isupper() and after.lower() not in WEEKDAYS and after != "I" and not in_context:
        return False  # a name: "April Glaspie", "March Madness"; but "In September Russia signed"
    return text != name or name not in ("may", "march") or t.word_before(s) in MONTH_CONTEXT


_YEAR_LIST = re.compile(r"(?:\b[12]\d{3}|\d0s)(?:,|\s+(?:and|or|to|through|until|till)|\s*[-–])\s*$")
_DETERMINERS = _words("the a an its his her their this that our")
_SHORT_YEAR_CONTEXT = _words("in since until till from before after during of")


def _check_year(m: re.Match[str], s: int, e: int, t: Text) -> bool:
    """A bare number is a year after a date-like word, in a list of years, or before "'s"."""
    text = t.low[s:e]
    if re.search(r"[\d$£€#.]\s?$|\d,$", t.low[max(0, s - 2):s]) or re.match(
            r"\s*(?:million|billion|trillion|percent|per\s+cent)", t.low[e:e + 14]):
        return False
    word, after = t.word_before(s), t.word_after(e).lower()
    if text[:1] in "'\u2019":
        return word in _SHORT_YEAR_CONTEXT  # "since '82", not "the '82 vintage" or a quotation mark
    if not text[:1].isdigit():
        return True  # "fiscal 1990", "the year 2000", "mid-1998"
    if after in COUNT_NOUNS or after.isdigit():
        return False  # "2001 people"
    if word in YEAR_CONTEXT or word.endswith("'s"):
        return 1800 <= int(text) <= 2099 or not (word in _DETERMINERS or word.endswith("'s"))
    return t.low.startswith("'s", e) or bool(_YEAR_LIST.search(t.low, max(0, s - 20), s))


_DECADE_LIST = re.compile(r"\d0'?s\s*(?:,|and|or|to|through|-)\s*$")


def _check_decade(m: re.Match[str], s: int, e: int, t: Text) -> bool:
    """ "the 1990s", "the '90s", "the nineties", "the 70s and 80s"; "the 60s" but not "in her 60s"."""
    text = t.low[s:e]
    if re.search(r"\d{4}s|'\d0s|ies$", text) or _DECADE_LIST.search(t.low, max(0, s - 16), s):
        return True
    return text.startswith("the") and t.word_before(s) not in ("his", "her", "their", "its", "my", "your")


def _check_season(m: re.Match[str], s: int, e: int, t: Text) -> bool:
    """ "last fall", "the spring of 2003", "in winter"; not "the fall of Baghdad" or "Arab Spring"."""
    text = t.low[s:e]
    word = re.search(SEASON, text)
    dated = bool(re.search(r"\d{4}$|nineteen|eighteen", text))
    if word is None or (t.text[s + word.start()].isupper() and not dated):
        return False
    if dated or re.match(r"(?:early|late|mid|last|next|this|that|the\s+(?:past|coming|same))", text):
        return True
    if text.startswith("the"):
        return not re.match(r"\s+(?:of|in|to|from|and|was|is)\b", t.low[e:e + 6])
    return m.group("ctx") is not None and word.group(0) not in ("fall", "spring")


def _check_clock(m: re.Match[str], s: int, e: int, t: Text) -> bool:
    """ "10:30 a.m.", "noon"; a bare "10:30" only after "at"/"by"/"until" or before a time zone."""
    text, word = t.low[s:e], t.word_before(s)
    if word == "high":
        return False  # "High Noon"
    if re.search(r"[ap]\.?m|o'clock|noon|midnight|midday|morning|afternoon|evening|night", text):
        return True
    return bool(re.search(TZ + "$", text)) or word in ("at", "by", "until", "before", "after")


def _check_quarter(m: re.Match[str], s: int, e: int, t: Text) -> bool:
    """ "Q3" capitalised; "the period" only as "the latest/year-ago/1988 period"."""
    text = t.low[s:e]
    if text.startswith("q"):
        return t.text[s].isupper()
    return not text.endswith("period") or bool(re.search(r"latest|year|comparable|corresponding|same|\d", text))


def _check_set(m: re.Match[str], s: int, e: int, t: Text) -> bool:
    if t.low[s:e] == "quarterly":
        return not re.match(r"\s+[a-z]", t.low[e:e + 3])  # the adjective: "its quarterly dividend"
    return _check_names(m, s, e, t)


def _check_duration(m: re.Match[str], s: int, e: int, t: Text) -> bool:
    text = t.low[s:e]
    if text.endswith("old") or re.match(r"-?\s*old\b", t.low[e:e + 5]):
        return False  # ages: "a 30-year-old man", "52 years old"
    if text.endswith("quarter") and re.match(r"\s*,?\s*of\b", t.low[e:e + 8]):
        return False  # a share: "about a quarter of its dealers"
    return not re.fullmatch(r"an?\s+second", text)  # "a second group"


_NOT_NOW = re.compile(r"\s+(?:accounts?|affairs|events|flows?|prices|dollars|levels?|law|rules|members?|owners?)\b")


def _check_ref(m: re.Match[str], s: int, e: int, t: Text) -> bool:
    text = t.low[s:e]
    if text == "current":  # "the current crisis", not "current account" or "electric current"
        return bool(re.match(r"\s+[a-z]", t.low[e:e + 3])) and not _NOT_NOW.match(t.low, e)
    if text == "the past":  # "the past two years" is a duration
        return not re.match(r"\s+(?:decade|century|\d|[a-z]+\s+(?:years|months|weeks|days))", t.low[e:e + 20])
    return text != "soon" or not re.match(r"\s+(?:as|after|afterwards|became|thereafter)\b", t.low[e:e + 14])


def _check_spelled_year(m: re.Match[str], s: int, e: int, t: Text) -> bool:
    """ "nineteen ninety-six"; "two thousand" only as a year ("in two thousand", not "two thousand troops")."""
    text = t.low[s:e]
    return text.startswith(("the year", "nineteen", "eighteen")) or t.word_before(s) in (
        "in", "since", "by", "until", "of", "from", "before", "after")


_DAY_OF_REPORT = _words("end ends ended ending finish finished finishing close closed closing for")


def _check_anaphoric(m: re.Match[str], s: int, e: int, t: Text) -> bool:
    """ "the day" alone is a day only as "ended the day", "for the day", "later in the day"."""
    text = t.low[s:e]
    return text != "the day" or t.word_before(s) in _DAY_OF_REPORT


def _check_relunit(m: re.Match[str], s: int, e: int, t: Text) -> bool:
    unit = re.search(r"week|month|year|quarter|decade", t.low[s:e])
    return unit is None or not t.text[s + unit.start()].isupper()  # "ABC's This Week"


def _check_numeric(m: re.Match[str], s: int, e: int, t: Text) -> bool:
    return m.group(1) == "/" or len(t.low[s:e].rsplit(m.group(1), 1)[1]) == 4  # "10.01.2001", not "1.5.10"


CHECKS: dict[str, Check] = {
    "textual": _check_names, "day_range": _check_names, "weekday": _check_names,
    "month": _check_month, "year": _check_year,
    "decade": _check_decade, "season": _check_season, "clock": _check_clock, "quarter": _check_quarter,
    "set": _check_set, "duration": _check_duration, "ref": _check_ref, "relunit": _check_relunit,
    "spelled_year": _check_spelled_year, "numeric": _check_numeric, "anaphoric": _check_anaphoric,
}


# --- tense cues ----------------------------------------------------------------------------------

IRREGULAR_PAST = _words(
    "became began came went made took gave got met left held kept led fell rose won lost sent spent struck ran "
    "saw wrote spoke chose drove flew grew knew threw broke brought bought fought sought thought caught taught "
    "found felt heard paid sold stood told understood withdrew arose fled hid shot slid swore tore woke wore "
    "drew ate sat lay hung dug rode rang sang sank shook stole stuck stung swung"
)
# strong cues (F, P: auxiliaries, reporting verbs) count as nearer than weak ones (f, p: other verb forms)
TENSE_CUES = re.compile(
    r"\b(?:(?P<F>will|wo|shall|going\s+to|gonna|would|next|tomorrow|upcoming|(?:plans?|planning|intends?|expected"
    r"|expects?|scheduled|set|is|are|due)\s+to(?:\s+be)?|(?:planned|scheduled|set|slated|due)\s+for)"
    r"|(?P<P>said|says|told|was|were|had|did|ago|last|yesterday|since)"
    r"|(?P<f>plans?|scheduled|expected|expects?|intends?|hopes?\s+to|aims?\s+to|coming|later|soon|until|till)"
    r"|(?P<p>has|have|earlier|[a-z]{3,}ed|" + alt(IRREGULAR_PAST) + r"))\b|(?P<F2>'ll)\b"
)
SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]]*\s+(?=[\"'(\[`]*[A-Z0-9])|\n\s*\n|\n(?=[A-Z\"'])")

# --- triggers: every match of a family contains one of its words (or, for "#", a digit that can
# start a date or time) within REACH_LEFT/REACH_RIGHT characters, so a family's pattern only runs
# around them -------------------------------------------------------------------------------------

_UNIT_WORDS = [u + s for u in ("second", "minute", "hour", "day", "night", "week", "fortnight", "month", "quarter",
                               "year", "decade", "weekend") for s in ("", "s")] + ["century", "centuries"]
_PART_WORDS = ["morning", "afternoon", "evening", "night", "nights", "mornings", "evenings", "afternoons"]
_FULL_WEEKDAYS = [w for w in WEEKDAYS if len(w) > 5]
_TRIGGERS: dict[str, list[str]] = {
    "iso": ["#"], "numeric": ["#"], "year": ["#"],
    "clock": ["#", "noon", "midnight", "midday", "clock", *_PART_WORDS],
    "decade": ["#", *(t + "ies" for t in ("twent", "thirt", "fort", "fift", "sixt", "sevent", "eight", "ninet"))],
    "textual": list(MONTHS), "day_range": list(MONTHS), "month": list(MONTHS),
    "holiday": ["christmas", "thanksgiving", "easter", "halloween", "valentine", "new"],
    "spelled_year": ["nineteen", "eighteen", "thousand"], "century": ["century"],
    "quarter": ["quarter", "quarters", "half", "period", "q"], "weekday": _FULL_WEEKDAYS,
    "dayword": ["today", "tonight", "yesterday", "tomorrow", "hours", *_PART_WORDS],
    "anaphoric": [*_UNIT_WORDS, *_PART_WORDS], "part_of_day": [*_PART_WORDS, "overnight", "midafternoon"],
    "relunit": ["week", "weekend", "month", "year", "quarter", "decade", "days", "end"],
    "season": list(SEASONS),
    "set": [*_UNIT_WORDS, *_FULL_WEEKDAYS, *(w + "s" for w in _FULL_WEEKDAYS), *_PART_WORDS, *MONTHS, *SEASONS,
            *(s + "s" for s in SEASONS), "daily", "weekly", "monthly", "annually", "yearly", "hourly", "quarterly",
            "nightly", "biweekly", "bimonthly", "semiannually", "biannually"],
    "ago": [*_UNIT_WORDS, "ago"], "duration": _UNIT_WORDS,
    "ref": ["now", "current", "currently", "present", "presently", "nowadays", "moment", "recently", "lately", "past",
            "future", "soon", "term", "possible", "date", "days"],
}
TRIGGERS: dict[str, tuple[int, ...]] = {}  # word -> the indexes in PATTERNS of the families it triggers
for _index, (_family, _) in enumerate(PATTERNS):
    for _word in dict.fromkeys(_TRIGGERS[_family]):
        TRIGGERS[_word] = (*TRIGGERS.get(_word, ()), _index)
WORD = re.compile(r"[a-z]+")
DIGITS = re.compile(r"(?<![\d,.])(?:\d{4}(?!\d)|\d{1,2}(?=[:./-]\d|\s?[ap]\.?m|'?s|\s+o'clock|\s+in\s+the)"
                    r"|(?<=['\u2019])\d\d(?![\d'\u2019]))")
REACH_LEFT, REACH_RIGHT = 60, 40
