"""Temporal tagger: time expressions in news text, normalised to TimeML TIMEX3 values.

``tag(text, anchor)`` finds every time expression in a text (explicit and relative dates, times
of day, durations and sets), keeps the longest where candidates overlap, and normalises each
against ``anchor``, the document creation date. What counts as an expression (vocabulary,
patterns, checks) is in :mod:`dyadwatch.timex_rules`; this module says what each one means, with
one small normaliser per pattern family.

Decisions worth knowing:

* Underspecified expressions ("Tuesday", "in May", "the third quarter", "Jan. 10") are resolved
  in the direction of their clause: before the anchor in a past-tense report, after it in a
  future one. The direction is the nearest tense cue in the sentence (will/'ll/would/going to/
  next/plans to/scheduled/expected... for the future; said/was/had/since/-ed verbs... for the
  past), the past when there is none; ``tense="past"`` or ``"future"`` forces it for the text.
* A bare weekday in the past is the last such day before the anchor (the anchor's own weekday
  is the anchor day, or a week before in a report set in the previous week: ``weekday_reading``);
  in the future the first one after it; "this Tuesday" is the Tuesday of the anchor's ISO week.
* A month without a year in the past is the latest such month not after the anchor's month, in
  the future the next one; a month and day without a year is the nearest such day, preferring
  the side the tense points to.
* A quarter without a year is the anchor year's, unless it has not begun yet (past) or ended
  long ago (future). "the quarter" is the quarter last named in the text, else the most recent
  quarter completed before the anchor, as is "the latest quarter"; "the year-ago quarter", and
  "a year ago/earlier" near a named quarter, are that quarter a year before.
* Seasons are labelled by the year they start in ("1998-WI" is the winter of 1998-99).
* "the next day", "that year" count from the last date named in the text (the reference), else
  from the anchor; so do "N days later/earlier" when that date was named close before them.
* Nothing here reads the machine's clock or time zone: the result depends on the text, the
  anchor and the tense only.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from . import timex_rules as R


@dataclass(frozen=True)
class Timex:
    """A time expression: its characters in the text, its TIMEX3 type, value and mod."""

    start: int
    end: int
    text: str
    type: str  # "DATE", "TIME", "DURATION" or "SET"
    value: str
    mod: str | None = None


Result = tuple[str, str, "str | None"]  # type, value, mod
Normaliser = Callable[[re.Match[str], int, int, "_Doc"], "Result | None"]

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
_WRONG_WAY_DAYS = 120  # how much nearer a day must be to win on the side the tense does not point to
_QUARTER_REACH = 400  # "a year ago" near a quarter named this close before it is that quarter a year before

_MOD = re.compile(r"(?:the\s+)?(?:very\s+)?(early|late|mid|earlier|later|beginning|start|end|middle|close|dawn)"
                  r"(?![a-z])")
_AMOUNT = re.compile(R.AMOUNT_MOD + r"\s")
_TOKENS = re.compile(r"[a-z]+|\d+(?:\.\d+)?|'\d\d")
_UNIT = re.compile(r"(second|minute|hour|day|night|week|fortnight|month|quarter|year|decade|centur)")
_CONCRETE = re.compile(r"(\d{4})(?:-(\d\d)(?:-(\d\d))?|-Q(\d))?(?![\d-]|-W)")
_REL = re.compile(r"(this\s+past|this\s+coming|the\s+previous|the\s+following|the\s+next|the\s+same|the\s+past"
                  r"|the\s+coming|last|next|this|past|previous|coming|upcoming|following|current|that)(?![a-z])")
_SPACES = re.compile(r"\s+")
_THAT = re.compile(r"\bthat\b")


def _squash(text: str) -> str:
    return _SPACES.sub(" ", text)


# --- the document being tagged -------------------------------------------------------------------


class _Doc(R.Text):
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
            self._bounds = [0] + [m.end() for m in R.SENTENCE_END.finditer(self.text)]
        i = bisect.bisect_right(self._bounds, pos) - 1
        return self._bounds[i], self._bounds[i + 1] if i + 1 < len(self._bounds) else len(self.text)

    def cue(self, start: int, end: int) -> str | None:
        """'past' or 'future': the forced tense, else the nearest tense cue of the sentence
        (a weak cue counting as further away); None when the sentence has none."""
        if self.tense is not None:
            return self.tense
        s0, s1 = self.sentence(start)
        if s0 not in self._cues:
            self._cues[s0] = [(m.start(), m.end(), m.lastgroup or "p") for m in R.TENSE_CUES.finditer(self.low, s0, s1)]
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


# --- calendar arithmetic -------------------------------------------------------------------------


def _mkdate(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _ym(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def _add_months(year: int, month: int, n: int) -> tuple[int, int]:
    k = year * 12 + month - 1 + n
    return k // 12, k % 12 + 1


def _week(d: date) -> str:
    year, week, _ = d.isocalendar()
    return f"{year:04d}-W{week:02d}"


def _quarter_of(d: date) -> tuple[int, int]:
    return d.year, (d.month - 1) // 3 + 1


def _add_quarters(year: int, quarter: int, n: int) -> tuple[int, int]:
    k = year * 4 + quarter - 1 + n
    return k // 4, k % 4 + 1


def _quarter_value(year: int, quarter: int) -> str:
    return f"{year:04d}-Q{quarter}"


def _weekday_date(anchor: date, weekday: int, how: str, bare: bool = True, same_is_anchor: bool = True) -> date:
    """The weekday before the anchor ('past'), after it ('future'), or on or before it ('this past'),
    on or after it ('this future')."""
    if how.startswith("this") or (bare and same_is_anchor and how == "past" and weekday == anchor.weekday()):
        days = (weekday - anchor.weekday()) % 7
        return anchor + timedelta(days=days - 7 if how == "this past" and days else days)
    if how == "future":
        return anchor + timedelta(days=(weekday - anchor.weekday() - 1) % 7 + 1)
    return anchor - timedelta(days=(anchor.weekday() - weekday - 1) % 7 + 1)


def _year_for(anchor: date, month: int, day: int | None, how: str) -> int:
    """The year of a month (and day) named without one, seen from the anchor in direction ``how``:
    'past' (not after the anchor), 'future' (not before), 'last', 'next' (strictly) or 'this'."""
    key, now = (month, day or 0), (anchor.month, anchor.day if day else 0)
    if how == "this":
        return anchor.year
    if how in ("last", "next"):
        return anchor.year - (key >= now) if how == "last" else anchor.year + (key <= now)
    return anchor.year + (key < now) if how == "future" else anchor.year - (key > now)


def _nearest_year(anchor: date, day_in: Callable[[int], date | None], how: str, strict: bool = False) -> int:
    """The year that puts a day nearest the anchor, preferring the side the tense points to (when
    ``strict``, the tense was given by the caller: only that side). Feb 29 looks for a leap year."""

    def cost(year: int) -> tuple[int, int]:
        try:
            day = day_in(year)
        except ValueError:  # a year out of range
            day = None
        if day is None:
            return 1 << 20, 0
        diff = (day - anchor).days
        wrong = diff > 0 if how == "past" else diff < 0
        return abs(diff) + ((1 << 16 if strict else _WRONG_WAY_DAYS) if wrong else 0), abs(year - anchor.year)

    return min(range(anchor.year - 4, anchor.year + 5), key=cost)


def _easter(year: int) -> date:
    """Gregorian Easter Sunday (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month, day = divmod(h + ell - 7 * m + 114, 31)
    return date(year, month, day + 1)


def _holiday_date(name: str, year: int) -> date:
    if name.startswith("thanksgiving"):  # the fourth Thursday of November
        first = date(year, 11, 1)
        return first + timedelta(days=(3 - first.weekday()) % 7 + 21)
    if name.startswith("easter"):
        return _easter(year)
    month, day = R.HOLIDAYS[name]
    return date(year, month, day)


def _shift_value(base: date, unit: str, n: int) -> str:
    """``base`` moved by ``n`` units, at the precision of the unit."""
    letter, mult, is_time = R.UNITS[unit]
    if is_time or letter == "D":
        return (base + timedelta(days=0 if is_time else n * mult)).isoformat()
    if letter == "W":
        return _week(base + timedelta(weeks=n * mult))
    if unit == "quarter":
        return _quarter_value(*_add_quarters(*_quarter_of(base), n))
    if letter == "M":
        return _ym(*_add_months(base.year, base.month, n))
    return f"{base.year + n * mult:04d}"


def _shift_date(base: date, unit: str, n: int) -> date:
    """``base`` moved by ``n`` units, to the day (the end of a shorter month if need be)."""
    letter, mult, is_time = R.UNITS[unit]
    if is_time:
        return base
    if letter in "DW":
        return base + timedelta(days=n * mult * (7 if letter == "W" else 1))
    year, month = _add_months(base.year, base.month, n * mult * (12 if letter == "Y" else 1))
    return next(d for d in (_mkdate(year, month, day) for day in (base.day, 30, 29, 28)) if d)


def _at_precision(d: date, precision: str) -> str:
    if precision == "day":
        return d.isoformat()
    if precision == "month":
        return _ym(d.year, d.month)
    return _quarter_value(*_quarter_of(d)) if precision == "quarter" else f"{d.year:04d}"


# --- reading numbers, units and modifiers --------------------------------------------------------


def _number_words(text: str) -> float | None:
    """ "twenty four", "two hundred and fifty", "two thousand and one"; None if not a number."""
    total, current = 0, 0
    for word in re.split(r"[\s-]+", text.strip()):
        if word in ("a", "an", "one"):
            current += 1
        elif word in R.ONES or word in R.TENS:
            current += R.ONES.get(word) or R.TENS[word]
        elif word == "hundred":
            current = max(current, 1) * 100
        elif word == "thousand":
            total, current = (total + max(current, 1)) * 1000, 0
        elif word not in ("and", ""):
            return None
    return float(total + current)


def _count(text: str) -> float | None:
    """The number of a count ("two", "24", "2 1/2", "a dozen", "two and a half"); None if unspecified."""
    text = _squash(text.strip())
    half = 0.5 if re.search(r"and (?:a|one)[- ]half$", text) else 0.0
    text = re.sub(r" and (?:a|one)[- ]half$", "", text)
    fixed = {"half a": 0.5, "half an": 0.5, "half": 0.5, "a dozen": 12, "dozen": 12, "a couple": 2, "a couple of": 2}
    if text in fixed:
        return fixed[text] + half
    m = re.fullmatch(r"(\d+(?:\.\d+)?)(?: (\d)/([1-9]))?", text)
    if m:
        return float(m.group(1)) + (int(m.group(2)) / int(m.group(3)) if m.group(2) else 0.0) + half
    value = _number_words(text)
    return None if value is None else value + half


def _unit(text: str) -> str | None:
    m = _UNIT.search(text)
    return None if m is None else "century" if m.group(1) == "centur" else m.group(1)


def _point_mod(text: str) -> str | None:
    m = _MOD.match(text)
    return R.POINT_MODS[m.group(1)] if m else None


def _amount_mod(text: str) -> tuple[str | None, str]:
    """The mod of "about", "more than", "at least"... before an amount, and the rest of the text."""
    m = _AMOUNT.match(text)
    if not m:
        return None, text
    return R.AMOUNT_MODS[_squash(m.group(0).strip())], text[m.end():]


_SMALLER = {("Y", False): (12, "M", False), ("W", False): (7, "D", False), ("D", False): (24, "H", True),
            ("H", True): (60, "M", True), ("M", True): (60, "S", True)}


def _duration_value(n: float | None, unit: str) -> str:
    """P3D, PT24H, P2W; a fraction in a smaller unit (P30M for 2 1/2 years); PXY when unspecified."""
    letter, mult, is_time = R.UNITS[unit]
    if n is None:
        return ("PTX" if is_time else "PX") + letter
    q = n * mult
    while q != int(q) and (letter, is_time) in _SMALLER:
        factor, letter, is_time = _SMALLER[(letter, is_time)]
        q *= factor
    return ("PT" if is_time else "P") + (str(int(q)) if q == int(q) else f"{q:g}") + letter


# --- normalisers: explicit dates -----------------------------------------------------------------


def _parts(text: str) -> tuple[int | None, int | None, int | None, int | None]:
    """The month, day, year and weekday named in a date."""
    month = day = year = weekday = None
    for tok in _TOKENS.findall(text):
        if tok in R.MONTHS and month is None:
            month = R.MONTHS[tok]
        elif tok in R.WEEKDAYS and weekday is None:
            weekday = R.WEEKDAYS[tok]
        elif tok.isdigit() and len(tok) == 4 or tok.startswith("'"):
            year = int(tok) if tok.isdigit() else 1900 + int(tok[1:])
        elif tok.isdigit() and day is None:
            day = int(tok)
    if day is None and month is not None:
        day = _ordinal(text)
    if year is None and re.search(r"nineteen|eighteen", text):
        year = _spelled_year(text)
    return month, day, year, weekday


def _ordinal(text: str) -> int | None:
    m = re.search(rf"(?:(twenty|thirty)[- ])?({'|'.join(R.ORDINALS)})\b", text)
    return None if m is None else (R.TENS[m.group(1)] if m.group(1) else 0) + R.ORDINALS[m.group(2)]


def _spelled_year(text: str) -> int | None:
    """The year in "nineteen ninety-six", "the year two thousand" or "two thousand and one"."""
    century = re.search(r"(nineteen|eighteen)[- ](?:hundred(?:\s+and)?[- ])?(.*)", text)
    if century:
        return R.ONES[century.group(1)] * 100 + int(_number_words(century.group(2)) or 0)
    millennium = re.search(r"two\s+thousand.*", text)
    return int(_number_words(millennium.group(0)) or 0) if millennium else None


def _date_value(doc: _Doc, month: int, day: int | None, year: int | None, weekday: int | None,
                span: tuple[int, int], how: str | None = None) -> str | None:
    """A date from its parts; a missing year is resolved against the anchor."""
    if year is None and doc.anchor is None:
        return f"XXXX-{month:02d}-{day:02d}" if day else f"XXXX-{month:02d}"
    if year is None and doc.anchor is not None:
        year = _resolve_year(doc.anchor, month, day, weekday, how or doc.direction(*span), doc.tense is not None)
    if day is None:
        return _ym(year or 0, month)
    d = _mkdate(year or 0, month, day)
    return d.isoformat() if d else None


def _resolve_year(anchor: date, month: int, day: int | None, weekday: int | None, how: str, strict: bool) -> int:
    """The year of a month and day: the one that makes the weekday right, else the nearest."""
    if day is None:
        return _year_for(anchor, month, day, how)
    for year in (anchor.year, anchor.year - 1, anchor.year + 1) if weekday is not None else ():
        d = _mkdate(year, month, day)
        if d and d.weekday() == weekday:
            return year
    return _nearest_year(anchor, lambda year: _mkdate(year, month, day), how, strict)


def _n_iso(m: re.Match[str], s: int, e: int, doc: _Doc) -> Result | None:
    t = doc.low[s:e]
    d = _mkdate(int(t[:4]), int(t[5:7]), int(t[8:10]))
    if d is None:
        return None
    return ("TIME", f"{d.isoformat()}T{t[11:16]}", None) if len(t) > 10 else ("DATE", d.isoformat(), None)


def _n_numeric(m: re.Match[str], s: int, e: int, doc: _Doc) -> Result | None:
    """1/10/2001 (month first, as in US news, unless it cannot be), 10.01.2001 (day first)."""
    sep = m.group(1)
    a, b, y = doc.low[s:e].split(sep)
    month, day = (int(b), int(a)) if sep == "." else (int(a), int(b))
    if month > 12:
        month, day = day, month
    year = int(y)
    if len(y) == 2:
        pivot = (doc.anchor.year if doc.anchor else 2000) + 10
        year += 2000 if 2000 + year <= pivot else 1900
    d = _mkdate(year, month, day)
    return ("DATE", d.isoformat(), None) if d else None


def _n_textual(m: re.Match[str], s: int, e: int, doc: _Doc) -> Result | None:
    text = doc.low[s:e]
    month, day, year, weekday = _parts(text)
    if month is None:
        return None
    how = {"last": "past", "next": "future"}.get(text.split()[0])
    value = _date_value(doc, month, day, year, weekday, (s, e), how)
    return ("DATE", value, _point_mod(text)) if value else None


def _n_day_range(m: re.Match[str], s: int, e: int, doc: _Doc) -> Result | None:
    """The second day of "April 24 and 25", "Jan. 5-7"."""
    month = _parts(doc.low[m.start():s])[0]
    _, day, year, _ = _parts(doc.low[s:e])
    if month is None or day is None:
        return None
    value = _date_value(doc, month, day, year, None, (s, e))
    return ("DATE", value, None) if value else None


def _n_holiday(m: re.Match[str], s: int, e: int, doc: _Doc) -> Result | None:
    text = _squash(doc.low[s:e])
    name = re.sub(r",? \d{4}$", "", text)
    year = re.search(r"\d{4}$", text)
    if year is None and doc.anchor is None:
        month, day = R.HOLIDAYS.get(name, (0, 0))
        return "DATE", f"XXXX-{month:02d}-{day:02d}" if month else "XXXX-XX-XX", None
    if year is not None:
        d = _holiday_date(name, int(year.group(0)))
    else:
        anchor = doc.anchor or date.min
        year_of = _nearest_year(anchor, lambda y: _holiday_date(name, y), doc.direction(s, e), doc.tense is not None)
        d = _holiday_date(name, year_of)
    return "DATE", _week(d) if name.endswith("week") else d.isoformat(), None


_MONTH_HOW = {"last": "last", "this past": "last", "next": "next", "this coming": "next", "this": "this"}


def _n_month(m: re.Match[str], s: int, e: int, doc: _Doc) -> Result | None:
    text = doc.low[s:e]
    month = next(R.MONTHS[t] for t in _TOKENS.findall(text) if t in R.MONTHS)
    mod, rel = _point_mod(text), _rel(text)
    if doc.anchor is None:
        return "DATE", f"XXXX-{month:02d}", mod
    year_rel = re.search(r"(last|this|next)\s+year$", text)
    if year_rel:
        year = doc.anchor.year + {"last": -1, "this": 0, "next": 1}[year_rel.group(1)]
    elif rel in ("that", "the same") and doc.ref:
        year = doc.ref[0].year
    else:
        year = _year_for(doc.anchor, month, None, _MONTH_HOW.get(rel or "") or doc.direction(s, e))
        if rel == "last" and month == _add_months(doc.anchor.year, doc.anchor.month, -1)[1]:
            year -= 1  # nobody says "last February" on March 1 for the month just gone
    return "DATE", _ym(year, month), mod


def _n_year(m: re.Match[str], s: int, e: int, doc: _Doc) -> Result | None:
    text = doc.low[s:e]
    year = re.search(r"\d{4}", text)
    if year is None:  # "since '82": the latest such year not after the anchor
        short = int(text[-2:])
        century = 19 if doc.anchor is None else doc.anchor.year // 100 - (short > doc.anchor.year % 100)
        return "DATE", f"{century:02d}{short:02d}", None
    return "DATE", year.group(0), _point_mod(text)


def _n_spelled_year(m: re.Match[str], s: int, e: int, doc: _Doc) -> Result | None:
    year = _spelled_year(doc.low[s:e])
    return ("DATE", f"{year:04d}", None) if year else None


_DECADE_WORDS = {"twent": 2, "thirt": 3, "fort": 4, "fift": 5, "sixt": 6, "sevent": 7, "eight": 8, "ninet": 9}


def _n_decade(m: re.Match[str], s: int, e: int, doc: _Doc) -> Result | None:
    """ "the 1990s" is 199; "the '90s" and "the nineties" are the latest such decade not after the anchor."""
    text = doc.low[s:e]
    digits = re.search(r"(\d{3})0'?s|'?(\d)0'?s", text)
    if digits and digits.group(1):
        return "DATE", digits.group(1), _point_mod(text)
    word = re.search(r"([a-z]+)ies", text)
    tens = int(digits.group(2)) if digits else _DECADE_WORDS[word.group(1) if word else "ninet"]
    century = 19
    if doc.anchor is not None and "nineteen" not in text:
        century = doc.anchor.year // 100 - (tens * 10 > doc.anchor.year % 100)
    return "DATE", f"{century:02d}{tens}", _point_mod(text)


def _n_century(m: re.Match[str], s: int, e: int, doc: _Doc) -> Result | None:
    """ "the 20th century" is 19; "this century" the anchor's, "the last century" the one before."""
    text = doc.low[s:e]
    rel = re.search(r"(this|last|past|next|previous|current)\s+century", text)
    if rel and doc.anchor is None:
        return "DATE", "XX", None
    if rel and doc.anchor is not None:
        number = doc.anchor.year // 100 + {"last": -1, "previous": -1, "next": 1}.get(rel.group(1), 0)
    else:
        digits = re.search(r"(\d+)(?:st|nd|rd|th)", text)
        number = (int(digits.group(1)) if digits else _ordinal(text) or 1) - 1
    return "DATE", f"{number:02d}", _point_mod(text)


# --- normalisers: days and times of day ----------------------------------------------------------

_HOW = {"last": "past", "this past": "past", "past": "past", "the previous": "past", "next": "future",
        "this coming": "future", "coming": "future", "the following": "future", "the next": "future", "this": "this"}
_EDGE_MODS = {"early": "START", "earlier": "START", "late": "END", "later": "END"}
_DAY_WORDS = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "this": 0, "last": -1}


