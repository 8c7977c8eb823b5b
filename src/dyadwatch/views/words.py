"""How every view writes a count and an index, so that the report, the web view's chart and the
terminal table say them the same way."""

from __future__ import annotations


def counted_noun(n: int, noun: str) -> str:
    """"1 event", "3 events", "1,204 documents"."""
    return f"{n:,} {noun}{'' if n == 1 else 's'}"


def index_text(index: float) -> str:
    """An index signed, to one decimal, with a true minus: "+3.8", "−2.0", "0.0"."""
    return "0.0" if round(index, 1) == 0 else f"{index:+.1f}".replace("-", "−")


def correlation_text(value: float | None) -> str:
    """A correlation as "+0.61" or "−0.10" (a true minus sign), or why there is none."""
    if value is None:
        return "too few periods to tell"
    return f"{value:+.2f}".replace("-", "−")
