"""Who the seed articles' names resolve to: the checks of the actor issue, printed one per line.

    python bench/seeds_actors.py [--seeds DIR]          (or DYADWATCH_SEEDS=DIR)

The seeds are five real articles kept outside the repository. Each check names a document (by
the start of its file name), a mention as written and the entity it must resolve to; the
script prints every mention of that text with its resolution and PASS or FAIL.
"""

from __future__ import annotations

import sys

from dyadwatch.clean import clean
from dyadwatch.coder import Coder
from dyadwatch.ingest import read_sources
from dyadwatch.model import Article
from seeds import seeds_folder

CHECKS = [  # (file prefix, mention, expected entity)
    ("000", "Heidar Aliiev", "person:heydar_aliyev"), ("000", "Aliiev", "person:heydar_aliyev"),
    ("000", "Aliev", "person:heydar_aliyev"), ("001", "Aliyev", "person:ilham_aliyev"),
    ("001", "Heydar Aliyev", "person:heydar_aliyev"), ("001", "Igor Ivanov", "person:igor_ivanov"),
    ("001", "Sergey Ivanov", "person:sergei_ivanov"), ("003", "Aliyev", "person:ilham_aliyev"),
    ("003", "Heydar Aliyev", "person:heydar_aliyev"), ("004", "Aliev", "person:ilham_aliyev"),
    ("004", "Heidar Aliev", "person:heydar_aliyev"), ("004", "Ilham Aliev", "person:ilham_aliyev"),
    ("000", "Gabalin", "place:GABALA"), ("001", "Qabala", "place:GABALA"), ("002", "Gabala", "place:GABALA"),
    ("004", "Gabala", "place:GABALA"),
]


def main() -> int:
    seeds = seeds_folder(__doc__)
    coder = Coder()
    mentions = {}
    for article in read_sources([seeds]):
        if isinstance(article, Article):
            parsed = coder.parser(clean(article))
            mentions[article.doc_id[:3]] = [m.actor for m in coder.resolve(parsed)]
    failed = 0
    for prefix, text, expected in CHECKS:
        # the mention of the name, or of a longer name that holds it ("Gabala Radar facility")
        found = [a for a in mentions.get(prefix, []) if a.text == text or a.text.split()[0] == text]
        ok = bool(found) and all(a.entity_id == expected for a in found)
        failed += not ok
        got = ", ".join(sorted({f"{a.entity_id} ({a.rule})" for a in found})) or "not found"
        print(f"{'PASS' if ok else 'FAIL'}  {prefix}  {text!r:18} → {got}")
    print(f"{len(CHECKS) - failed} of {len(CHECKS)} checks pass")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