def _rel(text: str) -> str | None:
    m = _REL.search(text)
    return _squash(m.group(1)) if m else None


def _weekday_value(doc: _Doc, weekday: int, rel: str | None, span: tuple[int, int]) -> str:
    ref_day = doc.ref_day()
    if rel in ("the previous", "the following") and ref_day:
        return _weekday_date(ref_day, weekday, _HOW[rel or ""], False).isoformat()
    if doc.anchor is None:
        return f"XXXX-WXX-{weekday + 1}"
    how = _HOW.get(rel or "") or doc.direction(*span)
    if how == "this":  # "this Tuesday": the nearest one, on the side the tense points to
        how = "this " + doc.direction(*span)
    return _weekday_date(doc.anchor, weekday, how, rel is None, doc.same_weekday_is_anchor).isoformat()


def _day_offset(doc: _Doc, offset: int) -> str:
    return (doc.anchor + timedelta(days=offset)).isoformat() if doc.anchor else "XXXX-XX-XX"


def _with_part(day: str, part: str | None, mod: str | None) -> Result:
    """A day, or a part of it ("2001-01-10TNI") when one is named."""
    return ("TIME", f"{day}T{part}", mod) if part else ("DATE", day, mod)


def _part_in(toks: list[str]) -> str | None:
    return "NI" if "tonight" in toks else next((R.PARTS_OF_DAY[t] for t in toks if t in R.PARTS_OF_DAY), None)


