"""Web API speed: filtered queries over a database of many events.

    python bench/api_speed.py [--events 100000] [--repeat 20]

Generates the events (random but reproducible: a fixed seed; 40 countries, the 16 PLOVER types,
dates 1991-2025, a few contexts and modalities; 20 events a document) into a temporary DuckDB
file through the normal store, then times each query through the API (FastAPI's test client, so
routing, the query and the JSON are all counted), warm, ``--repeat`` times, and prints the median
and the slowest. Loading is timed apart and not counted.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from fastapi.testclient import TestClient

from dyadwatch.model import Actor, Article, DateValue, DocumentResult, Event
from dyadwatch.store import Store
from dyadwatch.views.serve import create_app

TYPES = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
         "THREATEN", "PROTEST", "MOBILIZE", "SANCTION", "COERCE", "ASSAULT"]
COUNTRIES = ["RUS", "AZE", "ARM", "GEO", "TUR", "IRN", "USA", "UKR", "KAZ", "BLR", "FRA", "DEU", "GBR", "CHN", "IND",
             "PAK", "ISR", "SYR", "IRQ", "EGY", "SAU", "JPN", "KOR", "PRK", "BRA", "MEX", "NGA", "ZAF", "KEN", "ETH",
             "POL", "ITA", "ESP", "SRB", "HRV", "BIH", "MDA", "ROU", "BGR", "GRC"]
QUERIES = [
    "/api/events?dyad=RUS-AZE",
    "/api/events?dyad=RUS-AZE&type=AGREE&start=2010&end=2020",
    "/api/events?actor=TUR&modality=asserted&context=military",
    "/api/events?q=border&limit=100",
    "/api/events?type=ASSAULT&offset=2000",
]


def _events(count: int) -> list[DocumentResult]:
    rng = random.Random(20261124)
    results, per_doc = [], 20
    for doc in range(count // per_doc):
        doc_id = f"gen/{doc:06d}.txt"
        article = Article(doc_id, "generated", doc_id, "txt", published=DateValue("2020-01-01", "day"))
        events = []
        for n in range(per_doc):
            a, b = rng.sample(COUNTRIES, 2)
            kind = rng.choice(TYPES)
            year, month, day = rng.randint(1991, 2025), rng.randint(1, 12), rng.randint(1, 28)
            sentence = f"Generated report {doc}-{n}: {a} and {b} on the {rng.choice(['border', 'gas', 'treaty'])}."
            events.append(Event(
                id=f"{doc:06d}-{n:02d}", doc_id=doc_id, event_type=kind, mode=None,
                context=(rng.choice(["military", "energy", "diplomatic", "territory"]),),
                quad_code=1 + TYPES.index(kind) * 4 // 16, intensity=round(rng.uniform(-10, 10), 1),
                actor=(Actor(a, a, a, "GOV", None, "bench", 0.9),),
                recipient=(Actor(b, b, b, "GOV", None, "bench", 0.9),),
                date=f"{year}-{month:02d}-{day:02d}", date_precision="day", date_basis="stated",
                modality=rng.choice(["asserted"] * 6 + ["negated", "future", "hypothetical", "reported"]),
                sentence=sentence, span=(0, len(sentence)), trigger="on", location=None, quote=None,
                confidence=0.8, coder="bench", cameo="04", link=f"L{doc:06d}{n:02d}"))
        results.append(DocumentResult(article, per_doc, tuple(events)))
    return results


def main() -> int:
    options = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    options.add_argument("--events", type=int, default=100_000)
    options.add_argument("--repeat", type=int, default=20)
    args = options.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "many.duckdb"
        start = time.perf_counter()
        with Store(db) as store:
            batch = _events(args.events)
            for first in range(0, len(batch), 500):
                store.save_documents(batch[first:first + 500], "bench")
            stored = store.counts()["events"]
        print(f"{stored:,} events stored in {time.perf_counter() - start:.1f} s (not counted below)")
        client = TestClient(create_app(db))
        for query in QUERIES:
            client.get(query)  # warm
            times = []
            for _ in range(args.repeat):
                began = time.perf_counter()
                answer = client.get(query)
                times.append((time.perf_counter() - began) * 1000)
            total = answer.json()["total"]
            print(f"{statistics.median(times):7.1f} ms median, {max(times):7.1f} ms slowest  "
                  f"({total:>6,} match)  {query}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
