"""Dates: explicit dates in metadata and datelines, and the date of an event.

The date of an event comes from the time expression (found and normalised by ``timex``)
attached to its trigger, else from one attached to a word that governs it, else from the
publication date; it says which (stated, relative, publication or unknown). A resolved date is
never after the publication unless the event is in the future; nothing is guessed.

A sentence's events are dated here one sentence at a time, with a week as the month of its
Thursday; ``episodes`` then reads the whole document: it gives a week-dated event its week
(``own_expression`` says which expression dated an event) and dates an event from another
telling of it (basis ``document``). ``STAGE`` versions both.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from .model import DateValue, DateValueError, Sentence, Token
from .timex import Timex, tag
from .timex.grammar import MONTHS, WEEKDAY

STAGE = "dates.timex.v5"  # v4: no date from a background participle; v5: nor from an act talked of

# the tagger's month names (full, abbreviated, "sept"), longest first: "sept" before "sep"
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_YEAR = r"(?P<year>(?:1[89]|20)\d\d)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_WEEKDAY = rf"(?:{WEEKDAY},?\s+)?"  # a full weekday name

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
_TIME_PREPOSITIONS = {"during", "after", "before", "since", "until", "following", "at", "ahead", "amid", "on"}
_TIME_MARKS = {"when", "as", "after", "before", "while", "since", "until", "once"}  # "When the army invaded"
_YEAR_IN = re.compile(r"(?<!\d)(?:1[89]|20)\d\d(?!\d)")


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
    return int(text) if text.isdigit() else MONTHS[text]


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


def parse_date(text: str) -> DateValue | None:
    """The first explicit date in ``text`` (for user input and metadata), or None."""
    found = find_explicit(text)
    return found[0].value if found else None


def as_date(value: DateValue) -> date:
    """The first day a value covers."""
    return value.first_day


def timex_date(value: str) -> DateValue | None:
    """A TIMEX3 DATE/TIME value as a calendar date at day, week, month or year precision; quarters
    and seasons count as their year; anything vaguer is None."""
    if match := re.fullmatch(r"(\d{4}-\d{2}-\d{2})T.*|(\d{4})-(?:Q[1-4]|H[12]|SP|SU|FA|WI)", value):
        value = match.group(1) or match.group(2)  # a day at a time of day; a quarter or season in its year
    try:
        return DateValue.parse(value)  # checks that the days exist: no "2004-W60"
    except DateValueError:
        return None


def timex_value(value: str) -> DateValue | None:
    """``timex_date`` as the events stage dates a sentence's event: a week as the month of its
    Thursday. (``modality.by_date`` compares dates as text, which a week value would not survive;
    ``episodes.date_by_document`` gives an event dated by a week its week again.)"""
    found = timex_date(value)
    return _as_events_stage(found) if found else None


@dataclass(frozen=True)
class Stated:
    """A time expression of a sentence that names a calendar date: as written, and what it means."""

    text: str
    value: DateValue  # at the expression's own precision: "last week" is a week
    mod: str | None = None  # TIMEX3 mod: "START" for "earlier this week"


def stated_dates(sentence: Sentence, published: DateValue | None, tense: str, same_weekday: str | None = None
                 ) -> list[Stated]:
    """Every time expression of ``sentence`` that names a calendar date, resolved against the
    publication day as ``event_date`` resolves them (``tense``: "past" or "future")."""
    anchor = as_date(published) if published and published.precision == "day" else None
    found = []
    for timex in tag(sentence.text, anchor, tense, same_weekday):
        value = timex_date(timex.value) if timex.type in ("DATE", "TIME") else None
        if value is not None:
            found.append(Stated(timex.text, value, timex.mod))
    return found


def own_expression(sentence: Sentence, event: DateValue, published: DateValue | None,
                   same_weekday: str | None = None) -> Stated | None:
    """The expression of ``sentence`` that ``event_date`` took ``event`` (an event's date) from, with
    its own precision, or None when no expression of the sentence gives that date."""
    for tense in ("past", "future"):
        for stated in stated_dates(sentence, published, tense, same_weekday):
            if _as_events_stage(stated.value) == event:
                return stated
    return None


def _as_events_stage(value: DateValue) -> DateValue:
    if value.precision != "week":
        return value
    return DateValue(value.placing_day.isoformat()[:7], "month")


def event_date(sentence: Sentence, trigger: int, governing: list[int], published: DateValue | None,
               future: bool = False, same_weekday: str | None = None) -> tuple[DateValue | None, str, bool]:
    """The date of the event whose trigger is token ``trigger``.

    In order: the time expression attached to the trigger; the one attached to the nearest word
    that governs it (``governing``, nearest first); the nearest one attached to another verb of
    the sentence, but never one that only describes a thing ("the 1994 treaty"; "during
    Wednesday's meeting" does date); else the publication date. Basis ``stated`` when the
    expression names its year, ``relative`` when it was resolved against the publication date.
    ``same_weekday`` is the document's reading of its own weekday (``timex.weekday_reading``).
    The third item says whether the expression starts after the publication day ("next week")."""
    anchor = as_date(published) if published and published.precision == "day" else None
    ranked = []
    for found in tag(sentence.text, anchor, "future" if future else "past", same_weekday):
        precise = timex_date(found.value) if found.type in ("DATE", "TIME") else None
        if precise is None or not (future or anchor is None or precise.first_day <= anchor):
            continue
        rank = _rank(sentence, found, trigger, governing)
        if rank is not None:
            basis = "stated" if _YEAR_IN.search(found.text) else "relative"
            ranked.append((rank, found.start, _as_events_stage(precise), basis, precise.first_day))
    if ranked:
        _, _, value, basis, first = min(ranked)
        return value, basis, anchor is not None and first > anchor
    if published is not None:
        return published, "publication", False
    return None, "unknown", False


def _in_time_phrase(sentence: Sentence, token: Token) -> bool:
    """'during Wednesday's meeting', 'after last week's talks': a noun that itself places the event in time."""
    return token.dep == "pobj" and sentence.token(token.head).lemma.lower() in _TIME_PREPOSITIONS


def _rank(sentence: Sentence, found: Timex, trigger: int, governing: list[int]) -> float | None:
    """How closely a time expression belongs to the event: lower is closer, None is not at all."""
    inside = [t for t in sentence.tokens if found.start <= t.start - sentence.start < found.end]
    heads = [t for t in inside if t.head not in {u.i for u in inside} or t.head == t.i]
    if not heads:
        return None
    token, through_noun = heads[0], False
    while token.head != token.i:
        token = sentence.token(token.head)
        if token.i == trigger:
            return 0
        if token.pos in ("VERB", "AUX"):
            break
        through_noun = through_noun or (token.pos in ("NOUN", "PROPN") and not _in_time_phrase(sentence, token))
    if through_noun:
        return None
    if token.i in governing:
        return 1 + governing.index(token.i)
    if token.tag in ("VBG", "VBN") and token.dep in ("advcl", "acl"):
        return None  # "Following up on their April 4 conversation", "initiatives launched last year": background
    if (token.dep in ("relcl", "acl") or (token.tag == "VBG" and token.dep in ("dobj", "pobj"))) and _below(
            sentence, token, trigger):
        return None  # "discussed the commitments the Call has generated in the past year", "discussed
        # planning for the July 2024 summit": the date of an act the event talks of, not its own
    return 100 + abs(token.i - trigger)


def _below(sentence: Sentence, token: Token, trigger: int) -> bool:
    """Whether a word is inside what the trigger governs, outside any clause of time ("When the army
    invaded Chechnya in 1994, Baku expressed sympathy" is dated by it)."""
    while token.head != token.i:
        if token.dep == "advcl" and any(c.dep in ("mark", "advmod") and c.lemma.lower() in _TIME_MARKS
                                        for c in sentence.children(token.i)):
            return False
        token = sentence.token(token.head)
        if token.i == trigger:
            return True
    return False
