"""Actor accuracy on the PLOVER gold standard records: source and target country and sector.

    python bench/actors_plover.py [--evaldata DIR]      (or DYADWATCH_EVALDATA=DIR)

DIR holds plover-gsr/PLOVER_GSR_CAMEO.txt (the PLOVER project's gold records, CC BY-SA 4.0;
not part of this repository). Each record's sentence is coded by dyadwatch as an article
published on the record's date. The event compared is the one whose trigger word appears in
the record's gold event text (else the first event). Figures:

- country, exact: the set of country codes of a side equals the gold set (the gold file codes
  international organisations 'IGO' or 'NGO' with no name, so any IGO or NGO matches either);
- country, overlap: the sets share at least one code;
- sector: for each gold actor whose country was found, the sector agrees (no sector = none).

Two levels: by mention (each gold actor text against the actor or place dyadwatch resolves for the same
words, whatever event it takes part in: resolution alone) and by event (the sides of the chosen
event: resolution and event coding together).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections import Counter
from pathlib import Path

from dyadwatch.coder import Coder
from dyadwatch.model import Actor, Event
from plover_gold import PLOVER_GSR, actor_code, gold_code, listed, read_plover_records, sentence_article


def _gold_side(value: object) -> list[tuple[str, str | None]]:
    side = []
    for actor in listed(value):
        side.append((gold_code(actor), (actor.get("sector") or "")[:3].upper() or None))
    return side


def _pick(events: list[Event], gold_text: str) -> Event | None:
    words = set(gold_text.lower().split())
    return next((e for e in events if e.trigger.lower() in words), events[0] if events else None)


def _score_side(gold: list[tuple[str, str | None]], predicted: tuple[Actor, ...], counts: Counter[str],
                side: str) -> None:
    if not gold:
        return
    codes = {actor_code(a) for a in predicted}
    wanted = {code for code, _ in gold}
    counts[f"{side} sides"] += 1
    counts[f"{side} exact"] += codes == wanted
    counts[f"{side} overlap"] += bool(codes & wanted)
    for code, sector in gold:
        same = [a for a in predicted if actor_code(a) == code]
        if same and sector != "***":
            counts[f"{side} sector sides"] += 1
            counts[f"{side} sector right"] += any((a.sector if a.sector not in ("IGO", "NGO") else None) == sector
                                                 or a.sector == sector for a in same)


def _score_mentions(gold: list[dict[str, str]], mentions: list[Actor], counts: Counter[str]) -> None:
    for actor in gold:
        text = actor.get("actorText", "").lower()
        code, sector = gold_code(actor), (actor.get("sector") or "")[:3].upper() or None
        found = [a for a in mentions if text and (text in a.text.lower() or a.text.lower() in text)]
        counts["mention actors"] += 1
        counts["mention found"] += bool(found)
        right = [a for a in found if actor_code(a) == code]
        counts["mention country"] += bool(right)
        if right and sector != "***":
            counts["mention sector actors"] += 1
            counts["mention sector"] += any((a.sector if a.sector not in ("IGO", "NGO") else None) == sector
                                            or a.sector == sector for a in right)


def main() -> int:
    options = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    options.add_argument("--evaldata", default=os.environ.get("DYADWATCH_EVALDATA"),
                         help="folder holding plover-gsr/ (default: $DYADWATCH_EVALDATA)")
    args = options.parse_args()
    if not args.evaldata:
        print("give --evaldata DIR or set DYADWATCH_EVALDATA", file=sys.stderr)
        return 2
    path = Path(args.evaldata) / PLOVER_GSR
    if not path.is_file():
        print(f"{path}: not found", file=sys.stderr)
        return 2
    records = read_plover_records(Path(args.evaldata))
    coder = Coder()
    counts: Counter[str] = Counter()
    for record in records:
        article = sentence_article(record["id"], record["text"], record.get("date", "2000-01-01"))
        parsed = coder.parser(article)
        mentions = [m.actor for m in coder.resolve(parsed)]
        _score_mentions(listed(record.get("source")) + listed(record.get("target")), mentions, counts)
        events = list(coder.code(parsed, coder.resolve(parsed)))
        event = _pick(events, record.get("eventText", ""))
        counts["records"] += 1
        counts["with an event"] += event is not None
        _score_side(_gold_side(record.get("source")), event.actor if event else (), counts, "source")
        _score_side(_gold_side(record.get("target")), event.recipient if event else (), counts, "target")
    print(f"PLOVER gold standard records: {counts['records']}, with a coded event: {counts['with an event']}")
    n = counts["mention actors"]
    print(f"by mention  found {counts['mention found'] / n:.3f}   country {counts['mention country'] / n:.3f}"
          f"   (n={n})   sector {counts['mention sector'] / max(counts['mention sector actors'], 1):.3f}"
          f" (n={counts['mention sector actors']})")
    print("by event:")
    for side in ("source", "target"):
        n, sectors = counts[f"{side} sides"], counts[f"{side} sector sides"]
        print(f"{side:6}  country exact {counts[f'{side} exact'] / n:.3f}   overlap {counts[f'{side} overlap'] / n:.3f}"
              f"   (n={n})   sector {counts[f'{side} sector right'] / max(sectors, 1):.3f} (n={sectors})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
