"""An analysis as JSON (``to_json``) or as a plain-text table for the terminal (``to_table``); a
comparison with another dataset likewise (``comparison_json``, ``comparison_table``)."""

from __future__ import annotations

from typing import Any

from pydantic import TypeAdapter

from ..model import Analysis, Comparison, Driver
from .words import correlation_text, counted_noun, index_text

_ANALYSIS = TypeAdapter(Analysis)
_COMPARISON = TypeAdapter(Comparison)
NAMES = {"gdelt": "GDELT", "icews": "ICEWS", "polecat": "POLECAT"}


def to_json(analysis: Analysis) -> dict[str, Any]:
    """Every figure with what it rests on, in the shape of ``model.Analysis`` (the API's schema too):
    series rows carry ``period`` and ``index`` beside the counts; turning points name their driving
    clusters with sentences and documents."""
    record: dict[str, Any] = _ANALYSIS.dump_python(analysis, mode="json")
    return record


def to_table(analysis: Analysis) -> str:
    """The series, turning points with their evidence, contexts, third parties and speakers."""
    a, b = analysis.dyad.split("-")
    lines = [f"{a}–{b} by {analysis.by}: {counted_noun(analysis.clusters, 'event')} (clusters) from "
             f"{counted_noun(analysis.reports, 'report')}",
             "index: mean intensity of the period's events, −10 (war) … +10 (alliance)", "",
             f"{'period':<10}{'index':>7}{'events':>8}{'coop':>6}{'conflict':>10}",
             *(f"{r.period:<10}{index_text(r.index):>7}{r.clusters:>8}{r.cooperation:>6}{r.conflict:>10}"
               for r in analysis.series)]
    if analysis.turning_points:
        lines += ["", "turning points"]
        for point in analysis.turning_points:
            lines.append(f"  {point.previous} → {point.period}: {'warmer' if point.change > 0 else 'cooler'}, index "
                         f"{index_text(point.before)} → {index_text(point.after)} ({index_text(point.change)}); "
                         "the events behind it:")
            lines += [f"    {d.date} {d.event_type} {_sides(d)}: {_short(d.sentence)} [{', '.join(d.documents)}]"
                      for d in point.drivers]
    if analysis.contexts:
        lines += ["", "by context", *(f"  {c.context:<19}{counted_noun(c.clusters, 'event'):>10}, {c.cooperation} "
                                      f"cooperation, {c.conflict} conflict, index {index_text(c.index)}"
                                      for c in analysis.contexts)]
    if analysis.third_parties:
        lines += ["", "third parties: " + ", ".join(f"{p.name} ({p.count})" for p in analysis.third_parties)]
    if analysis.speakers:
        lines += ["most quoted: " + ", ".join(f"{p.name} ({p.count})" for p in analysis.speakers)]
    return "\n".join(lines)


def comparison_json(comparison: Comparison) -> dict[str, Any]:
    """A comparison in the shape of ``model.Comparison``."""
    record: dict[str, Any] = _COMPARISON.dump_python(comparison, mode="json")
    return record


def comparison_table(c: Comparison) -> str:
    """Per period ours and theirs, the correlations, and what each has that the other lacks."""
    name = NAMES.get(c.dataset, c.dataset)
    a, b = c.dyad.split("-")

    def index(value: float | None) -> str:
        return "" if value is None else index_text(value)

    lines = [f"{a}–{b} by {c.by}: dyadwatch's event clusters and {name}'s events",
             "index: mean PLOVER intensity of what is counted, −10 (war) … +10 (alliance)", "",
             f"{'period':<10}{'ours':>7}{'index':>8}{name:>10}{'index':>8}",
             *(f"{p.period:<10}{p.clusters:>7}{index(p.index):>8}{p.theirs:>10}{index(p.their_index):>8}"
               for p in c.periods),
             "", span_text(c, name),
             f"correlation of the indexes (periods both have): {correlation_text(c.index_correlation)}",
             f"correlation of the counts: {correlation_text(c.count_correlation)}",
             f"matched (same quad class, days at most {c.within} apart): {c.matched} of our "
             f"{counted_noun(c.matched + len(c.ours_only), 'cluster')}, {c.their_matched:,} of their "
             f"{counted_noun(c.their_matched + c.their_unmatched, 'event')}"]
    if c.left_out:
        lines.append(f"not compared: {counted_noun(c.left_out, 'event')} of {name} whose CAMEO code has no PLOVER "
                     "type (public statements, investigations)")
    if c.ours_only:
        lines += ["", f"ours, not in {name} ({len(c.ours_only)}):"]
        lines += [f"  {d.date} {d.event_type} {_sides(d)}: {_short(d.sentence)} [{', '.join(d.documents)}]"
                  for d in c.ours_only]
    if c.theirs_only:
        lines += ["", f"{name}'s, not in ours ({c.their_unmatched:,}; the latest {len(c.theirs_only)}):"]
        lines += [f"  {t.date} {t.event_type} {','.join(t.actor_countries) or '?'}→"
                  f"{','.join(t.recipient_countries) or '?'}: {t.actor or '?'} / {t.recipient or '?'} "
                  f"[{t.url or t.source or t.origin}]" for t in c.theirs_only]
    return "\n".join(lines)


def span_text(c: Comparison, name: str) -> str:
    """The days compared, and what lies outside them (the table's words and the report's)."""
    if c.start is None:
        return f"no days in common: {name}'s events and ours do not overlap in time; nothing compared"
    outside = (f" ({counted_noun(c.outside, 'cluster')} of ours and {counted_noun(c.their_outside, 'event')} of "
               "theirs outside them, not compared)" if c.outside or c.their_outside else "")
    return f"compared from {c.start} to {c.end}, the days both have events in{outside}"


def _sides(driver: Driver) -> str:
    def side(codes: tuple[str | None, ...]) -> str:
        return ",".join(sorted({code for code in codes if code})) or "unknown"
    return f"{side(driver.actor)}→{side(driver.recipient)}"


def _short(sentence: str, width: int = 110) -> str:
    return sentence if len(sentence) <= width else sentence[:width - 1].rstrip() + "…"