def _n_weekday(m: re.Match[str], s: int, e: int, doc: _Doc) -> Result | None:
    text = doc.low[s:e]
    toks = _TOKENS.findall(text)
    weekday = next(R.WEEKDAYS[t] for t in toks if t in R.WEEKDAYS)
    value = _weekday_value(doc, weekday, _rel(text), (s, e))
    return _with_part(value, _part_in(toks), _EDGE_MODS.get(toks[0]))


def _n_dayword(m: re.Match[str], s: int, e: int, doc: _Doc) -> Result | None:
    """today, yesterday, tomorrow, tonight, last night, this morning, the day before yesterday."""
    toks = _TOKENS.findall(doc.low[s:e])
    offset = next((_DAY_WORDS[t] for t in toks if t in _DAY_WORDS), 0) + ("after" in toks) - ("before" in toks)
    return _with_part(_day_offset(doc, offset), _part_in(toks), _EDGE_MODS.get(toks[0]))


def _clock_time(text: str) -> str:
    if "noon" in text or "midday" in text:
        return "12:00"
    if "midnight" in text:
        return "24:00"
    m = re.search(r"(\d{1,2})(?:[:.]?(\d\d))?", text)
    hour = int(m.group(1)) if m else int(_number_words(text.split()[0]) or 0)
    minute = int(m.group(2)) if m and m.group(2) else 0
    if re.search(r"p\.?m|afternoon|evening|night", text) and hour < 12:
        hour += 12
    elif re.search(r"a\.?m", text) and hour == 12:
        hour = 0
    return f"{hour:02d}:{minute:02d}"


