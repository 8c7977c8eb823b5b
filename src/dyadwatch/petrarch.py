"""Read a PETRARCH/TABARI actor dictionary (``.actors``) into rows of the persons table.

An entry is a name at column 0 with code blocks (``[RUSGOV]``) after it on the same line or on
indented lines; ``+`` lines add synonyms. A block may be dated: ``[CODE <YYMMDD]`` (until),
``[CODE >YYMMDD]`` (from), ``[CODE YYMMDD-YYMMDD]`` (between). Each code block gives one row.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import astuple, dataclass, field
from datetime import date
from typing import TextIO

COLUMNS = ("id", "name", "variants", "country", "sector", "role", "start", "end")
_NO_CODE = ("---", "+++")
_CODE = r"---|\+\+\+|[A-Za-z][A-Za-z0-9]*(?:/[A-Za-z][A-Za-z0-9]*)*"
_BLOCK = re.compile(
    rf"\s*(?P<code>{_CODE})\s*"
    r"(?:(?P<op>[<>])\s*(?P<day>[0-9]+)|(?<=\s)(?P<first>[0-9]+)\s*-\s*(?P<last>[0-9]+))?\s*"
)
_BLOCKS = r"(?:\[[^\[\]]*\]\s*)"
_ENTRY = re.compile(rf"(?P<name>[^\[\]|]*?)\s*(?P<blocks>{_BLOCKS}*)")
_COMMENT = re.compile(r"<!--.*?-->|#[^\n]*", re.S)  # whichever starts first wins


class PetrarchError(ValueError):
    """A line of an actor dictionary that cannot be read."""

    def __init__(self, source: str, line: int, problem: str) -> None:
        super().__init__(f"{source}: line {line}: {problem}")
        self.source, self.line, self.problem = source, line, problem


class _Bad(ValueError):
    """A problem on the line being read; ``parse_actors`` adds the file and line."""


@dataclass(frozen=True)
class PersonRow:
    """One row of persons.tsv; every cell is a string, empty when nothing applies."""

    id: str
    name: str
    variants: str
    country: str
    sector: str
    role: str
    start: str
    end: str


@dataclass
class _Entry:
    name: str
    synonyms: list[str] = field(default_factory=list)
    codes: list[tuple[str, str, str]] = field(default_factory=list)  # code, start, end


def _title(raw: str) -> str:
    words = " ".join(raw.replace("_", " ").split()).lower()
    return re.sub(r"(^|[\s.-])(\w)", lambda m: m.group(1) + m.group(2).upper(), words)


def _ident(name: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    ident = re.sub(r"[^a-z0-9]+", "_", ascii_name.lower()).strip("_")
    if not ident:
        raise _Bad(f"name {name!r} gives an empty id")
    return ident


def _day(raw: str) -> str:
    if len(raw) not in (6, 8):
        raise _Bad(f"{raw!r} is not a date (expected YYMMDD or YYYYMMDD)")
    year = int(raw[:-4]) + ((2000 if int(raw[:-4]) < 30 else 1900) if len(raw) == 6 else 0)
    try:
        return date(year, int(raw[-4:-2]), int(raw[-2:])).isoformat()
    except ValueError:
        raise _Bad(f"{raw!r} is not a date") from None


def _code_blocks(text: str) -> list[tuple[str, str, str]]:
    """The codes of the ``[...]`` blocks in ``text`` with their start and end dates."""
    found = []
    for inner in re.findall(r"\[([^\[\]]*)\]", text):
        match = _BLOCK.fullmatch(inner)
        if match is None:
            raise _Bad(f"cannot read code block [{inner}]")
        day = _day(match["day"]) if match["day"] else ""
        start = _day(match["first"]) if match["first"] else day if match["op"] == ">" else ""
        end = _day(match["last"]) if match["last"] else day if match["op"] == "<" else ""
        if start and end and end < start:
            raise _Bad(f"code block [{inner}] ends before it starts")
        for code in match["code"].upper().split("/"):
            if len(code) < 3:
                raise _Bad(f"code {code!r} in [{inner}] is shorter than three letters")
            if code not in _NO_CODE:
                found.append((code, start, end))
    return found


def _read_line(line: str, entry: _Entry | None) -> _Entry | None:
    """Add one comment-free, non-blank line to the current entry; a new entry is returned."""
    stripped = line.strip()
    if stripped.startswith("+"):
        if entry is None:
            raise _Bad("synonym before any entry")
        if not stripped[1:].strip("_ ") or re.search(r"[\[\]|]", stripped[1:]):
            raise _Bad(f"cannot read synonym {stripped!r}")
        entry.synonyms.append(_title(stripped[1:]))
    elif line[0].isspace():
        if entry is None or not re.fullmatch(f"{_BLOCKS}+", stripped):
            raise _Bad(f"expected a code block of an entry, found {stripped!r}")
        entry.codes.extend(_code_blocks(stripped))
    else:
        match = _ENTRY.fullmatch(stripped)
        if match is None or not match["name"].strip("_ "):
            raise _Bad(f"cannot read entry {stripped!r}")
        entry = _Entry(_title(match["name"]), codes=_code_blocks(match["blocks"]))
        _ident(entry.name)
    return entry


def _rows(entry: _Entry) -> list[PersonRow]:
    variants = "|".join(dict.fromkeys([entry.name, *entry.synonyms]))
    rows = []
    for code, start, end in entry.codes:
        country, sector = (code[3:] or "IGO", "IGO") if code.startswith("IGO") else (code[:3], code[3:6])
        rows.append(PersonRow(_ident(entry.name), entry.name, variants, country, sector, f"CAMEO {code}", start, end))
    return rows


def parse_actors(text: str, source: str) -> list[PersonRow]:
    """One persons.tsv row per code block of every entry in an actor dictionary's text."""
    rows: list[PersonRow] = []
    entry: _Entry | None = None
    text = text.removeprefix("\ufeff").replace("\r\n", "\n")
    text = _COMMENT.sub(lambda m: "\n" * m.group().count("\n"), text)  # keeps the line numbers
    if "<!--" in text:
        raise PetrarchError(source, text.count("\n", 0, text.index("<!--")) + 1, "comment block is never closed")
    for number, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        try:
            new = _read_line(line.rstrip(), entry)
        except _Bad as bad:
            raise PetrarchError(source, number, str(bad)) from None
        if entry is not None and new is not entry:
            rows.extend(_rows(entry))
        entry = new
    return rows + (_rows(entry) if entry is not None else [])


def write_persons_tsv(rows: Iterable[PersonRow], out: TextIO) -> int:
    """Write the header and ``rows`` as persons.tsv; returns the number of rows written."""
    lines = ["\t".join(astuple(row)) for row in rows]
    out.write("".join(f"{line}\n" for line in ["\t".join(COLUMNS), *lines]))
    return len(lines)
