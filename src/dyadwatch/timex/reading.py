"""Reading the parts of a time expression: numbers, counts, units and modifiers.

Number words ("two hundred and fifty"), counts ("2 1/2", "a dozen"), ordinals and spelled years
("nineteen ninety-six"); the unit and the relative word ("last", "the following") of an
expression; its TIMEX3 mod ("early" is START, "more than" MORE_THAN); and the value of a duration
(P30M for "2 1/2 years"). All of it reads lower-cased text.
"""

from __future__ import annotations

import re

from .grammar import AMOUNT_MOD, AMOUNT_MODS, ONES, ORDINALS, POINT_MODS, TENS, UNITS

_MOD = re.compile(r"(?:the\s+)?(?:very\s+)?(early|late|mid|earlier|later|beginning|start|end|middle|close|dawn)"
                  r"(?![a-z])")
_AMOUNT = re.compile(AMOUNT_MOD + r"\s")
TOKENS = re.compile(r"[a-z]+|\d+(?:\.\d+)?|'\d\d")
UNIT = re.compile(r"(second|minute|hour|day|night|week|fortnight|month|quarter|year|decade|centur)")
_REL = re.compile(r"(this\s+past|this\s+coming|the\s+previous|the\s+following|the\s+next|the\s+same|the\s+past"
                  r"|the\s+coming|last|next|this|past|previous|coming|upcoming|following|current|that)(?![a-z])")
_SPACES = re.compile(r"\s+")


def squash(text: str) -> str:
    """The text with every run of spaces as one space."""
    return _SPACES.sub(" ", text)


def number_words(text: str) -> float | None:
    """ "twenty four", "two hundred and fifty", "two thousand and one"; None if not a number."""
    total, current = 0, 0
    for word in re.split(r"[\s-]+", text.strip()):
        if word in ("a", "an", "one"):
            current += 1
        elif word in ONES or word in TENS:
            current += ONES.get(word) or TENS[word]
        elif word == "hundred":
            current = max(current, 1) * 100
        elif word == "thousand":
            total, current = (total + max(current, 1)) * 1000, 0
        elif word not in ("and", ""):
            return None
    return float(total + current)


def read_count(text: str) -> float | None:
    """The number of a count ("two", "24", "2 1/2", "a dozen", "two and a half"); None if unspecified."""
    text = squash(text.strip())
    half = 0.5 if re.search(r"and (?:a|one)[- ]half$", text) else 0.0
    text = re.sub(r" and (?:a|one)[- ]half$", "", text)
    fixed = {"half a": 0.5, "half an": 0.5, "half": 0.5, "a dozen": 12, "dozen": 12, "a couple": 2, "a couple of": 2}
    if text in fixed:
        return fixed[text] + half
    m = re.fullmatch(r"(\d+(?:\.\d+)?)(?: (\d)/([1-9]))?", text)
    if m:
        return float(m.group(1)) + (int(m.group(2)) / int(m.group(3)) if m.group(2) else 0.0) + half
    value = number_words(text)
    return None if value is None else value + half


def read_unit(text: str) -> str | None:
    """The first unit named ("day", "century"), in the singular."""
    m = UNIT.search(text)
    return None if m is None else "century" if m.group(1) == "centur" else m.group(1)


def point_mod(text: str) -> str | None:
    """The mod of "early", "mid", "the end of"... before a point in time."""
    m = _MOD.match(text)
    return POINT_MODS[m.group(1)] if m else None


def amount_mod(text: str) -> tuple[str | None, str]:
    """The mod of "about", "more than", "at least"... before an amount, and the rest of the text."""
    m = _AMOUNT.match(text)
    if not m:
        return None, text
    return AMOUNT_MODS[squash(m.group(0).strip())], text[m.end():]


_SMALLER = {("Y", False): (12, "M", False), ("W", False): (7, "D", False), ("D", False): (24, "H", True),
            ("H", True): (60, "M", True), ("M", True): (60, "S", True)}


def duration_value(n: float | None, unit: str) -> str:
    """P3D, PT24H, P2W; a fraction in a smaller unit (P30M for 2 1/2 years); PXY when unspecified."""
    letter, mult, is_time = UNITS[unit]
    if n is None:
        return ("PTX" if is_time else "PX") + letter
    q = n * mult
    while q != int(q) and (letter, is_time) in _SMALLER:
        factor, letter, is_time = _SMALLER[(letter, is_time)]
        q *= factor
    return ("PT" if is_time else "P") + (str(int(q)) if q == int(q) else f"{q:g}") + letter


def ordinal(text: str) -> int | None:
    """The number of an ordinal word ("third", "twenty-first")."""
    m = re.search(rf"(?:(twenty|thirty)[- ])?({'|'.join(ORDINALS)})\b", text)
    return None if m is None else (TENS[m.group(1)] if m.group(1) else 0) + ORDINALS[m.group(2)]


def spelled_year(text: str) -> int | None:
    """The year in "nineteen ninety-six", "the year two thousand" or "two thousand and one"."""
    century = re.search(r"(nineteen|eighteen)[- ](?:hundred(?:\s+and)?[- ])?(.*)", text)
    if century:
        return ONES[century.group(1)] * 100 + int(number_words(century.group(2)) or 0)
    millennium = re.search(r"two\s+thousand.*", text)
    return int(number_words(millennium.group(0)) or 0) if millennium else None


def read_rel(text: str) -> str | None:
    """The relative word of an expression ("last", "this coming", "the following"), spaces squashed."""
    m = _REL.search(text)
    return squash(m.group(1)) if m else None