def _clock_day(doc: _Doc, text: str, span: tuple[int, int]) -> str:
    """The day of a time: the weekday, day word or date named with it, else the anchor."""
    toks = _TOKENS.findall(text)
    weekday = next((R.WEEKDAYS[t] for t in toks if t in R.WEEKDAYS and len(t) > 5), None)
    if weekday is not None:
        return _weekday_value(doc, weekday, None, span)
    day_word = next((t for t in toks if t in ("today", "tonight", "yesterday", "tomorrow")), None)
    if day_word:
        return _day_offset(doc, _DAY_WORDS[day_word])
    month_day = re.search(rf"({R.MONTH})\s+(\d+)", text)
    if month_day:
        month = R.MONTHS[month_day.group(1).rstrip(".")]
        return _date_value(doc, month, int(month_day.group(2)), None, None, span) or "XXXX-XX-XX"
    return _day_offset(doc, 0)


def _n_clock(m: re.Match[str], s: int, e: int, doc: _Doc) -> Result | None:
    text = doc.low[s:e]
    mod = "APPROX" if re.match(r"about|around|approximately", text) else None
    mod = mod or ("BEFORE" if "before" in text else "AFTER" if re.match(r"(?:shortly|just) after", text) else None)
    zone = "Z" if re.search(r"\b(?:utc|gmt)\b", text) else ""
    return "TIME", f"{_clock_day(doc, text, (s, e))}T{_clock_time(text)}{zone}", mod


