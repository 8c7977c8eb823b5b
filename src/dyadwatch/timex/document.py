"""The document being tagged: its anchor, its tense cues and the dates it has named.

``Doc`` is the text the normalisers go through in order: an underspecified expression points the
way of the nearest tense cue of its sentence (``TENSE_CUES``), and the last concrete date named is
the reference of "the next day" or "that year". ``weekday_reading`` says what the anchor's own
weekday means in the text. ``Result`` and ``Normaliser`` are the types of the normalisers.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from datetime import date, timedelta

from .arithmetic import weekday_date
from .checks import Text
from .grammar import WEEKDAYS, alt, word_set

Result = tuple[str, str, "str | None"]  # type, value, mod
Normaliser = Callable[[re.Match[str], int, int, "Doc"], "Result | None"]

# A bare weekday in the past that is the anchor's own weekday ("Tuesday" in a text of a Tuesday) is
# the anchor day in wire copy (on TimeBank, AQUAINT and MEANTIME nearly all are) but the week before
# in a report written a week after the events ("during last week's talks ... On Tuesday, LUKOIL
# signed"). ``weekday_reading`` tells the two apart; ``tag(same_weekday=…)`` overrides it.
_LAST_WEEK = re.compile(r"\blast week\b", re.I)
_LEAD = 600  # "last week" this close to the start of the text sets the story in the week before
_BARE_WEEKDAY = re.compile(
    r"(?<!\blast )(?<!\bnext )(?<!\bthis )\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
    r"(?!,? +(?:[A-Z][a-z]{2,8}\.? +\d|\d))")  # not "Friday Oct. 13", "Friday, 13 October"

_WEAK_CUE = 10  # a weak tense cue (a verb form) counts as this many characters further than a strong one
_REF_REACH = 300  # "a year earlier" counts from a date named this close before it, else from the anchor
_CONCRETE = re.compile(r"(\d{4})(?:-(\d\d)(?:-(\d\d))?|-Q(\d))?(?![\d-]|-W)")
_THAT = re.compile(r"\bthat\b")

# --- tense cues ----------------------------------------------------------------------------------

IRREGULAR_PAST = word_set(
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


# --- the document being tagged -------------------------------------------------------------------


class Doc(Text):
    """The text, its anchor and what the normalisers learn going through it in order."""

    def __init__(self, text: str, anchor: date | None, tense: str | None, same_weekday: str | None) -> None:
        super().__init__(text)
        self.anchor = anchor
        self.tense = tense
        self.same_weekday_is_anchor = (same_weekday or weekday_reading(text, anchor)) == "anchor"
        self.ref: tuple[date, str] | None = None  # the last concrete date named, and its precision
        self.ref_at = -1  # where it was named
        self.quarter: tuple[int, int, int] | None = None  # the last quarter named: year, quarter, offset
        self._bounds: list[int] | None = None
        self._cues: dict[int, list[tuple[int, int, str]]] = {}

    def sentence(self, pos: int) -> tuple[int, int]:
        if self._bounds is None:
            self._bounds = [0] + [m.end() for m in SENTENCE_END.finditer(self.text)]
        i = bisect.bisect_right(self._bounds, pos) - 1
        return self._bounds[i], self._bounds[i + 1] if i + 1 < len(self._bounds) else len(self.text)

    def cue(self, start: int, end: int) -> str | None:
        """'past' or 'future': the forced tense, else the nearest tense cue of the sentence
        (a weak cue counting as further away); None when the sentence has none."""
        if self.tense is not None:
            return self.tense
        s0, s1 = self.sentence(start)
        if s0 not in self._cues:
            self._cues[s0] = [(m.start(), m.end(), m.lastgroup or "p") for m in TENSE_CUES.finditer(self.low, s0, s1)]
        best: tuple[int, str] | None = None
        for cs, ce, group in self._cues[s0]:
            if cs < end and start < ce:
                continue  # a cue inside the expression ("next", "last") is not the sentence's
            if cs >= end and _THAT.search(self.low, end, cs):
                continue  # "announced Friday that it will": the cue is in the clause the expression governs
            distance = (start - ce if ce <= start else cs - end) + (_WEAK_CUE if group.islower() else 0)
            if best is None or distance < best[0]:
                best = (distance, group)
        return None if best is None else ("past" if best[1].lower() == "p" else "future")

    def direction(self, start: int, end: int) -> str:
        """The tense cue of an expression; the past when there is none (news reports the past)."""
        return self.cue(start, end) or "past"

    def remember(self, start: int, value: str) -> None:
        """Make a concrete date value the reference of the anaphoric expressions after it."""
        m = _CONCRETE.match(value)
        if not m or m.group(1) == "0000":
            return
        year, month, day, quarter = int(m.group(1)), m.group(2), m.group(3), m.group(4)
        if quarter:
            self.ref = (date(year, 3 * int(quarter) - 2, 1), "quarter")
        elif day:
            self.ref = (date(year, int(month), int(day)), "day")
        else:
            self.ref = (date(year, int(month or 1), 1), "month" if month else "year")
        self.ref_at = start

    def base(self, start: int | None = None) -> date | None:
        """The reference date (only if named within ``_REF_REACH`` before ``start``), else the anchor."""
        if self.ref and (start is None or start - self.ref_at < _REF_REACH):
            return self.ref[0]
        return self.anchor

    def ref_day(self) -> date | None:
        return self.ref[0] if self.ref and self.ref[1] == "day" else None


def weekday_reading(text: str, anchor: date | None) -> str:
    """What the anchor's own weekday means in this text: 'week before' in a report set in the
    previous week (its lead speaks of "last week" and every other weekday it names, read back
    from the anchor, falls in the previous calendar week), else 'anchor' (the day itself, as
    wire copy means it)."""
    lead = _LAST_WEEK.search(text, 0, _LEAD + len("last week"))
    if anchor is None or lead is None or anchor < date.min + timedelta(days=14):
        return "anchor"
    monday = anchor - timedelta(days=anchor.weekday())
    days = [weekday_date(anchor, WEEKDAYS[m.group(1).lower()], "past")
            for m in _BARE_WEEKDAY.finditer(text) if WEEKDAYS[m.group(1).lower()] != anchor.weekday()]
    in_week_before = days and all(monday - timedelta(days=7) <= day < monday for day in days)
    return "week before" if in_week_before else "anchor"
