"""The temporal tagger: ``tag`` runs every family's pattern around its trigger words, keeps the
longest candidates where they overlap, and normalises them in text order into ``Timex`` values.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from datetime import date

from . import amounts, days, explicit, periods
from .checks import CHECKS
from .document import Doc, Normaliser, Result
from .patterns import DIGITS, PATTERNS, REACH_LEFT, REACH_RIGHT, TRIGGERS, WORD


@dataclass(frozen=True)
class Timex:
    """A time expression: its characters in the text, its TIMEX3 type, value and mod."""

    start: int
    end: int
    text: str
    type: str  # "DATE", "TIME", "DURATION" or "SET"
    value: str
    mod: str | None = None


# every family's normaliser, by family name
_NORMALISERS: dict[str, Normaliser] = {
    **explicit.NORMALISERS, **days.NORMALISERS, **periods.NORMALISERS, **amounts.NORMALISERS,
}
_SPAN_GROUPS = [tuple(g for g in ("t", "t2") if g in pattern.groupindex) for _, pattern in PATTERNS]
_NOT_A_REFERENCE = frozenset({"ago", "anaphoric"})  # dates counted from another are not references
_Candidate = tuple[int, int, int, re.Match[str]]


def _span(m: re.Match[str], groups: tuple[str, ...]) -> tuple[int, int]:
    for group in groups:
        if m.group(group) is not None:
            return m.span(group)
    return m.span()


def _triggers(low: str) -> list[list[int]]:
    """For each family, where its trigger words (and dates' digits) are, in text order."""
    hits: list[list[int]] = [[] for _ in PATTERNS]
    for m in WORD.finditer(low):
        for family in TRIGGERS.get(m.group(), ()):
            hits[family].append(m.start())
    digits = [m.start() for m in DIGITS.finditer(low)]
    for family in TRIGGERS["#"]:
        hits[family] = sorted(hits[family] + digits)
    return hits


def _windows(low: str) -> list[list[tuple[int, int]]]:
    """For each family, the stretches of text around its triggers, merged where they overlap."""
    windows: list[list[tuple[int, int]]] = []
    for positions in _triggers(low):
        merged: list[tuple[int, int]] = []
        for pos in positions:
            lo, hi = max(0, pos - REACH_LEFT), min(len(low), pos + REACH_RIGHT)
            if merged and lo <= merged[-1][1]:
                merged[-1] = (merged[-1][0], hi)
            else:
                merged.append((lo, hi))
        windows.append(merged)
    return windows


def _candidates(doc: Doc) -> list[_Candidate]:
    """Every match of every family around its triggers that is a whole-word span its check accepts."""
    low, size, found = doc.low, len(doc.low), []
    for priority, ((family, pattern), windows) in enumerate(zip(PATTERNS, _windows(low), strict=True)):
        check, groups = CHECKS.get(family), _SPAN_GROUPS[priority]
        for lo, hi in windows:
            for m in pattern.finditer(low, lo, hi):
                s, e = _span(m, groups)
                if s == e or (s and low[s - 1].isalnum()) or (e < size and low[e].isalnum()):
                    continue
                if check is None or check(m, s, e, doc):
                    found.append((s, e, priority, m))
    return found


def _select(candidates: list[_Candidate]) -> list[_Candidate]:
    """The longest candidates that do not overlap (the earlier family on a tie), in text order."""
    starts: list[int] = []
    chosen: list[_Candidate] = []
    for cand in sorted(candidates, key=lambda c: (c[0] - c[1], c[2], c[0])):
        i = bisect.bisect_right(starts, cand[0])
        if (i and chosen[i - 1][1] > cand[0]) or (i < len(starts) and starts[i] < cand[1]):
            continue
        starts.insert(i, cand[0])
        chosen.insert(i, cand)
    return chosen


def _normalise(family: str, m: re.Match[str], s: int, e: int, doc: Doc) -> Result | None:
    """The family's reading of a match; underspecified if resolving it leaves years 1 to 9999."""
    try:
        return _NORMALISERS[family](m, s, e, doc)
    except (ValueError, OverflowError):
        anchor, ref, doc.anchor, doc.ref = doc.anchor, doc.ref, None, None
        try:
            return _NORMALISERS[family](m, s, e, doc)
        except (ValueError, OverflowError):
            return None
        finally:
            doc.anchor, doc.ref = anchor, ref


def tag(text: str, anchor: date | None = None, tense: str | None = None, same_weekday: str | None = None
        ) -> list[Timex]:
    """Every time expression in `text`, in text order, non-overlapping, normalised to TIMEX3 values
    against `anchor` (the document creation/publication date). `tense` "past" or "future" forces
    the direction of underspecified expressions ("Tuesday", "in May"); None decides per sentence
    from cues (will/'ll/shall/going to/next/plans/scheduled/expected → future; past-tense reporting
    → past). Without an anchor, relative expressions keep underspecified values ("XXXX-XX-XX",
    "XXXX-05", "XXXX-WXX-2"). `same_weekday` "anchor" or "week before" says what the anchor's own
    weekday means ("Tuesday" in a text of a Tuesday); None: as ``weekday_reading`` finds."""
    if tense not in (None, "past", "future"):
        raise ValueError(f"tense must be 'past', 'future' or None, not {tense!r}")
    doc = Doc(text, anchor, tense, same_weekday)
    found: list[Timex] = []
    for s, e, priority, m in _select(_candidates(doc)):
        family = PATTERNS[priority][0]
        result = _normalise(family, m, s, e, doc)
        if result is None:
            continue
        kind, value, mod = result
        if kind in ("DATE", "TIME") and family not in _NOT_A_REFERENCE:
            doc.remember(s, value)
        found.append(Timex(s, e, text[s:e], kind, value, mod))
    return found