def _n_part_of_day(m: re.Match[str], s: int, e: int, doc: _Doc) -> Result | None:
    """ "this morning" (the anchor's), "in the evening", "that night" (the reference day's), "overnight"."""
    text = doc.low[s:e]
    part = next(code for word, code in R.PARTS_OF_DAY.items() if word in text)
    if text == "overnight":
        return "TIME", f"{_day_offset(doc, -1)}T{part}", None
    ref_day = doc.ref_day()
    day = ref_day.isoformat() if ref_day and not text.startswith("this") else _day_offset(doc, 0)
    return "TIME", f"{day}T{part}", _point_mod(text)


def _n_anaphoric(m: re.Match[str], s: int, e: int, doc: _Doc) -> Result | None:
    """ "the next day", "that year", "the following week", "the day before": from the reference."""
    text = doc.low[s:e]
    unit = re.findall(r"day|week(?:end)?|month|year|morning|night|evening|afternoon", text)[-1]
    back = bool(re.search(r"previous|preceding|prior|before", text))
    shift = 1 if re.search(r"next|following|after", text) else -back
    mod = _point_mod(text)
    base = doc.base() if unit in ("week", "weekend", "month", "year") else doc.ref_day() or doc.anchor
    if base is None:
        return "DATE", _VAGUE.get(unit, "XXXX-XX-XX"), mod
    if unit in R.PARTS_OF_DAY:
        return "TIME", f"{(base + timedelta(days=shift)).isoformat()}T{R.PARTS_OF_DAY[unit]}", mod
    if unit == "weekend":
        return "DATE", _shift_value(base, "week", shift) + "-WE", mod
    return "DATE", _shift_value(base, unit, shift), mod


# --- normalisers: weeks, months, quarters, seasons relative to the anchor ------------------------

_SHIFT = {"last": -1, "past": -1, "previous": -1, "the previous": -1, "the past": -1, "this past": -1,
          "next": 1, "coming": 1, "upcoming": 1, "the coming": 1, "this coming": 1, "the next": 1}
