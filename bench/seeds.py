"""The seed-article folder for the bench scripts that check the seeds (kept outside the repository)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from dyadwatch.coder import Coder
from dyadwatch.model import DateValue, Event
from dyadwatch.pipeline import run
from dyadwatch.settings import Settings
from dyadwatch.store import Store


def seeds_folder(description: str | None) -> Path:
    """``--seeds DIR`` or $DYADWATCH_SEEDS; exits with a message when it is not a folder."""
    options = argparse.ArgumentParser(description=description, formatter_class=argparse.RawDescriptionHelpFormatter)
    options.add_argument("--seeds", default=os.environ.get("DYADWATCH_SEEDS"), help="folder of the seed articles")
    folder = options.parse_args().seeds
    if not folder or not Path(folder).is_dir():
        print("give --seeds DIR (the folder of seed articles) or set DYADWATCH_SEEDS", file=sys.stderr)
        sys.exit(2)
    return Path(folder)


# Publication dates for the seeds whose text states none: 000 is dated in the event-dating issue; 004
# names 28 January, "since 2010" and the stopped missile sale as recent, so early February 2013 is
# assumed (an assumption, not a fact from the text).
SEED_DATES = {"000": "2001-01-16", "004": "2013-02-05"}


def seed_events(seeds: Path, prefix: str, published: str, coder: Coder) -> list[Event]:
    """The events of the seed whose file name starts with ``prefix``, coded as published that day."""
    [path] = sorted(seeds.glob(f"{prefix}*"))
    with Store(":memory:") as store:
        run([path], store, Settings(published=DateValue(published, "day")), coder=coder)
        return list(store.events())


def code_seeds(seeds: Path, store: Store, coder: Coder) -> None:
    """Code every seed into the store, with the publication dates of SEED_DATES where the text has none."""
    for path in sorted(seeds.glob("*.txt")):
        day = SEED_DATES.get(path.name[:3])
        run([path], store, Settings(published=DateValue(day, "day") if day else None), coder=coder)
