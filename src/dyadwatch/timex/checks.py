"""Checks of the temporal tagger: refuse a candidate that only looks like a time expression.

A family's check (``CHECKS``) sees the match and the text around it (``Text``): "May" the month is
written with a capital, "2001 people" is a count, "the fall of Baghdad" is no season. The document
being tagged (``document.Doc``) is such a ``Text``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from .grammar import COUNT_NOUNS, MONTH_CONTEXT, MONTHS, SEASON, TZ, WEEKDAYS, YEAR_CONTEXT, word_set

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
AMBIGUOUS_NAMES = word_set("may march august jan mar sun sat wed")


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
_DETERMINERS = word_set("the a an its his her their this that our")
_SHORT_YEAR_CONTEXT = word_set("in since until till from before after during of")


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


_DAY_OF_REPORT = word_set("end ends ended ending finish finished finishing close closed closing for")


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