_VAGUE = {"day": "XXXX-XX-XX", "week": "XXXX-WXX", "weekend": "XXXX-WXX-WE", "month": "XXXX-XX",
          "quarter": "XXXX-QX", "year": "XXXX", "decade": "XXX", "century": "XX"}


def _weekend(anchor: date, shift: int, how: str | None) -> str:
    """The weekend of the anchor's week (moved by ``shift``), or the last/next one for a tense."""
    if how == "past":
        saturday = anchor - timedelta(days=(anchor.weekday() - 5) % 7 or 7)
    elif how == "future":
        saturday = anchor + timedelta(days=(5 - anchor.weekday()) % 7)
    else:
        saturday = anchor + timedelta(days=5 - anchor.weekday(), weeks=shift)
    return _week(saturday) + "-WE"


def _n_relunit(m: re.Match[str], s: int, e: int, doc: _Doc) -> Result | None:
    """last week, this month, next year, the past year, early next year, year-end, the weekend."""
    text = _squash(doc.low[s:e])
    if text == "these days":
        return "DATE", "PRESENT_REF", None
    unit = re.findall(r"weekend|week|month|year|quarter|decade", text)[-1]
    if re.fullmatch(r"the (?:fiscal )?year", text) and (
            re.match(r"\s+(?:ended|ending|ends|to)\b", doc.low[e:e + 8]) or doc.word_before(s) == "throughout"):
        return "DURATION", "P1Y", None  # "for the year ended June 30"
    mod = "END" if re.search(r"year(?:'s)?[- ]end", text) else _point_mod(text)
    rel = _rel(text)
    shift = -1 if "latest fiscal" in text else _SHIFT.get(rel or "", 0)
    if doc.anchor is None:
        return "DATE", _VAGUE[unit], mod
    if unit == "weekend":
        return "DATE", _weekend(doc.anchor, shift, None if rel else doc.direction(s, e)), mod
    if unit == "decade":
        return "DATE", f"{doc.anchor.year // 10 + shift:03d}", mod
    return "DATE", _shift_value(doc.anchor, unit, shift), mod


_QUARTER_NUMBER = re.compile(r"(?<![a-z])(first|second|third|fourth|1st|2nd|3rd|4th|final)(?![a-z])|^q([1-4])")
_QUARTER_BACK = re.compile(r"year-ago|year-earlier|comparable|corresponding|same|prior-year|a year (?:ago|earlier)"
                           r"|(?:quarter|period) last year$")
_QUARTER_ENDED = re.compile(rf"\s+end(?:ed|ing|s)\s+({R.MONTH})\s")


def _quarter_year(anchor: date, first_month: int, months: int, how: str) -> int:
    """The anchor's year, unless the quarter has not begun (in the past) or ended long ago (in the future)."""
    if how == "future":
        return anchor.year + (anchor.month - (first_month + months - 1) > 3)
    return anchor.year - (first_month > anchor.month)


def _explicit_year(doc: _Doc, text: str) -> int | None:
    """The year named with a quarter: "of 1990", "this year's", "of last year"."""
    digits = re.search(r"\d{4}", text)
    if digits:
        return int(digits.group(0))
    rel = re.search(r"(this|last|next) year's|of (this|last|next) year", text)
    if rel is None or doc.anchor is None:
        return None
    return doc.anchor.year + {"last": -1, "this": 0, "next": 1}[rel.group(1) or rel.group(2)]


def _implicit_quarter(doc: _Doc, anchor: date, text: str, end: int) -> tuple[int, int]:
    """The quarter of "the quarter (ended Sept. 30)", "the latest quarter", "the current quarter"..."""
    ended = _QUARTER_ENDED.match(doc.low, end)
    if ended:
        month = R.MONTHS[ended.group(1).rstrip(".")]
        return _year_for(anchor, month, 1, doc.direction(end, ended.end())), (month - 1) // 3 + 1
    current = _quarter_of(anchor)
    if re.search(r"current|this", text):
        return current
    if "next" in text:
        return _add_quarters(*current, 1)
    if doc.quarter is None or re.search(r"previous|prior(?!-)|last|latest|recent", text):
        return _add_quarters(*current, -1)
    return doc.quarter[0], doc.quarter[1]


def _n_implicit_quarter(doc: _Doc, text: str, s: int, e: int) -> Result:
    year = _explicit_year(doc, text)
    if year is not None and doc.quarter is None:
        return "DATE", f"{year:04d}", None  # "the 1988 period" with no quarter named before it
    if doc.anchor is None:
        return "DATE", "XXXX-QX", None
    y, q = _implicit_quarter(doc, doc.anchor, text, e)
    if year is not None or _QUARTER_BACK.search(text):
        return "DATE", _quarter_value(year if year is not None else y - 1, q), None
    doc.quarter = (y, q, s)
    return "DATE", _quarter_value(y, q), None


def _n_quarter(m: re.Match[str], s: int, e: int, doc: _Doc) -> Result | None:
    """the third quarter (of 1989), third-quarter, Q3, the first half, the latest quarter, the year-ago period."""
    text = _squash(doc.low[s:e])
    number = _QUARTER_NUMBER.search(text)
    if number is None:
        return _n_implicit_quarter(doc, text, s, e)
    half, word = "half" in text, number.group(1) or ""
    q = 4 // (1 + half) if word == "final" else R.ORDINALS.get(word) or int(word[:1] or number.group(2))
    if half and q > 2:
        return None
    year, letter, months = _explicit_year(doc, text), "H" if half else "Q", 6 if half else 3
    if year is None and doc.anchor is None:
        return "DATE", f"XXXX-{letter}{q}", None
    back = year is None and bool(_QUARTER_BACK.search(text))
    if year is None and doc.anchor is not None:
        year = _quarter_year(doc.anchor, months * (q - 1) + 1, months, doc.direction(s, e)) - back
    if not (back or half):
        doc.quarter = (year or 0, q, s)
    return "DATE", f"{year or 0:04d}-{letter}{q}", None


