"""The seeds' history of Russia and Azerbaijan: linking across articles and the dyad's analysis.

    python bench/seeds_history.py [--seeds DIR]         (or DYADWATCH_SEEDS=DIR)

Codes the seed articles (with the publication dates in bench/seeds.py where a seed states none)
and the bundled demo corpus into one in-memory store, then checks:

- linking: reports of the same event in different articles share one cluster; different events
  on the same day between the same sides stay apart;
- analysis of RUS-AZE on the seeds alone: cooperation from 2001 to 2004 after the visa threat of
  2000, the 2013 deterioration with the stopped missile sale among its evidence, the 2024 state
  visit; every turning point with the clusters behind it.

Prints PASS or FAIL per check, the clusters that span several documents, and the analysis table.
"""

from __future__ import annotations

import sys
from importlib import resources

from dyadwatch.analyse import analyse, clusters
from dyadwatch.coder import Coder
from dyadwatch.model import Analysis, Cluster, Dyad
from dyadwatch.pipeline import run
from dyadwatch.store import Store
from dyadwatch.views.analysis import to_table
from seeds import code_seeds, seeds_folder

DYAD = Dyad("RUS", "AZE")


def _cluster_of(found: list[Cluster], words: str, event_type: str) -> Cluster | None:
    return next((c for c in found if c.anchor.event_type == event_type
                 and any(words in e.sentence for e in c.reports)), None)


def _seed(doc_id: str) -> bool:
    """Seed files are named NNN_hash.txt; the demo corpus's by date and subject."""
    return doc_id[:4].rstrip("_").isdigit() and doc_id[3:4] == "_"


def link_checks(found: list[Cluster]) -> list[tuple[bool, str]]:
    visit = [c for c in found if c.anchor.event_type == "CONSULT" and (c.anchor.date or "").startswith("2001-01")]
    spanning = [c for c in visit if any(_seed(d) for d in c.documents) and not all(_seed(d) for d in c.documents)]
    lukoil = _cluster_of(found, "LUKOIL signed", "AGREE")
    talks = _cluster_of(found, "last week's talks", "CONSULT")
    return [
        (bool(spanning), "Putin's January 2001 visit: one CONSULT cluster with the seed and the demo article "
                         f"({', '.join(d for c in spanning for d in c.documents) or 'none'})"),
        (lukoil is not None and talks is not None and lukoil.link != talks.link,
         "the LUKOIL deal and the talks of the same visit stay two events"),
    ]


def analysis_checks(analysis: Analysis) -> list[tuple[bool, str]]:
    series = {row.period: row.index for row in analysis.series}
    points = {point.period: point for point in analysis.turning_points}
    early = [series.get(year) for year in ("2001", "2003", "2004")]
    cooling = points.get("2013")
    visit = points.get("2024")
    return [
        (all(index is not None and index > 0 for index in early) and series.get("2000", 0) < (early[0] or 0),
         f"warmer from 2000 to 2001, cooperative through 2004: {series.get('2000')} → {early}"),
        (cooling is not None and cooling.change < 0 and any(
            d.event_type == "SANCTION" and "stopped the sale" in d.sentence for d in cooling.drivers),
         "2013: cooler, with the stopped missile sale among the evidence"),
        (visit is not None and visit.change > 0 and any(
            d.event_type == "CONSULT" and "state visit" in d.sentence for d in visit.drivers),
         "2024: warmer, with the state visit among the evidence"),
    ]


def main() -> int:
    seeds = seeds_folder(__doc__)
    coder = Coder()
    checks = []
    with Store(":memory:") as store:
        code_seeds(seeds, store, coder)
        analysis = analyse(list(store.events()), DYAD)
        with resources.as_file(resources.files("dyadwatch") / "data" / "demo") as demo:
            run([demo], store, coder=coder)
        found = clusters(e for e in store.events() if DYAD.involves(e))
    checks += link_checks(found)
    checks += analysis_checks(analysis)
    for ok, what in checks:
        print(f"{'PASS' if ok else 'FAIL'}  {what}")
    print("\nclusters of RUS-AZE events reported in more than one document (seeds and demo):")
    for cluster in (c for c in found if len(c.documents) > 1):
        print(f"  {cluster.anchor.date} {cluster.anchor.event_type}: {', '.join(cluster.documents)}")
    print("\nanalysis of the seeds alone:\n" + to_table(analysis))
    failed = sum(not ok for ok, _ in checks)
    print(f"\n{len(checks) - failed} of {len(checks)} checks pass")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
