"""Calendar arithmetic of the temporal tagger, and the TIMEX3 values it writes.

Months, ISO weeks and quarters moved by a number of units; the weekday, the year of a month or day
named without one, and the holiday, seen from an anchor in the direction of the tense; and
``VAGUE``, the value of each unit when there is no anchor to count from. Nothing here reads the
clock: every date comes from the caller.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from .grammar import HOLIDAYS, UNITS

_WRONG_WAY_DAYS = 120  # how much nearer a day must be to win on the side the tense does not point to


def mkdate(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def ym(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def add_months(year: int, month: int, n: int) -> tuple[int, int]:
    k = year * 12 + month - 1 + n
    return k // 12, k % 12 + 1


def week_value(d: date) -> str:
    year, week, _ = d.isocalendar()
    return f"{year:04d}-W{week:02d}"


def quarter_of(d: date) -> tuple[int, int]:
    return d.year, (d.month - 1) // 3 + 1


def add_quarters(year: int, quarter: int, n: int) -> tuple[int, int]:
    k = year * 4 + quarter - 1 + n
    return k // 4, k % 4 + 1


def quarter_value(year: int, quarter: int) -> str:
    return f"{year:04d}-Q{quarter}"


def weekday_date(anchor: date, weekday: int, how: str, bare: bool = True, same_is_anchor: bool = True) -> date:
    """The weekday before the anchor ('past'), after it ('future'), or on or before it ('this past'),
    on or after it ('this future')."""
    if how.startswith("this") or (bare and same_is_anchor and how == "past" and weekday == anchor.weekday()):
        days = (weekday - anchor.weekday()) % 7
        return anchor + timedelta(days=days - 7 if how == "this past" and days else days)
    if how == "future":
        return anchor + timedelta(days=(weekday - anchor.weekday() - 1) % 7 + 1)
    return anchor - timedelta(days=(anchor.weekday() - weekday - 1) % 7 + 1)


def year_for(anchor: date, month: int, day: int | None, how: str) -> int:
    """The year of a month (and day) named without one, seen from the anchor in direction ``how``:
    'past' (not after the anchor), 'future' (not before), 'last', 'next' (strictly) or 'this'."""
    key, now = (month, day or 0), (anchor.month, anchor.day if day else 0)
    if how == "this":
        return anchor.year
    if how in ("last", "next"):
        return anchor.year - (key >= now) if how == "last" else anchor.year + (key <= now)
    return anchor.year + (key < now) if how == "future" else anchor.year - (key > now)


def nearest_year(anchor: date, day_in: Callable[[int], date | None], how: str, strict: bool = False) -> int:
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


def holiday_date(name: str, year: int) -> date:
    if name.startswith("thanksgiving"):  # the fourth Thursday of November
        first = date(year, 11, 1)
        return first + timedelta(days=(3 - first.weekday()) % 7 + 21)
    if name.startswith("easter"):
        return _easter(year)
    month, day = HOLIDAYS[name]
    return date(year, month, day)


def shift_value(base: date, unit: str, n: int) -> str:
    """``base`` moved by ``n`` units, at the precision of the unit."""
    letter, mult, is_time = UNITS[unit]
    if is_time or letter == "D":
        return (base + timedelta(days=0 if is_time else n * mult)).isoformat()
    if letter == "W":
        return week_value(base + timedelta(weeks=n * mult))
    if unit == "quarter":
        return quarter_value(*add_quarters(*quarter_of(base), n))
    if letter == "M":
        return ym(*add_months(base.year, base.month, n))
    return f"{base.year + n * mult:04d}"


def shift_date(base: date, unit: str, n: int) -> date:
    """``base`` moved by ``n`` units, to the day (the end of a shorter month if need be)."""
    letter, mult, is_time = UNITS[unit]
    if is_time:
        return base
    if letter in "DW":
        return base + timedelta(days=n * mult * (7 if letter == "W" else 1))
    year, month = add_months(base.year, base.month, n * mult * (12 if letter == "Y" else 1))
    return next(d for d in (mkdate(year, month, day) for day in (base.day, 30, 29, 28)) if d)


def at_precision(d: date, precision: str) -> str:
    if precision == "day":
        return d.isoformat()
    if precision == "month":
        return ym(d.year, d.month)
    return quarter_value(*quarter_of(d)) if precision == "quarter" else f"{d.year:04d}"


# the value of a unit when there is no anchor (or reference date) to count from
VAGUE = {"day": "XXXX-XX-XX", "week": "XXXX-WXX", "weekend": "XXXX-WXX-WE", "month": "XXXX-XX",
         "quarter": "XXXX-QX", "year": "XXXX", "decade": "XXX", "century": "XX"}