_SEASON_INDEX = {"SP": 0, "SU": 1, "FA": 2, "WI": 3}
_SEASON_NOW = {3: 0, 4: 0, 5: 0, 6: 1, 7: 1, 8: 1, 9: 2, 10: 2, 11: 2, 12: 3, 1: -1, 2: -1}
_SEASON_HOW = {"last": "last", "this past": "last", "the past": "last", "next": "next", "this coming": "next",
               "the coming": "next", "this": "this"}


def _season_year(anchor: date, code: str, how: str) -> int:
    """The year a season starts in, seen from the anchor (the winter of 1998-99 is 1998's)."""
    now = anchor.year * 4 + _SEASON_NOW[anchor.month]
    latest = now - (now - _SEASON_INDEX[code]) % 4  # the latest such season not after now
    if how == "last" and latest == now:
        latest -= 4
    elif how == "next" or (how == "future" and latest != now) or (how == "this" and now - latest >= 2):
        latest += 4
    return latest // 4


def _n_season(m: re.Match[str], s: int, e: int, doc: _Doc) -> Result | None:
    text = _squash(doc.low[s:e])
    code = R.SEASONS[re.findall(R.SEASON, text)[-1]]
    mod, rel = _point_mod(re.sub(r"^(?:the|last|next|this|that) ", "", text)), _rel(text)
    year = re.search(r"\d{4}", text)
    named = int(year.group(0)) if year else _spelled_year(text)
    if named is None and rel in ("that", "the same") and doc.ref:
        named = doc.ref[0].year
    if named is None and doc.anchor is not None:
        named = _season_year(doc.anchor, code, _SEASON_HOW.get(rel or "") or doc.direction(s, e))
    return "DATE", f"{named:04d}-{code}" if named is not None else f"XXXX-{code}", mod


# --- normalisers: amounts of time, counted back and forth, and sets ------------------------------

_PRECISION = {"day": 0, "week": 1, "month": 2, "quarter": 3, "year": 4}
_DURATION_LEAD = re.compile(r"(?:the )?(?:(?:past|last|next|first|coming|previous|following|final|latest|remaining"
                            r"|initial|entire|whole|full|same|better part of the) )?")
_SET_WORDS = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y", "yearly": "P1Y",
              "hourly": "PT1H", "quarterly": "P3M", "nightly": "P1D", "biweekly": "P2W", "bimonthly": "P2M",
              "semiannually": "P6M", "semi-annually": "P6M", "biannually": "P6M"}


def _year_back(doc: _Doc, start: int, from_anchor: bool) -> str:
    """ "a year ago", "year-earlier": near a named quarter, that quarter a year before; else last year."""
    if doc.quarter and start - doc.quarter[2] < _QUARTER_REACH:
        return _quarter_value(doc.quarter[0] - 1, doc.quarter[1])
    base = doc.anchor if from_anchor else doc.base(start)
    return f"{base.year - 1:04d}" if base else "XXXX"


def _n_ago(m: re.Match[str], s: int, e: int, doc: _Doc) -> Result | None:
    """ "three years ago" (from the anchor), "two days later" (from the reference date), "year-ago"."""
    text = _squash(doc.low[s:e])
    if text.startswith("year-"):
        return "DATE", _year_back(doc, s, "ago" in text), None
    mod, rest = _amount_mod(text)
    unit_m = _UNIT.search(rest)
    forward = bool(re.search(r"later|after|from now|hence", rest))
    n = _count(re.sub(r"\s+more$", "", rest[:unit_m.start()].strip())) if unit_m and unit_m.start() else None
    if unit_m is None or n is None:
        return "DATE", "FUTURE_REF" if forward else "PAST_REF", mod
    unit, anaphoric = _unit(rest) or "day", bool(re.search(r"earlier|later|before|after", rest))
    if unit == "year" and n == 1 and not forward:
        return "DATE", _year_back(doc, s, not anaphoric), mod
    base = doc.base(s) if anaphoric else doc.anchor
    if base is None:
        return "DATE", _VAGUE.get(unit, "XXXX"), mod
    shift = round(n) * (1 if forward else -1)
    if anaphoric and doc.ref and base == doc.ref[0] and _PRECISION[doc.ref[1]] < _PRECISION.get(unit, 4):
        return "DATE", _at_precision(_shift_date(base, unit, shift), doc.ref[1]), mod
    return "DATE", _shift_value(base, unit, shift), mod


def _n_duration(m: re.Match[str], s: int, e: int, doc: _Doc) -> Result | None:
    """ "20 years", "two-year", "the past two months", "the first nine months", "a few days", "years"."""
    mod, rest = _amount_mod(_squash(doc.low[s:e]))
    lead = _DURATION_LEAD.match(rest)
    rest = rest[lead.end():] if lead else rest
    unit_m = _UNIT.search(rest)
    if unit_m is None:
        return None
    head = rest[:unit_m.start()].strip(" -")
    head = re.sub(r"[\s-](?:more|additional|full|straight|consecutive|long|whole)$", "", head)
    n = _count(head) if head and head not in ("multi", "several", "few", "many", "some") else None
    return "DURATION", _duration_value(n, _unit(rest) or "day"), mod


