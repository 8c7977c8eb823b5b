"""How fast ``dyadwatch import gdelt`` reads a GDELT 2.0 event export, and whether its memory stays
flat: a zipped export of N synthetic rows (made here, in the published 61-column layout) is imported
into a new database, with and without ``--dyad``; printed: rows/s and the process's peak memory.

    python bench/import_gdelt.py [--rows 1000000]
"""

from __future__ import annotations

import argparse
import random
import resource
import tempfile
import time
import zipfile
from pathlib import Path

from dyadwatch.importer import import_files
from dyadwatch.model import Dyad
from dyadwatch.store import Store

CODES = ["010", "036", "042", "043", "057", "0871", "111", "120", "138", "141", "163", "173", "190", "193"]
COUNTRIES = ["RUS", "AZE", "ARM", "TUR", "USA", "IRN", "GEO", "UKR", ""]


def _row(n: int, pick: random.Random) -> str:
    cells = [""] * 61
    day = f"2024{pick.randint(1, 12):02d}{pick.randint(1, 28):02d}"
    code = pick.choice(CODES)
    one, other = pick.choice(COUNTRIES), pick.choice(COUNTRIES)
    cells[0], cells[1], cells[2], cells[3] = str(10**9 + n), day, day[:6], day[:4]
    cells[5:8] = [one, f"ACTOR {one}", one]
    cells[15:18] = [other, f"ACTOR {other}", other]
    cells[25:31] = ["1", code, code[:3], code[:2], str(1 + (int(code[:2]) > 5) + (int(code[:2]) > 8)
                                                         + (int(code[:2]) > 13)), f"{pick.uniform(-10, 10):.1f}"]
    cells[51:59] = ["4", "Baku, Baku, Azerbaijan", "AJ", "AJ09", "", "40.39", "49.88", "-1"]
    cells[59], cells[60] = day + "120000", f"https://news.example/{n}"
    return "\t".join(cells)


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    options.add_argument("--rows", type=int, default=1_000_000)
    args = options.parse_args()
    pick = random.Random(7)
    with tempfile.TemporaryDirectory() as folder:
        export = Path(folder) / "20240101000000.export.CSV.zip"
        with zipfile.ZipFile(export, "w", zipfile.ZIP_DEFLATED) as archive, \
                archive.open("20240101000000.export.CSV", "w") as out:
            for n in range(args.rows):
                out.write((_row(n, pick) + "\n").encode())
        for dyad in (None, Dyad("RUS", "AZE")):
            with Store(Path(folder) / f"{dyad or 'all'}.duckdb") as store:
                began = time.perf_counter()
                done = import_files("gdelt", [export], store, dyad)
                took = time.perf_counter() - began
            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            print(f"{args.rows:,} rows{' --dyad ' + str(dyad) if dyad else ''}: {done.events:,} events stored in "
                  f"{took:.1f} s, {args.rows / took:,.0f} rows/s; peak memory of the process so far {peak:,.0f} MB")


if __name__ == "__main__":
    main()
