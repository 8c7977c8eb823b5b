"""Patterns of the temporal tagger: what counts as a time expression, by family.

* Every pattern runs on the *lower-cased* text, so the patterns are written in lower case and
  compiled case-sensitively (much faster than ``re.IGNORECASE``). Checks that need capitals
  ("May" the month, not "may" the verb) look at the original text (:mod:`.checks`).
* A pattern may name a group ``t`` (or ``t2``): the expression is then that group only, and the
  rest of the match is context (a preposition or a number before it).
* A family's pattern only runs around its trigger words (``TRIGGERS``): every match contains one
  within ``REACH_LEFT``/``REACH_RIGHT`` characters. That keeps the tagger fast.
* A candidate that matches a pattern can still be refused by the family's check (``checks.CHECKS``).
* Each family has a normaliser of the same name (``_n_<family>``) that says what it means, in
  :mod:`.explicit`, :mod:`.days`, :mod:`.periods` or :mod:`.amounts`.
"""

from __future__ import annotations

import re

from .grammar import (
    AMOUNT_MOD,
    CLOCK,
    COUNT,
    DAY,
    DAY_REF,
    DAY_WORD,
    HOLIDAYS,
    MONTH,
    MONTH_FULL,
    MONTHS,
    ONES,
    PART,
    POINT_MOD,
    QUARTER_ORD,
    REF_WORDS,
    REL,
    SEASON,
    SEASONS,
    SPELLED_YEAR,
    TENS_FULL,
    TZ,
    UNIT_1,
    UNIT_S,
    WEEKDAY,
    WEEKDAY_ABBR,
    WEEKDAYS,
    YEAR,
    alt,
)


def _c(pattern: str) -> re.Pattern[str]:
    """A pattern that only matches whole words (so that "this week" cannot stop "this weekend")."""
    return re.compile(rf"(?<![a-z0-9])(?:{pattern})(?![a-z0-9])")


# --- patterns, by family (each family has a normaliser of the same name: ``_n_<family>``) --------

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
        rf"(?:the\s+year\s+)?(?:nineteen|eighteen)(?:[- ]hundred(?:\s+and)?)?[- ](?:{TENS_FULL}|{alt(ONES)})"
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
