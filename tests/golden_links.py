"""Reading the hand-written golden linking pairs (tests/golden/link_pairs.tsv), for the test and the bench."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from dyadwatch.model import LinkRow

COLUMNS = ["pair", "label", "event_type", "actors", "recipients", "date", "precision", "basis", "sentence", "note"]


@dataclass(frozen=True)
class Pair:
    name: str
    same: bool
    a: LinkRow
    b: LinkRow


def load_pairs(path: Path) -> list[Pair]:
    """The pairs of the file; a malformed line raises ValueError naming the file and line."""
    rows: dict[str, list[tuple[str, LinkRow]]] = {}
    lines = [(n, line) for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
             if line.strip() and not line.startswith("#")]
    if not lines or lines[0][1].split("\t") != COLUMNS:
        raise ValueError(f"{path}: the header must be {' '.join(COLUMNS)} (tab-separated)")
    for number, line in lines[1:]:
        cells = line.split("\t")
        if len(cells) != len(COLUMNS):
            raise ValueError(f"{path}: line {number}: {len(cells)} cells for {len(COLUMNS)} columns")
        cell = dict(zip(COLUMNS, cells, strict=True))
        if cell["label"] not in ("same", "different"):
            raise ValueError(f"{path}: line {number}: label '{cell['label']}' is not same or different")
        members = rows.setdefault(cell["pair"], [])
        row = LinkRow(f"{cell['pair']}-{len(members)}", cell["event_type"], _codes(cell["actors"]),
                      _codes(cell["recipients"]), cell["date"] or None, cell["precision"] or None, cell["basis"],
                      cell["sentence"])
        members.append((cell["label"], row))
    pairs = []
    for name, members in rows.items():
        if len(members) != 2 or members[0][0] != members[1][0]:
            raise ValueError(f"{path}: pair {name} needs two lines with one label")
        pairs.append(Pair(name, members[0][0] == "same", members[0][1], members[1][1]))
    return pairs


def _codes(cell: str) -> tuple[str, ...]:
    return tuple(code for code in cell.split("|") if code)
