"""An analysis as JSON (``to_json``) or as a plain-text table for the terminal (``to_table``)."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from ..analyse import Analysis, Cluster, PeriodRow

_QUADS = ("verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict")


def to_json(analysis: Analysis) -> dict[str, Any]:
    """Every figure with what it rests on: series rows carry ``period`` and ``index`` beside the
    counts; turning points name their driving clusters with sentences and documents."""
    return {
        "dyad": str(analysis.dyad),
        "by": analysis.by,
        "clusters": analysis.clusters,
        "reports": analysis.reports,
        "series": [_row(r) for r in analysis.series],
        "contexts": [asdict(c) for c in analysis.contexts],
        "turning_points": [{"period": t.period, "previous": t.previous, "before": t.before, "after": t.after,
                            "change": t.change, "drivers": [_cluster(c) for c in t.drivers]}
                           for t in analysis.turning_points],
        "third_parties": [asdict(p) for p in analysis.third_parties],
        "speakers": [asdict(p) for p in analysis.speakers],
    }


def _row(row: PeriodRow) -> dict[str, Any]:
    return {"period": row.period, "index": row.index, "clusters": row.clusters,
            **{quad: getattr(row, quad) for quad in _QUADS}, "cooperation": row.cooperation,
            "conflict": row.conflict}


def _cluster(cluster: Cluster) -> dict[str, Any]:
    anchor = cluster.anchor
    return {"link": cluster.link, "event_type": anchor.event_type, "date": anchor.date,
            "intensity": anchor.intensity, "actor": [a.country for a in anchor.actor],
            "recipient": [a.country for a in anchor.recipient], "sentence": anchor.sentence,
            "documents": list(cluster.documents)}


def to_table(analysis: Analysis) -> str:
    """The series, turning points with their evidence, contexts, third parties and speakers."""
    a, b = analysis.dyad.codes
    lines = [f"{a}–{b} by {analysis.by}: {analysis.clusters} events (clusters) from {analysis.reports} reports",
             "index: mean intensity of the period's events, −10 (war) … +10 (alliance)", "",
             f"{'period':<10}{'index':>7}{'events':>8}{'coop':>6}{'conflict':>10}",
             *(f"{r.period:<10}{r.index:>7.1f}{r.clusters:>8}{r.cooperation:>6}{r.conflict:>10}"
               for r in analysis.series)]
    if analysis.turning_points:
        lines += ["", "turning points"]
        for point in analysis.turning_points:
            lines.append(f"  {point.previous} → {point.period}: {'warmer' if point.change > 0 else 'cooler'}, index "
                         f"{point.before:+.1f} → {point.after:+.1f} ({point.change:+.1f}); the events behind it:")
            lines += [f"    {c.anchor.date} {c.anchor.event_type} {_sides(c)}: {_short(c.anchor.sentence)} "
                      f"[{', '.join(c.documents)}]" for c in point.drivers]
    if analysis.contexts:
        lines += ["", "by context", *(f"  {c.context:<19}{c.clusters:>4} events, {c.cooperation} cooperation, "
                                      f"{c.conflict} conflict, index {c.index:+.1f}" for c in analysis.contexts)]
    if analysis.third_parties:
        lines += ["", "third parties: " + ", ".join(f"{p.name} ({p.count})" for p in analysis.third_parties)]
    if analysis.speakers:
        lines += ["most quoted: " + ", ".join(f"{p.name} ({p.count})" for p in analysis.speakers)]
    return "\n".join(lines)


def _sides(cluster: Cluster) -> str:
    anchor = cluster.anchor
    return f"{','.join(sorted({x.country or '?' for x in anchor.actor}))}→" \
           f"{','.join(sorted({x.country or '?' for x in anchor.recipient}))}"


def _short(sentence: str, width: int = 110) -> str:
    return sentence if len(sentence) <= width else sentence[:width - 1].rstrip() + "…"