def _set_of_name(word: str) -> str | None:
    """The SET value of "every Tuesday", "each July", "every summer", "every morning"."""
    singular = word[:-1] if word.endswith("s") else word
    for name in (word, singular):
        if name in R.WEEKDAYS:
            return f"XXXX-WXX-{R.WEEKDAYS[name] + 1}"
        if name in R.MONTHS:
            return f"XXXX-{R.MONTHS[name]:02d}"
        if name in R.SEASONS:
            return f"XXXX-{R.SEASONS[name]}"
        if name in R.PARTS_OF_DAY:
            return f"XXXX-XX-XXT{R.PARTS_OF_DAY[name]}"
    return None


def _n_set(m: re.Match[str], s: int, e: int, doc: _Doc) -> Result | None:
    """daily, every year, each month, every two weeks, every other day, Tuesdays, every Tuesday, $5 a year."""
    text = _squash(doc.low[s:e])
    if text in _SET_WORDS:
        return "SET", _SET_WORDS[text], None
    for tok in _TOKENS.findall(text):
        named = _set_of_name(tok)
        if named:
            return "SET", named, None
    unit_m = _UNIT.search(text)
    if unit_m is None:
        return None
    head = re.sub(r"^(?:every|each|a|an|per)\s*", "", text[:unit_m.start()].strip())
    n = 2.0 if head.startswith("other") else (_count(head) if head and head != "single" else 1.0)
    return "SET", _duration_value(n or 1.0, _unit(text) or "day"), None


def _n_ref(m: re.Match[str], s: int, e: int, doc: _Doc) -> Result | None:
    return "DATE", R.REF_WORDS[_squash(doc.low[s:e])], None


# --- the tagger ----------------------------------------------------------------------------------

_NORMALISERS: dict[str, Normaliser] = {
    "iso": _n_iso, "numeric": _n_numeric, "textual": _n_textual, "day_range": _n_day_range,
    "holiday": _n_holiday, "spelled_year": _n_spelled_year, "decade": _n_decade, "century": _n_century,
    "quarter": _n_quarter, "weekday": _n_weekday, "dayword": _n_dayword, "clock": _n_clock,
    "anaphoric": _n_anaphoric, "part_of_day": _n_part_of_day, "relunit": _n_relunit, "season": _n_season,
    "set": _n_set, "ago": _n_ago, "duration": _n_duration, "month": _n_month, "year": _n_year, "ref": _n_ref,
}
_SPAN_GROUPS = [tuple(g for g in ("t", "t2") if g in pattern.groupindex) for _, pattern in R.PATTERNS]
_NOT_A_REFERENCE = frozenset({"ago", "anaphoric"})  # dates counted from another are not references
_Candidate = tuple[int, int, int, re.Match[str]]


def _span(m: re.Match[str], groups: tuple[str, ...]) -> tuple[int, int]:
    for group in groups:
        if m.group(group) is not None:
            return m.span(group)
    return m.span()


def _triggers(low: str) -> list[list[int]]:
    """For each family, where its trigger words (and dates' digits) are, in text order."""
    hits: list[list[int]] = [[] for _ in R.PATTERNS]
    for m in R.WORD.finditer(low):
        for family in R.TRIGGERS.get(m.group(), ()):
            hits[family].append(m.start())
    digits = [m.start() for m in R.DIGITS.finditer(low)]
    for family in R.TRIGGERS["#"]:
        hits[family] = sorted(hits[family] + digits)
    return hits


def _windows(low: str) -> list[list[tuple[int, int]]]:
    """For each family, the stretches of text around its triggers, merged where they overlap."""
    windows: list[list[tuple[int, int]]] = []
    for positions in _triggers(low):
        merged: list[tuple[int, int]] = []
        for pos in positions:
            lo, hi = max(0, pos - R.REACH_LEFT), min(len(low), pos + R.REACH_RIGHT)
            if merged and lo <= merged[-1][1]:
                merged[-1] = (merged[-1][0], hi)
            else:
                merged.append((lo, hi))
        windows.append(merged)
    return windows


def _candidates(doc: _Doc) -> list[_Candidate]:
    """Every match of every family around its triggers that is a whole-word span its check accepts."""
    low, size, found = doc.low, len(doc.low), []
    for priority, ((family, pattern), windows) in enumerate(zip(R.PATTERNS, _windows(low), strict=True)):
        check, groups = R.CHECKS.get(family), _SPAN_GROUPS[priority]
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


def _normalise(family: str, m: re.Match[str], s: int, e: int, doc: _Doc) -> Result | None:
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


def weekday_reading(text: str, anchor: date | None) -> str:
    """What the anchor's own weekday means in this text: 'week before' in a report set in the
    previous week (its lead speaks of "last week" and every other weekday it names, read back
    from the anchor, falls in the previous calendar week), else 'anchor' (the day itself, as
    wire copy means it)."""
    lead = _LAST_WEEK.search(text, 0, _LEAD + len("last week"))
    if anchor is None or lead is None or anchor < date.min + timedelta(days=14):
        return "anchor"
    monday = anchor - timedelta(days=anchor.weekday())
    days = [_weekday_date(anchor, R.WEEKDAYS[m.group(1).lower()], "past")
            for m in _BARE_WEEKDAY.finditer(text) if R.WEEKDAYS[m.group(1).lower()] != anchor.weekday()]
    in_week_before = days and all(monday - timedelta(days=7) <= day < monday for day in days)
    return "week before" if in_week_before else "anchor"


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
    doc = _Doc(text, anchor, tense, same_weekday)
    found: list[Timex] = []
    for s, e, priority, m in _select(_candidates(doc)):
        family = R.PATTERNS[priority][0]
        result = _normalise(family, m, s, e, doc)
        if result is None:
            continue
        kind, value, mod = result
        if kind in ("DATE", "TIME") and family not in _NOT_A_REFERENCE:
            doc.remember(s, value)
        found.append(Timex(s, e, text[s:e], kind, value, mod))
    return found
